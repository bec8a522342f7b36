package wpa4j.hostapd.core;

import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.driver.types.Bytes;

/** The current group key: index, key and the transmit sequence counter to announce (RSC). Never printed. */
record Gtk(int keyId, SecretKeyBytes key, Bytes rsc) {
    @Override
    public String toString() {
        return "Gtk[keyId=" + keyId + ", <16-octet key>]";
    }
}
