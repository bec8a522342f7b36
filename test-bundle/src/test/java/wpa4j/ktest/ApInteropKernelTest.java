package wpa4j.ktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import wpa4j.common.crypto.Psk;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.common.frame.ReasonCode;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.ApInitParams;
import wpa4j.driver.types.TxQueueParams;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;
import wpa4j.hostapd.core.ApConfig;
import wpa4j.hostapd.core.ApTiming;
import wpa4j.hostapd.core.Hostapd;
import wpa4j.nl80211.EapolMode;
import wpa4j.nl80211.Nl80211Stack;

/** wpa4j's AP core over the nl80211 backend on real cfg80211/mac80211, with Debian's wpa_supplicant as the station. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApInteropKernelTest {
    private static final String AP_IF = "wlan0";
    private static final String STA_IF = "wlan1";
    private static final MacAddress STA_MAC = MacAddress.parse("02:00:00:00:01:00");
    private static final Ssid SSID = Ssid.ofUtf8("wpa4j-ap-interop");
    private static final String PASS = "ap-interop-passphrase";
    private static Nl80211Stack stack;
    /** wpa_supplicant's radio lives in its own namespace so that ping crosses the air. */
    private static Netns staNs;

    private EventLoop loop = new EventLoop("kt-ap");
    private Nl80211Stack packetStack;
    private final List<String> apEvents = new CopyOnWriteArrayList<>();
    private final List<DriverEvent> driverEvents = new CopyOnWriteArrayList<>();
    private Hostapd ap;
    private DriverInterface driver;

    @BeforeAll
    static void open() throws Exception {
        stack = Nl80211Stack.open(null);
        staNs = Netns.moveInto("sta", STA_IF);
        KernelSupport.sh(staNs.exec("ip addr add 10.99.1.2/24 dev " + STA_IF));
    }

    @AfterAll
    static void close() throws Exception {
        stack.close();
        staNs.close();
    }

    @BeforeEach
    void startOurAp() throws Exception {
        startOurAp(stack);
    }

    private void startOurAp(Nl80211Stack over) throws Exception {
        ApConfig config = new ApConfig(SSID, 1, Psk.fromPassphrase(PASS.getBytes(StandardCharsets.UTF_8), SSID), HiddenSsid.NO_SSID_HIDING, 100, 2,
                2007, 0, 0);
        ap = new Hostapd(loop, AP_IF, config, new ApTiming(1000, 1000, 3), apEvents::add);
        driver = over.driver(AP_IF).openAp(new ApInitParams(AP_IF, null, SSID, false, List.of()), e -> {
            driverEvents.add(e);
            loop.execute(() -> ap.onEvent(e));
        });
        loop.call(() -> {
            ap.attach(driver);
            return null;
        });
        assertTrue(apEvents.contains("AP-ENABLED"), "AP enabled over nl80211: " + apEvents);
        assertTrue(KernelSupport.sh("iw dev " + AP_IF + " info").contains("type AP"), "the kernel runs " + AP_IF + " as an AP");
    }

    @AfterEach
    void stop() throws Exception {
        KernelSupport.stopWpaSupplicant(staNs, STA_IF);
        KernelSupport.sh("ip addr flush dev " + AP_IF + "; true");
        loop.call(() -> {
            ap.stop();
            return null;
        });
        driver.close();
        loop.close();
        if (packetStack != null) {
            packetStack.close();
            packetStack = null;
        }
        assertTrue(KernelSupport.sh("iw dev " + AP_IF + " info").contains("type managed"), "closing gives the interface back as a station");
    }

    private static void startWpaSupplicant(String passphrase) throws Exception {
        KernelSupport.startWpaSupplicant(staNs, STA_IF, SSID.toPrintable(), passphrase);
    }

    private static String wpaCli(String command) {
        try {
            return KernelSupport.sh(staNs.exec("wpa_cli -i " + STA_IF + " " + command));
        } catch (Exception e) {
            return "";
        }
    }

    private long count(String prefix) {
        return apEvents.stream().filter(l -> l.startsWith(prefix)).count();
    }

    /** A second (virtual) interface on the AP's radio reports the AP's channel as shared. */
    private static void sharedFreqSeesOurBssFromASecondInterfaceOfTheRadio() throws Exception {
        KernelSupport.sh("iw dev " + AP_IF + " interface add wlan0v type managed");
        try {
            KernelSupport.await(() -> stack.driver("wlan0v") != null, "the new interface's driver");
            try (DriverInterface v = stack.driver("wlan0v").open("wlan0v", e -> { })) {
                assertEquals(2412, v.sharedFreq(), "the AP's channel on the shared radio");
            }
        } finally {
            KernelSupport.sh("iw dev wlan0v del");
        }
    }

    @Test
    @Order(1)
    void realWpaSupplicantCompletesSurvivesOurGroupRekeyAndReconnectsAfterOurDeauth() throws Exception {
        startWpaSupplicant(PASS);
        KernelSupport.await(() -> wpaCli("status").contains("wpa_state=COMPLETED"), "wpa_cli status COMPLETED with our AP; AP events " + apEvents);
        assertTrue(wpaCli("status").contains("bssid=02:00:00:00:00:00"), wpaCli("status"));
        KernelSupport.await(() -> apEvents.contains("AP-STA-CONNECTED " + STA_MAC), "AP-STA-CONNECTED: " + apEvents);
        assertEquals(0, KernelSupport.eapolPacketSockets(), "EAPOL went over the nl80211 control port");
        assertEquals("[AUTH][ASSOC][AUTHORIZED]", loop.query(() -> ap.stationInfos().get(0)).flags(), "our station list");
        String dump = KernelSupport.sh("iw dev " + AP_IF + " station dump");
        assertTrue(dump.contains("Station " + STA_MAC) && dump.contains("authorized:\tyes"), "the kernel's station table: " + dump);
        KernelSupport.sh("ip addr add 10.99.1.1/24 dev " + AP_IF);
        assertTrue(KernelSupport.sh("ping -c 3 -W 3 10.99.1.2").contains("3 received"), "ping from our AP to wpa_supplicant's side");
        loop.call(() -> {
            driver.pollClient(driver.getMacAddr(), STA_MAC, false);
            driver.setTxQueueParams(new TxQueueParams(2, 3, 15, 1023, 0));
            return null;
        });
        KernelSupport.await(() -> driverEvents.contains(new DriverEvent.DriverClientPollOk(STA_MAC)), "poll_client acknowledged: " + driverEvents);
        sharedFreqSeesOurBssFromASecondInterfaceOfTheRadio();
        assertTrue(KernelSupport.sh(staNs.exec("ping -c 3 -W 3 10.99.1.1")).contains("3 received"), "ping from wpa_supplicant's side to our AP");

        loop.execute(ap::rekeyGroup);
        KernelSupport.await(() -> count("WPA-GROUP-KEY-COMPLETED " + STA_MAC) == 1, "group key handshake with real wpa_supplicant: " + apEvents);
        assertTrue(wpaCli("status").contains("wpa_state=COMPLETED"));
        // message 3 and group message 1 carry the GTK KDE without the Tx bit, as hostapd's (wpa_supplicant would say so)
        assertTrue(!KernelSupport.sh("cat /tmp/wpa_supplicant-" + STA_IF + ".log").contains("Tx bit set for GTK"),
                "wpa_supplicant found the Tx bit set in our GTK KDE");

        loop.execute(() -> ap.deauthenticate(STA_MAC, ReasonCode.UNSPECIFIED));
        KernelSupport.await(() -> count("AP-STA-CONNECTED " + STA_MAC) == 2, "wpa_supplicant reconnected after our deauthentication: " + apEvents);
        assertTrue(apEvents.contains("AP-STA-DISCONNECTED " + STA_MAC), apEvents.toString());
        assertTrue(KernelSupport.sh("cat /tmp/wpa_supplicant-" + STA_IF + ".log").contains("CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:00 reason=1"),
                "wpa_supplicant saw our deauthentication with its reason");
        loop.call(() -> {
            driver.flush();
            return null;
        });
        assertTrue(KernelSupport.sh("iw dev " + AP_IF + " station dump").isBlank(), "flush emptied the kernel's station table");
    }

    @Test
    @Order(3)
    void thePfPacketEapolPathServesRealWpaSupplicantToo() throws Exception {
        // the AP of @BeforeEach (control port) makes way for one whose EAPOL goes through PF_PACKET
        stop();
        apEvents.clear();
        loop = new EventLoop("kt-ap-packet");
        packetStack = Nl80211Stack.open(null, EapolMode.PACKET);
        startOurAp(packetStack);
        assertEquals(1, KernelSupport.eapolPacketSockets(), "our AP's PF_PACKET socket");
        startWpaSupplicant(PASS);
        KernelSupport.await(() -> wpaCli("status").contains("wpa_state=COMPLETED"), "COMPLETED over PF_PACKET; AP events " + apEvents);
        KernelSupport.sh("ip addr add 10.99.1.1/24 dev " + AP_IF);
        assertTrue(KernelSupport.sh("ping -c 2 -W 3 10.99.1.2").contains("2 received"), "traffic after the PF_PACKET handshake");
    }

    @Test
    @Order(2)
    void wrongPassphraseAtRealWpaSupplicantIsReportedOnBothSides() throws Exception {
        startWpaSupplicant("not-the-ap-interop-passphrase");
        KernelSupport.await(() -> apEvents.contains("AP-STA-POSSIBLE-PSK-MISMATCH " + STA_MAC), "PSK mismatch reported by our AP: " + apEvents);
        KernelSupport.await(() -> wpaCli("list_networks").contains("[TEMP-DISABLED]"), "wpa_supplicant disables the network");
        assertTrue(KernelSupport.sh("cat /tmp/wpa_supplicant-" + STA_IF + ".log").contains("reason=WRONG_KEY"), "wpa_supplicant says WRONG_KEY");
        assertEquals(0, count("AP-STA-CONNECTED"), apEvents.toString());
    }

    @Test
    @Order(4)
    void ourApKeepsItsStationWhenItsDriverIsReplaced() throws Exception {
        // PF_PACKET EAPOL: no socket owns the BSS, so a replaced driver can leave it beaconing for the next
        stop();
        apEvents.clear();
        loop = new EventLoop("kt-ap-swap");
        packetStack = Nl80211Stack.open(null, EapolMode.PACKET);
        startOurAp(packetStack);
        startWpaSupplicant(PASS);
        KernelSupport.await(() -> wpaCli("status").contains("wpa_state=COMPLETED"), "COMPLETED with our AP; AP events " + apEvents);
        KernelSupport.sh("ip addr add 10.99.1.1/24 dev " + AP_IF);
        assertTrue(KernelSupport.sh("ping -c 2 -W 3 10.99.1.2").contains("2 received"));

        try (Nl80211Stack next = Nl80211Stack.open(null, EapolMode.PACKET)) {
            // what CoreDriverSlot does on a swap: detach, close the old interface, open the new one, attach
            loop.call(() -> {
                ap.detach();
                return null;
            });
            driver.close();
            driver = next.driver(AP_IF).openAp(new ApInitParams(AP_IF, null, SSID, false, List.of()), e -> {
                driverEvents.add(e);
                loop.execute(() -> ap.onEvent(e));
            });
            loop.call(() -> {
                ap.attach(driver);
                return null;
            });
            assertTrue(apEvents.stream().anyMatch(l -> l.startsWith("AP-DRIVER-RESYNC")), apEvents.toString());
            assertTrue(KernelSupport.sh("iw dev " + AP_IF + " station dump").contains("Station " + STA_MAC), "the kernel kept the station");
            assertTrue(KernelSupport.sh("ping -c 3 -W 3 10.99.1.2").contains("3 received"), "traffic through the replaced driver");
            loop.execute(ap::rekeyGroup);
            KernelSupport.await(() -> count("WPA-GROUP-KEY-COMPLETED " + STA_MAC) == 1, "group rekey through the new driver: " + apEvents);
            assertTrue(wpaCli("status").contains("wpa_state=COMPLETED"));
            assertTrue(!KernelSupport.sh("cat /tmp/wpa_supplicant-" + STA_IF + ".log").contains("CTRL-EVENT-DISCONNECTED"),
                    "wpa_supplicant never lost the link");
            assertEquals(1, count("AP-STA-CONNECTED"), apEvents.toString());
            // @AfterEach stops the BSS and closes this driver before its stack goes
            loop.call(() -> {
                ap.stop();
                return null;
            });
            driver.close();
            assertTrue(KernelSupport.sh("iw dev " + AP_IF + " info").contains("type managed"), "stopping the AP gives the interface back");
            driver = packetStack.driver(AP_IF).openAp(new ApInitParams(AP_IF, null, SSID, false, List.of()), e -> { });
        }
    }
}
