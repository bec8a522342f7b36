package wpa4j.common.eapol;

import wpa4j.driver.types.Validate;

/**
 * The Key Information field of an EAPOL-Key frame.
 *
 * @param value the 16 bits
 */
public record KeyInfo(int value) {
    public static final int VERSION_MASK = 0x0007;
    /** MIC and key wrap defined by the AKM (IEEE 802.11-2020 Table 12-11): SAE uses AES-128-CMAC and AES key wrap. */
    public static final int VERSION_AKM_DEFINED = 0;
    /** HMAC-MD5 MIC, RC4 key data encryption (TKIP). */
    public static final int VERSION_HMAC_MD5_RC4 = 1;
    /** HMAC-SHA1-128 MIC, AES key wrap (CCMP). */
    public static final int VERSION_HMAC_SHA1_AES = 2;
    /** AES-128-CMAC MIC, AES key wrap (802.11w, SHA-256 AKMs). */
    public static final int VERSION_AES_CMAC_AES = 3;
    public static final int PAIRWISE = 1 << 3;
    public static final int INSTALL = 1 << 6;
    public static final int ACK = 1 << 7;
    public static final int MIC = 1 << 8;
    public static final int SECURE = 1 << 9;
    public static final int ERROR = 1 << 10;
    public static final int REQUEST = 1 << 11;
    public static final int ENCRYPTED_KEY_DATA = 1 << 12;
    public static final int SMK_MESSAGE = 1 << 13;

    public KeyInfo {
        Validate.u16("keyInfo", value);
    }

    public static KeyInfo of(int descriptorVersion, int... flags) {
        int v = descriptorVersion & VERSION_MASK;
        for (int f : flags) {
            v |= f;
        }
        return new KeyInfo(v);
    }

    public int descriptorVersion() {
        return value & VERSION_MASK;
    }

    /** Key index bits 4-5 (WPA v1 group keys only). */
    public int keyIndex() {
        return (value >> 4) & 0x3;
    }

    public boolean has(int flag) {
        return (value & flag) == flag;
    }

    public boolean pairwise() {
        return has(PAIRWISE);
    }

    public boolean install() {
        return has(INSTALL);
    }

    public boolean ack() {
        return has(ACK);
    }

    public boolean mic() {
        return has(MIC);
    }

    public boolean secure() {
        return has(SECURE);
    }

    public boolean error() {
        return has(ERROR);
    }

    public boolean request() {
        return has(REQUEST);
    }

    public boolean encryptedKeyData() {
        return has(ENCRYPTED_KEY_DATA);
    }

    @Override
    public String toString() {
        return String.format("KeyInfo[0x%04x v%d%s%s%s%s%s%s%s%s]", value, descriptorVersion(), pairwise() ? " pairwise" : " group",
                install() ? " install" : "", ack() ? " ack" : "", mic() ? " mic" : "", secure() ? " secure" : "", error() ? " error" : "",
                request() ? " request" : "", encryptedKeyData() ? " encrypted" : "");
    }
}
