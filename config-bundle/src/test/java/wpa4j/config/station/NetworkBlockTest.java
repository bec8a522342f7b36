package wpa4j.config.station;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.config.ConfigException;
import wpa4j.config.Passphrase;
import wpa4j.config.Problem;
import wpa4j.config.RawPsk;
import wpa4j.config.Source;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;

/** Every network key: the accepted forms, and each refused form with its exact one-line diagnostic. */
class NetworkBlockTest {
    static final Source AT = new Source("/etc/wpa_supplicant.conf", 7);
    static final String HEX64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    static String error(String key, String value) {
        ConfigException e = assertThrows(ConfigException.class, () -> new NetworkBlock(0).set(key, value, AT));
        assertEquals(1, e.problems().size());
        assertEquals(e.problems().get(0).toString(), e.getMessage());
        return e.getMessage();
    }

    static NetworkBlock with(String... kv) {
        NetworkBlock b = new NetworkBlock(0, AT.at(1));
        for (int i = 0; i < kv.length; i += 2) {
            b.set(kv[i], kv[i + 1], AT);
        }
        return b;
    }

    static NetworkProfile profile(String... kv) {
        return with(kv).profile(AT.at(1));
    }

    @Test
    void ssidForms() {
        assertEquals(Ssid.ofUtf8("home"), profile("ssid", "\"home\"", "key_mgmt", "NONE").ssid());
        assertEquals(Ssid.of((byte) 'a', (byte) 0, (byte) 'b'), profile("ssid", "610062", "key_mgmt", "NONE").ssid());
        assertEquals(Ssid.of((byte) 'c', (byte) 0xc3, (byte) 0xa9, (byte) 0xff), profile("ssid", "P\"c\\xc3\\xa9\\xff\"", "key_mgmt", "NONE").ssid());
        assertEquals(Ssid.ofUtf8("caf\u00e9"), profile("ssid", "\"caf\u00e9\"", "key_mgmt", "NONE").ssid(), "text is UTF-8");
        assertEquals(Ssid.ofUtf8("x".repeat(32)), profile("ssid", "\"" + "x".repeat(32) + "\"", "key_mgmt", "NONE").ssid());
        assertEquals(Optional.empty(), with("ssid", "\"a\"", "ssid", "NULL").get("ssid"), "NULL unsets a string");

        assertEquals("/etc/wpa_supplicant.conf:7: ssid '\"" + "x".repeat(33) + "\"' is 33 octets long; allowed: 0..32 octets",
                error("ssid", "\"" + "x".repeat(33) + "\""));
        assertEquals("/etc/wpa_supplicant.conf:7: ssid '\"home' has no closing quote; allowed: \"text\", P\"escaped text\" or an even number of hex digits",
                error("ssid", "\"home"));
        assertEquals("/etc/wpa_supplicant.conf:7: ssid '\"home\" x' has text after the closing quote; allowed: \"text\", P\"escaped text\" or an even number of hex digits",
                error("ssid", "\"home\" x"));
        assertEquals("/etc/wpa_supplicant.conf:7: ssid '61006' has an odd number of hex digits; allowed: \"text\", P\"escaped text\" or an even number of hex digits",
                error("ssid", "61006"));
        assertEquals("/etc/wpa_supplicant.conf:7: ssid 'home' is neither \"quoted\", P\"escaped\" nor hex digits (quote text); allowed: \"text\", P\"escaped text\" or an even number of hex digits",
                error("ssid", "home"));
    }

    @Test
    void pskForms() {
        NetworkProfile p = profile("ssid", "\"s\"", "psk", "\"TopSecretPass123\"");
        assertInstanceOf(Passphrase.class, p.psk().orElseThrow());
        assertArrayEquals("TopSecretPass123".getBytes(), ((Passphrase) p.psk().get()).text().bytes());
        assertInstanceOf(RawPsk.class, profile("ssid", "\"s\"", "psk", HEX64).psk().orElseThrow());
        assertInstanceOf(Passphrase.class, profile("ssid", "\"s\"", "psk", "\"" + "a".repeat(63) + "\"").psk().orElseThrow());
        assertInstanceOf(Passphrase.class, profile("ssid", "\"s\"", "psk", "\"with \"quote\" and #hash\"").psk().orElseThrow());

        String rule = "/etc/wpa_supplicant.conf:7: psk: a passphrase must be 8..63 printable ASCII characters";
        assertEquals(rule, error("psk", "\"short\""));
        assertEquals(rule, error("psk", "\"" + "a".repeat(64) + "\""));
        assertEquals(rule, error("psk", "\"tab\there123\""));
        assertEquals(rule, error("psk", "\"gr\u00fc\u00dfe12345\""), "octets above 126 are refused");
        String forms = "; allowed: \"8..63 printable ASCII characters\" or 64 hex digits";
        assertEquals("/etc/wpa_supplicant.conf:7: psk: the passphrase has no closing quote" + forms, error("psk", "\"secretpass"));
        assertEquals("/etc/wpa_supplicant.conf:7: psk: the passphrase has text after the closing quote" + forms, error("psk", "\"secretpass\"x"));
        String notHex = "/etc/wpa_supplicant.conf:7: psk: must be a \"quoted\" passphrase or 64 hex digits (a raw PSK)" + forms;
        assertEquals(notHex, error("psk", "secretpass"));
        assertEquals(notHex, error("psk", HEX64.substring(1)));
        assertEquals(notHex, error("psk", HEX64.replace('a', 'g')));
        assertEquals(notHex, error("psk", "P\"secretpass\""));
        assertEquals("/etc/wpa_supplicant.conf:7: psk: a passphrase with '\"' before '#' cannot be saved in wpa_supplicant.conf",
                error("psk", "\"ab\"#cdefgh\""));
    }

    @Test
    void keyMgmt() {
        assertEquals(Set.of(KeyMgmt.WPA_PSK), profile("ssid", "\"s\"", "psk", HEX64).keyMgmt(), "default WPA-PSK (EAP is not implemented)");
        assertEquals(Set.of(KeyMgmt.SAE, KeyMgmt.WPA_PSK, KeyMgmt.WPA_PSK_SHA256),
                profile("ssid", "\"s\"", "psk", "\"password1\"", "key_mgmt", "SAE  WPA-PSK\tWPA-PSK-SHA256").keyMgmt());
        assertEquals(Set.of(KeyMgmt.NONE), profile("ssid", "\"s\"", "key_mgmt", "NONE").keyMgmt());
        String allowed = "; allowed: WPA-PSK, WPA-PSK-SHA256, SAE, NONE";
        assertEquals("/etc/wpa_supplicant.conf:7: key_mgmt 'WPA-EAP-SUITE-B-192' is not supported by wpa4j" + allowed,
                error("key_mgmt", "WPA-PSK WPA-EAP-SUITE-B-192"));
        assertEquals("/etc/wpa_supplicant.conf:7: key_mgmt 'WPA-EAP' is not supported by wpa4j" + allowed, error("key_mgmt", "WPA-EAP"));
        assertEquals("/etc/wpa_supplicant.conf:7: key_mgmt 'OWE' is not supported by wpa4j" + allowed, error("key_mgmt", "OWE"));
        assertEquals("/etc/wpa_supplicant.conf:7: key_mgmt 'FT-PSK' is not supported by wpa4j" + allowed, error("key_mgmt", "FT-PSK"));
        assertEquals("/etc/wpa_supplicant.conf:7: key_mgmt 'WPA2-PSK' is not a key management wpa_supplicant knows" + allowed,
                error("key_mgmt", "WPA2-PSK"));
        assertEquals("/etc/wpa_supplicant.conf:7: key_mgmt '' has no values" + allowed, error("key_mgmt", ""));
    }

    @Test
    void integers() {
        NetworkProfile p = profile("ssid", "\"s\"", "key_mgmt", "NONE", "scan_ssid", "1", "priority", "-3", "disabled", "1");
        assertTrue(p.scanSsid());
        assertEquals(-3, p.priority());
        assertTrue(p.disabled());
        assertEquals(16, profile("ssid", "\"s\"", "key_mgmt", "NONE", "priority", "0x10").priority(), "strtol base 0");
        assertEquals(8, profile("ssid", "\"s\"", "key_mgmt", "NONE", "priority", "010").priority(), "strtol base 0: octal");
        assertEquals("/etc/wpa_supplicant.conf:7: scan_ssid '2' is out of range; allowed: 0, 1", error("scan_ssid", "2"));
        assertEquals("/etc/wpa_supplicant.conf:7: scan_ssid 'yes' is not a number; allowed: 0, 1", error("scan_ssid", "yes"));
        assertEquals("/etc/wpa_supplicant.conf:7: priority '99999999999' is out of range; allowed: -2147483648..2147483647",
                error("priority", "99999999999"));
        assertEquals("/etc/wpa_supplicant.conf:7: priority '' is not a number; allowed: -2147483648..2147483647", error("priority", ""));
        assertEquals("/etc/wpa_supplicant.conf:7: disabled '2' (a P2P persistent group) is not supported by wpa4j; allowed: 0, 1",
                error("disabled", "2"));
        assertEquals("/etc/wpa_supplicant.conf:7: disabled '3' is out of range; allowed: 0, 1", error("disabled", "3"));
        assertEquals("/etc/wpa_supplicant.conf:7: ieee80211w '3' is out of range; allowed: 0 (disabled), 1 (optional), 2 (required)",
                error("ieee80211w", "3"));
    }

    /** beacon_prot (wpa_supplicant's INT_RANGE 0..1, default 0): read, answered, and refused out of range. */
    @Test
    void beaconProt() {
        assertFalse(profile("ssid", "\"s\"", "key_mgmt", "NONE").beaconProt(), "default 0");
        assertTrue(profile("ssid", "\"s\"", "key_mgmt", "SAE", "psk", "\"password1\"", "ieee80211w", "2", "beacon_prot", "1").beaconProt());
        assertFalse(profile("ssid", "\"s\"", "key_mgmt", "NONE", "beacon_prot", "1", "beacon_prot", "0").beaconProt());
        assertTrue(profile("ssid", "\"s\"", "key_mgmt", "NONE", "beacon_prot", "0x1").beaconProt(), "strtol base 0");
        assertEquals(Optional.of("0"), new NetworkBlock(0).get("beacon_prot"));
        assertEquals(Optional.of("1"), with("beacon_prot", "1").get("beacon_prot"));
        assertEquals("/etc/wpa_supplicant.conf:7: beacon_prot '2' is out of range; allowed: 0, 1", error("beacon_prot", "2"));
        assertEquals("/etc/wpa_supplicant.conf:7: beacon_prot '-1' is out of range; allowed: 0, 1", error("beacon_prot", "-1"));
        assertEquals("/etc/wpa_supplicant.conf:7: beacon_prot 'yes' is not a number; allowed: 0, 1", error("beacon_prot", "yes"));
        assertEquals("/etc/wpa_supplicant.conf:7: beacon_prot '' is not a number; allowed: 0, 1", error("beacon_prot", ""));
        NetworkBlock b = with("ssid", "\"s\"", "beacon_prot", "1");
        assertThrows(ConfigException.class, () -> b.set("beacon_prot", "2", AT));
        assertEquals(Optional.of("1"), b.get("beacon_prot"), "a refused value changes nothing");
        assertTrue(b.set("beacon_prot", "0", AT).isEmpty(), "supported: no warning");
    }

    @Test
    void bssidAndIdStr() {
        NetworkProfile p = profile("ssid", "\"s\"", "key_mgmt", "NONE", "bssid", "00:11:22:AA:bb:cc", "id_str", "\"home\"");
        assertEquals(Optional.of(MacAddress.parse("00:11:22:aa:bb:cc")), p.bssid());
        assertEquals("home", p.idStr());
        assertEquals(Optional.empty(), with("bssid", "00:11:22:33:44:55", "bssid", "any").get("bssid"));
        assertEquals("", profile("ssid", "\"s\"", "key_mgmt", "NONE").idStr());
        String allowed = "; allowed: aa:bb:cc:dd:ee:ff or any";
        assertEquals("/etc/wpa_supplicant.conf:7: bssid '00-11-22-33-44-55' is not a MAC address" + allowed, error("bssid", "00-11-22-33-44-55"));
        assertEquals("/etc/wpa_supplicant.conf:7: bssid '00:11:22:33:44:55x' is not a MAC address" + allowed, error("bssid", "00:11:22:33:44:55x"));
        assertEquals("/etc/wpa_supplicant.conf:7: id_str 'home' is neither \"quoted\", P\"escaped\" nor hex digits (quote text); "
                + "allowed: \"text\", P\"escaped text\" or an even number of hex digits", error("id_str", "home"));
    }

    @Test
    void protoAndCiphers() {
        NetworkProfile d = profile("ssid", "\"s\"", "key_mgmt", "NONE");
        assertEquals(Set.of("WPA", "RSN"), d.proto());
        assertEquals(Set.of("CCMP", "TKIP"), d.pairwise());
        assertEquals(Set.of("CCMP", "TKIP"), d.group());
        NetworkProfile p = profile("ssid", "\"s\"", "key_mgmt", "NONE", "proto", "WPA2", "pairwise", "TKIP CCMP", "group", "CCMP TKIP WEP104 WEP40");
        assertEquals(Set.of("RSN"), p.proto());
        assertEquals(List.of("CCMP", "TKIP"), List.copyOf(p.pairwise()), "writer order");
        assertEquals(Set.of("CCMP", "TKIP"), p.group(), "WEP dropped from group, as wpa_supplicant does");
        assertEquals("/etc/wpa_supplicant.conf:7: proto 'WPA' is not supported by wpa4j; allowed: RSN (also written WPA2)", error("proto", "WPA"));
        assertEquals("/etc/wpa_supplicant.conf:7: proto 'WPA3' is not a protocol wpa_supplicant knows; allowed: RSN (also written WPA2)",
                error("proto", "RSN WPA3"));
        assertEquals("/etc/wpa_supplicant.conf:7: pairwise 'TKIP' is not supported by wpa4j; allowed: CCMP", error("pairwise", "TKIP"));
        assertEquals("/etc/wpa_supplicant.conf:7: pairwise 'GCMP-256 GCMP' is not supported by wpa4j; allowed: CCMP", error("pairwise", "GCMP-256 GCMP"));
        assertEquals("/etc/wpa_supplicant.conf:7: pairwise 'WEP40' is not allowed as a pairwise cipher; allowed: CCMP", error("pairwise", "CCMP WEP40"));
        assertEquals("/etc/wpa_supplicant.conf:7: pairwise 'AES' is not a cipher wpa_supplicant knows; allowed: CCMP", error("pairwise", "AES"));
        assertEquals("/etc/wpa_supplicant.conf:7: group 'WEP104' is not supported by wpa4j; allowed: CCMP", error("group", "WEP104"));
        assertEquals("/etc/wpa_supplicant.conf:7: group 'NONE' is not allowed as a group cipher; allowed: CCMP", error("group", "CCMP NONE"));
    }

    @Test
    void saePasswordAndFrequencies() {
        NetworkProfile p = profile("ssid", "\"s\"", "key_mgmt", "SAE", "sae_password", "\"any length\"", "scan_freq", "2412 2437  5180",
                "freq_list", "2412");
        assertArrayEquals("any length".getBytes(), p.saePassword().orElseThrow().bytes());
        assertEquals(List.of(2412, 2437, 5180), p.scanFreq());
        assertEquals(List.of(2412), p.freqList());
        assertEquals(List.of(), profile("ssid", "\"s\"", "key_mgmt", "NONE", "scan_freq", "").scanFreq());
        assertEquals("/etc/wpa_supplicant.conf:7: sae_password: must not be empty", error("sae_password", "\"\""));
        assertEquals("/etc/wpa_supplicant.conf:7: sae_password: has no closing quote; allowed: \"text\", P\"escaped text\" or an even number of hex digits",
                error("sae_password", "\"TopSecretPass123"));
        assertEquals("/etc/wpa_supplicant.conf:7: scan_freq '2413x' is not a channel frequency in MHz; allowed: space-separated frequencies in MHz, e.g. 2412 5180",
                error("scan_freq", "2412 2413x"));
        assertEquals("/etc/wpa_supplicant.conf:7: freq_list '100' is not a channel frequency in MHz; allowed: space-separated frequencies in MHz, e.g. 2412 5180",
                error("freq_list", "100"));
    }

    @Test
    void unimplementedKeys() {
        NetworkBlock b = new NetworkBlock(0);
        assertEquals(List.of(), b.set("mode", "0", AT), "station mode is what wpa4j does");
        assertEquals(List.of(), b.set("auth_alg", "OPEN", AT));
        List<Problem> w = b.set("bgscan", "\"simple:30:-45:300\"", AT);
        assertEquals("/etc/wpa_supplicant.conf:7: bgscan: not implemented by wpa4j; ignored", w.get(0).toString());
        assertFalse(w.get(0).error());
        assertEquals("/etc/wpa_supplicant.conf:7: unknown key 'foo' ignored", b.set("foo", "1", AT).get(0).toString());
        assertEquals("/etc/wpa_supplicant.conf:7: password: not implemented by wpa4j; ignored", b.set("password", "\"TopSecretPass123\"", AT).get(0).toString());
        assertEquals("/etc/wpa_supplicant.conf:7: wep_key0: WEP is not supported by wpa4j", error("wep_key0", "\"abcde\""));
        assertEquals("/etc/wpa_supplicant.conf:7: mode '2' (access point) is not supported by wpa4j; allowed: 0 (station)", error("mode", "2"));
        assertEquals("/etc/wpa_supplicant.conf:7: auth_alg 'SHARED' is not supported by wpa4j; allowed: OPEN", error("auth_alg", "SHARED"));
        assertEquals("/etc/wpa_supplicant.conf:7: mem_only_psk '1' is not supported by wpa4j (the PSK would be saved); allowed: 0",
                error("mem_only_psk", "1"));
        assertEquals("/etc/wpa_supplicant.conf:7: ssid: white space around '=' is not allowed (the daemon would read the key as 'ssid ')",
                error("ssid ", "\"x\""));
    }

    @Test
    void getAnswersAsGetNetwork() {
        NetworkBlock b = new NetworkBlock(3);
        assertEquals(Optional.empty(), b.get("ssid"), "unset string: FAIL");
        assertEquals(Optional.empty(), b.get("psk"));
        assertEquals(Optional.of("0"), b.get("priority"));
        assertEquals(Optional.of("WPA-PSK"), b.get("key_mgmt"));
        assertEquals(Optional.of("WPA RSN"), b.get("proto"));
        assertEquals(Optional.of("CCMP TKIP"), b.get("pairwise"));
        assertEquals(Optional.of("3"), b.get("ieee80211w"), "MGMT_FRAME_PROTECTION_DEFAULT");
        assertEquals(Optional.empty(), b.get("nonsense"));
        b.set("ssid", "P\"a\\x00b\"", AT);
        b.set("psk", "\"TopSecretPass123\"", AT);
        b.set("sae_password", "\"TopSecretPass123\"", AT);
        b.set("id_str", "\"x\"", AT);
        b.set("bssid", "00:11:22:AA:BB:CC", AT);
        b.set("key_mgmt", "SAE WPA-PSK", AT);
        b.set("scan_freq", "2412 2462", AT);
        assertEquals(Optional.of("610062"), b.get("ssid"));
        assertEquals(Optional.of("*"), b.get("psk"));
        assertEquals(Optional.of("*"), b.get("sae_password"));
        assertEquals(Optional.of("\"x\""), b.get("id_str"));
        assertEquals(Optional.of("00:11:22:aa:bb:cc"), b.get("bssid"));
        assertEquals(Optional.of("WPA-PSK SAE"), b.get("key_mgmt"), "wpa_supplicant's writer order");
        assertEquals(Optional.of("2412 2462"), b.get("scan_freq"));
    }

    @Test
    void aFailedSetChangesNothing() {
        NetworkBlock b = with("ssid", "\"home\"", "priority", "5");
        assertThrows(ConfigException.class, () -> b.set("priority", "x", AT));
        assertThrows(ConfigException.class, () -> b.set("ssid", "\"" + "x".repeat(40) + "\"", AT));
        assertEquals(Optional.of("5"), b.get("priority"));
        assertEquals(Optional.of("\"home\""), b.get("ssid"));
    }

    @Test
    void profileNeedsWhatTheKeysImply() {
        ConfigException e = assertThrows(ConfigException.class, () -> new NetworkBlock(0, AT.at(3)).profile(AT.at(3)));
        assertEquals(List.of("/etc/wpa_supplicant.conf:3: ssid: missing; every network needs one",
                "/etc/wpa_supplicant.conf:3: psk: missing; key_mgmt WPA-PSK needs a passphrase or a raw PSK"),
                e.problems().stream().map(Problem::toString).toList());
        assertEquals("/etc/wpa_supplicant.conf:3: ssid: missing; every network needs one (and 1 more)", e.getMessage());
        assertEquals("/etc/wpa_supplicant.conf:3: sae_password: missing; key_mgmt SAE needs sae_password or a psk passphrase (a raw PSK cannot do SAE)",
                assertThrows(ConfigException.class, () -> with("ssid", "\"s\"", "key_mgmt", "SAE", "psk", HEX64).profile(AT.at(3))).getMessage());
        assertEquals("/etc/wpa_supplicant.conf:7: ssid '\"\"' is empty; wpa4j does not join any-SSID networks; allowed: 1..32 octets",
                assertThrows(ConfigException.class, () -> with("ssid", "\"\"", "key_mgmt", "NONE").profile(AT.at(3))).getMessage());
        assertEquals(2, with("ssid", "\"s\"", "key_mgmt", "NONE").profile(AT, 2).ieee80211w(), "ieee80211w defaults to the global pmf");
        assertEquals(0, with("ssid", "\"s\"", "key_mgmt", "NONE", "ieee80211w", "0").profile(AT, 2).ieee80211w());
        // SAE with a passphrase psk and no sae_password is complete (wpa_supplicant uses the passphrase)
        assertEquals(Set.of(KeyMgmt.SAE), profile("ssid", "\"s\"", "key_mgmt", "SAE", "psk", "\"password1\"").keyMgmt());
    }

    @Test
    void driverKeyMgmtMapping() {
        assertEquals(wpa4j.driver.types.KeyMgmt.PSK_SHA256, KeyMgmt.WPA_PSK_SHA256.driverKeyMgmt());
        assertEquals(Optional.of(KeyMgmt.SAE), KeyMgmt.ofConfName("SAE"));
        assertEquals(Optional.empty(), KeyMgmt.ofConfName("WPA-EAP"));
    }
}
