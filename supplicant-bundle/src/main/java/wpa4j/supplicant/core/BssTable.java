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
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.Rates;
import wpa4j.common.ie.Rsnx;
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
    /**
     * One BSS with the parts network selection needs, decoded once.
     *
     * @param saeH2e the RSNX element says SAE hash-to-element
     * @param saeH2eOnly the rates carry the "SAE H2E only" membership selector: stations without H2E must not join
     */
    record Entry(ScanResult result, Ssid ssid, RsnElement rsn, boolean privacy, boolean saeH2e, boolean saeH2eOnly, long seenNanos) {
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
            boolean h2eOnly;
            try {
                IeList ies = IeList.decode(r.ies());
                rsn = ies.rsn().orElse(null);
                h2e = Rsnx.hasSaeH2e(ies);
                h2eOnly = Rates.requiresSaeH2e(ies);
            } catch (MalformedFrameException e) {
                malformed++;
                continue;
            }
            entries.put(r.bssid(), new Entry(r, ssid.orElse(Ssid.WILDCARD), rsn, (r.caps() & 0x0010) != 0, h2e, h2eOnly, now - r.ageMs() * 1_000_000L));
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
