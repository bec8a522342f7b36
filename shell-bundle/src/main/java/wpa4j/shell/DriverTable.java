package wpa4j.shell;

import java.util.Comparator;
import java.util.List;

import wpa4j.driver.BackendStatus;

/** Formats what {@code wifi:drivers} prints: the backends with their status, then the driver services by interface. */
final class DriverTable {
    private DriverTable() {}

    /** One registered {@code WifiDriver} service as its properties describe it. */
    record DriverRow(String ifname, String driver, String version, int ranking, List<String> capabilities) {}

    static String format(List<BackendStatus> backends, List<DriverRow> drivers) {
        StringBuilder sb = new StringBuilder();
        sb.append("Backends:\n");
        if (backends.isEmpty()) {
            sb.append("  (none installed)\n");
        }
        backends.stream().sorted(Comparator.comparing(BackendStatus::name)).forEach(b -> sb.append(String.format("  %-8s %-18s %s: %s%n",
                b.name(), b.version(), b.active() ? "active" : "inactive", b.reason())));
        sb.append("Drivers by interface (best first):\n");
        if (drivers.isEmpty()) {
            sb.append("  (no WifiDriver registered)\n");
        }
        drivers.stream()
                .sorted(Comparator.comparing(DriverRow::ifname).thenComparing(Comparator.comparingInt(DriverRow::ranking).reversed()))
                .forEach(d -> sb.append(String.format("  %-10s %-8s %-18s ranking=%-5d %s%n", d.ifname(), d.driver(), d.version(), d.ranking(),
                        String.join(",", d.capabilities()))));
        return sb.toString();
    }
}
