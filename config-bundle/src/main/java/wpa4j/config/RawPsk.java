package wpa4j.config;

import java.util.Objects;

/**
 * A raw 256-bit PSK, as given by 64 hex digits ({@code psk=} unquoted, {@code wpa_psk=}).
 *
 * @param key the 32 PSK octets
 */
public record RawPsk(SecretText key) implements PskSetting {
    public static final int LENGTH = 32;

    public RawPsk {
        Objects.requireNonNull(key, "key");
        if (key.length() != LENGTH) {
            throw new IllegalArgumentException("psk: a raw PSK is 32 octets (64 hex digits)");
        }
    }

    /** A raw PSK from a copy of {@code octets}. */
    public static RawPsk of(byte[] octets) {
        return new RawPsk(SecretText.of(octets));
    }

    @Override
    public String toString() {
        return "RawPsk[*]";
    }
}
