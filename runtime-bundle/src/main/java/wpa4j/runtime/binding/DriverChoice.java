package wpa4j.runtime.binding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The candidates a core knows and the one it should use: of those meeting the requirement, the highest
 * ranking, then the newest {@code wifi.driver.version} (a new release dropped in beside the old one takes
 * over), then the lowest service id (the OSGi service order). Thread-safe: DS calls come from any thread.
 */
public final class DriverChoice {
    private static final Comparator<DriverCandidate> ORDER = Comparator.comparingInt(DriverCandidate::ranking).reversed()
            .thenComparing(DriverCandidate::version, DriverChoice::compareVersions)
            .thenComparingLong(DriverCandidate::serviceId);

    private final Map<Long, DriverCandidate> candidates = new LinkedHashMap<>();
    private DriverRequirement requirement;

    public synchronized void requirement(DriverRequirement r) {
        requirement = r;
    }

    public synchronized void add(DriverCandidate c) {
        candidates.put(c.serviceId(), c);
    }

    public synchronized void remove(long serviceId) {
        candidates.remove(serviceId);
    }

    /** The candidate to bind now, if any. */
    public synchronized Optional<DriverCandidate> best() {
        if (requirement == null) {
            return Optional.empty();
        }
        return candidates.values().stream().filter(c -> requirement.mismatch(c) == null).min(ORDER);
    }

    /** Every candidate for the interface, best first, with why it is or is not chosen: for wifi:drivers. */
    public synchronized List<String> explain() {
        List<String> lines = new ArrayList<>();
        if (requirement == null) {
            return lines;
        }
        Optional<DriverCandidate> best = best();
        candidates.values().stream().filter(c -> c.ifname().equals(requirement.ifname())).sorted(ORDER).forEach(c -> {
            String why = requirement.mismatch(c);
            lines.add(c + ": " + (why != null ? "not eligible, " + why : best.isPresent() && best.get() == c ? "bound (best eligible)" : "standby (lower ranking or older version)"));
        });
        return lines;
    }

    /**
     * Newer first, as OSGi orders versions: major, minor, micro numerically, then the qualifier as text; a
     * component that does not parse counts as -1 (older than any number in that place).
     */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.", 4);
        String[] y = b.split("\\.", 4);
        for (int i = 0; i < 3; i++) {
            int c = Long.compare(number(y, i), number(x, i));
            if (c != 0) {
                return c;
            }
        }
        return (y.length > 3 ? y[3] : "").compareTo(x.length > 3 ? x[3] : "");
    }

    private static long number(String[] parts, int i) {
        try {
            return i < parts.length ? Long.parseLong(parts[i]) : 0;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
