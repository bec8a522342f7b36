package wpa4j.config.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import wpa4j.config.ConfigException;
import wpa4j.config.RealDaemon;

/** wpa4j's reading of wpa_supplicant.conf against Debian's wpa_supplicant 2.10. */
class RealWpaSupplicantTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void present() {
        RealDaemon.require(RealDaemon.WPA_SUPPLICANT);
    }

    boolean realAccepts(String text) throws Exception {
        return RealDaemon.accepts(dir, text, RealDaemon.WPA_SUPPLICANT);
    }

    static boolean weAccept(String text) {
        try {
            WpaSupplicantConf.parse("t.conf", Arrays.asList(text.split("\n", -1)));
            return true;
        } catch (ConfigException e) {
            return false;
        }
    }

    @Test
    void realAcceptsWhatFormatWrites() throws Exception {
        String text = WpaSupplicantConfTest.REALISTIC.replace("DIR=/var/run/wpa_supplicant", "DIR=" + dir.resolve("ctrl"))
                + "\nnetwork={\n\tssid=61222362\n\tkey_mgmt=SAE WPA-PSK-SHA256\n\tsae_password=P\"x\\ty\"\n"
                + "\tpsk=\"with \\\"q\\\" and # hash\"\n\tieee80211w=2\n\tid_str=P\"\\x01\"\n\tpairwise=CCMP\n\tgroup=CCMP\n\tbeacon_prot=1\n}\n";
        String formatted = WpaSupplicantConf.format(WpaSupplicantConf.parse("t.conf", Arrays.asList(text.split("\n", -1))));
        assertTrue(formatted.contains("\tbeacon_prot=1\n"), formatted);
        assertTrue(realAccepts(formatted), formatted);
    }

    @Test
    void bothAcceptTheseForms() throws Exception {
        for (String block : List.of("ssid=P\"caf\\xc3\\xa9\\xff\"\nkey_mgmt=NONE", "ssid=610062\nkey_mgmt=NONE", "ssid=\"a\"\npriority=0x10\nkey_mgmt=NONE",
                "ssid=\"a\"\npsk=\"password1\"\ngroup=CCMP TKIP WEP104 WEP40", "ssid=\"a\"   # comment\npsk=\"pass#word1\"",
                "ssid=\"a\"\nkey_mgmt=NONE\nbssid=any\nscan_freq=2412 2437", "ssid=\"\"\"\nkey_mgmt=NONE",
                "ssid=\"a\"\nkey_mgmt=SAE\npsk=\"password1\"\nieee80211w=2\nbeacon_prot=1", "ssid=\"a\"\nkey_mgmt=NONE\nbeacon_prot=0")) {
            String text = "network={\n" + block + "\n}\n";
            assertTrue(realAccepts(text), text);
            assertTrue(weAccept(text), text);
        }
    }

    @Test
    void bothRefuseThese() throws Exception {
        for (String text : List.of("network={\nssid=\"a\"\npsk=\"short\"\n}", "network={\nssid=61626\nkey_mgmt=NONE\n}",
                "network={\nssid=\"abcdefghijabcdefghijabcdefghijabc\"\nkey_mgmt=NONE\n}", "network={\nssid=\"a\"\nkey_mgmt=NONE\n",
                "network={\nssid=\"a\"\nkey_mgmt=FOO\n}", "network={\nssid=\"a\"\npsk=0123\n}", "network={\nssid=\"a\"\npriority=5x\nkey_mgmt=NONE\n}",
                "network={\nssid=\"a\"\npairwise=WEP40\nkey_mgmt=NONE\n}", "network={\nssid=\"a\"\nbssid=00:11:22\nkey_mgmt=NONE\n}",
                "network={\nssid=\"a\"\nscan_ssid=2\nkey_mgmt=NONE\n}", "network={\nssid=\"a\"\nbeacon_prot=2\nkey_mgmt=NONE\n}", "network={\nssid=\"a\nkey_mgmt=NONE\n}", "}\n", "junk\n")) {
            assertFalse(realAccepts(text), text);
            assertFalse(weAccept(text), text);
        }
    }

    /** The deliberate differences KEYS.md lists: each is accepted by wpa_supplicant and refused by wpa4j. */
    @Test
    void wpa4jIsStricterHere() throws Exception {
        for (String text : List.of("network={\nssid=\"a\"\nkey_mgmt=WPA-EAP\n}", "network={\nssid=\"a\"\npsk=\"gr\u00fc\u00dfe1234\"\n}",
                "network={\nssid=\"a\"\npsk=\"password1\"x\n}", "network={\nkey_mgmt=NONE\n}", "ap_scan=2\n", "country=DEU\n",
                "network={\nssid=\"a\"\ndisabled=2\nkey_mgmt=NONE\n}")) {
            assertTrue(realAccepts(text), text);
            assertFalse(weAccept(text), text);
        }
        // and the reverse: keys unknown to wpa_supplicant fail its parse; wpa4j warns and goes on
        String unknown = "foo=1\nnetwork={\nssid=\"a\"\nkey_mgmt=NONE\n}\n";
        assertFalse(realAccepts(unknown));
        assertEquals(1, WpaSupplicantConf.parse("t.conf", Arrays.asList(unknown.split("\n"))).warnings().size());
        assertThrows(ConfigException.class, () -> WpaSupplicantConf.parse("t.conf", List.of("network={", "key_mgmt=NONE", "}")));
    }
}
