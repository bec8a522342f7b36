package wpa4j.common.crypto;

import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

/**
 * PBKDF2 with HMAC-SHA1 (RFC 2898, RFC 6070) over raw octets. Not the JCA's PBKDF2WithHmacSHA1: that one
 * takes the password as chars and would change non-UTF-8 passphrase octets, which wpa_passphrase accepts.
 */
public final class Pbkdf2 {
    private static final int HLEN = 20;

    private Pbkdf2() {}

    public static byte[] hmacSha1(byte[] password, byte[] salt, int iterations, int dkLen) {
        if (iterations < 1 || dkLen < 1) {
            throw new IllegalArgumentException("iterations " + iterations + " and dkLen " + dkLen + " must be positive");
        }
        Mac prf = Hmac.init("HmacSHA1", password);
        byte[] out = new byte[dkLen];
        byte[] u = new byte[HLEN];
        byte[] t = new byte[HLEN];
        try {
            for (int block = 1, pos = 0; pos < dkLen; block++, pos += HLEN) {
                prf.update(salt);
                prf.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
                prf.doFinal(u, 0);
                System.arraycopy(u, 0, t, 0, HLEN);
                for (int i = 1; i < iterations; i++) {
                    prf.update(u);
                    prf.doFinal(u, 0);
                    for (int j = 0; j < HLEN; j++) {
                        t[j] ^= u[j];
                    }
                }
                System.arraycopy(t, 0, out, pos, Math.min(HLEN, dkLen - pos));
            }
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(u, (byte) 0);
            Arrays.fill(t, (byte) 0);
        }
        return out;
    }
}
