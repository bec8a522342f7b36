package wpa4j.hostapd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import wpa4j.config.ConfigException;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Mfp;
import wpa4j.hostapd.core.Akm;
import wpa4j.hostapd.core.ApSecurity;

class ApSettingsTest {
    private static final String PASS = "ap settings passphrase";

    @TempDir
    Path home;

    private static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void configAdminKeysGoThroughHostapdConfRules() {
        ApSettings s = ApSettings.parse("wpa4j.hostapd~x", props("ifname", "wlan0", "ssid", "home", "channel", "6", ".passphrase", PASS), home);
        assertEquals("wlan0", s.ifname());
        assertEquals(6, s.config().channel());
        assertTrue(s.config().isRsn());
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains(".passphrase is kept in clear")));
        assertEquals(Path.of("/var/run/hostapd"), s.ctrlDir());
    }

    @Test
    void aBadValueIsOneLineNamingTheSourceTheKeyAndWhatIsAllowedAndNeverTheSecret() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ApSettings.parse("wpa4j.hostapd~x", props("ifname", "wlan0", "ssid", "home", "channel", "15", ".passphrase", PASS), home));
        String line = e.problems().get(0).toString();
        assertTrue(line.startsWith("wpa4j.hostapd~x: channel '15'"), line);
        assertTrue(line.contains("allowed: "), line);
        ConfigException shortPass = assertThrows(ConfigException.class,
                () -> ApSettings.parse("wpa4j.hostapd~x", props("ifname", "wlan0", "ssid", "home", ".passphrase", "short12"), home));
        assertTrue(shortPass.getMessage().contains("wpa_passphrase"), shortPass.getMessage());
        assertFalse(shortPass.getMessage().contains("short12"), "the secret is never echoed");
    }

    @Test
    void aHostapdConfWithMacListsAndAPskFileIsRunAsWritten() throws Exception {
        Files.writeString(home.resolve("deny"), "02:00:00:00:09:00\n");
        Files.writeString(home.resolve("psks"), "02:00:00:00:01:00 station-one-passphrase\n00:00:00:00:00:00 everyone-passphrase\n");
        Path conf = home.resolve("hostapd.conf");
        Files.writeString(conf, String.join("\n", "interface=wlan0", "driver=nl80211", "ssid=filed", "hw_mode=g", "channel=11", "country_code=DE",
                "wpa=2", "wpa_psk_file=psks", "wpa_key_mgmt=WPA-PSK", "rsn_pairwise=CCMP", "macaddr_acl=0", "deny_mac_file=deny",
                "ctrl_interface=/run/hostapd-test", "logger_syslog=-1", "") );
        ApSettings s = ApSettings.parse("wpa4j.hostapd~f", props("confFile", "hostapd.conf"), home);
        assertEquals("wlan0", s.ifname());
        assertEquals("nl80211", s.driver());
        assertEquals(11, s.config().channel());
        assertEquals(Path.of("/run/hostapd-test"), s.ctrlDir());
        assertFalse(s.config().macFilter().allows(MacAddress.parse("02:00:00:00:09:00")));
        assertTrue(s.config().macFilter().allows(MacAddress.parse("02:00:00:00:01:00")));
        assertEquals(2, s.config().psksFor(MacAddress.parse("02:00:00:00:01:00")).size(), "a station of the PSK file: its own key, then everyone's");
        assertEquals(1, s.config().psksFor(MacAddress.parse("02:00:00:00:02:00")).size());
        assertFalse(s.config().psksFor(MacAddress.parse("02:00:00:00:01:00")).get(0).sameAs(s.config().psksFor(MacAddress.parse("02:00:00:00:02:00")).get(0)));
    }

    @Test
    void wpa3FromAHostapdConfRunsAndWhatTheCoreCannotDoYetIsRefusedNotIgnored() throws Exception {
        Path conf = home.resolve("sae.conf");
        Files.writeString(conf, String.join("\n", "interface=wlan0", "ssid=wpa3", "hw_mode=g", "channel=1", "wpa=2", "wpa_key_mgmt=SAE",
                "sae_password=" + PASS + "|mac=02:00:00:00:01:00", "sae_password=" + PASS + " for everyone", "rsn_pairwise=CCMP", "ieee80211w=2",
                "sae_pwe=2", "sae_groups=20 19", "assoc_sa_query_max_timeout=500", ""));
        ApSecurity s = ApSettings.parse("wpa4j.hostapd~s", props("confFile", conf.toString()), home).config().security();
        assertEquals(Set.of(Akm.SAE), s.akms());
        assertEquals(Mfp.REQUIRED, s.ieee80211w());
        assertEquals(2, s.sae().pwe());
        assertEquals(List.of(20, 19), s.sae().groups());
        assertEquals(500, s.saQuery().maxTimeoutTu());
        assertEquals(Optional.of(MacAddress.parse("02:00:00:00:01:00")), s.sae().passwordFor(MacAddress.parse("02:00:00:00:01:00")).orElseThrow().peer());
        assertEquals(Optional.empty(), s.sae().passwordFor(MacAddress.parse("02:00:00:00:02:00")).orElseThrow().peer());

        Path five = home.resolve("a.conf");
        Files.writeString(five, String.join("\n", "interface=wlan0", "ssid=wpa3", "hw_mode=a", "channel=36", "country_code=DE", "wpa=2", "wpa_key_mgmt=SAE",
                "sae_password=" + PASS, "rsn_pairwise=CCMP", "ieee80211w=2", ""));
        ConfigException e = assertThrows(ConfigException.class, () -> ApSettings.parse("wpa4j.hostapd~a", props("confFile", five.toString()), home));
        assertTrue(e.problems().stream().anyMatch(p -> p.key().equals("hw_mode")), e.problems().toString());
    }

    @Test
    void transitionModeFromConfigAdminWithThePassphraseAsSaePasswordAndAnSaePasswordFile() throws Exception {
        Files.writeString(home.resolve("pass"), PASS + "\n");
        ApSettings t = ApSettings.parse("wpa4j.hostapd~t", props("ifname", "wlan0", "ssid", "home", "passphraseFile", "pass", "keyMgmt", "WPA-PSK, SAE",
                "ieee80211w", "1", "saePwe", "2"), home);
        ApSecurity s = t.config().security();
        assertEquals(Set.of(Akm.PSK, Akm.SAE), s.akms());
        assertEquals(Mfp.OPTIONAL, s.ieee80211w());
        assertEquals(1, s.sae().passwords().size(), "hostapd's fallback: wpa_passphrase is the SAE password");
        assertEquals(1, t.config().psksFor(MacAddress.parse("02:00:00:00:01:00")).size());
        assertTrue(t.warnings().isEmpty(), t.warnings().toString());

        Files.writeString(home.resolve("sae"), "# WPA3 only\n" + PASS + "|mac=02:00:00:00:01:00\n\nsecond sae password\n");
        ApSecurity only = ApSettings.parse("wpa4j.hostapd~s", props("ifname", "wlan0", "ssid", "home", "saePasswordFile", "sae", "keyMgmt", "SAE",
                "ieee80211w", "2", "saeGroups", new String[] {"20", "19"}), home).config().security();
        assertEquals(2, only.sae().passwords().size());
        assertEquals(List.of(20, 19), only.sae().groups(), "a Metatype list as sae_groups");
        assertFalse(only.offersPsk());

        ApSettings noPmf = ApSettings.parse("wpa4j.hostapd~w", props("ifname", "wlan0", "ssid", "home", "passphraseFile", "pass", "keyMgmt", "SAE"), home);
        assertTrue(noPmf.warnings().stream().anyMatch(w -> w.contains("ieee80211w '0' with SAE is not WPA3")), noPmf.warnings().toString());
        assertEquals(Mfp.NO, noPmf.config().security().ieee80211w(), "hostapd runs it anyway");

        ConfigException noSecret = assertThrows(ConfigException.class,
                () -> ApSettings.parse("wpa4j.hostapd~n", props("ifname", "wlan0", "ssid", "home", "keyMgmt", "SAE"), home));
        assertTrue(noSecret.getMessage().contains("keyMgmt 'SAE' needs a secret"), noSecret.getMessage());
        ConfigException unreadable = assertThrows(ConfigException.class,
                () -> ApSettings.parse("wpa4j.hostapd~u", props("ifname", "wlan0", "ssid", "home", "saePasswordFile", "missing", "keyMgmt", "SAE"), home));
        assertTrue(unreadable.getMessage().contains("saePasswordFile 'missing' cannot be read"), unreadable.getMessage());
        ConfigException badLine = assertThrows(ConfigException.class, () -> {
            Files.writeString(home.resolve("bad"), "secret-password|id=7\n");
            ApSettings.parse("wpa4j.hostapd~b", props("ifname", "wlan0", "ssid", "home", "saePasswordFile", "bad", "keyMgmt", "SAE"), home);
        });
        assertFalse(badLine.getMessage().contains("secret-password"), "an SAE password is never echoed");
    }

    @Test
    void beaconProtFromConfigAdminAndFromAHostapdConfNeedsPmfAsInHostapd() throws Exception {
        Files.writeString(home.resolve("pass"), PASS + "\n");
        ApSettings on = ApSettings.parse("wpa4j.hostapd~b", props("ifname", "wlan0", "ssid", "home", "passphraseFile", "pass", "keyMgmt", "WPA-PSK",
                "ieee80211w", "1", "beaconProt", "1"), home);
        assertTrue(on.config().security().beaconProt());
        assertTrue(on.warnings().isEmpty(), on.warnings().toString());
        assertFalse(ApSettings.parse("wpa4j.hostapd~b", props("ifname", "wlan0", "ssid", "home", "passphraseFile", "pass", "ieee80211w", "1"), home)
                .config().security().beaconProt(), "off by default, as beacon_prot=0");

        ApSettings noPmf = ApSettings.parse("wpa4j.hostapd~b", props("ifname", "wlan0", "ssid", "home", "passphraseFile", "pass", "beaconProt", 1),
                home);
        assertFalse(noPmf.config().security().beaconProt(), "hostapd makes no BIGTK with ieee80211w=0; the BSS runs");
        assertEquals(List.of("wpa4j.hostapd~b: beacon_prot '1' has no effect with ieee80211w=0 (beacon protection needs management frame "
                + "protection, ieee80211w=1 or 2): the BSS runs without beacon protection"), noPmf.warnings());

        ConfigException bad = assertThrows(ConfigException.class, () -> ApSettings.parse("wpa4j.hostapd~b", props("ifname", "wlan0", "ssid", "home",
                "passphraseFile", "pass", "ieee80211w", "2", "beaconProt", "2"), home));
        assertEquals("wpa4j.hostapd~b: beacon_prot '2' is out of range; allowed: 0 (disabled), 1 (enabled)", bad.getMessage());

        Path conf = home.resolve("bp.conf");
        Files.writeString(conf, String.join("\n", "interface=wlan0", "ssid=wpa3", "hw_mode=g", "channel=1", "wpa=2", "wpa_key_mgmt=SAE",
                "sae_password=" + PASS, "rsn_pairwise=CCMP", "ieee80211w=2", "beacon_prot=1", ""));
        ApSettings file = ApSettings.parse("wpa4j.hostapd~f", props("confFile", conf.toString()), home);
        assertTrue(file.config().security().beaconProt());
        assertTrue(file.config().toString().contains("beacon_prot=1"), file.config().toString());
        Files.writeString(conf, String.join("\n", "interface=wlan0", "ssid=wpa3", "hw_mode=g", "channel=1", "wpa=2", "wpa_passphrase=" + PASS,
                "rsn_pairwise=CCMP", "beacon_prot=1", ""));
        ApSettings fileNoPmf = ApSettings.parse("wpa4j.hostapd~f", props("confFile", conf.toString()), home);
        assertFalse(fileNoPmf.config().security().beaconProt());
        assertTrue(fileNoPmf.warnings().stream().anyMatch(w -> w.startsWith(conf + ":8: beacon_prot '1' has no effect with ieee80211w=0")),
                fileNoPmf.warnings().toString());
    }

    @Test
    void aMisspeltSecretKeyIsRefusedRatherThanRunningAnOpenApAndOtherUnknownKeysWarn() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ApSettings.parse("wpa4j.hostapd~x", props("ifname", "wlan0", "ssid", "home", ".Passphrase", PASS), home));
        assertTrue(e.getMessage().startsWith("wpa4j.hostapd~x: .Passphrase: is not a key of this configuration"), e.getMessage());
        assertFalse(e.getMessage().contains(PASS));
        ApSettings s = ApSettings.parse("wpa4j.hostapd~x", props("ifname", "wlan0", "ssid", "home", "chanel", "6", ".passphrase", PASS,
                "felix.fileinstall.filename", "file:/etc/x.cfg", "service.factoryPid", "wpa4j.hostapd"), home);
        assertTrue(s.warnings().contains("wpa4j.hostapd~x: unknown key 'chanel' ignored"), s.warnings().toString());
        assertEquals(2, s.warnings().size(), s.warnings().toString());
    }
}
