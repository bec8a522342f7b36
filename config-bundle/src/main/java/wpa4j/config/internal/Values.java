package wpa4j.config.internal;

import wpa4j.config.text.WpaString;

import wpa4j.config.ConfigException;
import wpa4j.config.Problem;
import wpa4j.config.Source;

/**
 * The value rules both files share, each turning a bad value into one {@link Problem} with the same
 * wording wherever the key is set.
 */
public final class Values {
    private Values() {}

    public static ConfigException error(Source src, String key, String shown, String reason, String allowed) {
        return new ConfigException(Problem.error(src, key, shown, reason, allowed));
    }

    /** A wpa_supplicant integer ({@code strtol} base 0: decimal, {@code 0x} hex, {@code 0} octal) in range. */
    public static int strtol(String key, String value, Source src, int min, int max, String allowed) {
        return inRange(key, value, src, Numbers.strtol(value), min, max, allowed);
    }

    /** A hostapd integer (decimal) in range. */
    public static int decimal(String key, String value, Source src, int min, int max, String allowed) {
        return inRange(key, value, src, Numbers.decimal(value), min, max, allowed);
    }

    private static int inRange(String key, String value, Source src, Long n, int min, int max, String allowed) {
        if (n == null) {
            throw error(src, key, Show.value(value), "is not a number", allowed);
        }
        if (n < min || n > max) {
            throw error(src, key, Show.value(value), "is out of range", allowed);
        }
        return n.intValue();
    }

    /**
     * A value in one of wpa_supplicant's string forms, decoded. A secret's diagnostic gives the reason only.
     */
    public static byte[] wpaString(String key, String value, Source src, boolean secret) {
        try {
            return WpaString.decode(value);
        } catch (IllegalArgumentException e) {
            throw error(src, key, secret ? null : Show.value(value), e.getMessage(), WpaString.FORMS);
        }
    }

    /** A key the daemon knows and wpa4j does not implement. */
    public static Problem notImplemented(Source src, String key) {
        return Problem.warning(src, key, null, "not implemented by wpa4j; ignored", null);
    }

    /** A key the daemon does not know either (a typo, most likely). */
    public static Problem unknown(Source src, String key) {
        return new Problem(src, key, null, "unknown key '" + Show.value(key) + "' ignored", null, false);
    }

    /**
     * Refuses {@code "ssid "} when {@code ssid} is a key: the daemons take white space around '=' as part
     * of the key, so the line would silently not set what it says.
     */
    public static void checkKeyBlanks(String key, Source src, java.util.function.Predicate<String> known) {
        String stripped = key.strip();
        if (!stripped.equals(key) && known.test(stripped)) {
            throw error(src, stripped, null, "white space around '=' is not allowed (the daemon would read the key as '"
                    + Show.value(key) + "')", null);
        }
    }
}
