package wpa4j.ktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.ScanResult;
import wpa4j.wext.WextDriver;
import wpa4j.wext.WextStack;
import wpa4j.wext.ioctl.IwEventStream;
import wpa4j.wext.ioctl.IwRange;
import wpa4j.wext.ioctl.WextException;
import wpa4j.wext.ioctl.WextSocket;
import wpa4j.wext.uapi.Uapi;

/** The wext ioctl layer against cfg80211's Wireless Extensions compatibility, checked with wireless-tools' iwlist. */
class WextKernelTest {
    private static final String IF = "wlan1";
    private static final MacAddress AP = MacAddress.parse("02:00:00:00:02:00");

    @Test
    void nameAndRangeAgreeWithIwlist() throws Exception {
        try (WextSocket s = WextSocket.open()) {
            assertEquals("IEEE 802.11", s.name(IF));
            IwRange r = s.range(IF);
            List<Integer> iwlist = channels(KernelSupport.sh("iwlist " + IF + " frequency"));
            assertFalse(iwlist.isEmpty());
            assertEquals(iwlist, r.frequenciesMhz(), "SIOCGIWRANGE channels as iwlist decodes them");
            String auth = KernelSupport.sh("iwlist " + IF + " auth");
            assertEquals(auth.contains("WPA2"), r.has(Uapi.IW_ENC_CAPA_WPA2), auth);
            assertEquals(auth.contains("CIPHER-CCMP"), r.has(Uapi.IW_ENC_CAPA_CIPHER_CCMP), auth);
            assertEquals(auth.contains("4-WAY-HANDSHAKE"), r.has(Uapi.IW_ENC_CAPA_4WAY_HANDSHAKE), auth);
            assertEquals(Uapi.WIRELESS_EXT, r.weVersionCompiled(), "the kernel was built with the WE version of the headers");
        }
    }

    @Test
    void directedScanFindsRealHostapdAsIwSeesIt() throws Exception {
        KernelSupport.startHostapd("wlan2", "wpa4j-wext", "wext-passphrase");
        try (WextSocket s = WextSocket.open()) {
            KernelSupport.sh("ip link set " + IF + " up");
            s.scan(IF, "wpa4j-wext".getBytes(StandardCharsets.US_ASCII));
            IwEventStream.Parsed[] got = new IwEventStream.Parsed[1];
            KernelSupport.await(() -> {
                try {
                    got[0] = s.scanResults(IF);
                    return got[0].results().stream().anyMatch(r -> r.bssid().equals(AP));
                } catch (WextException e) {
                    return false; // EAGAIN (11) while the scan runs
                }
            }, "SIOCGIWSCAN with hostapd's BSS");
            ScanResult r = got[0].results().stream().filter(x -> x.bssid().equals(AP)).findFirst().orElseThrow();
            String iw = KernelSupport.sh("iw dev " + IF + " scan dump");
            assertTrue(iw.contains("BSS " + AP) && iw.contains("SSID: wpa4j-wext") && iw.contains("freq: " + r.freq()), iw);
            assertEquals(2412, r.freq());
            assertEquals("wpa4j-wext", new String(r.ie(0).orElseThrow().toArray(), StandardCharsets.US_ASCII));
            assertTrue(r.ie(48).isPresent(), "hostapd's RSN element came as IWEVGENIE");
            assertEquals(0x0010, r.caps() & 0x0010, "privacy");
            assertEquals(0, got[0].malformed());
        } finally {
            KernelSupport.stopHostapd("wlan2");
        }
    }

    @Test
    void bssidSsidAndThresholdsAgreeWithIwconfigOnALiveLink() throws Exception {
        KernelSupport.startHostapd("wlan2", "wpa4j-wext", "wext-passphrase");
        try (WextSocket s = WextSocket.open()) {
            assertEquals("00:00:00:00:00:00", MacAddress.of(s.bssid(IF)).toString(), "not associated yet");
            KernelSupport.startWpaSupplicant(null, IF, "wpa4j-wext", "wext-passphrase");
            KernelSupport.await(() -> {
                try {
                    return KernelSupport.sh("wpa_cli -i " + IF + " status").contains("wpa_state=COMPLETED");
                } catch (Exception e) {
                    return false;
                }
            }, "real wpa_supplicant associated " + IF);
            String iwconfig = KernelSupport.sh("iwconfig " + IF);
            assertEquals(AP, MacAddress.of(s.bssid(IF)));
            assertTrue(iwconfig.contains("Access Point: " + AP.toString().toUpperCase()), iwconfig);
            assertEquals("wpa4j-wext", new String(s.essid(IF), StandardCharsets.US_ASCII));
            assertTrue(iwconfig.contains("ESSID:\"wpa4j-wext\""), iwconfig);
            s.threshold(IF, true, 500);
            s.threshold(IF, false, 1000);
            iwconfig = KernelSupport.sh("iwconfig " + IF);
            assertTrue(iwconfig.contains("RTS thr=500 B") && iwconfig.contains("Fragment thr=1000 B"), iwconfig);
            s.threshold(IF, true, -1);
            s.threshold(IF, false, -1);
            iwconfig = KernelSupport.sh("iwconfig " + IF);
            assertTrue(iwconfig.contains("RTS thr:off") && iwconfig.contains("Fragment thr:off"), iwconfig);
        } finally {
            KernelSupport.stopWpaSupplicant(null, IF);
            KernelSupport.stopHostapd("wlan2");
        }
    }

    @Test
    void anInterfaceWithoutWirelessExtensionsIsRefusedWithItsErrno() throws Exception {
        try (WextSocket s = WextSocket.open()) {
            assertEquals(95, assertThrows(WextException.class, () -> s.name("lo")).errno(), "EOPNOTSUPP for lo");
            assertEquals(19, assertThrows(WextException.class, () -> s.name("nosuchif0")).errno(), "ENODEV");
        }
    }

    /** "Channel 01 : 2.412 GHz" lines of iwlist's frequency listing, in MHz, in its order. */
    private static List<Integer> channels(String iwlist) {
        Matcher m = Pattern.compile("Channel \\d+ : ([0-9.]+) GHz").matcher(iwlist);
        List<Integer> mhz = new java.util.ArrayList<>();
        while (m.find()) {
            mhz.add((int) Math.round(Double.parseDouble(m.group(1)) * 1000));
        }
        return mhz;
    }

    @Test
    void interfacesFollowHotPlugThroughRtnetlink() throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (WextStack stack = WextStack.open(new WextStack.Listener() {
            @Override
            public void added(WextDriver d) {
                seen.add("+" + d.ifname());
            }

            @Override
            public void removed(WextDriver d) {
                seen.add("-" + d.ifname());
            }
        })) {
            assertTrue(seen.contains("+wlan2"), seen.toString());
            try (Netns away = Netns.moveInto("hotplug", "wlan2")) {
                KernelSupport.await(() -> seen.contains("-wlan2"), "wlan2's driver removed when its radio left the namespace: " + seen);
                assertEquals(null, stack.driver("wlan2"));
            }
            KernelSupport.await(() -> seen.stream().filter("+wlan2"::equals).count() == 2, "wlan2's driver back with its radio: " + seen);
            assertEquals(0, stack.malformedNotifications());
        }
    }
}
