package wpa4j.nl80211;

import java.util.Optional;

import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyMgmt;

/** IEEE 802.11 suite selectors (OUI 00-0F-AC) as nl80211 takes and reports them in its cipher and AKM attributes. */
final class Suites {
    static final long AKM_8021X = 0x000fac01L;
    static final long AKM_PSK = 0x000fac02L;
    static final long AKM_FT_8021X = 0x000fac03L;
    static final long AKM_FT_PSK = 0x000fac04L;
    static final long AKM_8021X_SHA256 = 0x000fac05L;
    static final long AKM_PSK_SHA256 = 0x000fac06L;
    static final long AKM_SAE = 0x000fac08L;
    static final long AKM_FT_SAE = 0x000fac09L;
    static final long WEP40 = 0x000fac01L;
    static final long TKIP = 0x000fac02L;
    static final long CCMP = 0x000fac04L;
    static final long WEP104 = 0x000fac05L;
    /** BIP-CMAC-128 (WLAN_CIPHER_SUITE_AES_CMAC): the IGTK's cipher. */
    static final long BIP = 0x000fac06L;
    static final long GCMP = 0x000fac08L;

    private Suites() {}

    static long cipher(Cipher c) {
        return switch (c) {
            case CCMP -> CCMP;
            case TKIP -> TKIP;
            case WEP40 -> WEP40;
            case WEP104, WEP128 -> WEP104;
            case GCMP -> GCMP;
            case BIP -> BIP;
            case NONE -> 0;
        };
    }

    /** The cipher a wiphy's NL80211_ATTR_CIPHER_SUITES entry stands for, if the API names it. */
    static Optional<Cipher> fromSuite(long suite) {
        if (suite == WEP40) {
            return Optional.of(Cipher.WEP40);
        } else if (suite == WEP104) {
            return Optional.of(Cipher.WEP104);
        } else if (suite == TKIP) {
            return Optional.of(Cipher.TKIP);
        } else if (suite == CCMP) {
            return Optional.of(Cipher.CCMP);
        } else if (suite == BIP) {
            return Optional.of(Cipher.BIP);
        } else if (suite == GCMP) {
            return Optional.of(Cipher.GCMP);
        }
        return Optional.empty();
    }

    /** NL80211_ATTR_KEY_CIPHER of a key of {@code alg} and {@code keyLength} octets; empty for algorithms nl80211 installs no key for. */
    static Optional<Long> keyCipher(KeyAlg alg, int keyLength) {
        return switch (alg) {
            case CCMP -> Optional.of(CCMP);
            case TKIP -> Optional.of(TKIP);
            case GCMP -> Optional.of(GCMP);
            case IGTK -> Optional.of(BIP);
            case WEP -> Optional.of(keyLength == 5 ? WEP40 : WEP104);
            default -> Optional.empty();
        };
    }

    /** NL80211_ATTR_AKM_SUITES entry of a key management suite; empty for those without an RSN AKM (none, WPS, WPA-None, WAPI). */
    static Optional<Long> akm(KeyMgmt k) {
        return Optional.ofNullable(switch (k) {
            case IEEE8021X -> AKM_8021X;
            case PSK -> AKM_PSK;
            case FT_IEEE8021X -> AKM_FT_8021X;
            case FT_PSK -> AKM_FT_PSK;
            case IEEE8021X_SHA256 -> AKM_8021X_SHA256;
            case PSK_SHA256 -> AKM_PSK_SHA256;
            case SAE -> AKM_SAE;
            case FT_SAE -> AKM_FT_SAE;
            case NONE, IEEE8021X_NO_WPA, WPA_NONE, WPS, WAPI_PSK -> null;
        });
    }
}
