package wpa4j.wext;

import wpa4j.driver.types.AssociateParams;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.AuthParams;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.Mfp;

/**
 * What Wireless Extensions cannot carry, refused before any ioctl so that a network needing it is not tried
 * and failed: SAE (the kernel authenticates inside associate; there is no user-space SME) and management frame
 * protection (cfg80211's WEXT compatibility accepts IW_AUTH_MFP and ignores it), so neither the AKMs that go
 * with them nor an IGTK; nor beacon protection (no BIGTK).
 */
final class WextLimits {
    private WextLimits() {}

    static void checkAuthenticate(AuthParams p) {
        if (p.authAlg() == AuthAlg.SAE) {
            throw cannot("authenticate", "SAE authentication (WPA3-Personal): Wireless Extensions have no SAE and no user-space SME");
        }
    }

    static void checkAssociate(AssociateParams p) {
        if (p.mgmtFrameProtection() != Mfp.NO) {
            throw cannot("associate", "management frame protection (IEEE 802.11w): cfg80211 ignores IW_AUTH_MFP");
        }
        KeyMgmt k = p.keyMgmtSuite();
        if (k == KeyMgmt.SAE || k == KeyMgmt.FT_SAE || k == KeyMgmt.PSK_SHA256) {
            throw cannot("associate", "key management " + k + ": IW_AUTH_KEY_MGMT has only 802.1X and PSK");
        }
    }

    /**
     * WEXT has IW_ENCODE_ALG_AES_CMAC, but without PMF on the association the kernel would never use the key. A
     * BIGTK is refused on its own grounds: IW_ENCODE_INDEX has no key index beyond 4 and no beacon key.
     */
    static void checkKey(KeyParams k) {
        if (k.isBigtk()) {
            throw cannot("set_key", "beacon protection (IEEE 802.11-2020 12.7.2): Wireless Extensions have no BIGTK (key index " + k.keyIdx() + ")");
        }
        if (k.alg() == KeyAlg.IGTK) {
            throw cannot("set_key", "management frame protection (IEEE 802.11w), so no IGTK");
        }
    }

    /** The op, this backend, what it cannot do and why, and what can (as the backend's other refusals name op and backend). */
    static UnsupportedOperationException cannot(String op, String what) {
        return new UnsupportedOperationException(op + ": the " + WextDriver.NAME + " backend cannot do " + what + "; use nl80211");
    }
}
