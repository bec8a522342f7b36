package wpa4j.hostapd.core;

import wpa4j.driver.types.StaAddParams;
import wpa4j.driver.types.Validate;

/**
 * How much an unauthenticated stranger in radio range may cost the AP (hostapd has no such knobs; these are ours).
 *
 * @param pendingMax station entries that are not associated (authenticated, or in an SAE exchange) kept at once; a
 *        newcomer beyond it replaces the oldest, so forged Authentication frames cannot fill the table
 * @param pendingTimeoutMs how long such an entry may go without progress (an SAE frame, a successful authentication)
 *        before it is forgotten
 * @param requestsPerSecond Authentication and (Re)Association Requests answered per second and source (burst: twice)
 * @param probesPerSecond Probe Requests answered per second and source (burst: twice)
 * @param deauthsPerSecond Deauthentications sent per second, in all, to stations the AP does not know that send
 *        class 2/3 frames (a forged sender must not turn the AP into an amplifier)
 */
public record AdmissionLimits(int pendingMax, long pendingTimeoutMs, int requestsPerSecond, int probesPerSecond, int deauthsPerSecond) {
    /**
     * Room for as many pending entries as the AP has association IDs (hostapd's max_num_sta, 2007), so that every
     * station coming at once (the power back after a cut) never displaces its own kind; a few hundred bytes each.
     */
    public static final AdmissionLimits DEFAULT = new AdmissionLimits(StaAddParams.MAX_AID, 10_000, 10, 20, 20);

    public AdmissionLimits {
        Validate.range("pendingMax", pendingMax, 1, 100_000);
        Validate.range("pendingTimeoutMs", pendingTimeoutMs, 10, 600_000);
        Validate.range("requestsPerSecond", requestsPerSecond, 1, 100_000);
        Validate.range("probesPerSecond", probesPerSecond, 1, 100_000);
        Validate.range("deauthsPerSecond", deauthsPerSecond, 1, 100_000);
    }
}
