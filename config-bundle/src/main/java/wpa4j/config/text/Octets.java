package wpa4j.config.text;

import java.nio.charset.StandardCharsets;

import wpa4j.driver.types.Bytes;

/** Conversions between octets, octet strings (one char per octet) and Java text. */
public final class Octets {
    private Octets() {}

    /** The UTF-8 octets of {@code text}, as an octet string. */
    public static String fromText(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** The octets of an octet string. */
    public static byte[] bytes(String octetString) {
        return octetString.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static String of(byte[] octets) {
        return new String(octets, StandardCharsets.ISO_8859_1);
    }

    public static String of(Bytes octets) {
        return of(octets.toArray());
    }

    /** Octets as text: UTF-8 where valid (what an operator typed), each invalid sequence replaced. */
    public static String toText(byte[] octets) {
        return new String(octets, StandardCharsets.UTF_8);
    }
}
