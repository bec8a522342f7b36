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
        return octets.toPrintable();
    }

    @Override
    public String toString() {
        return toPrintable();
    }
}
