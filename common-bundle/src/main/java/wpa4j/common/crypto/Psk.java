package wpa4j.common.crypto;

import wpa4j.driver.types.Ssid;

/** WPA-PSK: the 256-bit PSK from a passphrase and the SSID (IEEE 802.11-2012 M.4.1). */
public final class Psk {
    public static final int LENGTH = 32;

    private Psk() {}

    /**
     * The PSK of a passphrase given as text (UTF-8), as configurations carry it; the octets are zeroed after use.
     *
     * @param field the configuration property, for the error message (which never contains the passphrase)
     */
    public static SecretKeyBytes fromPassphraseText(String passphrase, Ssid ssid, String field) {
        byte[] pass = passphrase.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (pass.length < 8 || pass.length > 63) {
                throw new IllegalArgumentException(field + ": length " + pass.length + " out of range 8..63");
            }
            return fromPassphrase(pass, ssid);
        } finally {
            java.util.Arrays.fill(pass, (byte) 0);
        }
    }

    /**
     * PBKDF2-HMAC-SHA1(passphrase, ssid, 4096, 32).
     *
     * @param passphrase 8..63 octets
     */
    public static SecretKeyBytes fromPassphrase(byte[] passphrase, Ssid ssid) {
        if (passphrase.length < 8 || passphrase.length > 63) {
            throw new IllegalArgumentException("passphrase: length " + passphrase.length + " out of range 8..63");
        }
        return SecretKeyBytes.adopt(Pbkdf2.hmacSha1(passphrase, ssid.octets().toArray(), 4096, LENGTH));
    }
}
