package wpa4j.common.eapol;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.ie.Suite;
import wpa4j.driver.types.KeyMgmt;

/**
 * The AKM suites whose 4-way handshake wpa4j runs, with what both roles need to know of each: its selector
 * (IEEE 802.11-2020 Table 9-151), the EAPOL-Key descriptor version and key derivation of its handshake (12.7.2,
 * Table 12-8), and the names hostap gives it. Which of them a role offers or prefers is that role's policy.
 * (It lives here, not in {@code ie}, because {@code eapol} imports {@code ie} and the descriptor versions are here.)
 */
public enum Akm {
    /** WPA2-Personal, 00-0f-ac:2: PRF-SHA1, HMAC-SHA1 MICs (also with PMF). */
    PSK(Suite.AKM_PSK, KeyInfo.VERSION_HMAC_SHA1_AES, false, "WPA-PSK", "WPA2-PSK", "PSK"),
    /** PSK with SHA-256 key derivation, 00-0f-ac:6: AES-128-CMAC MICs. */
    PSK_SHA256(Suite.AKM_PSK_SHA256, KeyInfo.VERSION_AES_CMAC_AES, true, "WPA-PSK-SHA256", "WPA2-PSK-SHA256", "PSK-SHA256"),
    /** WPA3-Personal, 00-0f-ac:8: the PMK comes from SAE; AKM-defined descriptor version (AES-128-CMAC). */
    SAE(Suite.AKM_SAE, KeyInfo.VERSION_AKM_DEFINED, true, "SAE", "SAE", "SAE");

    private final Suite suite;
    private final KeyMgmt keyMgmt;
    private final int descriptorVersion;
    private final boolean sha256Kdf;
    private final String confName;
    private final String statusName;
    private final String flagName;

    Akm(Suite suite, int descriptorVersion, boolean sha256Kdf, String confName, String statusName, String flagName) {
        this.suite = suite;
        // the selector's KeyMgmt as Suite maps it, so the pairing is written once
        this.keyMgmt = suite.akm().orElseThrow();
        this.descriptorVersion = descriptorVersion;
        this.sha256Kdf = sha256Kdf;
        this.confName = confName;
        this.statusName = statusName;
        this.flagName = flagName;
    }

    /** The AKM suite selector in RSN elements. */
    public Suite suite() {
        return suite;
    }

    /** The driver API's name of it (NL80211_ATTR_AKM_SUITES, CONNECT parameters). */
    public KeyMgmt keyMgmt() {
        return keyMgmt;
    }

    /** The EAPOL-Key descriptor version of its handshakes (KeyInfo.VERSION_*); a frame with another is dropped. */
    public int descriptorVersion() {
        return descriptorVersion;
    }

    /** Whether the PTK comes from the SHA-256 KDF rather than PRF-SHA1 (AKM 2 keeps PRF-SHA1 even with PMF). */
    public boolean sha256Kdf() {
        return sha256Kdf;
    }

    /** The {@code key_mgmt} (wpa_supplicant) and {@code wpa_key_mgmt} (hostapd, GET_CONFIG) token. */
    public String confName() {
        return confName;
    }

    /** wpa_supplicant's STATUS {@code key_mgmt=} value (wpa_key_mgmt_txt for RSN). */
    public String statusName() {
        return statusName;
    }

    /** As wpa_supplicant's scan flags name it (wpa_supplicant_ie_txt: {@code [WPA2-PSK+SAE-CCMP]}). */
    public String flagName() {
        return flagName;
    }

    /**
     * Checks that {@code key} is an RSN EAPOL-Key descriptor of this AKM's descriptor version, as both roles require
     * of every frame of its handshakes.
     *
     * @throws MalformedFrameException at offset 4 (Key Information) if it is not
     */
    public void requireDescriptor(EapolKey key) throws MalformedFrameException {
        int version = key.keyInfo().descriptorVersion();
        if (key.descriptorType() != EapolKey.DESCRIPTOR_RSN || version != descriptorVersion) {
            throw new MalformedFrameException(4, "only RSN descriptors of version " + descriptorVersion + " (" + statusName
                    + ") are accepted, got type " + key.descriptorType() + " version " + version);
        }
    }

    public static Optional<Akm> of(Suite s) {
        return find(a -> a.suite.equals(s));
    }

    public static Optional<Akm> of(KeyMgmt k) {
        return find(a -> a.keyMgmt == k);
    }

    /** The AKM of a {@code key_mgmt}/{@code wpa_key_mgmt} token (case-sensitive, as hostap's parsers). */
    public static Optional<Akm> ofConfName(String name) {
        return find(a -> a.confName.equals(name));
    }

    private static Optional<Akm> find(Predicate<Akm> p) {
        return Arrays.stream(values()).filter(p).findFirst();
    }
}
