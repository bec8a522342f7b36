package wpa4j.supplicant.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.driver.types.MacAddress;
import wpa4j.sim.medium.LinkParams;
import wpa4j.sim.medium.RadioCounters;
import wpa4j.supplicant.SupplicantState;

/** The station and AP cores over the sim medium, in plain Java (the Pax Exam suite repeats the key cases in Felix). */
class Wpa2PskEndToEndTest {
    private static final String PASS = "correct horse battery";

    @Test
    void stationCompletesTheFourWayHandshakeAndDataFlowsEncryptedBothWays() throws Exception {
        try (SimPair p = new SimPair().startAp(SimPair.apConfig(PASS, HiddenSsid.NO_SSID_HIDING, 0)).startStation(SimPair.network(PASS, false))) {
            p.awaitState(SupplicantState.COMPLETED);
            assertTrue(p.staStates.containsAll(List.of(SupplicantState.SCANNING, SupplicantState.AUTHENTICATING, SupplicantState.ASSOCIATING,
                    SupplicantState.ASSOCIATED, SupplicantState.FOUR_WAY_HANDSHAKE, SupplicantState.COMPLETED)), p.staStates.toString());
            SimPair.await(() -> p.apEvents.contains("AP-STA-CONNECTED 02:00:00:00:01:00"), "AP-STA-CONNECTED");
            List<String> atAp = new CopyOnWriteArrayList<>();
            List<String> atSta = new CopyOnWriteArrayList<>();
            p.apRadio.addDataListener((src, dst, type, payload) -> atAp.add(src + ">" + new String(payload.toArray())));
            p.staRadio.addDataListener((src, dst, type, payload) -> atSta.add(src + ">" + new String(payload.toArray())));
            p.staRadio.sendData(p.apRadio.mac(), 0x0800, Bytes.of("ping".getBytes()));
            p.apRadio.sendData(p.staRadio.mac(), 0x0800, Bytes.of("pong".getBytes()));
            SimPair.await(() -> atAp.size() == 1 && atSta.size() == 1, "data both ways");
            assertEquals(List.of("02:00:00:00:01:00>ping"), atAp);
            assertEquals(List.of("02:00:00:00:00:00>pong"), atSta);
            RadioCounters c = p.apRadio.counters();
            assertEquals(0, c.rxDecryptFailed());
            assertEquals("WPA2-PSK", p.staLoop.call(() -> p.sta.status().keyMgmt()));
            assertFalse(p.staLoop.call(() -> p.sta.status().toWpaCli()).contains(PASS));
        }
    }

    @Test
    void wrongPassphraseNeverCompletesAndIsReportedAsWrongKeyWithBackoff() throws Exception {
        try (SimPair p = new SimPair().startAp(SimPair.apConfig(PASS, HiddenSsid.NO_SSID_HIDING, 0))
                .startStation(SimPair.network("not the passphrase", false))) {
            SimPair.await(() -> p.staEvents.stream().anyMatch(l -> l.contains("auth_failures=2")), "two WRONG_KEY failures: " + p.staEvents);
            assertTrue(p.staEvents.contains("CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"wpa4j-test\" auth_failures=1 duration=10 reason=WRONG_KEY"),
                    p.staEvents.toString());
            assertTrue(p.staEvents.contains("CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"wpa4j-test\" auth_failures=2 duration=20 reason=WRONG_KEY"));
            assertFalse(p.staStates.contains(SupplicantState.COMPLETED));
            assertTrue(p.apEvents.stream().anyMatch(l -> l.startsWith("WPA: 4-way handshake timed out")), p.apEvents.toString());
            assertTrue(p.apEvents.contains("AP-STA-POSSIBLE-PSK-MISMATCH 02:00:00:00:01:00"), p.apEvents.toString());
            assertTrue(p.apLoop.call(p.ap::eapolDropped) >= 4, "every message 2 with a wrong MIC was dropped and counted");
        }
    }

    @Test
    void openNetwork() throws Exception {
        try (SimPair p = new SimPair().startAp(SimPair.apConfig(null, HiddenSsid.NO_SSID_HIDING, 0)).startStation(SimPair.network(null, false))) {
            p.awaitState(SupplicantState.COMPLETED);
            assertFalse(p.staStates.contains(SupplicantState.FOUR_WAY_HANDSHAKE));
            assertEquals("NONE", p.staLoop.call(() -> p.sta.status().keyMgmt()));
        }
    }

    @Test
    void hiddenSsidNeedsADirectedProbe() throws Exception {
        try (SimPair p = new SimPair().startAp(SimPair.apConfig(PASS, HiddenSsid.ZERO_LEN, 0)).startStation(SimPair.network(PASS, true))) {
            p.awaitState(SupplicantState.COMPLETED);
        }
        try (SimPair p = new SimPair().startAp(SimPair.apConfig(PASS, HiddenSsid.ZERO_LEN, 0)).startStation(SimPair.network(PASS, false))) {
            SimPair.await(() -> p.staEvents.stream().filter(l -> l.equals("CTRL-EVENT-SCAN-RESULTS")).count() >= 3, "three scans");
            assertFalse(p.staStates.contains(SupplicantState.AUTHENTICATING), "without scan_ssid=1 a hidden network is not found");
        }
    }

    @Test
    void groupRekeyKeepsTheLink() throws Exception {
        try (SimPair p = new SimPair().startAp(SimPair.apConfig(PASS, HiddenSsid.NO_SSID_HIDING, 300)).startStation(SimPair.network(PASS, false))) {
            p.awaitState(SupplicantState.COMPLETED);
            SimPair.await(() -> p.apEvents.stream().filter(l -> l.startsWith("WPA-GROUP-KEY-COMPLETED")).count() >= 2, "two group rekeys");
            assertTrue(p.staStates.contains(SupplicantState.GROUP_HANDSHAKE));
            assertEquals(SupplicantState.COMPLETED, p.staState());
            List<String> atSta = new CopyOnWriteArrayList<>();
            p.staRadio.addDataListener((src, dst, type, payload) -> atSta.add(new String(payload.toArray())));
            p.apRadio.sendData(MacAddress.BROADCAST, 0x0800, Bytes.of("to all".getBytes()));
            SimPair.await(() -> atSta.contains("to all"), "broadcast under the new GTK");
            assertFalse(p.staEvents.stream().anyMatch(l -> l.startsWith("CTRL-EVENT-DISCONNECTED")), p.staEvents.toString());
            assertEquals(1, p.staEvents.stream().filter(l -> l.startsWith("CTRL-EVENT-CONNECTED")).count(), "a rekey is not a new connection");
        }
    }

    @Test
    void deauthByTheApMakesTheStationReconnect() throws Exception {
        try (SimPair p = new SimPair().startAp(SimPair.apConfig(PASS, HiddenSsid.NO_SSID_HIDING, 0)).startStation(SimPair.network(PASS, false))) {
            p.awaitState(SupplicantState.COMPLETED);
            p.apLoop.call(() -> {
                p.ap.deauthenticate(p.staRadio.mac(), 2);
                return null;
            });
            SimPair.await(() -> p.staEvents.stream().anyMatch(l -> l.startsWith("CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:00 reason=2")),
                    "disconnect reported: " + p.staEvents);
            SimPair.await(() -> p.staEvents.stream().filter(l -> l.startsWith("CTRL-EVENT-CONNECTED")).count() == 2, "reconnected");
            p.awaitState(SupplicantState.COMPLETED);
        }
    }

    @Test
    void tenPercentFrameLossStillCompletes() throws Exception {
        try (SimPair p = new SimPair()) {
            p.medium.setDefaultLink(new LinkParams(10, 1, -60));
            p.startAp(SimPair.apConfig(PASS, HiddenSsid.NO_SSID_HIDING, 0)).startStation(SimPair.network(PASS, false));
            p.awaitState(SupplicantState.COMPLETED);
        }
    }

    @Test
    void beaconLossDisconnectsAndTheStationComesBackWhenTheApDoes() throws Exception {
        try (SimPair p = new SimPair().startAp(SimPair.apConfig(PASS, HiddenSsid.NO_SSID_HIDING, 0)).startStation(SimPair.network(PASS, false))) {
            p.awaitState(SupplicantState.COMPLETED);
            p.medium.setLink(p.apRadio.mac(), p.staRadio.mac(), new LinkParams(100, 0, -60));
            SimPair.await(() -> p.staEvents.stream().anyMatch(l -> l.contains("reason=4 locally_generated=1")), "beacon loss: " + p.staEvents);
            p.medium.setLink(p.apRadio.mac(), p.staRadio.mac(), LinkParams.DEFAULT);
            SimPair.await(() -> p.staEvents.stream().filter(l -> l.startsWith("CTRL-EVENT-CONNECTED")).count() == 2, "reconnected");
        }
    }

    @Test
    void garbageFromTheAirIsCountedAndNeverStopsTheLoops() throws Exception {
        try (SimPair p = new SimPair().startAp(SimPair.apConfig(PASS, HiddenSsid.NO_SSID_HIDING, 0)).startStation(SimPair.network(PASS, false))) {
            p.awaitState(SupplicantState.COMPLETED);
            java.util.Random r = new java.util.Random(71);
            for (int i = 0; i < 500; i++) {
                byte[] junk = new byte[24 + r.nextInt(100)];
                r.nextBytes(junk);
                junk[0] = (byte) (junk[0] & 0xf0);
                Bytes frame = Bytes.of(junk);
                byte[] eapol = new byte[4 + r.nextInt(120)];
                r.nextBytes(eapol);
                p.apLoop.execute(() -> p.ap.onEvent(new wpa4j.driver.event.DriverEvent.RxMgmt(frame, 0, 2412, -40)));
                p.staLoop.execute(() -> p.sta.onEvent(new wpa4j.driver.event.DriverEvent.EapolRx(p.apRadio.mac(), Bytes.of(eapol))));
            }
            assertEquals(500L, (long) p.staLoop.call(p.sta::eapolDropped));
            assertTrue(p.apLoop.call(p.ap::mgmtDropped) > 0);
            assertEquals(0, p.staLoop.failures() + p.apLoop.failures(), "no task threw");
            assertEquals(SupplicantState.COMPLETED, p.staState());
        }
    }

    @Test
    void maxStationsTurnsTheNextStationAway() throws Exception {
        wpa4j.hostapd.core.ApConfig one = new wpa4j.hostapd.core.ApConfig(SimPair.SSID, 1, null, HiddenSsid.NO_SSID_HIDING, 100, 2, 1, 0, 0);
        try (SimPair p = new SimPair().startAp(one).startStation(SimPair.network(null, false))) {
            p.awaitState(SupplicantState.COMPLETED);
            wpa4j.sim.medium.Radio third = p.medium.addRadio("sim2", MacAddress.parse("02:00:00:00:02:00"));
            List<String> events = new CopyOnWriteArrayList<>();
            try (wpa4j.runtime.eloop.EventLoop loop = new wpa4j.runtime.eloop.EventLoop("sta2")) {
                Supplicant second = new Supplicant(loop, "sim2", List.of(SimPair.network(null, false)), SimPair.FAST_STA, SupplicantListener.of((from, to) -> { }, events::add));
                var di = new wpa4j.sim.SimDriver(p.medium, third).open("sim2", e -> loop.execute(() -> second.onEvent(e)));
                loop.execute(() -> second.attach(di));
                SimPair.await(() -> events.stream().anyMatch(l -> l.equals("SME: Authentication failed (status 17)")), "status 17: " + events);
                assertEquals(SupplicantState.COMPLETED, p.staState(), "the first station stays");
            }
        }
    }
}
