package wpa4j.config;

import java.util.Objects;

/**
 * A WPA passphrase: 8..63 printable ASCII characters (IEEE 802.11 Annex J). wpa_supplicant also takes
 * octets above 126, but other implementations hash those differently, so wpa4j refuses them.
 *
 * @param text the passphrase octets
 */
public record Passphrase(SecretText text) implements PskSetting {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 63;
    /** The rule, as every diagnostic about a passphrase states it (never the passphrase itself). */
    public static final String RULE = "a passphrase must be 8..63 printable ASCII characters";

    public Passphrase {
        Objects.requireNonNull(text, "text");
        byte[] b = text.bytes();
        try {
            if (!isValid(b)) {
                throw new IllegalArgumentException("passphrase: " + RULE);
            }
        } finally {
            java.util.Arrays.fill(b, (byte) 0);
        }
    }

    /** Whether {@code octets} form a valid passphrase. */
    public static boolean isValid(byte[] octets) {
        if (octets.length < MIN_LENGTH || octets.length > MAX_LENGTH) {
            return false;
        }
        for (byte o : octets) {
            if (o < 32 || o > 126) {
                return false;
            }
        }
        return true;
    }

    /** A passphrase from a copy of {@code octets}. */
    public static Passphrase of(byte[] octets) {
        return new Passphrase(SecretText.of(octets));
    }

    @Override
    public String toString() {
        return "Passphrase[*]";
    }
}
