package wpa4j.supplicant.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import wpa4j.driver.DriverInterface;
import wpa4j.driver.types.AssociateParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.supplicant.SupplicantState;

/**
 * The station side of "a reassociation always starts over": the driver associates again within the BSS on its own
 * (as a driver that roams, or mac80211 reassociating) while the station is COMPLETED. The old keys go on both sides,
 * a fresh 4-way handshake runs, and data flows under the new keys in both directions.
 */
class StationReassociationTest {
    private static final String PASS = "reassociation passphrase";

    private static DriverInterface recordingAssociate(DriverInterface d, AtomicReference<AssociateParams> last) {
        return (DriverInterface) Proxy.newProxyInstance(DriverInterface.class.getClassLoader(), new Class<?>[] {DriverInterface.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("associate")) {
                        last.set((AssociateParams) args[0]);
                    }
                    try {
                        return method.invoke(d, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static long count(List<String> events, String prefix) {
        return events.stream().filter(l -> l.startsWith(prefix)).count();
    }

    @Test
    void aReassociationByTheDriverRunsAFreshHandshakeAndTrafficFlowsUnderTheNewKeys() throws Exception {
        AtomicReference<AssociateParams> assoc = new AtomicReference<>();
        try (SimPair p = new SimPair().startAp(SimPair.apConfig(PASS, HiddenSsid.NO_SSID_HIDING, 0))
                .startStation(SimPair.network(PASS, false), d -> recordingAssociate(d, assoc))) {
            p.awaitState(SupplicantState.COMPLETED);
            List<Bytes> atAp = new CopyOnWriteArrayList<>();
            List<Bytes> atSta = new CopyOnWriteArrayList<>();
            p.apRadio.addDataListener((src, dst, type, payload) -> atAp.add(payload));
            p.staRadio.addDataListener((src, dst, type, payload) -> atSta.add(payload));
            int statesBefore = p.staStates.size();

            p.staIf.associate(assoc.get());
            SimPair.await(() -> count(p.apEvents, "AP-STA-CONNECTED") == 2 && count(p.staEvents, "CTRL-EVENT-CONNECTED") == 2,
                    () -> "connected again after the reassociation: " + p.staEvents + " AP: " + p.apEvents);
            p.awaitState(SupplicantState.COMPLETED);
            List<SupplicantState> after = p.staStates.subList(statesBefore, p.staStates.size());
            assertEquals(List.of(SupplicantState.ASSOCIATING, SupplicantState.ASSOCIATED, SupplicantState.FOUR_WAY_HANDSHAKE,
                    SupplicantState.COMPLETED), after, "a fresh handshake: " + p.staEvents);
            assertFalse(p.staEvents.stream().anyMatch(l -> l.startsWith("CTRL-EVENT-DISCONNECTED")), p.staEvents.toString());

            Bytes up = Bytes.of(new byte[] {1, 2, 3, 4});
            Bytes down = Bytes.of(new byte[] {5, 6, 7, 8});
            p.staRadio.sendData(p.apRadio.mac(), 0x0800, up);
            p.apRadio.sendData(p.staRadio.mac(), 0x0800, down);
            SimPair.await(() -> atAp.contains(up) && atSta.contains(down), () -> "data both ways under the new keys: " + atAp + " " + atSta);
            assertEquals(0, p.staLoop.failures() + p.apLoop.failures(), "no task threw");
        }
    }
}
