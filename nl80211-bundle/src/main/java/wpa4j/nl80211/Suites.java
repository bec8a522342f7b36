package wpa4j.nl80211;

import wpa4j.driver.types.Cipher;

/** IEEE 802.11 suite selectors (OUI 00-0F-AC) as nl80211 takes them in its cipher and AKM attributes. */
final class Suites {
    static final long AKM_8021X = 0x000fac01L;
    static final long AKM_PSK = 0x000fac02L;

    private Suites() {}

    static long cipher(Cipher c) {
        return switch (c) {
            case CCMP -> 0x000fac04L;
            case TKIP -> 0x000fac02L;
            case WEP40 -> 0x000fac01L;
            case WEP104, WEP128 -> 0x000fac05L;
            case GCMP -> 0x000fac08L;
            case BIP -> 0x000fac06L;
            case NONE -> 0;
        };
    }
}
