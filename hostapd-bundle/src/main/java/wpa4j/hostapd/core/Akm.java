package wpa4j.hostapd.core;

import java.util.Optional;

import wpa4j.common.ie.Suite;
import wpa4j.driver.types.KeyMgmt;

/**
 * The AKM suites the AP core offers, declared in the order hostapd writes them into its RSN element
 * ({@code wpa_write_rsn_ie}) and names them in GET_CONFIG ({@code key_mgmt}), each with the key derivation and
 * EAPOL-Key MIC its handshake uses (IEEE 802.11-2020 Table 9-151, 12.7.2).
 */
public enum Akm {
    /** WPA2-Personal: PRF-SHA1, HMAC-SHA1 MICs (also with PMF). */
    PSK(wpa4j.common.eapol.Akm.PSK),
    /** PSK with SHA-256 key derivation: AES-128-CMAC MICs. */
    PSK_SHA256(wpa4j.common.eapol.Akm.PSK_SHA256),
    /** WPA3-Personal: the PMK comes from SAE; AKM-defined descriptor version (AES-128-CMAC). */
    SAE(wpa4j.common.eapol.Akm.SAE);

    // the facts live in the toolkit's enum, shared with the station; this one adds the AP's policy
    private final wpa4j.common.eapol.Akm rsn;

    Akm(wpa4j.common.eapol.Akm rsn) {
        this.rsn = rsn;
    }

    /** The toolkit's AKM, with its handshake facts and names. */
    wpa4j.common.eapol.Akm rsn() {
        return rsn;
    }

    /** As hostapd.conf's {@code wpa_key_mgmt} and GET_CONFIG name it. */
    public String confName() {
        return rsn.confName();
    }

    /** As wpa_supplicant's scan flags name it ({@code [WPA2-PSK+SAE-CCMP]}). */
    String flagName() {
        return rsn.flagName();
    }

    public Suite suite() {
        return rsn.suite();
    }

    /** hostapd's RSN_SUITE form of the selector, as STA prints AKMSuiteSelector: {@code 00-0f-ac-8}. */
    public String selectorText() {
        Suite suite = rsn.suite();
        int oui = suite.oui();
        return String.format("%02x-%02x-%02x-%d", oui >>> 16, (oui >>> 8) & 0xff, oui & 0xff, suite.type());
    }

    /** The EAPOL-Key descriptor version of its handshakes; a reply with another is dropped. */
    int descriptorVersion() {
        return rsn.descriptorVersion();
    }

    /** Whether the PTK comes from the SHA-256 KDF rather than PRF-SHA1. */
    boolean sha256Kdf() {
        return rsn.sha256Kdf();
    }

    KeyMgmt driverKeyMgmt() {
        return rsn.keyMgmt();
    }

    boolean usesPsk() {
        return this != SAE;
    }

    /** hostapd's choice when a station lists several AKMs we offer (wpa_validate_wpa_ie): PSK-SHA256, SAE, then PSK. */
    static final Akm[] PREFERENCE = {PSK_SHA256, SAE, PSK};

    public static Optional<Akm> of(Suite s) {
        return wpa4j.common.eapol.Akm.of(s).map(Akm::of);
    }

    public static Optional<Akm> ofConfName(String name) {
        return wpa4j.common.eapol.Akm.ofConfName(name).map(Akm::of);
    }

    /** The AP's constant for a toolkit AKM: the same name. */
    static Akm of(wpa4j.common.eapol.Akm rsn) {
        return valueOf(rsn.name());
    }
}
