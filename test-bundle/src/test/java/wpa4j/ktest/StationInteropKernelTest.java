package wpa4j.ktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import wpa4j.driver.OperationNotSupportedException;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Operstate;
import wpa4j.driver.types.RekeyInfo;
import wpa4j.driver.types.SendActionParams;
import wpa4j.driver.types.SignalInfo;
import wpa4j.nl80211.EapolMode;
import wpa4j.nl80211.Nl80211Stack;
import wpa4j.supplicant.SupplicantState;

/** wpa4j's station core over the nl80211 backend on real cfg80211/mac80211, with Debian's hostapd as the AP. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StationInteropKernelTest {
    private static final String AP_IF = "wlan2";
    private static final String STA_IF = "wlan1";
    private static final String SSID = "wpa4j-interop";
    private static final String PASS = "interop-passphrase";
    private static Nl80211Stack stack;
    /** hostapd's radio lives in its own namespace so that ping crosses the air. */
    private static Netns apNs;

    private static KernelStation station(String passphrase, Nl80211Stack over) throws Exception {
        return new KernelStation(over.driver(STA_IF), STA_IF, SSID, passphrase, 2412);
    }

    private static String operstate() throws Exception {
        return KernelSupport.sh("cat /sys/class/net/" + STA_IF + "/operstate").trim();
    }

    @BeforeAll
    static void startRealHostapd() throws Exception {
        // Debian's hostapd_cli has no rekey command, so hostapd's own group rekey timer drives the group key handshake.
        apNs = KernelSupport.hostapdInNetns("ap", AP_IF, SSID, PASS, "wpa_group_rekey=6\n", "10.99.0.1/24");
        stack = Nl80211Stack.open(null);
    }

    @AfterAll
    static void stop() throws Exception {
        stack.close();
        KernelSupport.stopHostapdInNetns(apNs, AP_IF, STA_IF);
    }

    @Test
    @Order(1)
    void completesWithRealHostapdSurvivesGtkRekeyAndReconnectsAfterDeauth() throws Exception {
        try (KernelStation sta = station(PASS, stack)) {
            KernelSupport.await(() -> sta.state() == SupplicantState.COMPLETED, "COMPLETED with real hostapd: " + sta.events);
            assertEquals(0, KernelSupport.eapolPacketSockets(), "hwsim's wiphy has the nl80211 control port: EAPOL goes over it, no PF_PACKET socket");
            KernelSupport.await(() -> {
                try {
                    return KernelSupport.sh(apNs.exec("hostapd_cli -i " + AP_IF + " all_sta")).contains("AUTHORIZED");
                } catch (Exception e) {
                    return false;
                }
            }, "hostapd sees the station authorized");
            assertEquals("up", operstate(), "IF_OPER_UP once authorized");
            sta.loop.call(() -> {
                sta.driver.setOperstate(Operstate.DORMANT);
                return null;
            });
            assertEquals("dormant", operstate());
            sta.loop.call(() -> {
                sta.driver.setOperstate(Operstate.UP);
                return null;
            });
            assertEquals("up", operstate());
            KernelSupport.sh("ip addr add 10.99.0.2/24 dev " + STA_IF);
            assertTrue(KernelSupport.sh("ping -c 3 -W 3 10.99.0.1").contains("3 received"), "ping from our station to hostapd's side");
            assertTrue(KernelSupport.sh(apNs.exec("ping -c 3 -W 3 10.99.0.2")).contains("3 received"), "ping from hostapd's side to our station");
            SignalInfo signal = sta.loop.call(sta.driver::signalPoll);
            assertEquals(2412, signal.frequency());
            assertTrue(signal.currentSignal() < 0 && signal.currentSignal() > -100, "kernel-reported signal: " + signal);
            linkExtras(sta, signal.currentSignal());
            KernelSupport.await(() -> sta.states.contains(SupplicantState.GROUP_HANDSHAKE) && sta.state() == SupplicantState.COMPLETED,
                    "group key handshake with real hostapd: " + sta.states);
            assertEquals(0, sta.count("CTRL-EVENT-DISCONNECTED"), "the rekey kept the link: " + sta.events);
            KernelSupport.sh(apNs.exec("hostapd_cli -i " + AP_IF + " deauthenticate 02:00:00:00:01:00"));
            KernelSupport.await(() -> sta.count("CTRL-EVENT-CONNECTED") == 2, "reconnected after hostapd's deauthentication: " + sta.events);
            assertTrue(sta.events.stream().anyMatch(l -> l.startsWith("CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:02:00")), sta.events.toString());
        }
    }

    /** CQM, remain-on-channel and an action frame on the live link; each answered by the kernel with its event. */
    private static void linkExtras(KernelStation sta, int signal) throws Exception {
        sta.loop.call(() -> {
            sta.driver.signalMonitor(signal + 10, 0);
            return null;
        });
        KernelSupport.await(() -> sta.driverEvents.stream().anyMatch(e -> e instanceof DriverEvent.SignalChange c && !c.info().aboveThreshold()),
                "CQM: the signal is below a threshold 10 dB above it: " + sta.driverEvents);
        sta.loop.call(() -> {
            sta.driver.signalMonitor(0, 0);
            sta.driver.remainOnChannel(2437, 200);
            return null;
        });
        KernelSupport.await(() -> sta.driverEvents.stream().anyMatch(e -> e instanceof DriverEvent.CancelRemainOnChannel c && c.freq() == 2437),
                "remain-on-channel on 2437 MHz started and expired: " + sta.driverEvents);
        assertTrue(sta.driverEvents.stream().anyMatch(e -> e instanceof DriverEvent.RemainOnChannel r && r.freq() == 2437 && r.durationMs() == 200));
        sta.loop.call(() -> {
            sta.driver.setP2pPowersave(1, -1, -1);
            return null;
        });
        assertTrue(KernelSupport.sh("iw dev " + STA_IF + " get power_save").contains("Power save: on"));
        sta.loop.call(() -> {
            sta.driver.setP2pPowersave(0, -1, -1);
            return null;
        });
        assertTrue(KernelSupport.sh("iw dev " + STA_IF + " get power_save").contains("Power save: off"));
        assertEquals("phy" + KernelSupport.sh("iw dev " + STA_IF + " info | awk '/wiphy/ {print $2}'").trim(), sta.driver.getRadioName());
        // Probe Requests of another radio's active scan on our channel reach us while reporting is on
        sta.loop.call(() -> {
            sta.driver.probeReqReport(true);
            return null;
        });
        MacAddress scanner = MacAddress.parse("02:00:00:00:00:00");
        KernelSupport.sh("ip link set wlan0 up");
        KernelSupport.await(() -> {
            try {
                // trigger only (no wait on iw's event socket); retried, since a trigger can meet a busy radio
                KernelSupport.sh("iw dev wlan0 scan trigger freq 2412 >/dev/null 2>&1; sleep 1");
            } catch (Exception e) {
                return false;
            }
            return sta.driverEvents.stream().anyMatch(e -> e instanceof DriverEvent.RxProbeReq p && p.sa().equals(scanner));
        }, "EVENT_RX_PROBE_REQ from wlan0's scan: " + sta.driverEvents);
        sta.loop.call(() -> {
            sta.driver.probeReqReport(false);
            return null;
        });
        // mac80211_hwsim cannot offload GTK rekeying: the kernel says EOPNOTSUPP, reported as the named exception
        assertThrows(OperationNotSupportedException.class, () -> sta.loop.call(() -> {
            sta.driver.setRekeyInfo(new RekeyInfo(Bytes.of(new byte[16]), Bytes.of(new byte[16]), Bytes.of(new byte[8])));
            return null;
        }));
        MacAddress own = sta.driver.getMacAddr();
        MacAddress ap = MacAddress.parse("02:00:00:00:02:00");
        // a Public Action frame (category 4, a vendor-specific action with our own OUI-less body) to hostapd's BSSID
        sta.loop.call(() -> {
            sta.driver.sendAction(new SendActionParams(2412, 0, ap, own, ap, Bytes.fromHex("0409506f9a"), false));
            return null;
        });
        KernelSupport.await(() -> sta.driverEvents.stream().anyMatch(e -> e instanceof DriverEvent.TxStatus t && t.frameSubtype() == 13 && t.ack()
                && t.dst().equals(ap)), "the action frame acknowledged by hostapd's radio: " + sta.driverEvents);
        sta.loop.call(() -> {
            sta.driver.sendFtAction(1, ap, Bytes.EMPTY);
            return null;
        });
        KernelSupport.await(() -> sta.driverEvents.stream().anyMatch(e -> e instanceof DriverEvent.TxStatus t && t.frameSubtype() == 13 && t.ack()
                && t.data().length() >= 26 && t.data().u8(24) == 6), "the FT Action frame (category 6) acknowledged: " + sta.driverEvents);
    }

    @Test
    @Order(3)
    void thePfPacketEapolPathCompletesToo() throws Exception {
        try (Nl80211Stack packet = Nl80211Stack.open(null, EapolMode.PACKET); KernelStation sta = station(PASS, packet)) {
            KernelSupport.await(() -> sta.state() == SupplicantState.COMPLETED, "COMPLETED over PF_PACKET: " + sta.events);
            assertEquals(1, KernelSupport.eapolPacketSockets(), "EAPOL went through our PF_PACKET socket");
            assertTrue(KernelSupport.sh("ping -c 2 -W 3 10.99.0.1").contains("2 received"), "traffic after the PF_PACKET handshake");
        }
    }

    @Test
    @Order(2)
    void wrongPassphraseIsReportedAsWrongKey() throws Exception {
        try (KernelStation sta = station("not-the-interop-passphrase", stack)) {
            KernelSupport.await(() -> sta.count("CTRL-EVENT-SSID-TEMP-DISABLED") >= 1, "WRONG_KEY: " + sta.events);
            assertTrue(sta.events.stream().anyMatch(l -> l.endsWith("auth_failures=1 duration=10 reason=WRONG_KEY")), sta.events.toString());
            assertEquals(0, sta.count("CTRL-EVENT-CONNECTED"));
            assertNotEquals("up", operstate(), "link mode DORMANT holds IP back while the key is wrong");
        }
    }
}
