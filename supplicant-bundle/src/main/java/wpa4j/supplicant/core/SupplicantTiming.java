package wpa4j.supplicant.core;

import wpa4j.driver.types.Validate;

/**
 * Time constants of the station core; the defaults are wpa_supplicant's.
 *
 * @param scanIntervalMs wait before scanning again when no network was found (scan_interval, 5 s)
 * @param reconnectDelayMs wait before scanning after a disconnection (100 ms)
 * @param backoffUnitMs one unit of the temporary-disable durations 10, 20, 30, 60, 90, 120, 300 (1 s)
 * @param handshakeTimeoutMs give up a key handshake that does not finish (deauthenticate, scan again)
 * @param scanTimeoutMs give up a scan whose results do not come
 */
public record SupplicantTiming(int scanIntervalMs, int reconnectDelayMs, int backoffUnitMs, int handshakeTimeoutMs, int scanTimeoutMs) {
    public static final SupplicantTiming DEFAULT = new SupplicantTiming(5000, 100, 1000, 10_000, 10_000);

    public SupplicantTiming {
        Validate.range("scanIntervalMs", scanIntervalMs, 1, 3_600_000);
        Validate.range("reconnectDelayMs", reconnectDelayMs, 0, 3_600_000);
        Validate.range("backoffUnitMs", backoffUnitMs, 1, 60_000);
        Validate.range("handshakeTimeoutMs", handshakeTimeoutMs, 10, 600_000);
        Validate.range("scanTimeoutMs", scanTimeoutMs, 10, 600_000);
    }

    /** wpa_supplicant's temporary-disable duration (in units) after {@code failures} authentication failures. */
    public static int backoffUnits(int failures) {
        if (failures > 50) {
            return 300;
        }
        if (failures > 10) {
            return 120;
        }
        if (failures > 5) {
            return 90;
        }
        if (failures > 3) {
            return 60;
        }
        if (failures > 2) {
            return 30;
        }
        return failures > 1 ? 20 : 10;
    }
}
