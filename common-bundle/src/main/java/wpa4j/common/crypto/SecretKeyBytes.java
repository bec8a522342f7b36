package wpa4j.common.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

import javax.security.auth.Destroyable;

/**
 * Key material that is zeroed when destroyed and never printed. The holder owns the array: callers get
 * copies ({@link #copy()}) and must destroy those too.
 */
public final class SecretKeyBytes implements Destroyable, AutoCloseable {
    private final byte[] key;
    private volatile boolean destroyed;

    private SecretKeyBytes(byte[] key) {
        this.key = key;
    }

    /** Takes ownership of {@code key} (not copied: the caller must not keep it). */
    public static SecretKeyBytes adopt(byte[] key) {
        return new SecretKeyBytes(key);
    }

    /** A copy of {@code key}. */
    public static SecretKeyBytes copyOf(byte[] key) {
        return new SecretKeyBytes(key.clone());
    }

    public int length() {
        return key.length;
    }

    /** The key octets, copied; destroy the copy (Arrays.fill) when done. */
    public byte[] copy() {
        check();
        return key.clone();
    }

    /** Read access without copying, for the crypto classes of this package. */
    byte[] raw() {
        check();
        return key;
    }

    /** Constant-time comparison. */
    public boolean sameAs(SecretKeyBytes other) {
        return MessageDigest.isEqual(raw(), other.raw());
    }

    private void check() {
        if (destroyed) {
            throw new IllegalStateException("key destroyed");
        }
    }

    @Override
    public void destroy() {
        Arrays.fill(key, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "<" + key.length + "-octet key>";
    }
}
