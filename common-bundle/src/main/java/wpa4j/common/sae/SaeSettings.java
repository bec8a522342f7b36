package wpa4j.common.sae;

import java.util.List;
import java.util.Objects;

/**
 * What an SAE party is configured with: its groups in order of preference ({@code sae_groups}), the PWE method
 * ({@code sae_pwe}), dot11RSNASAESync, dot11RSNASAERetransPeriod and, on an AP,
 * {@code sae_anti_clogging_threshold} (0: always ask for a token).
 */
public record SaeSettings(List<SaeGroup> groups, SaePwe pwe, int syncLimit, long retransmitMillis, int antiCloggingThreshold) {
    /** hostapd's and wpa_supplicant's defaults: groups 19, 20, 21; looping; sync 5; 40 ms; threshold 5. */
    public static final SaeSettings DEFAULT = new SaeSettings(List.of(SaeGroup.P256, SaeGroup.P384, SaeGroup.P521), SaePwe.LOOPING, 5, 40, 5);

    public SaeSettings {
        groups = List.copyOf(groups);
        Objects.requireNonNull(pwe, "pwe");
        if (groups.isEmpty() || groups.stream().distinct().count() != groups.size()) {
            throw new IllegalArgumentException("groups: " + groups + " (non-empty, no repeats)");
        }
        if (syncLimit < 0 || retransmitMillis <= 0 || antiCloggingThreshold < 0) {
            throw new IllegalArgumentException("syncLimit " + syncLimit + ", retransmitMillis " + retransmitMillis
                    + ", antiCloggingThreshold " + antiCloggingThreshold + ": none may be negative, the period not 0");
        }
    }

    public SaeSettings withGroups(SaeGroup... groups) {
        return new SaeSettings(List.of(groups), pwe, syncLimit, retransmitMillis, antiCloggingThreshold);
    }

    public SaeSettings withPwe(SaePwe pwe) {
        return new SaeSettings(groups, pwe, syncLimit, retransmitMillis, antiCloggingThreshold);
    }

    public SaeSettings withAntiCloggingThreshold(int threshold) {
        return new SaeSettings(groups, pwe, syncLimit, retransmitMillis, threshold);
    }
}
