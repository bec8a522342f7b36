package wpa4j.config.text;

/** {@code hexstr2bin}: an even number of hex digits, either case, nothing else. */
public final class Hex {
    private Hex() {}

    /** The octets, or {@code null} if {@code s} is not entirely hex digits in pairs. */
    public static byte[] decode(String s) {
        if ((s.length() & 1) != 0) {
            return null;
        }
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = digit(s.charAt(2 * i));
            int lo = digit(s.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    public static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (digit(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    public static int digit(char c) {
        return c > 127 ? -1 : Character.digit(c, 16);
    }

    public static String encode(byte[] octets) {
        StringBuilder sb = new StringBuilder(octets.length * 2);
        for (byte b : octets) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }
}
