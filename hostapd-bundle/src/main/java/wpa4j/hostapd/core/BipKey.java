package wpa4j.hostapd.core;

import wpa4j.common.crypto.SecretKeyBytes;

/**
 * A BIP-CMAC-128 group key of the BSS: the IGTK (index 4 or 5) or the BIGTK (6 or 7, beacon protection), alternating
 * within its pair on rekey as hostapd's GN_igtk and GN_bigtk. Never printed.
 */
record BipKey(int keyId, SecretKeyBytes key) {
    BipKey {
        if (keyId < 4 || keyId > 7) {
            throw new IllegalArgumentException("keyId: " + keyId + " out of range 4..7 (4..5 IGTK, 6..7 BIGTK)");
        }
    }

    /** Whether this is the beacon key (BIGTK, 6 or 7) rather than the IGTK (4 or 5). */
    boolean beacon() {
        return keyId >= 6;
    }

    /** The index of the key that replaces this one on rekey: 4 and 5, 6 and 7 take turns. */
    int nextKeyId() {
        return keyId ^ 1;
    }

    @Override
    public String toString() {
        return (beacon() ? "Bigtk" : "Igtk") + "[keyId=" + keyId + ", <16-octet key>]";
    }
}
