package wpa4j.hostapd.core;

import wpa4j.driver.types.Validate;

/**
 * The association SA Query procedure's timing (hostapd.conf {@code assoc_sa_query_max_timeout},
 * {@code assoc_sa_query_retry_timeout}), in TUs (1024 µs) as hostapd counts them.
 *
 * @param maxTimeoutTu how long a station that is associated with PMF may stay silent before a new association replaces it
 * @param retryTimeoutTu the wait between SA Query Requests
 */
public record SaQueryTiming(int maxTimeoutTu, int retryTimeoutTu) {
    public static final SaQueryTiming DEFAULT = new SaQueryTiming(1000, 201);

    public SaQueryTiming {
        Validate.range("maxTimeoutTu", maxTimeoutTu, 1, Integer.MAX_VALUE);
        Validate.range("retryTimeoutTu", retryTimeoutTu, 1, Integer.MAX_VALUE);
    }

    /** The retry wait in milliseconds, as hostapd converts it for its timer. */
    long retryMs() {
        return Math.max(1, retryTimeoutTu * 1024L / 1000);
    }

    /**
     * The maximum timeout as a reached-counts bound in nanoseconds: hostapd times out once the whole TUs passed exceed
     * {@link #maxTimeoutTu}, i.e. from the first nanosecond of TU {@code maxTimeoutTu + 1}.
     */
    long maxTimeoutNanos() {
        return (maxTimeoutTu + 1L) * 1024 * 1000;
    }

    static long toTu(long nanos) {
        return nanos / 1000 / 1024;
    }
}
