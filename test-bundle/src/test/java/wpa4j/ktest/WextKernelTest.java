package wpa4j.ktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import wpa4j.wext.ioctl.IwRange;
import wpa4j.wext.ioctl.WextException;
import wpa4j.wext.ioctl.WextSocket;
import wpa4j.wext.uapi.Uapi;

/** The wext ioctl layer against cfg80211's Wireless Extensions compatibility, checked with wireless-tools' iwlist. */
class WextKernelTest {
    private static final String IF = "wlan1";

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
}
