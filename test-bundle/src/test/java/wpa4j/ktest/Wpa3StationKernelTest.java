package wpa4j.ktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import wpa4j.common.crypto.Psk;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.Ssid;
import wpa4j.nl80211.Nl80211Stack;
import wpa4j.supplicant.SupplicantState;
import wpa4j.supplicant.core.NetworkConfig;
import wpa4j.supplicant.core.NetworkSecurity;

/**
 * WPA3-Personal and PMF: wpa4j's station over nl80211 on real mac80211 (user-space SME, SAE through
 * NL80211_CMD_AUTHENTICATE) against Debian's hostapd 2.10 in each configuration a user meets; every link pings.
 */
class Wpa3StationKernelTest {
    private static final String AP_IF = "wlan2";
    private static final String STA_IF = "wlan1";
    private static final String SSID = "wpa4j-wpa3";
    private static final String PASS = "wpa3-interop-password";
    private static Nl80211Stack stack;
    private Netns apNs;

    @BeforeAll
    static void open() throws Exception {
        stack = Nl80211Stack.open(null);
    }

    @AfterAll
    static void close() throws Exception {
        stack.close();
    }

    @AfterEach
    void stopAp() throws Exception {
        if (apNs != null) {
            KernelSupport.stopHostapdInNetns(apNs, AP_IF, STA_IF);
            apNs = null;
        }
    }

    private void ap(String conf) throws Exception {
        apNs = KernelSupport.hostapdInNetns("ap3", AP_IF, SSID, PASS, conf, "10.99.3.1/24");
    }

    private static String hostapdLog() {
        return KernelSupport.shForDiagnosis("grep -v -e RX_PROBE -e Probe -e probe /tmp/hostapd-" + AP_IF + ".log | grep -i -e sae -e auth -e 02:00:00:00:01:00 | tail -40; tail -3 /tmp/hostapd-" + AP_IF + ".log; " + "ip netns exec ap3 hostapd_cli -i " + AP_IF + " all_sta || true");
    }

    private static NetworkConfig network(Set<KeyMgmt> akms, String password, int pmf, int saePwe) {
        Ssid ssid = Ssid.ofUtf8(SSID);
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        boolean psk = akms.contains(KeyMgmt.PSK) || akms.contains(KeyMgmt.PSK_SHA256);
        NetworkSecurity sec = new NetworkSecurity(akms, psk ? Psk.fromPassphrase(pw, ssid) : null,
                akms.contains(KeyMgmt.SAE) ? SecretKeyBytes.copyOf(pw) : null, pmf, saePwe);
        return new NetworkConfig(0, ssid, sec, false, 0, List.of(2412), Optional.empty(), "");
    }

    /** COMPLETED, the status line facts, hostapd's view of the AKM, and ping both ways. */
    private void connectsAndPings(KernelStation sta, String keyMgmt, String pmfLine, String hostapdAkm) throws Exception {
        KernelSupport.await(() -> sta.state() == SupplicantState.COMPLETED, "COMPLETED (" + keyMgmt + "): " + sta.events);
        String status = sta.status();
        assertTrue(status.contains("key_mgmt=" + keyMgmt + "\n"), status);
        assertTrue(pmfLine == null ? !status.contains("pmf=") : status.contains(pmfLine + "\n"), status);
        KernelSupport.await(() -> {
            try {
                String all = KernelSupport.sh(apNs.exec("hostapd_cli -i " + AP_IF + " all_sta"));
                return all.contains("AUTHORIZED") && all.contains("AKMSuiteSelector=" + hostapdAkm);
            } catch (Exception e) {
                return false;
            }
        }, "hostapd sees the station authorized with AKM " + hostapdAkm + "; hostapd: " + hostapdLog());
        KernelSupport.sh("ip addr flush dev " + STA_IF + "; ip addr add 10.99.3.2/24 dev " + STA_IF);
        KernelSupport.await(() -> {
            try {
                return KernelSupport.sh("ping -c 2 -W 2 10.99.3.1").contains("2 received");
            } catch (Exception e) {
                return false;
            }
        }, "ping from our station to hostapd's side");
        assertTrue(KernelSupport.sh(apNs.exec("ping -c 2 -W 3 10.99.3.2")).contains("2 received"), "ping from hostapd's side");
    }

    @Test
    void saeHuntingAndPeckingWithPmfRequiredThenAPmksaCachedReconnect() throws Exception {
        ap("wpa_key_mgmt=SAE\nieee80211w=2\nsae_pwe=0\nwpa_group_rekey=8\n");
        try (KernelStation sta = new KernelStation(stack.driver(STA_IF), STA_IF, network(Set.of(KeyMgmt.SAE), PASS, 0, 0))) {
            connectsAndPings(sta, "SAE", "pmf=2", "00-0f-ac-8");
            assertTrue(sta.status().contains("sae_h2e=0"), sta.status());
            // a GTK+IGTK rekey (hostapd's wpa_group_rekey) while the link carries traffic
            KernelSupport.await(() -> sta.states.contains(SupplicantState.GROUP_HANDSHAKE) && sta.state() == SupplicantState.COMPLETED,
                    "group handshake with the IGTK: " + sta.states);
            assertTrue(KernelSupport.sh("ping -c 2 -W 3 10.99.3.1").contains("2 received"), "ping after the group rekey");
            assertEquals(0, sta.count("CTRL-EVENT-DISCONNECTED"), sta.events.toString());
            assertEquals(1, sta.count("SAE: starting an exchange"), sta.events.toString());
            KernelSupport.sh(apNs.exec("hostapd_cli -i " + AP_IF + " deauthenticate 02:00:00:00:01:00"));
            KernelSupport.await(() -> sta.count("CTRL-EVENT-CONNECTED") == 2, "reconnected: " + sta.events);
            assertTrue(sta.events.stream().anyMatch(l -> l.startsWith("PMKSA caching: reconnecting")), "the reconnect used the cached PMKSA: " + sta.events);
            assertEquals(1, sta.count("SAE: starting an exchange"), "no new SAE exchange for the reconnect: " + sta.events);
            assertTrue(KernelSupport.sh("ping -c 2 -W 3 10.99.3.1").contains("2 received"), "ping after the PMKSA-cached reconnect");
        }
    }

    @Test
    void saeHashToElement() throws Exception {
        ap("wpa_key_mgmt=SAE\nieee80211w=2\nsae_pwe=1\n");
        try (KernelStation sta = new KernelStation(stack.driver(STA_IF), STA_IF, network(Set.of(KeyMgmt.SAE), PASS, 2, 1))) {
            connectsAndPings(sta, "SAE", "pmf=2", "00-0f-ac-8");
            assertTrue(sta.status().contains("sae_h2e=1"), sta.status());
        }
    }

    @Test
    void transitionModeIsJoinedWithSae() throws Exception {
        ap("wpa_key_mgmt=WPA-PSK SAE\nieee80211w=1\n");
        try (KernelStation sta = new KernelStation(stack.driver(STA_IF), STA_IF, network(Set.of(KeyMgmt.PSK, KeyMgmt.SAE), PASS, 1, 0))) {
            connectsAndPings(sta, "SAE", "pmf=1", "00-0f-ac-8");
        }
    }

    @Test
    void pskSha256AndPskWithPmfRequired() throws Exception {
        ap("wpa_key_mgmt=WPA-PSK-SHA256\nieee80211w=2\n");
        try (KernelStation sta = new KernelStation(stack.driver(STA_IF), STA_IF, network(Set.of(KeyMgmt.PSK_SHA256), PASS, 2, 0))) {
            connectsAndPings(sta, "WPA2-PSK-SHA256", "pmf=2", "00-0f-ac-6");
        }
        stopAp();
        ap("wpa_key_mgmt=WPA-PSK\nieee80211w=2\n");
        try (KernelStation sta = new KernelStation(stack.driver(STA_IF), STA_IF, network(Set.of(KeyMgmt.PSK), PASS, 1, 0))) {
            connectsAndPings(sta, "WPA2-PSK", "pmf=2", "00-0f-ac-2");
        }
    }

    /**
     * A deauthentication forged from a third radio in monitor mode (Debian's scapy injects it), as our AP but
     * unprotected: with PMF the kernel drops it, our station asks the AP with an SA Query and stays; without PMF
     * the same frame ends the link.
     */
    @Test
    void aForgedDeauthenticationIsIgnoredWithPmfAndEndsTheLinkWithout() throws Exception {
        ap("wpa_key_mgmt=SAE\nieee80211w=2\n");
        KernelSupport.sh("ip link set wlan0 down; iw dev wlan0 set type monitor; ip link set wlan0 up; iw dev wlan0 set channel 1");
        try {
            try (KernelStation sta = new KernelStation(stack.driver(STA_IF), STA_IF, network(Set.of(KeyMgmt.SAE), PASS, 2, 0))) {
                connectsAndPings(sta, "SAE", "pmf=2", "00-0f-ac-8");
                forgeDeauth();
                KernelSupport.await(() -> sta.events.stream().anyMatch(l -> l.startsWith("SME: SA Query response from 02:00:00:00:02:00")),
                        "the forged deauthentication dropped and an SA Query answered: " + sta.describe());
                assertEquals(0, sta.count("CTRL-EVENT-DISCONNECTED"), sta.events.toString());
                assertEquals(SupplicantState.COMPLETED, sta.state());
                assertTrue(KernelSupport.sh("ping -c 2 -W 3 10.99.3.1").contains("2 received"), "the link is up after the forged frame");
            }
            stopAp();
            ap("wpa_key_mgmt=WPA-PSK\nieee80211w=0\n");
            try (KernelStation sta = new KernelStation(stack.driver(STA_IF), STA_IF, network(Set.of(KeyMgmt.PSK), PASS, 0, 0))) {
                connectsAndPings(sta, "WPA2-PSK", null, "00-0f-ac-2");
                forgeDeauth();
                KernelSupport.await(() -> sta.events.stream().anyMatch(l -> l.startsWith("CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:02:00 reason=7")),
                        "without PMF the forged deauthentication ends the link: " + sta.describe());
            }
        } finally {
            KernelSupport.sh("ip link set wlan0 down; iw dev wlan0 set type managed");
        }
    }

    /** Three unprotected Deauthentication frames "from our AP" to our station, reason 7, injected on channel 1. */
    private static void forgeDeauth() throws Exception {
        KernelSupport.sh("/usr/bin/python3 -c \"from scapy.all import RadioTap, Dot11, Dot11Deauth, sendp; "
                + "sendp(RadioTap()/Dot11(type=0, subtype=12, addr1='02:00:00:00:01:00', addr2='02:00:00:00:02:00', addr3='02:00:00:00:02:00')"
                + "/Dot11Deauth(reason=7), iface='wlan0', count=3, inter=0.1, verbose=0)\"");
    }

    @Test
    void aBssRequiringPmfIsSkippedWithItsReason() throws Exception {
        ap("wpa_key_mgmt=SAE\nieee80211w=2\n");
        try (KernelStation sta = new KernelStation(stack.driver(STA_IF), STA_IF, network(Set.of(KeyMgmt.PSK), PASS, 0, 0))) {
            KernelSupport.await(() -> sta.events.stream().anyMatch(l -> l.startsWith("SELECT: skip 02:00:00:00:02:00")),
                    "the PMF/SAE-only BSS skipped with a reason: " + sta.events);
            Thread.sleep(3000);
            assertEquals(0, sta.count("SME: Trying to authenticate"), "never tried: " + sta.events);
        }
    }

    /**
     * hostapd 2.10 answers a Confirm it cannot verify with status 1 (not 15) and forgets the station: the station reads
     * "commit taken, confirm refused" as a wrong password, backs off with WRONG_KEY and does not retry meanwhile.
     */
    @Test
    void aWrongSaePasswordIsReportedAndBacksOff() throws Exception {
        ap("wpa_key_mgmt=SAE\nieee80211w=2\n");
        try (KernelStation sta = new KernelStation(stack.driver(STA_IF), STA_IF, network(Set.of(KeyMgmt.SAE), "not-the-password", 2, 0))) {
            KernelSupport.await(() -> sta.count("CTRL-EVENT-SSID-TEMP-DISABLED") >= 1,
                    () -> "the wrong SAE password disables the network: " + sta.describe() + "\nhostapd: " + hostapdLog());
            assertTrue(sta.events.stream().anyMatch(l -> l.startsWith("SAE: the password is")), sta.events.toString());
            assertTrue(sta.events.stream().anyMatch(l -> l.contains("auth_failures=1") && l.endsWith("reason=WRONG_KEY")), sta.events.toString());
            long attempts = sta.count("SME: Trying to authenticate");
            Thread.sleep(5000);
            assertEquals(attempts, sta.count("SME: Trying to authenticate"), "no retry storm while disabled: " + sta.events);
            assertEquals(0, sta.count("CTRL-EVENT-CONNECTED"));
        }
    }

    /**
     * Beacon protection with hostapd's beacon_prot=1: our station installs the BIGTK of message 3 and of the group
     * rekey (6, then 7); the kernel then verifies hostapd's Beacons under it ("beacon rx" keeps growing) and reports a
     * forged unprotected one (NL80211_CMD_UNPROT_BEACON), which the nl80211 backend counts; the link stays.
     */
    @Test
    void beaconProtectionWithHostapdsBigtk() throws Exception {
        ap("wpa_key_mgmt=SAE\nieee80211w=2\nbeacon_prot=1\nwpa_group_rekey=8\n");
        NetworkSecurity sae = network(Set.of(KeyMgmt.SAE), PASS, 2, 0).security();
        NetworkConfig net = new NetworkConfig(0, Ssid.ofUtf8(SSID), new NetworkSecurity(sae.akms(), null, sae.saePassword(), 2, 0, true), false, 0,
                List.of(2412), Optional.empty(), "");
        KernelSupport.monitorOnChannel1(null, "wlan0");
        try (LogCapture backend = new LogCapture("wpa4j.nl80211.Nl80211EventDecoder");
                KernelStation sta = new KernelStation(stack.driver(STA_IF), STA_IF, net)) {
            connectsAndPings(sta, "SAE", "pmf=2", "00-0f-ac-8");
            KernelSupport.await(() -> sta.events.contains("WPA: BIGTK keyid 6 installed (beacon protection)"), () -> "BIGTK 6: " + sta.describe());
            KernelSupport.awaitBeaconsAccepted(null, STA_IF, () -> "hostapd's protected Beacons verify under our BIGTK 6");
            KernelSupport.await(() -> sta.events.contains("WPA: BIGTK keyid 7 installed (beacon protection)"),
                    () -> "BIGTK 7 from hostapd's group rekey: " + sta.describe());
            KernelSupport.awaitBeaconsAccepted(null, STA_IF, () -> "and under BIGTK 7 after the rekey");
            String refused = "unprotected or wrongly protected Beacon";
            assertEquals(List.of(), backend.containing(refused), "no Beacon of hostapd refused");
            KernelSupport.forgeBeacons(null, "wlan0", "02:00:00:00:02:00", SSID);
            KernelSupport.await(() -> !backend.containing(refused).isEmpty(),
                    () -> "the forged unprotected Beacon dropped by the kernel and reported: " + backend.messages + "\n" + sta.describe());
            assertEquals(0, sta.count("CTRL-EVENT-DISCONNECTED"), sta.events.toString());
            assertTrue(KernelSupport.sh("ping -c 2 -W 3 10.99.3.1").contains("2 received"), "the link is up after the forged Beacons");
        } finally {
            KernelSupport.managedAgain(null, "wlan0");
        }
    }
}
