package wpa4j.config.text;

import java.io.ByteArrayOutputStream;

import wpa4j.driver.types.Bytes;

/**
 * wpa_supplicant's string values ({@code wpa_config_parse_string} and {@code wpa_config_write_string}) on
 * octet strings. Three forms decode to octets:
 * <ul>
 * <li>{@code "text"}: the octets between the first and the <em>last</em> quote, taken literally (so a
 * quote inside is fine); nothing may follow the closing quote;</li>
 * <li>{@code P"text"}: the same, then {@code printf_decode}: {@code \\ \" \n \r \t \e \xNN} and octal
 * {@code \NNN};</li>
 * <li>anything else: an even number of hex digits.</li>
 * </ul>
 * Failures throw {@link IllegalArgumentException} whose message is a reason that never repeats the value
 * (it may be a secret).
 */
public final class WpaString {
    public static final String FORMS = "\"text\", P\"escaped text\" or an even number of hex digits";
    public static final String NO_CLOSING_QUOTE = "has no closing quote";
    public static final String TEXT_AFTER_QUOTE = "has text after the closing quote";
    public static final String ODD_HEX = "has an odd number of hex digits";
    public static final String NOT_HEX = "is neither \"quoted\", P\"escaped\" nor hex digits (quote text)";

    private WpaString() {}

    /** Decodes one of the three forms. */
    public static byte[] decode(String value) {
        if (value.startsWith("\"")) {
            return Octets.bytes(quoted(value, 1));
        }
        if (value.startsWith("P\"")) {
            return printfDecode(quoted(value, 2));
        }
        byte[] hex = Hex.decode(value);
        if (hex == null) {
            throw new IllegalArgumentException((value.length() & 1) != 0 && Hex.isDigits(value) ? ODD_HEX : NOT_HEX);
        }
        return hex;
    }

    /** The content between the opening quote at {@code from - 1} and the last quote, which must end the value. */
    private static String quoted(String value, int from) {
        int close = value.lastIndexOf('"');
        if (close < from) {
            throw new IllegalArgumentException(NO_CLOSING_QUOTE);
        }
        if (close != value.length() - 1) {
            throw new IllegalArgumentException(TEXT_AFTER_QUOTE);
        }
        return value.substring(from, close);
    }

    /** {@code printf_decode}, including its leniency: an unknown escape drops the backslash. */
    static byte[] printfDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            if (i >= s.length()) {
                break;
            }
            char e = s.charAt(i);
            switch (e) {
                case '\\', '"' -> { out.write(e); i++; }
                case 'n' -> { out.write('\n'); i++; }
                case 'r' -> { out.write('\r'); i++; }
                case 't' -> { out.write('\t'); i++; }
                case 'e' -> { out.write(0x1b); i++; }
                case 'x' -> {
                    i++;
                    int hi = i < s.length() ? Hex.digit(s.charAt(i)) : -1;
                    int lo = i + 1 < s.length() ? Hex.digit(s.charAt(i + 1)) : -1;
                    if (hi >= 0 && lo >= 0) {
                        out.write(hi << 4 | lo);
                        i += 2;
                    } else if (hi >= 0) {
                        out.write(hi);
                        i++;
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        i++;
                        for (int n = 0; n < 2 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7'; n++) {
                            v = v * 8 + (s.charAt(i++) - '0');
                        }
                        out.write(v & 0xff);
                    }
                    // any other escape: the backslash is dropped and the character read as itself
                }
            }
        }
        return out.toByteArray();
    }

    /** Whether every octet is printable ASCII (32..126): wpa_supplicant then writes the quoted form. */
    public static boolean isPrintableAscii(byte[] value) {
        for (byte b : value) {
            if (b < 32 || b > 126) {
                return false;
            }
        }
        return true;
    }

    /** As wpa_supplicant writes and {@code GET_NETWORK} answers: {@code "text"} if printable, else hex. */
    public static String encode(byte[] value) {
        return isPrintableAscii(value) ? '"' + Octets.of(value) + '"' : Hex.encode(value);
    }

    /** {@code printf_encode}: printable ASCII as is, {@code \" \\ \e \n \r \t}, others {@code \xNN}. */
    public static String printable(byte[] value) {
        return Bytes.of(value).toPrintable();
    }
}
