package wpa4j.config.ap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.config.ConfigException;
import wpa4j.config.Passphrase;
import wpa4j.config.Problem;
import wpa4j.config.RawPsk;
import wpa4j.config.Source;
import wpa4j.config.station.KeyMgmt;
import wpa4j.driver.types.HwModeType;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;

/** Every hostapd key: accepted forms, and each refused form with its exact diagnostic. */
class ApBlockTest {
    static final Source AT = new Source("hostapd.conf", 4);
    static final String HEX64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    static String error(String key, String value) {
        ConfigException e = assertThrows(ConfigException.class, () -> new ApBlock().set(key, value, AT));
        assertEquals(1, e.problems().size());
        return e.getMessage();
    }

    static ApBlock with(String... kv) {
        ApBlock b = new ApBlock();
        b.set("interface", "wlan0", AT);
        b.set("channel", "6", AT);
        for (int i = 0; i < kv.length; i += 2) {
            b.set(kv[i], kv[i + 1], AT);
        }
        return b;
    }

    static ApProfile profile(String... kv) {
        return with(kv).profile(Source.of("hostapd.conf"));
    }

    static List<String> profileErrors(String... kv) {
        ConfigException e = assertThrows(ConfigException.class, () -> with(kv).profile(Source.of("hostapd.conf")));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void defaultsAreHostapds() {
        ApProfile p = profile("ssid", "test");
        assertEquals(HwModeType.IEEE80211B, p.hwMode(), "hostapd's default hw_mode is b");
        assertEquals(0, p.wpa());
        assertEquals(Set.of(), p.wpaKeyMgmt(), "open BSS: no security fields");
        assertEquals(2007, p.maxNumSta());
        assertEquals(300, p.apMaxInactivity());
        assertEquals(100, p.beaconInt());
        assertEquals(2, p.dtimPeriod());
        assertEquals(86400, p.wpaGroupRekey());
        assertEquals(MacAcl.ACCEPT_UNLESS_DENIED, p.macaddrAcl());
        assertEquals(Optional.empty(), p.driver());
    }

    @Test
    void ssidIsLiteralSsid2IsWpaString() {
        assertEquals(Ssid.ofUtf8("My \"Net\" #1 "), profile("ssid", "My \"Net\" #1 ").ssid());
        assertEquals(Ssid.ofUtf8("caf\u00e9"), profile("ssid", "caf\u00e9").ssid());
        assertEquals(Ssid.of((byte) 'a', (byte) 0, (byte) 'b'), profile("ssid2", "610062").ssid());
        assertEquals(Ssid.of((byte) 'a', (byte) 0xff), profile("ssid2", "P\"a\\xff\"").ssid());
        assertEquals("hostapd.conf:4: ssid '' is 0 octets long; allowed: 1..32 octets", error("ssid", ""));
        assertEquals("hostapd.conf:4: ssid '" + "x".repeat(33) + "' is 33 octets long; allowed: 1..32 octets", error("ssid", "x".repeat(33)));
        assertEquals("hostapd.conf:4: ssid2 '\"\"' is 0 octets long; allowed: 1..32 octets", error("ssid2", "\"\""));
        assertEquals("hostapd.conf:4: ssid2 'abc' has an odd number of hex digits; allowed: \"text\", P\"escaped text\" or an even number of hex digits",
                error("ssid2", "abc"));
        assertEquals("hostapd.conf:4: ssid: value ends with white space, which hostapd keeps as part of it",
                new ApBlock().set("ssid", "Net ", AT).get(0).toString());
    }

    @Test
    void interfaceAndDriver() {
        assertEquals(Optional.of("sim"), profile("ssid", "t", "driver", "sim").driver());
        assertEquals(Optional.of("nl80211"), profile("ssid", "t", "driver", "nl80211").driver());
        String allowed = "; allowed: nl80211, sim";
        assertEquals("hostapd.conf:4: driver 'wired' is not supported by wpa4j" + allowed, error("driver", "wired"));
        assertEquals("hostapd.conf:4: driver 'bsd' is not supported by wpa4j" + allowed, error("driver", "bsd"));
        assertEquals("hostapd.conf:4: driver 'wext' has no access point mode in wpa4j" + allowed, error("driver", "wext"));
        assertEquals("hostapd.conf:4: driver 'madwifi' is not a driver hostapd or wpa4j knows" + allowed, error("driver", "madwifi"));
        assertEquals("hostapd.conf:4: interface 'wlan0:1' is not a valid interface name; allowed: 1..15 printable characters, no '/', ':' or white space",
                error("interface", "wlan0:1"));
        assertEquals("hostapd.conf:4: interface 'averyveryverylongname' is not a valid interface name; allowed: 1..15 printable characters, no '/', ':' or white space",
                error("interface", "averyveryverylongname"));
    }

    @Test
    void hwModeAndChannel() {
        assertEquals(HwModeType.IEEE80211A, profile("ssid", "t", "hw_mode", "a", "channel", "36", "country_code", "DE").hwMode());
        assertEquals("hostapd.conf:4: hw_mode 'ad' (60 GHz) is not supported by wpa4j; allowed: a, b, g", error("hw_mode", "ad"));
        assertEquals("hostapd.conf:4: hw_mode 'any' (chosen by automatic channel selection) is not supported by wpa4j; allowed: a, b, g",
                error("hw_mode", "any"));
        assertEquals("hostapd.conf:4: hw_mode 'n' is not a mode hostapd knows; allowed: a, b, g", error("hw_mode", "n"));
        assertEquals("hostapd.conf:4: channel '0' asks for automatic channel selection, which wpa4j does not support; allowed: a channel number",
                error("channel", "0"));
        assertEquals("hostapd.conf:4: channel 'acs_survey' asks for automatic channel selection, which wpa4j does not support; allowed: a channel number",
                error("channel", "acs_survey"));
        assertEquals("hostapd.conf:4: channel 'six' is not a number; allowed: a channel number", error("channel", "six"));
        assertEquals("hostapd.conf:4: country_code 'de' is not a country code; allowed: two upper-case letters (ISO 3166-1 alpha-2)",
                error("country_code", "de"));
        assertEquals("hostapd.conf:4: country_code '00' is not a country code; allowed: two upper-case letters (ISO 3166-1 alpha-2)",
                error("country_code", "00"));
    }

    @Test
    void channelTable() {
        assertEquals(List.of("hostapd.conf:4: channel '12' is not allowed in country US; allowed: 1..11"),
                profileErrors("ssid", "t", "hw_mode", "g", "country_code", "US", "channel", "12"));
        assertEquals(13, profile("ssid", "t", "hw_mode", "g", "country_code", "DE", "channel", "13").channel());
        assertEquals(13, profile("ssid", "t", "hw_mode", "g", "country_code", "CA", "channel", "13").channel(), "regdb: CA allows 12, 13");
        assertEquals(List.of("hostapd.conf:4: channel '12' may not start a BSS without country_code (world regulatory domain) "
                + "(passive scanning only); set country_code; allowed: 1..11"), profileErrors("ssid", "t", "hw_mode", "g", "channel", "12"));
        assertEquals(14, profile("ssid", "t", "hw_mode", "b", "country_code", "JP", "channel", "14").channel());
        assertEquals(List.of("hostapd.conf:4: channel '14' is allowed only for 802.11b (hw_mode=b) in country JP; allowed: 1..13"),
                profileErrors("ssid", "t", "hw_mode", "g", "country_code", "JP", "channel", "14"));
        assertEquals(List.of("hostapd.conf:4: channel '14' is not allowed in country DE; allowed: 1..13"),
                profileErrors("ssid", "t", "hw_mode", "b", "country_code", "DE", "channel", "14"));
        assertEquals(List.of("hostapd.conf:4: channel '36' is not a 2.4 GHz channel (hw_mode=b); allowed: 1..11"),
                profileErrors("ssid", "t", "channel", "36"));
        assertEquals(List.of("hostapd.conf:4: channel '6' is not a 5 GHz channel (hw_mode=a); allowed: 36..48, 149..165"),
                profileErrors("ssid", "t", "hw_mode", "a", "country_code", "US", "channel", "6"));
        assertEquals(List.of("hostapd.conf:4: channel '52' needs radar detection (DFS) in country DE, which wpa4j does not implement; allowed: 36..48, 149..165"),
                profileErrors("ssid", "t", "hw_mode", "a", "country_code", "DE", "channel", "52"));
        assertEquals(List.of("hostapd.conf:4: channel '149' is not allowed in country JP; allowed: 36..48"),
                profileErrors("ssid", "t", "hw_mode", "a", "country_code", "JP", "channel", "149"));
        assertEquals(List.of("hostapd.conf:4: channel '36' may not start a BSS without country_code (world regulatory domain) "
                + "(passive scanning only); set country_code; allowed: none (set country_code)"),
                profileErrors("ssid", "t", "hw_mode", "a", "channel", "36"));
        assertEquals(List.of("hostapd.conf:4: channel '100' needs radar detection (DFS), which wpa4j does not implement; allowed: 36..48, 149..165"),
                profileErrors("ssid", "t", "hw_mode", "a", "country_code", "AU", "channel", "100"));
        assertEquals(List.of("hostapd.conf:4: country_code 'AU' is not in wpa4j's channel table; the channel was checked against the band only"),
                with("ssid", "t", "hw_mode", "a", "country_code", "AU", "channel", "36").advisories(Source.of("hostapd.conf"))
                        .stream().map(Problem::toString).toList());
        assertEquals(List.of("hostapd.conf: channel: missing; automatic channel selection is not supported by wpa4j; allowed: 1..11"),
                assertThrows(ConfigException.class, () -> {
                    ApBlock b = new ApBlock();
                    b.set("interface", "wlan0", AT);
                    b.set("ssid", "t", AT);
                    b.profile(Source.of("hostapd.conf"));
                }).problems().stream().map(Problem::toString).toList());
    }

    @Test
    void security() {
        ApProfile p = profile("ssid", "t", "wpa", "2", "wpa_passphrase", "TopSecretPass123", "rsn_pairwise", "CCMP",
                "wpa_key_mgmt", "WPA-PSK WPA-PSK-SHA256", "ieee80211w", "1", "wpa_group_rekey", "3600");
        assertEquals(Optional.of(Passphrase.of("TopSecretPass123".getBytes())), p.wpaPsk());
        assertEquals(Set.of(KeyMgmt.WPA_PSK, KeyMgmt.WPA_PSK_SHA256), p.wpaKeyMgmt());
        assertEquals(Set.of("CCMP"), p.rsnPairwise());
        assertEquals(1, p.ieee80211w());
        assertEquals(3600, p.wpaGroupRekey());
        assertEquals(RawPsk.class, profile("ssid", "t", "wpa", "2", "wpa_psk", HEX64, "rsn_pairwise", "CCMP").wpaPsk().orElseThrow().getClass());
        assertEquals(Set.of("CCMP"), profile("ssid", "t", "wpa", "2", "wpa_psk", HEX64, "wpa_pairwise", "CCMP").rsnPairwise(),
                "rsn_pairwise defaults to wpa_pairwise, as in hostapd");

        assertEquals("hostapd.conf:4: wpa '1' (WPA1) is not supported by wpa4j; allowed: 0 (open), 2 (WPA2/RSN)", error("wpa", "1"));
        assertEquals("hostapd.conf:4: wpa '3' (WPA1 and WPA2) is not supported by wpa4j; allowed: 0 (open), 2 (WPA2/RSN)", error("wpa", "3"));
        assertEquals("hostapd.conf:4: wpa '4' is out of range; allowed: 0 (open), 2 (WPA2/RSN)", error("wpa", "4"));
        assertEquals("hostapd.conf:4: wpa_passphrase: a passphrase must be 8..63 printable ASCII characters", error("wpa_passphrase", "short"));
        assertEquals("hostapd.conf:4: wpa_passphrase: a passphrase must be 8..63 printable ASCII characters", error("wpa_passphrase", "x".repeat(64)));
        assertEquals("hostapd.conf:4: wpa_psk: must be 64 hex digits (a raw PSK)", error("wpa_psk", "TopSecretPass123"));
        assertEquals("hostapd.conf:4: wpa_key_mgmt 'WPA-EAP' is not supported by wpa4j; allowed: WPA-PSK, WPA-PSK-SHA256, SAE", error("wpa_key_mgmt", "WPA-EAP"));
        assertEquals("hostapd.conf:4: wpa_key_mgmt 'NONE' is not a key management hostapd knows; allowed: WPA-PSK, WPA-PSK-SHA256, SAE",
                error("wpa_key_mgmt", "NONE"));
        assertEquals("hostapd.conf:4: rsn_pairwise 'CCMP TKIP' is not supported by wpa4j; allowed: CCMP", error("rsn_pairwise", "CCMP TKIP"));
        assertEquals("hostapd.conf:4: rsn_pairwise 'GCMP' is not supported by wpa4j; allowed: CCMP", error("rsn_pairwise", "GCMP"));
        assertEquals("hostapd.conf:4: rsn_pairwise 'WEP40' is not allowed as a pairwise cipher; allowed: CCMP", error("rsn_pairwise", "WEP40"));
        assertEquals("hostapd.conf:4: wpa_pairwise 'AES' is not a cipher hostapd knows; allowed: CCMP", error("wpa_pairwise", "AES"));
        assertEquals("hostapd.conf:4: ieee80211w '3' is out of range; allowed: 0 (disabled), 1 (optional), 2 (required)", error("ieee80211w", "3"));
        assertEquals("hostapd.conf:4: wpa_group_rekey '-1' is out of range; allowed: seconds, 0 for never", error("wpa_group_rekey", "-1"));

        assertEquals(List.of("hostapd.conf: wpa_passphrase: missing; wpa_key_mgmt WPA-PSK needs wpa_passphrase, wpa_psk or wpa_psk_file",
                "hostapd.conf: rsn_pairwise: missing; hostapd would use wpa_pairwise 'TKIP', which wpa4j does not support; allowed: CCMP"),
                profileErrors("ssid", "t", "wpa", "2"));
        assertEquals(List.of("hostapd.conf: sae_password: missing; wpa_key_mgmt SAE needs sae_password or wpa_passphrase"),
                profileErrors("ssid", "t", "wpa", "2", "wpa_key_mgmt", "SAE", "wpa_psk", HEX64, "rsn_pairwise", "CCMP"));
    }

    @Test
    void saePasswords() {
        ApProfile p = profile("ssid", "t", "wpa", "2", "wpa_key_mgmt", "SAE", "rsn_pairwise", "CCMP", "ieee80211w", "2", "sae_pwe", "2",
                "sae_password", "TopSecretPass123", "sae_password", "pass|word|mac=00:11:22:33:44:55");
        assertEquals(2, p.saePasswords().size());
        assertEquals(Optional.of(MacAddress.parse("00:11:22:33:44:55")), p.saePasswords().get(1).peer());
        assertEquals("pass|word", new String(p.saePasswords().get(1).password().bytes()));
        assertEquals(2, p.saePwe());
        assertEquals("hostapd.conf:4: sae_password: the id parameter is not supported by wpa4j; allowed: <password>[|mac=aa:bb:cc:dd:ee:ff]",
                error("sae_password", "TopSecretPass123|id=x"));
        assertEquals("hostapd.conf:4: sae_password: the vlanid parameter is not supported by wpa4j; allowed: <password>[|mac=aa:bb:cc:dd:ee:ff]",
                error("sae_password", "TopSecretPass123|vlanid=3"));
        assertEquals("hostapd.conf:4: sae_password: the mac parameter is not a MAC address; allowed: <password>[|mac=aa:bb:cc:dd:ee:ff]",
                error("sae_password", "TopSecretPass123|mac=00:11"));
        assertEquals("hostapd.conf:4: sae_password: the password is empty", error("sae_password", ""));
        assertEquals("hostapd.conf:4: sae_pwe '3' is out of range; allowed: 0 (hunting-and-pecking), 1 (hash-to-element), 2 (both)", error("sae_pwe", "3"));
        assertEquals(List.of("hostapd.conf:4: ieee80211w '0' with SAE is not WPA3 (which requires management frame protection); stations may refuse it; "
                + "allowed: 1 (optional), 2 (required)"),
                with("ssid", "t", "wpa", "2", "wpa_key_mgmt", "SAE", "rsn_pairwise", "CCMP", "ieee80211w", "0", "sae_password", "TopSecretPass123")
                        .advisories(Source.of("hostapd.conf")).stream().map(Problem::toString).toList());
    }

    @Test
    void saeGroupsAntiCloggingAndPmfTimingsAsHostapdTakesThem() {
        ApProfile d = profile("ssid", "t", "wpa", "2", "wpa_key_mgmt", "SAE", "rsn_pairwise", "CCMP", "sae_password", "TopSecretPass123");
        assertEquals(List.of(19), d.saeGroups(), "hostapd's default group");
        assertEquals(5, d.saeAntiCloggingThreshold());
        assertEquals(1000, d.assocSaQueryMaxTimeout());
        assertEquals(201, d.assocSaQueryRetryTimeout());
        ApProfile p = profile("ssid", "t", "wpa", "2", "wpa_key_mgmt", "SAE", "rsn_pairwise", "CCMP", "sae_password", "TopSecretPass123",
                "sae_groups", "20 19  21", "anti_clogging_threshold", "0", "group_mgmt_cipher", "AES-128-CMAC", "assoc_sa_query_max_timeout", "50",
                "assoc_sa_query_retry_timeout", "10");
        assertEquals(List.of(20, 19, 21), p.saeGroups());
        assertEquals(0, p.saeAntiCloggingThreshold());
        assertEquals(50, p.assocSaQueryMaxTimeout());
        assertEquals(10, p.assocSaQueryRetryTimeout());
        assertEquals("hostapd.conf:4: sae_groups '15' is not a group wpa4j supports; allowed: 19 20 21", error("sae_groups", "19 15"));
        assertEquals("hostapd.conf:4: sae_groups '' has no groups; allowed: 19 20 21", error("sae_groups", ""));
        assertEquals("hostapd.conf:4: group_mgmt_cipher 'BIP-GMAC-256' is not supported by wpa4j; allowed: AES-128-CMAC",
                error("group_mgmt_cipher", "BIP-GMAC-256"));
        assertEquals("hostapd.conf:4: group_mgmt_cipher 'CCMP' is not a group management cipher hostapd knows; allowed: AES-128-CMAC",
                error("group_mgmt_cipher", "CCMP"));
        assertEquals("hostapd.conf:4: assoc_sa_query_max_timeout '0' is out of range; allowed: TUs, above 0", error("assoc_sa_query_max_timeout", "0"));
    }

    @Test
    void beaconProtIsOffByDefaultAndTakesEffectOnlyWithPmfAsInHostapd() {
        String[] wpa2 = {"ssid", "t", "wpa", "2", "wpa_passphrase", "TopSecretPass123", "rsn_pairwise", "CCMP"};
        assertEquals(false, profile(wpa2).beaconProt(), "hostapd's default beacon_prot=0");
        ApBlock on = with(concat(wpa2, "ieee80211w", "1", "beacon_prot", "1"));
        assertEquals(true, on.profile(Source.of("hostapd.conf")).beaconProt());
        assertEquals(List.of(), on.advisories(Source.of("hostapd.conf")));
        assertEquals(false, profile(concat(wpa2, "ieee80211w", "2", "beacon_prot", "0")).beaconProt());

        assertEquals("hostapd.conf:4: beacon_prot '2' is out of range; allowed: 0 (disabled), 1 (enabled)", error("beacon_prot", "2"));
        assertEquals("hostapd.conf:4: beacon_prot 'on' is not a number; allowed: 0 (disabled), 1 (enabled)", error("beacon_prot", "on"));

        // hostapd accepts it without PMF and makes no BIGTK (wpa_gtk_update needs ieee80211w): a warning, the BSS still runs
        ApBlock noPmf = with(concat(wpa2, "beacon_prot", "1"));
        assertEquals(true, noPmf.profile(Source.of("hostapd.conf")).beaconProt(), "kept as configured; the AP core leaves it off");
        assertEquals(List.of("hostapd.conf:4: beacon_prot '1' has no effect with ieee80211w=0 (beacon protection needs management frame protection, "
                + "ieee80211w=1 or 2): the BSS runs without beacon protection"),
                noPmf.advisories(Source.of("hostapd.conf")).stream().map(Problem::toString).toList());
        assertEquals(List.of("hostapd.conf:4: beacon_prot '1' has no effect on an open BSS (wpa=0 has no group keys): the BSS runs without beacon "
                + "protection"), with("ssid", "t", "beacon_prot", "1").advisories(Source.of("hostapd.conf")).stream().map(Problem::toString).toList());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void theProfileOf11StillConstructsWithoutBeaconProtection() {
        ApProfile p = profile("ssid", "t", "wpa", "2", "wpa_key_mgmt", "SAE", "rsn_pairwise", "CCMP", "sae_password", "TopSecretPass123",
                "ieee80211w", "2", "sae_groups", "20");
        ApProfile old = new ApProfile(p.interfaceName(), p.driver(), p.ssid(), p.hwMode(), p.channel(), p.countryCode(), p.ignoreBroadcastSsid(),
                p.wpa(), p.wpaPsk(), p.wpaPskFile(), p.pskFileEntries(), p.wpaKeyMgmt(), p.rsnPairwise(), p.wpaGroupRekey(), p.maxNumSta(),
                p.apMaxInactivity(), p.macaddrAcl(), p.acceptMacs(), p.denyMacs(), p.ieee80211w(), p.beaconInt(), p.dtimPeriod(), p.saePasswords(),
                p.saePwe(), p.ctrlInterface(), p.ctrlInterfaceGroup(), p.saeGroups(), p.saeAntiCloggingThreshold(), p.assocSaQueryMaxTimeout(),
                p.assocSaQueryRetryTimeout());
        assertEquals(p, old, "what the file gives without beacon_prot is what the 1.1 constructor gives");
    }

    @Test
    void theProfileOf10StillConstructsWithHostapdsDefaultsForTheNewKeys() {
        ApProfile p = profile("ssid", "t", "wpa", "2", "wpa_key_mgmt", "SAE", "rsn_pairwise", "CCMP", "sae_password", "TopSecretPass123");
        ApProfile old = new ApProfile(p.interfaceName(), p.driver(), p.ssid(), p.hwMode(), p.channel(), p.countryCode(), p.ignoreBroadcastSsid(),
                p.wpa(), p.wpaPsk(), p.wpaPskFile(), p.pskFileEntries(), p.wpaKeyMgmt(), p.rsnPairwise(), p.wpaGroupRekey(), p.maxNumSta(),
                p.apMaxInactivity(), p.macaddrAcl(), p.acceptMacs(), p.denyMacs(), p.ieee80211w(), p.beaconInt(), p.dtimPeriod(), p.saePasswords(),
                p.saePwe(), p.ctrlInterface(), p.ctrlInterfaceGroup());
        assertEquals(p, old, "what the file gives without the new keys is what the 1.0 constructor gives");
    }

    @Test
    void rangesAndOthers() {
        ApProfile p = profile("ssid", "t", "beacon_int", "10", "dtim_period", "255", "max_num_sta", "0", "ap_max_inactivity", "60",
                "ignore_broadcast_ssid", "2", "macaddr_acl", "0", "ctrl_interface", "/var/run/hostapd", "ctrl_interface_group", "0");
        assertEquals(10, p.beaconInt());
        assertEquals(255, p.dtimPeriod());
        assertEquals(0, p.maxNumSta());
        assertEquals(60, p.apMaxInactivity());
        assertEquals(2, p.ignoreBroadcastSsid());
        assertEquals(Optional.of(java.nio.file.Path.of("/var/run/hostapd")), p.ctrlInterface());
        assertEquals(Optional.of("0"), p.ctrlInterfaceGroup());
        assertEquals("hostapd.conf:4: beacon_int '9' is out of range; allowed: 10..65535 (TU)", error("beacon_int", "9"));
        assertEquals("hostapd.conf:4: beacon_int '100ms' is not a number; allowed: 10..65535 (TU)", error("beacon_int", "100ms"));
        assertEquals("hostapd.conf:4: dtim_period '0' is out of range; allowed: 1..255", error("dtim_period", "0"));
        assertEquals("hostapd.conf:4: max_num_sta '2008' is out of range; allowed: 0..2007", error("max_num_sta", "2008"));
        assertEquals("hostapd.conf:4: ignore_broadcast_ssid '3' is out of range; allowed: 0 (SSID in beacons), 1 (empty SSID), 2 (zeroed SSID)",
                error("ignore_broadcast_ssid", "3"));
        assertEquals("hostapd.conf:4: macaddr_acl '2' (RADIUS) is not supported by wpa4j; allowed: 0 (accept unless denied), 1 (deny unless accepted)",
                error("macaddr_acl", "2"));
        assertEquals("hostapd.conf:4: ctrl_interface '' is empty; allowed: a directory", error("ctrl_interface", ""));
    }

    @Test
    void unimplementedKeys() {
        ApBlock b = new ApBlock();
        for (String[] silent : new String[][] {{"logger_syslog", "-1"}, {"logger_stdout_level", "2"}, {"auth_algs", "1"}, {"auth_algs", "3"},
                {"wmm_enabled", "0"}, {"ieee80211n", "0"}, {"wmm_ac_bk_cwmin", "4"}, {"eap_server", "0"}, {"own_ip_addr", "127.0.0.1"},
                {"rts_threshold", "-1"}, {"ap_isolate", "0"}, {"ieee8021x", "0"}}) {
            assertEquals(List.of(), b.set(silent[0], silent[1], AT), silent[0]);
        }
        assertEquals("hostapd.conf:4: wmm_enabled: not implemented by wpa4j; ignored", b.set("wmm_enabled", "1", AT).get(0).toString());
        assertEquals("hostapd.conf:4: ieee80211n: not implemented by wpa4j; ignored", b.set("ieee80211n", "1", AT).get(0).toString());
        assertEquals("hostapd.conf:4: unknown key 'wpa_passphrse' ignored", b.set("wpa_passphrse", "TopSecretPass123", AT).get(0).toString());
        assertEquals("hostapd.conf:4: auth_algs '2' (shared key only, WEP) is not supported by wpa4j; allowed: 1 (open system), 3 (open system and shared key)",
                error("auth_algs", "2"));
        assertEquals("hostapd.conf:4: auth_algs '0' allows no authentication algorithm; allowed: 1 (open system), 3 (open system and shared key)",
                error("auth_algs", "0"));
        assertEquals("hostapd.conf:4: ap_isolate '1' (stations may not reach each other) is not supported by wpa4j; allowed: 0", error("ap_isolate", "1"));
        assertEquals("hostapd.conf:4: ieee8021x '1' (802.1X/EAP) is not supported by wpa4j; allowed: 0", error("ieee8021x", "1"));
        assertEquals("hostapd.conf:4: wep_key0: WEP is not supported by wpa4j", error("wep_key0", "0102030405"));
        assertEquals("hostapd.conf:4: bss 'wlan0_1' (a second BSS) is not supported by wpa4j", error("bss", "wlan0_1"));
        assertEquals("hostapd.conf:4: ssid: white space around '=' is not allowed (the daemon would read the key as ' ssid')", error(" ssid", "x"));
    }

    @Test
    void openWithPassphraseIsAdvised() {
        assertEquals(List.of("hostapd.conf: wpa: is not set, which makes the BSS open: the passphrase is not used; allowed: 2 (WPA2/RSN)"),
                with("ssid", "t", "wpa_passphrase", "TopSecretPass123").advisories(Source.of("hostapd.conf")).stream().map(Problem::toString).toList());
        ApProfile p = profile("ssid", "t", "wpa_passphrase", "TopSecretPass123");
        assertEquals(Optional.empty(), p.wpaPsk(), "an open BSS carries no PSK");
    }
}
