package wpa4j.mqtt.bridge;

import java.nio.charset.StandardCharsets;

/** The control protocol's strings hold one char per octet (ISO-8859-1); JSON wants text, and SSIDs are mostly UTF-8. */
final class Octets {
    private Octets() {}

    /** The octets read as UTF-8 (a sequence that is not UTF-8 becomes U+FFFD). */
    static String text(String octets) {
        return new String(octets.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** The inverse: text as its UTF-8 octets, one char per octet, as the control socket delivers a request. */
    static String of(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
