package wpa4j.supplicant.core;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.supplicant.SupplicantState;

/**
 * wpa_ptk_rekey on either side over the sim medium: the AP renews the PTK with a new 4-way handshake on its timer, or
 * the station asks for one with an EAPOL-Key Request on its own; the link carries on under the new key, never dropped.
 */
class PtkRekeyTest {
    private static final String PASS = "ptk rekey passphrase";

    private static long handshakes(SimPair p) {
        return p.staStates.stream().filter(s -> s == SupplicantState.FOUR_WAY_HANDSHAKE).count();
    }

    private static void dataStillFlows(SimPair p) throws Exception {
        List<String> atAp = new CopyOnWriteArrayList<>();
        p.apRadio.addDataListener((src, dst, type, payload) -> atAp.add(new String(payload.toArray())));
        // a frame sent while a rekey (every 400 ms) swaps the keys may be lost, as on a real link: sent again, as a ping would be
        SimPair.await(() -> {
            try {
                p.staRadio.sendData(p.apRadio.mac(), 0x0800, Bytes.of("after rekey".getBytes()));
                Thread.sleep(50);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return atAp.contains("after rekey");
        }, "data under the new PTK");
    }

    @Test
    void theApRenewsThePtkOnItsTimer() throws Exception {
        try (SimPair p = new SimPair().startAp(SimPair.apConfig(PASS, HiddenSsid.NO_SSID_HIDING, 0).withPtkRekeyMs(400))
                .startStation(SimPair.network(PASS, false))) {
            p.awaitState(SupplicantState.COMPLETED);
            SimPair.await(() -> handshakes(p) >= 3, () -> "two PTK rekeys: " + p.staStates);
            p.awaitState(SupplicantState.COMPLETED);
            assertFalse(p.staEvents.stream().anyMatch(l -> l.startsWith("CTRL-EVENT-DISCONNECTED")), p.staEvents.toString());
            dataStillFlows(p);
        }
    }

    @Test
    void theStationAsksForANewPtk() throws Exception {
        try (SimPair p = new SimPair().startAp(SimPair.apConfig(PASS, HiddenSsid.NO_SSID_HIDING, 0))
                .startStation(SimPair.network(PASS, false).withPtkRekeyMs(400))) {
            p.awaitState(SupplicantState.COMPLETED);
            SimPair.await(() -> handshakes(p) >= 3, () -> "two PTK rekeys the station asked for: " + p.staStates);
            p.awaitState(SupplicantState.COMPLETED);
            assertFalse(p.staEvents.stream().anyMatch(l -> l.startsWith("CTRL-EVENT-DISCONNECTED")), p.staEvents.toString());
            dataStillFlows(p);
        }
    }
}
