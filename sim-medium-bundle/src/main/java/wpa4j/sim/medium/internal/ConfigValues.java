package wpa4j.sim.medium.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Multi-valued configuration properties as operators write them. A typed configuration ({@code .config}
 * file, {@code cm:} commands, a {@code String[]}) gives one element per value; a {@code .cfg} file gives
 * FileInstall one string, {@code radios=sim0,sim1,sim2}, which DS hands a {@code String[]} property as a
 * single element. Both mean the same list here: every element is split on commas, trimmed, and empty
 * parts are dropped.
 *
 * <p>Nothing here is specific to the sim medium: this class is meant to move to a shared bundle (the
 * cores' {@code capabilities} and {@code scanFreq} have the same need), keeping its name and methods.
 */
public final class ConfigValues {
    private ConfigValues() {}

    /** The values of a multi-valued property, each element split on commas, trimmed, empty parts dropped. */
    public static List<String> list(String... values) {
        List<String> out = new ArrayList<>();
        if (values == null) {
            return out;
        }
        for (String v : values) {
            if (v == null) {
                continue;
            }
            for (String part : v.split(",", -1)) {
                String t = part.strip();
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /**
     * The interface names of {@code property} ({@link #list}), each checked by {@link #interfaceName}; a name
     * given twice is refused.
     *
     * @throws IllegalArgumentException with a one-line message naming the property and the value
     */
    public static List<String> interfaceNames(String property, String... values) {
        List<String> names = list(values);
        Set<String> seen = new LinkedHashSet<>();
        for (String n : names) {
            interfaceName(property, n);
            if (!seen.add(n)) {
                throw new IllegalArgumentException(property + ": '" + n + "' is named twice");
            }
        }
        return names;
    }

    /**
     * Checks one network interface name: 1..15 printable ASCII characters (the kernel's IFNAMSIZ - 1), no
     * {@code /}, {@code :}, {@code ,} and no whitespace.
     *
     * @return {@code name}
     * @throws IllegalArgumentException with a one-line message naming the property and the value
     */
    public static String interfaceName(String property, String name) {
        if (name == null || name.isEmpty() || name.length() > 15
                || name.chars().anyMatch(c -> c <= ' ' || c > '~' || c == '/' || c == ':' || c == ',')) {
            throw new IllegalArgumentException(property + ": " + (name == null ? "no value" : "'" + printable(name) + "'")
                    + " is not an interface name (1..15 printable ASCII characters, no '/', ':', ',' or whitespace)");
        }
        return name;
    }

    /** {@code s} with control characters shown as {@code \xNN}, so that a message stays one line. */
    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> {
            if (c < ' ' || c == 0x7f) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.append((char) c);
            }
        });
        return sb.toString();
    }
}
