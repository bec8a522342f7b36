package wpa4j.common.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.crypto.Mac;

/** The 802.11 pseudo-random functions: PRF-SHA1 (11.6.1.2) and the SHA-256 KDF (11.6.1.7.2). */
public final class Prf {
    private Prf() {}

    /** PRF-SHA1: HMAC-SHA1(key, label || 0x00 || data || counter) for counter 0, 1, ... truncated to {@code lengthOctets}. */
    public static byte[] sha1(byte[] key, String label, byte[] data, int lengthOctets) {
        Mac mac = Hmac.init("HmacSHA1", key);
        byte[] l = label.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[lengthOctets];
        for (int counter = 0, pos = 0; pos < lengthOctets; counter++, pos += 20) {
            mac.update(l);
            mac.update((byte) 0);
            mac.update(data);
            mac.update((byte) counter);
            byte[] block = mac.doFinal();
            System.arraycopy(block, 0, out, pos, Math.min(20, lengthOctets - pos));
            Arrays.fill(block, (byte) 0);
        }
        return out;
    }

    /** KDF-SHA256: HMAC-SHA256(key, i || label || data || length) with 16-bit little-endian i (from 1) and length in bits. */
    public static byte[] sha256(byte[] key, String label, byte[] data, int lengthOctets) {
        Mac mac = Hmac.init("HmacSHA256", key);
        byte[] l = label.getBytes(StandardCharsets.US_ASCII);
        int bits = lengthOctets * 8;
        byte[] out = new byte[lengthOctets];
        for (int i = 1, pos = 0; pos < lengthOctets; i++, pos += 32) {
            mac.update(new byte[] {(byte) i, (byte) (i >>> 8)});
            mac.update(l);
            mac.update(data);
            mac.update(new byte[] {(byte) bits, (byte) (bits >>> 8)});
            byte[] block = mac.doFinal();
            System.arraycopy(block, 0, out, pos, Math.min(32, lengthOctets - pos));
            Arrays.fill(block, (byte) 0);
        }
        return out;
    }
}
