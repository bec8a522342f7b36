package wpa4j.driver.types;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Argument checks shared by the records of the driver API. Every failure is an
 * {@link IllegalArgumentException} (or {@link NullPointerException} for a missing value) that names the
 * field and the offending value, so a bad value is traced to its source at construction time.
 */
public final class Validate {
    private Validate() {}

    public static <T> T nonNull(String field, T value) {
        if (value == null) {
            throw new NullPointerException(field + ": must not be null");
        }
        return value;
    }

    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + ": " + value + " out of range " + min + ".." + max);
        }
        return value;
    }

    public static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + ": " + value + " out of range " + min + ".." + max);
        }
        return value;
    }

    public static int u8(String field, int value) {
        return range(field, value, 0, 0xff);
    }

    public static int u16(String field, int value) {
        return range(field, value, 0, 0xffff);
    }

    public static long u32(String field, long value) {
        return range(field, value, 0, 0xffff_ffffL);
    }

    public static int nonNegative(String field, int value) {
        return range(field, value, 0, Integer.MAX_VALUE);
    }

    /** Checks a byte string's length, naming the field and the actual length (never the content: it may be a secret). */
    public static Bytes length(String field, Bytes value, int min, int max) {
        nonNull(field, value);
        if (value.length() < min || value.length() > max) {
            throw new IllegalArgumentException(field + ": length " + value.length() + " out of range " + min + ".." + max);
        }
        return value;
    }

    public static Bytes exactLength(String field, Bytes value, int length) {
        return length(field, value, length, length);
    }

    /**
     * A centre frequency in MHz of a band 802.11 (2.0) defines: 2.4 GHz, 4.9/5 GHz or 60 GHz.
     */
    public static int frequency(String field, int mhz) {
        boolean ok = (mhz >= 2400 && mhz <= 2500) || (mhz >= 4900 && mhz <= 5950) || (mhz >= 56160 && mhz <= 70200);
        if (!ok) {
            throw new IllegalArgumentException(field + ": " + mhz + " MHz is not an 802.11 channel frequency");
        }
        return mhz;
    }

    /** A frequency, or 0 meaning "not specified" as in the C structs. */
    public static int frequencyOrZero(String field, int mhz) {
        return mhz == 0 ? 0 : frequency(field, mhz);
    }

    /**
     * A network interface name as Linux accepts it (1..15 bytes, no '/', ':' or white space); other OSes
     * name adapters within the same rules as far as wpa4j is concerned.
     */
    public static String ifname(String field, String name) {
        nonNull(field, name);
        if (name.isEmpty() || name.length() > 15 || name.chars().anyMatch(c -> c <= ' ' || c == '/' || c == ':' || c > 126)) {
            throw new IllegalArgumentException(field + ": '" + name + "' is not a valid interface name (1..15 printable characters, no '/', ':' or space)");
        }
        return name;
    }

    public static <T> List<T> list(String field, List<T> value, int maxSize) {
        nonNull(field, value);
        if (value.size() > maxSize) {
            throw new IllegalArgumentException(field + ": " + value.size() + " entries, at most " + maxSize + " allowed");
        }
        noNulls(field, value);
        return List.copyOf(value);
    }

    public static <T> Set<T> set(String field, Set<T> value) {
        nonNull(field, value);
        noNulls(field, value);
        return Set.copyOf(value);
    }

    private static void noNulls(String field, Collection<?> value) {
        for (Object o : value) {
            if (o == null) {
                throw new NullPointerException(field + ": contains null");
            }
        }
    }
}
