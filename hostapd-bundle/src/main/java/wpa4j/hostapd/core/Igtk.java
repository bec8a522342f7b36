package wpa4j.hostapd.core;

import wpa4j.common.crypto.SecretKeyBytes;

/** The current integrity group key (BIP-CMAC-128): index 4 or 5, alternating on rekey as hostapd's GN_igtk. Never printed. */
record Igtk(int keyId, SecretKeyBytes key) {
    @Override
    public String toString() {
        return "Igtk[keyId=" + keyId + ", <16-octet key>]";
    }
}
