package wpa4j.supplicant.core;

import java.util.HashMap;
import java.util.Map;

import wpa4j.driver.types.MacAddress;

/**
 * BSSs that failed to connect lately (wpa_supplicant's bssid_ignore): skipped in selection until their entry times
 * out, 10 s after the first and second failure, then 60 s, 120 s, 600 s, 1800 s. An expired entry is forgotten with its
 * count, so a BSS that failed once hours ago is a candidate like any other.
 */
final class BssIgnoreList {
    private record Entry(int count, long untilNanos) {}

    private final Map<MacAddress, Entry> entries = new HashMap<>();

    /** One more failure of {@code bssid}; its count of failures in a row. */
    int fail(MacAddress bssid) {
        Entry e = live(bssid);
        int count = e == null ? 1 : e.count() + 1;
        entries.put(bssid, new Entry(count, System.nanoTime() + timeoutSeconds(count) * 1_000_000_000L));
        return count;
    }

    boolean ignored(MacAddress bssid) {
        return live(bssid) != null;
    }

    boolean isEmpty() {
        entries.values().removeIf(e -> System.nanoTime() - e.untilNanos() >= 0);
        return entries.isEmpty();
    }

    void remove(MacAddress bssid) {
        entries.remove(bssid);
    }

    void clear() {
        entries.clear();
    }

    private Entry live(MacAddress bssid) {
        Entry e = entries.get(bssid);
        if (e != null && System.nanoTime() - e.untilNanos() >= 0) {
            entries.remove(bssid);
            return null;
        }
        return e;
    }

    private static long timeoutSeconds(int count) {
        return switch (count) {
            case 1, 2 -> 10;
            case 3 -> 60;
            case 4 -> 120;
            case 5 -> 600;
            default -> 1800;
        };
    }
}
