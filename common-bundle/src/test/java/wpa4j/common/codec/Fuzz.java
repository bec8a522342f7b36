package wpa4j.common.codec;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;

import wpa4j.driver.types.Bytes;

/**
 * Malformed-input checks for a decoder: every truncation and many random mutations of a valid encoding
 * must either decode or throw {@link MalformedFrameException} — never any other exception.
 */
public final class Fuzz {
    public interface Decoder {
        Object decode(Bytes input) throws MalformedFrameException;
    }

    private Fuzz() {}

    /** Returns how many inputs were rejected as malformed (so a caller can check the decoder is not too lenient). */
    public static int onlyMalformed(Decoder decoder, Bytes valid, long seed, int mutations) {
        int rejected = 0;
        byte[] v = valid.toArray();
        for (int len = 0; len < v.length; len++) {
            rejected += attempt(decoder, Arrays.copyOf(v, len), "truncated to " + len);
        }
        Random rnd = new Random(seed);
        for (int i = 0; i < mutations; i++) {
            byte[] m = mutate(v, rnd);
            rejected += attempt(decoder, m, "mutation " + i + " (seed " + seed + "): " + Bytes.of(m));
        }
        return rejected;
    }

    private static int attempt(Decoder decoder, byte[] input, String what) {
        try {
            decoder.decode(Bytes.of(input));
            return 0;
        } catch (MalformedFrameException expected) {
            return 1;
        } catch (RuntimeException e) {
            fail(what + ": " + e, e);
            return 0;
        }
    }

    private static byte[] mutate(byte[] v, Random rnd) {
        byte[] m = v.clone();
        switch (rnd.nextInt(4)) {
            case 0 -> { // flip random octets (lengths and counts included)
                for (int k = 0; k <= rnd.nextInt(3) && m.length > 0; k++) {
                    m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
                }
            }
            case 1 -> { // set a random octet to an extreme
                if (m.length > 0) {
                    m[rnd.nextInt(m.length)] = (byte) (rnd.nextBoolean() ? 0xff : 0);
                }
            }
            case 2 -> { // append garbage
                byte[] extra = new byte[1 + rnd.nextInt(8)];
                rnd.nextBytes(extra);
                m = Arrays.copyOf(m, m.length + extra.length);
                System.arraycopy(extra, 0, m, v.length, extra.length);
            }
            default -> { // drop an octet from the middle
                if (m.length > 1) {
                    int at = rnd.nextInt(m.length);
                    byte[] d = new byte[m.length - 1];
                    System.arraycopy(m, 0, d, 0, at);
                    System.arraycopy(m, at + 1, d, at, m.length - at - 1);
                    m = d;
                }
            }
        }
        return m;
    }
}
