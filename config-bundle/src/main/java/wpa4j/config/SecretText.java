package wpa4j.config;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A passphrase, password or key held as octets. It prints as {@code *}, never its content or length;
 * {@link #clear()} overwrites it once it is no longer needed. Equality compares the content in constant
 * time, so profiles holding secrets compare by value.
 */
public final class SecretText {
    private final byte[] octets;
    private boolean cleared;

    private SecretText(byte[] octets) {
        this.octets = octets;
    }

    /** A copy of {@code octets}; the caller may clear its own array afterwards. */
    public static SecretText of(byte[] octets) {
        return new SecretText(Objects.requireNonNull(octets, "octets").clone());
    }

    /** A fresh copy of the content. */
    public byte[] bytes() {
        checkNotCleared();
        return octets.clone();
    }

    /** The number of octets (for validation; do not print it). */
    public int length() {
        checkNotCleared();
        return octets.length;
    }

    /** Overwrites the content with zeros; any later use but {@code toString} fails. */
    public void clear() {
        Arrays.fill(octets, (byte) 0);
        cleared = true;
    }

    public boolean isCleared() {
        return cleared;
    }

    private void checkNotCleared() {
        if (cleared) {
            throw new IllegalStateException("secret was cleared");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretText other && !cleared && !other.cleared && MessageDigest.isEqual(octets, other.octets);
    }

    /** A constant: a hash of the content would leak something about it. */
    @Override
    public int hashCode() {
        return 0x5ec12e7;
    }

    @Override
    public String toString() {
        return "*";
    }
}
