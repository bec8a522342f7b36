package wpa4j.config;

import java.util.Objects;

import wpa4j.config.text.Octets;
import wpa4j.config.text.WpaString;
import wpa4j.driver.types.Bytes;

/**
 * wpa_supplicant's string values, for every edge that takes or shows one ({@code ssid}, {@code id_str},
 * {@code sae_password}, hostapd's {@code ssid2}):
 * <ul>
 * <li>{@code "text"}: the octets between the first and the last quote, literally;</li>
 * <li>{@code P"text"}: {@code printf}-escaped ({@code \\ \" \n \r \t \e \xNN}, octal {@code \NNN});</li>
 * <li>an even number of hex digits.</li>
 * </ul>
 * Text is taken as UTF-8. The two parsers use the same implementation.
 */
public final class StringCodec {
    /** The accepted forms, as diagnostics list them. */
    public static final String FORMS = WpaString.FORMS;

    private StringCodec() {}

    /**
     * Decodes one of the three forms.
     *
     * @throws IllegalArgumentException with a reason (which never repeats the value: it may be a secret)
     */
    public static Bytes decode(String value) {
        return Bytes.of(WpaString.decode(Octets.fromText(Objects.requireNonNull(value, "value"))));
    }

    /**
     * As wpa_supplicant writes a string and {@code GET_NETWORK} answers: {@code "text"} when every octet is
     * printable ASCII (32..126, a quote included), otherwise lower-case hex.
     */
    public static String encode(Bytes octets) {
        return WpaString.encode(octets.toArray());
    }

    /** As wpa_supplicant prints an SSID ({@code printf_encode}); {@link #decode} reads it back in {@code P""}. */
    public static String printable(Bytes octets) {
        return WpaString.printable(octets.toArray());
    }
}
