package wpa4j.linux.custody;

import java.util.Map;

/** A lease as status shows it: who holds it (or that it waits for a successor), queued and dropped messages per channel. */
public record LeaseInfo(String key, String lessee, boolean released, Map<String, Integer> queued, long dropped) {
    public LeaseInfo {
        queued = Map.copyOf(queued);
    }
}
