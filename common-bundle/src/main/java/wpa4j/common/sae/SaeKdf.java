package wpa4j.common.sae;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.crypto.Mac;

import wpa4j.common.crypto.Hmac;

/**
 * The hash-based functions of SAE on the JCA's HMACs: H (HMAC, which is also HKDF-Extract), HKDF-Expand
 * (RFC 5869) and the IEEE 802.11 KDF-Hash-Length (12.7.1.6.2) with a length in bits.
 */
final class SaeKdf {
    private SaeKdf() {}

    static Mac mac(String algorithm, byte[] key) {
        return Hmac.init(algorithm, key);
    }

    /** HMAC(key, parts...) (= HKDF-Extract(salt = key, ikm = parts)). */
    static byte[] hmac(String algorithm, byte[] key, byte[]... parts) {
        Mac mac = mac(algorithm, key);
        for (byte[] p : parts) {
            mac.update(p);
        }
        return mac.doFinal();
    }

    /** HKDF-Expand(prk, info, length). */
    static byte[] hkdfExpand(String algorithm, byte[] prk, String info, int length) {
        Mac mac = mac(algorithm, prk);
        byte[] infoOctets = info.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[length];
        byte[] t = new byte[0];
        for (int i = 1, pos = 0; pos < length; i++) {
            mac.update(t);
            mac.update(infoOctets);
            mac.update((byte) i);
            Arrays.fill(t, (byte) 0);
            t = mac.doFinal();
            System.arraycopy(t, 0, out, pos, Math.min(t.length, length - pos));
            pos += t.length;
        }
        Arrays.fill(t, (byte) 0);
        return out;
    }

    /**
     * KDF-Hash-Length(key, label, context): HMAC(key, i || label || context || length) for i = 1, 2, ... (both
     * 16-bit little-endian, length in bits), ceil(bits/8) octets with the unused low bits of the last one zero.
     */
    static byte[] kdf(String algorithm, byte[] key, String label, byte[] context, int bits) {
        Mac mac = mac(algorithm, key);
        byte[] l = label.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[(bits + 7) / 8];
        for (int i = 1, pos = 0; pos < out.length; i++) {
            mac.update(new byte[] {(byte) i, (byte) (i >>> 8)});
            mac.update(l);
            mac.update(context);
            mac.update(new byte[] {(byte) bits, (byte) (bits >>> 8)});
            byte[] block = mac.doFinal();
            System.arraycopy(block, 0, out, pos, Math.min(block.length, out.length - pos));
            pos += block.length;
            Arrays.fill(block, (byte) 0);
        }
        if (bits % 8 != 0) {
            out[out.length - 1] &= (byte) (0xff << (8 - bits % 8));
        }
        return out;
    }
}
