package wpa4j.config.ap;

import java.util.Map;
import java.util.Set;

import wpa4j.config.Problem;
import wpa4j.config.Source;
import wpa4j.config.internal.KnownKeys;
import wpa4j.config.internal.Numbers;
import wpa4j.config.internal.Show;
import wpa4j.config.internal.Values;

/**
 * The hostapd keys wpa4j does not implement, in three kinds (KEYS.md lists them): accepted without a word
 * when their value is what wpa4j does anyway; refused when ignoring them would weaken security or change who
 * may connect; otherwise ignored with a warning.
 */
final class HostapdKeys {
    /** Any value is fine: logging goes to the OSGi log; RADIUS and deprecated keys do nothing here. */
    private static final Set<String> SILENT_ANY = Set.of("logger_syslog", "logger_syslog_level", "logger_stdout",
            "logger_stdout_level", "debug", "dump_file", "own_ip_addr");
    /** The value that matches what wpa4j does (features off, driver defaults). */
    private static final Map<String, String> SILENT_VALUE = Map.ofEntries(Map.entry("wmm_enabled", "0"),
            Map.entry("wme_enabled", "0"), Map.entry("ieee80211n", "0"), Map.entry("ieee80211ac", "0"),
            Map.entry("ieee80211ax", "0"), Map.entry("ieee80211d", "0"), Map.entry("ieee80211h", "0"),
            Map.entry("eap_server", "0"), Map.entry("eapol_key_index_workaround", "0"), Map.entry("rts_threshold", "-1"),
            Map.entry("fragm_threshold", "-1"), Map.entry("wps_state", "0"), Map.entry("utf8_ssid", "0"));
    /** WMM and TX queue parameters: meaningless without WMM, whose key already warns. */
    private static final Set<String> SILENT_PREFIXES = KnownKeys.HOSTAPD_PREFIXES;
    /** Allowed only at the value that disables them. */
    private static final Map<String, String> REFUSED_UNLESS_ZERO = Map.of(
            "ap_isolate", "(stations may not reach each other) is not supported by wpa4j",
            "ieee8021x", "(802.1X/EAP) is not supported by wpa4j",
            "wpa_psk_radius", "(PSKs from RADIUS) is not supported by wpa4j");
    private static final Set<String> WEP = Set.of("wep_key0", "wep_key1", "wep_key2", "wep_key3", "wep_default_key",
            "wep_key_len_broadcast", "wep_key_len_unicast", "wep_rekey_period");

    private HostapdKeys() {}

    /** {@code null} when silently accepted, else a warning; refusals throw. */
    static Problem ignoredOrRefused(String key, String value, Source src) {
        if (SILENT_ANY.contains(key) || value.equals(SILENT_VALUE.get(key)) || SILENT_PREFIXES.stream().anyMatch(key::startsWith)) {
            return null;
        }
        if (REFUSED_UNLESS_ZERO.containsKey(key)) {
            if (value.equals("0")) {
                return null;
            }
            throw Values.error(src, key, Show.value(value), REFUSED_UNLESS_ZERO.get(key), "0");
        }
        if (WEP.contains(key)) {
            throw Values.error(src, key, null, "WEP is not supported by wpa4j", null);
        }
        switch (key) {
            case "bss" -> throw Values.error(src, key, Show.value(value), "(a second BSS) is not supported by wpa4j", null);
            case "auth_algs" -> {
                Long v = Numbers.decimal(value);
                if (v != null && (v == 1 || v == 3)) {
                    return null; // WPA uses open system authentication, which both include
                }
                String reason = v == null ? "is not a number" : v == 2 ? "(shared key only, WEP) is not supported by wpa4j"
                        : v == 0 ? "allows no authentication algorithm" : "is out of range";
                throw Values.error(src, key, Show.value(value), reason, "1 (open system), 3 (open system and shared key)");
            }
            default -> {
                return KnownKeys.isHostapdKey(key) ? Values.notImplemented(src, key) : Values.unknown(src, key);
            }
        }
    }
}
