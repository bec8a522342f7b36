package wpa4j.supplicant.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import wpa4j.common.crypto.Psk;
import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.types.AuthParams;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;
import wpa4j.hostapd.core.ApConfig;
import wpa4j.hostapd.core.Hostapd;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.sim.SimDriver;
import wpa4j.sim.medium.Radio;
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

    /** A second AP on the pair's medium (channel 1 as the first), started before the station scans. */
    private record SecondAp(Radio radio, Hostapd ap, EventLoop loop, List<String> events) implements AutoCloseable {
        static SecondAp start(SimPair p, ApConfig config) throws Exception {
            Radio radio = p.medium.addRadio("sim2", MacAddress.parse("02:00:00:00:02:00"));
            EventLoop loop = new EventLoop("ap2-loop");
            List<String> events = new CopyOnWriteArrayList<>();
            Hostapd ap = new Hostapd(loop, "sim2", config, SimPair.FAST_AP, events::add);
            DriverInterface d = new SimDriver(p.medium, radio).open("sim2", e -> loop.execute(() -> ap.onEvent(e)));
            loop.call(() -> {
                ap.attach(d);
                return null;
            });
            return new SecondAp(radio, ap, loop, events);
        }

        @Override
        public void close() {
            loop.close();
        }
    }

    /** The station's driver authenticates and associates with {@code to} on its own, as a driver that roams (the core is not asked). */
    private static void driverRoams(SimPair p, AssociateParams made, MacAddress to, Ssid ssid) throws Exception {
        p.staIf.authenticate(AuthParams.open(2412, to, ssid));
        AssociateParams next = AssociateParams.builder().bssid(to).ssid(ssid).freq(made.freq()).wpaIe(made.wpaIe()).wpaProto(made.wpaProto())
                .pairwiseSuite(made.pairwiseSuite()).groupSuite(made.groupSuite()).keyMgmtSuite(made.keyMgmtSuite())
                .mgmtFrameProtection(made.mgmtFrameProtection()).build();
        SimPair.await(() -> {
            try {
                p.staIf.associate(next);
                return true;
            } catch (DriverException notAuthenticatedYet) {
                return false;
            }
        }, "the driver authenticated with " + to);
    }

    @Test
    void aRoamByTheDriverToAnotherBssOfTheNetworkIsFollowedWithAFreshHandshake() throws Exception {
        AtomicReference<AssociateParams> assoc = new AtomicReference<>();
        try (SimPair p = new SimPair().startAp(SimPair.apConfig(PASS, HiddenSsid.NO_SSID_HIDING, 0));
                SecondAp second = SecondAp.start(p, SimPair.apConfig(PASS, HiddenSsid.NO_SSID_HIDING, 0))) {
            p.startStation(SimPair.network(PASS, false), d -> recordingAssociate(d, assoc));
            p.awaitState(SupplicantState.COMPLETED);
            MacAddress first = assoc.get().bssid();
            MacAddress other = first.equals(p.apRadio.mac()) ? second.radio().mac() : p.apRadio.mac();
            List<String> otherEvents = other.equals(p.apRadio.mac()) ? p.apEvents : second.events();
            int statesBefore = p.staStates.size();

            driverRoams(p, assoc.get(), other, SimPair.SSID);
            SimPair.await(() -> count(otherEvents, "AP-STA-CONNECTED") == 1 && count(p.staEvents, "CTRL-EVENT-CONNECTED") == 2,
                    () -> "connected to " + other + " after the roam: " + p.staEvents + " AP: " + otherEvents);
            p.awaitState(SupplicantState.COMPLETED);
            assertTrue(p.staEvents.stream().filter(l -> l.startsWith("CTRL-EVENT-CONNECTED")).reduce((a, b) -> b).orElseThrow()
                    .contains("Connection to " + other), p.staEvents.toString());
            assertEquals(List.of(SupplicantState.ASSOCIATING, SupplicantState.ASSOCIATED, SupplicantState.FOUR_WAY_HANDSHAKE, SupplicantState.COMPLETED),
                    p.staStates.subList(statesBefore, p.staStates.size()), "a fresh handshake with the new AP: " + p.staEvents);
            assertFalse(p.staEvents.stream().anyMatch(l -> l.startsWith("CTRL-EVENT-DISCONNECTED")), "the roam is followed: " + p.staEvents);
            assertEquals(0, p.staLoop.failures() + p.apLoop.failures() + second.loop().failures(), "no task threw");
        }
    }

    @Test
    void aDriverThatAssociatesWithABssOfAnotherNetworkIsLeftAndTheNetworkJoinedAgain() throws Exception {
        AtomicReference<AssociateParams> assoc = new AtomicReference<>();
        Ssid elsewhere = Ssid.ofUtf8("another-network");
        ApConfig other = new ApConfig(elsewhere, 1, Psk.fromPassphrase("another passphrase".getBytes(java.nio.charset.StandardCharsets.UTF_8), elsewhere),
                HiddenSsid.NO_SSID_HIDING, 100, 2, 2007, 0, 0);
        try (SimPair p = new SimPair().startAp(SimPair.apConfig(PASS, HiddenSsid.NO_SSID_HIDING, 0)); SecondAp second = SecondAp.start(p, other)) {
            p.startStation(SimPair.network(PASS, false), d -> recordingAssociate(d, assoc));
            p.awaitState(SupplicantState.COMPLETED);
            MacAddress ours = p.apRadio.mac();
            MacAddress theirs = second.radio().mac();

            driverRoams(p, assoc.get(), theirs, elsewhere);
            SimPair.await(() -> count(p.staEvents, "CTRL-EVENT-CONNECTED") == 2, () -> "back on our network: " + p.staEvents);
            p.awaitState(SupplicantState.COMPLETED);
            assertTrue(p.staEvents.contains("driver associated with " + theirs + " instead of " + ours + ": leaving it"), p.staEvents.toString());
            assertEquals(1, count(p.staEvents, "CTRL-EVENT-DISCONNECTED"), "the link ended once: " + p.staEvents);
            assertTrue(p.staEvents.stream().filter(l -> l.startsWith("CTRL-EVENT-CONNECTED")).reduce((a, b) -> b).orElseThrow()
                    .contains("Connection to " + ours), p.staEvents.toString());
            assertEquals(0, count(second.events(), "AP-STA-CONNECTED"), "no handshake with the other network: " + second.events());
            assertEquals(0, p.staLoop.failures() + p.apLoop.failures() + second.loop().failures(), "no task threw");
        }
    }
}
