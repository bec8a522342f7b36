package wpa4j.supplicant.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.List;
import java.util.Optional;

/**
 * Config Admin values as users write them: a FileInstall .cfg gives every value as one string
 * ({@code scanFreq=2412,2437}), a typed .config or Gogo gives arrays and numbers. Both forms read the same here.
 */
final class ConfigValues {
    private final Dictionary<String, ?> props;

    ConfigValues(Dictionary<String, ?> props) {
        this.props = props;
    }

    Optional<String> string(String key) {
        Object v = props.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v.getClass().isArray() || v instanceof Collection<?>) {
            List<String> l = list(key);
            return l.isEmpty() ? Optional.empty() : Optional.of(String.join(",", l));
        }
        String s = String.valueOf(v);
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** A list: an array, a collection, or one string split on commas (blanks trimmed, empties dropped). */
    List<String> list(String key) {
        Object v = props.get(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(v); i++) {
                out.addAll(split(String.valueOf(Array.get(v, i))));
            }
        } else if (v instanceof Collection<?> c) {
            c.forEach(x -> out.addAll(split(String.valueOf(x))));
        } else {
            out.addAll(split(String.valueOf(v)));
        }
        return out;
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }
}
