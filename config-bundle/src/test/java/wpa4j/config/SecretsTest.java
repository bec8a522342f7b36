package wpa4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import wpa4j.config.ap.ApBlock;
import wpa4j.config.ap.ApFile;
import wpa4j.config.ap.HostapdConf;
import wpa4j.config.station.NetworkBlock;
import wpa4j.config.station.StationFile;
import wpa4j.config.station.WpaSupplicantConf;

/**
 * The passphrase and the PSK never appear in any toString or exception message built from a configuration
 * holding them, valid or not.
 */
class SecretsTest {
    static final String PASS = "TopSecretPass123";
    static final String HEX = "5ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2";
    static final Source AT = new Source("x.conf", 1);

    final List<String> texts = new ArrayList<>();

    void collect(Object o) {
        texts.add(String.valueOf(o));
    }

    void collect(ConfigException e) {
        texts.add(e.getMessage());
        texts.add(e.toString());
        e.problems().forEach(this::collect);
        e.warnings().forEach(this::collect);
    }

    void expectFailure(Runnable r) {
        collect(assertThrows(ConfigException.class, r::run));
    }

    @Test
    void noSecretInAnyText(@TempDir Path dir) throws Exception {
        StationFile f = WpaSupplicantConf.parse("wpa.conf", Arrays.asList("""
                network={
                \tssid="a"
                \tpsk="%s"
                \tkey_mgmt=SAE WPA-PSK
                \tsae_password="%s"
                \tpassword="%s"
                }
                network={
                \tssid="b"
                \tpsk=%s
                }
                """.formatted(PASS, PASS, PASS, HEX).split("\n")));
        collect(f);
        f.warnings().forEach(this::collect);
        f.networks().forEach(this::collect);
        f.profiles().forEach(this::collect);
        f.profiles().forEach(p -> { collect(p.psk()); collect(p.saePassword()); });
        for (NetworkBlock b : f.networks()) {
            collect(b.get("psk"));
            collect(b.get("sae_password"));
        }

        // each secret in each invalid form
        for (String v : List.of("\"" + PASS, "\"" + PASS + "\"x", PASS, HEX + "0", HEX.substring(2), "P\"" + PASS + "\"", "\"" + PASS + "\"#\"")) {
            expectFailure(() -> new NetworkBlock(0).set("psk", v, AT));
        }
        for (String v : List.of("\"" + PASS, "\"" + PASS + "\"x", PASS + "x", "\"\"")) {
            expectFailure(() -> new NetworkBlock(0).set("sae_password", v, AT));
        }
        expectFailure(() -> WpaSupplicantConf.parse("wpa.conf", List.of("network={", "psk \"" + PASS + "\"", "psk " + HEX, "}")));
        expectFailure(() -> WpaSupplicantConf.parse("wpa.conf", List.of("network={", "ssid=\"a\"", "psk=\"" + PASS)));
        collect(new NetworkBlock(0).set("password", "\"" + PASS + "\"", AT));
        expectFailure(() -> new NetworkBlock(0).set("wep_key0 ", "\"" + PASS + "\"", AT));
        expectFailure(() -> new NetworkBlock(0).set("wep_key0", "\"" + PASS + "\"", AT));

        // hostapd
        Files.writeString(dir.resolve("psk"), "00:00:00:00:00:00 " + PASS + "\n00:00:00:00:00:01 " + HEX + "\n");
        ApFile ap = HostapdConf.parse("hostapd.conf", List.of("interface=wlan0", "ssid=t", "channel=1", "wpa=2", "rsn_pairwise=CCMP",
                "wpa_passphrase=" + PASS, "wpa_psk_file=psk", "wpa_key_mgmt=SAE WPA-PSK", "ieee80211w=2",
                "sae_password=" + PASS + "|mac=00:11:22:33:44:55", "wpa_passphrse=" + PASS), dir);
        collect(ap);
        collect(ap.profile().pskFileEntries());
        collect(ap.profile().saePasswords());
        Files.writeString(dir.resolve("bad"), PASS + " 00:00:00:00:00:00\n00:00:00:00:00:00 " + HEX + "0\nfoo=" + PASS + " x\n"
                + "00:00:00:00:00:00 " + PASS + "\r\n");
        expectFailure(() -> HostapdConf.parse("hostapd.conf", List.of("interface=wlan0", "wpa_psk_file=bad"), dir));
        for (String[] kv : new String[][] {{"wpa_passphrase", PASS + "\t"}, {"wpa_passphrase", PASS.repeat(5)}, {"wpa_psk", HEX + "0"},
                {"wpa_psk", PASS}, {"sae_password", PASS + "|id=x"}, {"sae_password", PASS + "|mac=zz"}, {"wep_key0", HEX.substring(0, 10)}}) {
            expectFailure(() -> new ApBlock().set(kv[0], kv[1], AT));
        }
        collect(new ApBlock().set("wpa_passphrase", PASS + " ", AT));

        assertFalse(texts.isEmpty());
        for (String t : texts) {
            assertFalse(t.contains(PASS), t);
            assertFalse(t.contains(HEX.substring(0, 16)), t);
        }
    }

    @Test
    void secretTextIsMaskedAndClears() {
        SecretText s = SecretText.of(PASS.getBytes());
        assertEquals("*", s.toString());
        assertEquals(SecretText.of(PASS.getBytes()), s);
        assertEquals("Passphrase[*]", Passphrase.of(PASS.getBytes()).toString());
        s.clear();
        assertThrows(IllegalStateException.class, s::bytes);
        assertEquals("*", s.toString());
    }
}
