package wpa4j.config.station;

import java.util.Optional;

/**
 * The key management suites wpa4j implements, declared in the order wpa_supplicant writes them (so an
 * {@code EnumSet} formats as wpa_supplicant formats {@code key_mgmt}).
 */
public enum KeyMgmt {
    /** WPA2-Personal. */
    WPA_PSK("WPA-PSK", wpa4j.driver.types.KeyMgmt.PSK),
    /** Open (or static WEP, which wpa4j refuses). */
    NONE("NONE", wpa4j.driver.types.KeyMgmt.NONE),
    /** WPA2-Personal with SHA-256 key derivation (802.11w). */
    WPA_PSK_SHA256("WPA-PSK-SHA256", wpa4j.driver.types.KeyMgmt.PSK_SHA256),
    /** WPA3-Personal. */
    SAE("SAE", wpa4j.driver.types.KeyMgmt.SAE);

    /** What {@code key_mgmt} accepts, as diagnostics list it. */
    public static final String ALLOWED = "WPA-PSK, WPA-PSK-SHA256, SAE, NONE";

    private final String confName;
    private final wpa4j.driver.types.KeyMgmt driverKeyMgmt;

    KeyMgmt(String confName, wpa4j.driver.types.KeyMgmt driverKeyMgmt) {
        this.confName = confName;
        this.driverKeyMgmt = driverKeyMgmt;
    }

    /** The name in the configuration files: {@code WPA-PSK}, {@code SAE}, ... */
    public String confName() {
        return confName;
    }

    /** The driver API's value for this suite. */
    public wpa4j.driver.types.KeyMgmt driverKeyMgmt() {
        return driverKeyMgmt;
    }

    /** Whether this suite derives its PMK from {@code psk} (a passphrase or a raw PSK). */
    public boolean usesPsk() {
        return this == WPA_PSK || this == WPA_PSK_SHA256;
    }

    public static Optional<KeyMgmt> ofConfName(String name) {
        for (KeyMgmt k : values()) {
            if (k.confName.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
