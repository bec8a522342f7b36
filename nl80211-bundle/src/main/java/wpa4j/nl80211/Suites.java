package wpa4j.nl80211;

import java.util.Optional;

import wpa4j.common.ie.Suite;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyMgmt;

/** IEEE 802.11 suite selectors (OUI 00-0F-AC) as nl80211 takes and reports them in its cipher and AKM attributes. */
final class Suites {
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
        // the toolkit's selector table: the one the cores write into RSN elements
        return Suite.rsnAkm(k).map(s -> Integer.toUnsignedLong(s.selector()));
    }
}
