package wpa4j.driver.types;

import java.nio.charset.StandardCharsets;

/**
 * An SSID: 0..32 raw octets (SSID_MAX_LEN). Not a String: SSIDs need not be UTF-8. An empty SSID is the
 * wildcard in a probe request and the hidden SSID in a beacon.
 *
 * @param octets the SSID octets
 */
public record Ssid(Bytes octets) {
    public static final int MAX_LENGTH = 32;
    public static final Ssid WILDCARD = new Ssid(Bytes.EMPTY);

    public Ssid {
        Validate.length("ssid", octets, 0, MAX_LENGTH);
    }

    public static Ssid of(byte... octets) {
        return new Ssid(Bytes.of(octets));
    }

    /** The UTF-8 encoding of {@code text}. */
    public static Ssid ofUtf8(String text) {
        return new Ssid(Bytes.of(Validate.nonNull("ssid", text).getBytes(StandardCharsets.UTF_8)));
    }

    public int length() {
        return octets.length();
    }

    public boolean isEmpty() {
        return octets.isEmpty();
    }

    /**
     * The SSID escaped as wpa_supplicant prints it (printf_encode): printable ASCII as is,
     * {@code \" \\ \e \n \r \t} escaped, every other octet as {@code \xNN}.
     */
    public String toPrintable() {
        StringBuilder sb = new StringBuilder(octets.length());
        for (int i = 0; i < octets.length(); i++) {
            int c = octets.u8(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case 0x1b -> sb.append("\\e");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c >= 32 && c <= 126) {
                        sb.append((char) c);
                    } else {
                        sb.append(String.format("\\x%02x", c));
                    }
                }
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toPrintable();
    }
}
