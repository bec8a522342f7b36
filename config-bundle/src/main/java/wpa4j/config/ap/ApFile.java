package wpa4j.config.ap;

import java.util.List;
import java.util.Objects;

import wpa4j.config.Problem;

/**
 * A parsed {@code hostapd.conf}.
 *
 * @param profile  the BSS
 * @param warnings keys ignored and settings that probably do not do what was meant, with file:line
 */
public record ApFile(ApProfile profile, List<Problem> warnings) {
    public ApFile {
        Objects.requireNonNull(profile, "profile");
        warnings = List.copyOf(warnings);
    }
}
