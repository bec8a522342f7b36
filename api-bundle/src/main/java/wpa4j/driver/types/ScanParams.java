package wpa4j.driver.types;

import java.util.List;

/**
 * The arguments of {@code scan2} and {@code sched_scan} ({@code struct wpa_driver_scan_params}).
 *
 * @param ssids SSIDs to probe for (directed probe requests; {@link Ssid#WILDCARD} for a broadcast probe);
 *     empty list means a passive scan; at most {@value #MAX_SSIDS}
 * @param extraIes extra IEs to add to probe requests
 * @param freqs frequencies to scan in MHz; empty means all the driver supports
 * @param filterSsids SSIDs a scheduled scan reports (match sets); empty means all
 * @param filterRssi RSSI threshold in dBm for scheduled scan results, 0 for none
 * @param p2pProbe whether this is a P2P probe (no CCK rates)
 */
public record ScanParams(List<Ssid> ssids, Bytes extraIes, List<Integer> freqs, List<Ssid> filterSsids, int filterRssi, boolean p2pProbe) {
    /** WPAS_MAX_SCAN_SSIDS. */
    public static final int MAX_SSIDS = 16;

    public ScanParams {
        ssids = Validate.list("ssids", ssids, MAX_SSIDS);
        Validate.nonNull("extraIes", extraIes);
        freqs = Validate.list("freqs", freqs, 256);
        freqs.forEach(f -> Validate.frequency("freqs", f));
        filterSsids = Validate.list("filterSsids", filterSsids, 256);
        Validate.range("filterRssi", filterRssi, -128, 0);
    }

    /** An active scan for the wildcard SSID on {@code freqs} (all when empty). */
    public static ScanParams active(List<Integer> freqs) {
        return new ScanParams(List.of(Ssid.WILDCARD), Bytes.EMPTY, freqs, List.of(), 0, false);
    }

    /** An active scan with directed probes for {@code ssids} (and the wildcard) on {@code freqs}. */
    public static ScanParams directed(List<Ssid> ssids, List<Integer> freqs) {
        List<Ssid> all = new java.util.ArrayList<>(ssids);
        if (!all.contains(Ssid.WILDCARD)) {
            all.add(Ssid.WILDCARD);
        }
        return new ScanParams(all, Bytes.EMPTY, freqs, List.of(), 0, false);
    }
}
