package wpa4j.config;

import java.io.Serializable;
import java.util.Objects;

/**
 * One diagnostic about one setting, printed on one line:
 * {@code /etc/wpa_supplicant.conf:7: key_mgmt 'WPA-EAP' is not supported by wpa4j; allowed: WPA-PSK, ...}.
 *
 * <p>{@code shownValue} is already escaped ({@code printf_encode}) and shortened, and is {@code null} for
 * secrets: a passphrase is never echoed, not even its length.
 *
 * @param source     where the setting came from
 * @param key        the configuration key, or {@code null} for a problem with the line itself
 * @param shownValue the offending value as it may be shown, or {@code null}
 * @param message    what is wrong, one line, without source and allowed values
 * @param allowed    what would be accepted, or {@code null}
 * @param error      {@code true} for an error (nothing is applied), {@code false} for a warning (the setting
 *                   is ignored)
 */
public record Problem(Source source, String key, String shownValue, String message, String allowed, boolean error)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public Problem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        // one line per problem, whatever a caller passes in
        message = oneLine(message);
        allowed = allowed == null ? null : oneLine(allowed);
        shownValue = shownValue == null ? null : oneLine(shownValue);
    }

    /** An error about {@code key}: {@code key 'shown' reason} (or {@code key: reason} without a shown value). */
    public static Problem error(Source source, String key, String shownValue, String reason, String allowed) {
        return new Problem(source, key, shownValue, describe(key, shownValue, reason), allowed, true);
    }

    /** A warning about {@code key}, worded like {@link #error}. */
    public static Problem warning(Source source, String key, String shownValue, String reason, String allowed) {
        return new Problem(source, key, shownValue, describe(key, shownValue, reason), allowed, false);
    }

    private static String describe(String key, String shownValue, String reason) {
        if (key == null) {
            return reason;
        }
        return shownValue == null ? key + ": " + reason : key + " '" + shownValue + "' " + reason;
    }

    private static String oneLine(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }

    @Override
    public String toString() {
        return source + ": " + message + (allowed == null ? "" : "; allowed: " + allowed);
    }
}
