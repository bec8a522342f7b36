package wpa4j.supplicant.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.ScanResult;
import wpa4j.driver.types.Ssid;

/** The BSSs seen in scans, aged out after {@code expireMs} (wpa_supplicant's bss_expiration_age). */
final class BssTable {
    /** One BSS with the parts network selection needs, decoded once. */
    record Entry(ScanResult result, Ssid ssid, RsnElement rsn, boolean privacy, long seenNanos) {
        MacAddress bssid() {
            return result.bssid();
        }

        /** Whether this BSS offers WPA2-PSK with CCMP as pairwise and group cipher. */
        boolean offersPskCcmp() {
            return rsn != null && rsn.akms() != null && rsn.akms().contains(Suite.AKM_PSK) && rsn.pairwiseCiphers() != null
                    && rsn.pairwiseCiphers().contains(Suite.RSN_CCMP) && Suite.RSN_CCMP.equals(rsn.groupCipher());
        }

        boolean isOpen() {
            return rsn == null && !privacy;
        }
    }

    private final Map<MacAddress, Entry> entries = new LinkedHashMap<>();
    private final long expireMs;
    private long malformed;

    BssTable(long expireMs) {
        this.expireMs = expireMs;
    }

    void update(List<ScanResult> results) {
        long now = System.nanoTime();
        for (ScanResult r : results) {
            Optional<Ssid> ssid = r.ssid();
            RsnElement rsn = null;
            try {
                rsn = IeList.decode(r.ies()).rsn().orElse(null);
            } catch (MalformedFrameException e) {
                malformed++;
                continue;
            }
            entries.put(r.bssid(), new Entry(r, ssid.orElse(Ssid.WILDCARD), rsn, (r.caps() & 0x0010) != 0, now - r.ageMs() * 1_000_000L));
        }
        entries.values().removeIf(e -> (now - e.seenNanos()) / 1_000_000 > expireMs);
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
