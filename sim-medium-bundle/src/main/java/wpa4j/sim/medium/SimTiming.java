package wpa4j.sim.medium;

import wpa4j.driver.types.Validate;

/**
 * The medium's time constants. Defaults are those of real hardware; tests shorten them.
 *
 * @param scanDwellMs time spent on each channel of an active scan
 * @param mlmeTimeoutMs how long a station waits for an Authentication or Association response
 * @param mlmeAttempts how often it sends one before giving up
 * @param beaconLossMs silence from the BSS after which a station declares the link lost
 * @param scanCacheMs how long a BSS stays in the scan results after last seen (cfg80211: 30 s)
 */
public record SimTiming(int scanDwellMs, int mlmeTimeoutMs, int mlmeAttempts, int beaconLossMs, int scanCacheMs) {
    public static final SimTiming DEFAULT = new SimTiming(40, 200, 3, 2000, 30_000);

    public SimTiming {
        Validate.range("scanDwellMs", scanDwellMs, 1, 10_000);
        Validate.range("mlmeTimeoutMs", mlmeTimeoutMs, 1, 10_000);
        Validate.range("mlmeAttempts", mlmeAttempts, 1, 100);
        Validate.range("beaconLossMs", beaconLossMs, 10, 600_000);
        Validate.range("scanCacheMs", scanCacheMs, 10, 600_000);
    }
}
