package wpa4j.hostapd.core;

import java.util.Optional;

import wpa4j.common.eapol.KeyInfo;
import wpa4j.common.ie.Suite;
import wpa4j.driver.types.KeyMgmt;

/**
 * The AKM suites the AP core offers, declared in the order hostapd writes them into its RSN element
 * ({@code wpa_write_rsn_ie}) and names them in GET_CONFIG ({@code key_mgmt}), each with the key derivation and
 * EAPOL-Key MIC its handshake uses (IEEE 802.11-2020 Table 9-151, 12.7.2).
 */
public enum Akm {
    /** WPA2-Personal: PRF-SHA1, HMAC-SHA1 MICs (also with PMF). */
    PSK("WPA-PSK", "PSK", Suite.AKM_PSK, KeyInfo.VERSION_HMAC_SHA1_AES, false, KeyMgmt.PSK),
    /** PSK with SHA-256 key derivation: AES-128-CMAC MICs. */
    PSK_SHA256("WPA-PSK-SHA256", "PSK-SHA256", Suite.AKM_PSK_SHA256, KeyInfo.VERSION_AES_CMAC_AES, true, KeyMgmt.PSK_SHA256),
    /** WPA3-Personal: the PMK comes from SAE; AKM-defined descriptor version (AES-128-CMAC). */
    SAE("SAE", "SAE", Suite.AKM_SAE, KeyInfo.VERSION_AKM_DEFINED, true, KeyMgmt.SAE);

    private final String confName;
    private final String flagName;
    private final Suite suite;
    private final int descriptorVersion;
    private final boolean sha256;
    private final KeyMgmt driverKeyMgmt;

    Akm(String confName, String flagName, Suite suite, int descriptorVersion, boolean sha256, KeyMgmt driverKeyMgmt) {
        this.confName = confName;
        this.flagName = flagName;
        this.suite = suite;
        this.descriptorVersion = descriptorVersion;
        this.sha256 = sha256;
        this.driverKeyMgmt = driverKeyMgmt;
    }

    /** As hostapd.conf's {@code wpa_key_mgmt} and GET_CONFIG name it. */
    public String confName() {
        return confName;
    }

    /** As wpa_supplicant's scan flags name it ({@code [WPA2-PSK+SAE-CCMP]}). */
    String flagName() {
        return flagName;
    }

    public Suite suite() {
        return suite;
    }

    /** hostapd's RSN_SUITE form of the selector, as STA prints AKMSuiteSelector: {@code 00-0f-ac-8}. */
    public String selectorText() {
        int oui = suite.oui();
        return String.format("%02x-%02x-%02x-%d", oui >>> 16, (oui >>> 8) & 0xff, oui & 0xff, suite.type());
    }

    /** The EAPOL-Key descriptor version of its handshakes; a reply with another is dropped. */
    int descriptorVersion() {
        return descriptorVersion;
    }

    /** Whether the PTK comes from the SHA-256 KDF rather than PRF-SHA1. */
    boolean sha256Kdf() {
        return sha256;
    }

    KeyMgmt driverKeyMgmt() {
        return driverKeyMgmt;
    }

    boolean usesPsk() {
        return this != SAE;
    }

    /** hostapd's choice when a station lists several AKMs we offer (wpa_validate_wpa_ie): PSK-SHA256, SAE, then PSK. */
    static final Akm[] PREFERENCE = {PSK_SHA256, SAE, PSK};

    public static Optional<Akm> of(Suite s) {
        for (Akm a : values()) {
            if (a.suite.equals(s)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public static Optional<Akm> ofConfName(String name) {
        for (Akm a : values()) {
            if (a.confName.equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
