package wpa4j.ktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import wpa4j.driver.types.DriverFlag;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;
import wpa4j.supplicant.SupplicantState;
import wpa4j.wext.WextDriver;
import wpa4j.wext.WextStack;

/**
 * wpa4j's station core over the wext backend (cfg80211's Wireless Extensions layer on mac80211_hwsim), with
 * Debian's hostapd as the AP in its own namespace: association in one op, keys by SIOCSIWENCODEEXT, EAPOL
 * over PF_PACKET, events from rtnetlink.
 */
class WextStationKernelTest {
    private static final String AP_IF = "wlan2";
    private static final String STA_IF = "wlan1";
    private static final String SSID = "wpa4j-wext-sta";
    private static final String PASS = "wext-station-passphrase";
    private static final MacAddress AP = MacAddress.parse("02:00:00:00:02:00");
    private static Netns apNs;
    private static WextStack stack;

    @BeforeAll
    static void startRealHostapd() throws Exception {
        apNs = KernelSupport.hostapdInNetns("apw", AP_IF, SSID, PASS, "", "10.98.0.1/24");
        stack = WextStack.open(null);
    }

    @AfterAll
    static void stop() throws Exception {
        stack.close();
        KernelSupport.stopHostapdInNetns(apNs, AP_IF, STA_IF);
    }

    private static boolean apSees(String what) {
        try {
            return KernelSupport.sh(apNs.exec("hostapd_cli -i " + AP_IF + " all_sta")).contains(what);
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void completesWithRealHostapdPingsAndReconnectsAfterDeauth() throws Exception {
        WextDriver d = stack.driver(STA_IF);
        assertFalse(d.capabilities().has(DriverFlag.SME), "WEXT associates in one op: no SME split");
        assertFalse(d.capabilities().has(DriverFlag.AP));
        try (KernelStation sta = new KernelStation(d, STA_IF, SSID, PASS, 2412)) {
            KernelSupport.await(() -> sta.state() == SupplicantState.COMPLETED, "COMPLETED over wext with real hostapd: " + sta.events);
            assertTrue(sta.events.stream().noneMatch(l -> l.startsWith("SME: Trying to authenticate")), "no authenticate op on wext: " + sta.events);
            assertEquals(1, KernelSupport.eapolPacketSockets(), "EAPOL over our PF_PACKET socket");
            KernelSupport.await(() -> apSees("AUTHORIZED"), "hostapd sees the station authorized");

            String iwconfig = KernelSupport.sh("iwconfig " + STA_IF);
            Optional<MacAddress> bssid = sta.loop.call(sta.driver::getBssid);
            Optional<Ssid> ssid = sta.loop.call(sta.driver::getSsid);
            assertEquals(Optional.of(AP), bssid);
            assertEquals(SSID, ssid.orElseThrow().toPrintable());
            assertTrue(iwconfig.contains("Access Point: " + AP.toString().toUpperCase()) && iwconfig.contains("ESSID:\"" + SSID + "\""), iwconfig);
            String dump = KernelSupport.sh("iw dev " + STA_IF + " scan dump");
            List<String> ours = sta.loop.call(sta.core::scanResults);
            assertTrue(ours.stream().anyMatch(l -> l.startsWith(AP + "\t2412\t") && l.endsWith("\t" + SSID)), ours.toString());
            assertTrue(dump.contains("BSS " + AP) && dump.contains("SSID: " + SSID), dump);
            assertEquals("up", KernelSupport.sh("cat /sys/class/net/" + STA_IF + "/operstate").trim(), "IF_OPER_UP once authorized");

            KernelSupport.sh("ip addr add 10.98.0.2/24 dev " + STA_IF);
            assertTrue(KernelSupport.sh("ping -c 3 -W 3 10.98.0.1").contains("3 received"), "ping from our station to hostapd's side");
            assertTrue(KernelSupport.sh(apNs.exec("ping -c 3 -W 3 10.98.0.2")).contains("3 received"), "ping from hostapd's side to our station");

            KernelSupport.sh(apNs.exec("hostapd_cli -i " + AP_IF + " deauthenticate " + sta.driver.getMacAddr()));
            KernelSupport.await(() -> sta.count("CTRL-EVENT-CONNECTED") == 2, "reconnected after hostapd's deauthentication: " + sta.events);
            assertTrue(sta.events.stream().anyMatch(l -> l.startsWith("CTRL-EVENT-DISCONNECTED")), sta.events.toString());
            assertTrue(KernelSupport.sh("ping -c 2 -W 3 10.98.0.1").contains("2 received"), "data flows after the reconnect");

            // our deauthenticate (SIOCSIWMLME): hostapd drops the station
            sta.loop.call(() -> {
                sta.core.disconnect();
                return null;
            });
            KernelSupport.await(() -> !apSees(sta.driver.getMacAddr().toString()), "hostapd forgot the station after our deauthentication");
            assertEquals(Optional.empty(), sta.loop.call(sta.driver::getBssid));
        }
    }
}
