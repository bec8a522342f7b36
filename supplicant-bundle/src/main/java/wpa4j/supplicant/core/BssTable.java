package wpa4j.supplicant.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.ie.ElementId;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.RsnElement;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.ScanResult;
import wpa4j.driver.types.Ssid;

/**
 * The BSSs seen in scans. An entry goes when it is older than {@code expireMs} (wpa_supplicant's
 * bss_expiration_age, 180 s) or was missing from {@code expireScans} scans in a row that covered its
 * frequency (bss_expiration_scan_count, 2): an AP that went away leaves the table within two scans.
 */
final class BssTable {
    /** One BSS with the parts network selection needs, decoded once. */
    record Entry(ScanResult result, Ssid ssid, RsnElement rsn, boolean privacy, boolean saeH2e, long seenNanos) {
        MacAddress bssid() {
            return result.bssid();
        }

        boolean isOpen() {
            return rsn == null && !privacy;
        }
    }

    private final Map<MacAddress, Entry> entries = new LinkedHashMap<>();
    private final Map<MacAddress, Integer> missed = new HashMap<>();
    private final long expireMs;
    private final int expireScans;
    private long malformed;

    BssTable(long expireMs, int expireScans) {
        this.expireMs = expireMs;
        this.expireScans = expireScans;
    }

    /**
     * The results of one scan.
     *
     * @param scannedFreqs the frequencies the scan covered, empty for all
     * @param scanAgeMs how long ago the scan started: a result older than that is the driver's cache (cfg80211 keeps a
     *     BSS 30 s), not a sighting, and counts as missed
     */
    void update(List<ScanResult> results, Collection<Integer> scannedFreqs, long scanAgeMs) {
        long now = System.nanoTime();
        Set<MacAddress> seen = new HashSet<>();
        for (ScanResult r : results) {
            if (r.ageMs() > scanAgeMs) {
                continue;
            }
            seen.add(r.bssid());
            Optional<Ssid> ssid = r.ssid();
            RsnElement rsn = null;
            boolean h2e;
            try {
                IeList ies = IeList.decode(r.ies());
                rsn = ies.rsn().orElse(null);
                // RSNXE bit 5: the AP does SAE hash-to-element
                h2e = ies.find(ElementId.RSNX).map(x -> x.body().length() > 0 && (x.body().u8(0) & 0x20) != 0).orElse(false);
            } catch (MalformedFrameException e) {
                malformed++;
                continue;
            }
            entries.put(r.bssid(), new Entry(r, ssid.orElse(Ssid.WILDCARD), rsn, (r.caps() & 0x0010) != 0, h2e, now - r.ageMs() * 1_000_000L));
            missed.remove(r.bssid());
        }
        for (Entry e : entries.values()) {
            if (!seen.contains(e.bssid()) && (scannedFreqs.isEmpty() || scannedFreqs.contains(e.result().freq()))) {
                missed.merge(e.bssid(), 1, Integer::sum);
            }
        }
        entries.values().removeIf(e -> (now - e.seenNanos()) / 1_000_000 > expireMs || missed.getOrDefault(e.bssid(), 0) >= expireScans);
        missed.keySet().retainAll(entries.keySet());
    }

    Optional<Entry> get(MacAddress bssid) {
        return Optional.ofNullable(entries.get(bssid));
    }

    List<Entry> all() {
        return new ArrayList<>(entries.values());
    }

    long malformed() {
        return malformed;
    }
}
