package wpa4j.config.internal;

import java.util.Set;

/** The {@code key_mgmt} names each daemon knows (Debian's 2.10 build), whether or not wpa4j implements them. */
public final class AkmNames {
    private AkmNames() {}

    /** {@code wpa_config_parse_key_mgmt}. */
    public static final Set<String> WPA_SUPPLICANT = Set.of("WPA-PSK", "WPA-EAP", "IEEE8021X", "NONE", "WPA-NONE",
            "FT-PSK", "FT-EAP", "FT-EAP-SHA384", "WPA-PSK-SHA256", "WPA-EAP-SHA256", "WPS", "SAE", "FT-SAE", "OSEN",
            "WPA-EAP-SUITE-B", "WPA-EAP-SUITE-B-192", "FILS-SHA256", "FILS-SHA384", "FT-FILS-SHA256", "FT-FILS-SHA384",
            "OWE", "DPP");

    /** {@code hostapd_config_parse_key_mgmt} (no NONE: an open hostapd BSS is {@code wpa=0}). */
    public static final Set<String> HOSTAPD = Set.of("WPA-PSK", "WPA-EAP", "FT-PSK", "FT-EAP", "FT-EAP-SHA384",
            "WPA-PSK-SHA256", "WPA-EAP-SHA256", "SAE", "FT-SAE", "OSEN", "WPA-EAP-SUITE-B", "WPA-EAP-SUITE-B-192",
            "FILS-SHA256", "FILS-SHA384", "FT-FILS-SHA256", "FT-FILS-SHA384", "OWE", "DPP", "PASN");
}
