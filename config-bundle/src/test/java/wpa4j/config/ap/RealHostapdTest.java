package wpa4j.config.ap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import wpa4j.config.ConfigException;
import wpa4j.config.RealDaemon;

/** wpa4j's reading of hostapd.conf against Debian's hostapd 2.10 (on an interface that does not exist). */
class RealHostapdTest {
    @TempDir
    Path dir;

    static final String BASE = "interface=" + RealDaemon.NO_SUCH_INTERFACE + "\ndriver=nl80211\nhw_mode=g\nchannel=6\n";

    @BeforeAll
    static void present() {
        RealDaemon.require(RealDaemon.HOSTAPD);
    }

    boolean realAccepts(String text) throws Exception {
        return RealDaemon.accepts(dir, text, RealDaemon.HOSTAPD);
    }

    boolean weAccept(String text) {
        try {
            HostapdConf.parse("hostapd.conf", Arrays.asList(text.split("\n", -1)), dir);
            return true;
        } catch (ConfigException e) {
            return false;
        }
    }

    @Test
    void bothAcceptTheRealisticFile() throws Exception {
        HostapdConfTest.files(dir);
        String text = HostapdConfTest.REALISTIC.replace("interface=wlan0", "interface=" + RealDaemon.NO_SUCH_INTERFACE)
                .replace("ctrl_interface=/var/run/hostapd", "ctrl_interface=" + dir.resolve("ctrl"));
        assertTrue(realAccepts(text), text);
        assertTrue(weAccept(text));
    }

    @Test
    void bothAcceptTheseForms() throws Exception {
        for (String extra : List.of("ssid=My \"Net\" #1 ", "ssid2=P\"caf\\xc3\\xa9\"", "ssid2=610062", "ssid=t\nwpa=2\nwpa_psk="
                + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nrsn_pairwise=CCMP",
                "ssid=t\nwpa=2\nwpa_key_mgmt=SAE\nieee80211w=2\nsae_password=pass|word|mac=00:11:22:33:44:55\nrsn_pairwise=CCMP",
                "ssid=t\nwpa=2\nwpa_passphrase=password1\nwpa_pairwise=CCMP", "ssid=t\nbeacon_int=10\ndtim_period=255\nmax_num_sta=0",
                "ssid=t\nauth_algs=3\nlogger_syslog=-1\nwmm_enabled=1",
                "ssid=t\nwpa=2\nwpa_key_mgmt=WPA-PSK-SHA256\nwpa_passphrase=password1\nrsn_pairwise=CCMP\nieee80211w=2\nbeacon_prot=1",
                "ssid=t\nwpa=2\nwpa_passphrase=password1\nrsn_pairwise=CCMP\nbeacon_prot=1")) {
            String text = BASE + extra + "\n";
            assertTrue(realAccepts(text), text);
            assertTrue(weAccept(text), text);
        }
    }

    @Test
    void bothRefuseThese() throws Exception {
        for (String extra : List.of("ssid=t\nwpa=2\nwpa_passphrase=short\nrsn_pairwise=CCMP", "ssid=" + "x".repeat(33), "ssid=",
                "ssid=t\nbeacon_int=9", "ssid=t\ndtim_period=0", "ssid=t\nmax_num_sta=2008", "ssid=t\nhw_mode=n", "ssid=t\ncountry_code=de",
                "ssid=t\nwpa=2\nrsn_pairwise=CCMP", "ssid=t\nmacaddr_acl=3", "ssid=t\nrsn_pairwise=WEP40", "ssid=t\nwpa_key_mgmt=FOO",
                "ssid=t\nwpa_psk=0123", "ssid2=abc", "ssid=t\njunk", "ssid=t\nauth_algs=0", "ssid=t\ndriver=madwifi")) {
            String text = BASE + extra + "\n";
            assertFalse(realAccepts(text), text);
            assertFalse(weAccept(text), text);
        }
    }

    /** The deliberate differences KEYS.md lists: hostapd accepts, wpa4j refuses (or, for unknown keys, the reverse). */
    @Test
    void wpa4jIsStricterHere() throws Exception {
        for (String extra : List.of("ssid=t\nwpa=2\nwpa_passphrase=password1", "ssid=t\nwpa=2\nwpa_passphrase=password1\nrsn_pairwise=CCMP TKIP",
                "ssid=t\nwpa=3\nwpa_passphrase=password1\nrsn_pairwise=CCMP", "ssid=t\nchannel=0", "ssid=t\nbeacon_int=100ms",
                "ssid=t\nap_isolate=1", "ssid=t\nmacaddr_acl=2", "ssid=t\nchannel=13\ncountry_code=US",
                "ssid=t\nwpa=2\nwpa_passphrase=password1\nrsn_pairwise=CCMP\nieee80211w=1\nbeacon_prot=2")) {
            String text = BASE + extra + "\n";
            assertTrue(realAccepts(text), text);
            assertFalse(weAccept(text), text);
        }
        String unknown = BASE + "ssid=t\nfoo=1\n";
        assertFalse(realAccepts(unknown));
        assertTrue(weAccept(unknown));
    }
}
