package wpa4j.config.internal;

/**
 * Integer parsing as the two daemons do it, minus their silent failures: a value that is not entirely a
 * number is refused, and a value outside {@code long} saturates (callers then report it out of range).
 */
public final class Numbers {
    private Numbers() {}

    /**
     * C {@code strtol(s, &end, 0)} requiring {@code *end == '\0'} (wpa_supplicant's integers): leading white
     * space, a sign, then {@code 0x} hex, {@code 0} octal or decimal. Unlike C, an empty value is not 0.
     *
     * @return the value, or {@code null} if {@code s} is not a number
     */
    public static Long strtol(String s) {
        int i = skipSpace(s, 0);
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (i + 1 < s.length() && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < s.length() && Character.digit(s.charAt(i + 2), 16) >= 0) {
            radix = 16;
            i += 2;
        } else if (i < s.length() && s.charAt(i) == '0') {
            radix = 8;
        }
        return digits(s, i, radix, negative);
    }

    /**
     * A decimal integer with optional white space around it and a sign: hostapd's {@code atoi}, except that
     * anything else after the digits is refused instead of ignored.
     */
    public static Long decimal(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        s = s.substring(0, end);
        int i = skipSpace(s, 0);
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        return digits(s, i, 10, negative);
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && " \t\n\u000b\f\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static Long digits(String s, int start, int radix, boolean negative) {
        if (start >= s.length()) {
            return null;
        }
        long value = 0;
        boolean saturated = false;
        for (int i = start; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), radix);
            if (d < 0 || s.charAt(i) > 127) {
                return null;
            }
            if (!saturated) {
                if (value > (Long.MAX_VALUE - d) / radix) {
                    saturated = true;
                } else {
                    value = value * radix + d;
                }
            }
        }
        if (saturated) {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return negative ? -value : value;
    }
}
