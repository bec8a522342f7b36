package wpa4j.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The keys of a Config Admin configuration that its component does not know: a warning each, as a .conf file's unknown
 * keys get one — except a key that looks like a secret (a misspelt {@code .Passphrase}), which is an error: ignoring it
 * would run the network without its passphrase, that is, open.
 */
public final class ConfigAdminKeys {
    /** Keys Config Admin, FileInstall and DS add themselves. */
    private static final List<String> FRAMEWORK_PREFIXES = List.of("service.", "component.", "felix.", "osgi.", "org.apache.felix.");

    private ConfigAdminKeys() {}

    /** The problems of the unknown keys among {@code keys}, given the {@code known} ones. */
    public static List<Problem> unknown(Collection<String> keys, Set<String> known, Source src) {
        List<Problem> problems = new ArrayList<>();
        for (String key : keys) {
            if (known.contains(key) || FRAMEWORK_PREFIXES.stream().anyMatch(key::startsWith)) {
                continue;
            }
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.contains("pass") || lower.contains("psk") || lower.contains("secret")) {
                problems.add(Problem.error(src, key, null, "is not a key of this configuration; a network run without its secret would be open",
                        String.join(", ", known.stream().filter(k -> k.toLowerCase(Locale.ROOT).contains("pass") || k.contains("psk")).sorted().toList())));
            } else {
                problems.add(Problem.warning(src, null, null, "unknown key '" + key + "' ignored", null));
            }
        }
        return problems;
    }
}
