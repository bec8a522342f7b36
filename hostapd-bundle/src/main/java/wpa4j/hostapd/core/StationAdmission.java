package wpa4j.hostapd.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import wpa4j.driver.types.MacAddress;

/**
 * What a stranger in radio range may cost the AP: per-source rate limits on Probe, Authentication and
 * (Re)Association Requests, a bound on Deauthentications to unknown senders, and the pre-association entries (a
 * station authenticated or in an SAE exchange, not yet associated) with their own cap and expiry. Bookkeeping only,
 * on the event loop; {@link Hostapd} decides what a refusal means.
 */
final class StationAdmission {
    /** Sources tracked for rate limiting; the one heard least recently is forgotten beyond this. */
    private static final int SOURCES = 1024;

    private final AdmissionLimits limits;
    private final LongSupplier nanos;
    private final Map<MacAddress, TokenBucket> requests = lru();
    private final Map<MacAddress, TokenBucket> probes = lru();
    private final TokenBucket deauths;
    /** Pre-association entries, oldest first, with when they were admitted. */
    private final LinkedHashMap<MacAddress, Long> pending = new LinkedHashMap<>();
    private long limited;

    StationAdmission(AdmissionLimits limits, LongSupplier nanos) {
        this.limits = limits;
        this.nanos = nanos;
        this.deauths = new TokenBucket(limits.deauthsPerSecond(), limits.deauthsPerSecond(), nanos.getAsLong());
    }

    /** An Authentication or (Re)Association Request from {@code sa} is answered. */
    boolean allowRequest(MacAddress sa) {
        return allow(requests, sa, limits.requestsPerSecond());
    }

    /** A Probe Request from {@code sa} is answered. */
    boolean allowProbe(MacAddress sa) {
        return allow(probes, sa, limits.probesPerSecond());
    }

    /** A Deauthentication may go to a sender the AP does not know. */
    boolean allowStrangerDeauth() {
        return count(deauths.take(nanos.getAsLong()));
    }

    /** Frames not answered because of the limits above. */
    long limited() {
        return limited;
    }

    /** Whether a newcomer must displace the oldest pre-association entry first. */
    boolean pendingFull() {
        return pending.size() >= limits.pendingMax();
    }

    /** The oldest pre-association entry that {@code mayGo} allows to give way, if any. */
    Optional<MacAddress> oldestPending(Predicate<MacAddress> mayGo) {
        return pending.keySet().stream().filter(mayGo).findFirst();
    }

    /** {@code sa} has an entry and no association (again): its clock starts now. */
    void pending(MacAddress sa) {
        pending.remove(sa);
        pending.put(sa, nanos.getAsLong());
    }

    /** {@code sa} associated, or its entry went. */
    void settled(MacAddress sa) {
        pending.remove(sa);
    }

    boolean anyPending() {
        return !pending.isEmpty();
    }

    int pendingCount() {
        return pending.size();
    }

    /** Takes out and returns the pre-association entries older than the timeout. */
    List<MacAddress> expired() {
        long cutoff = nanos.getAsLong() - limits.pendingTimeoutMs() * 1_000_000L;
        List<MacAddress> out = new ArrayList<>();
        for (Iterator<Map.Entry<MacAddress, Long>> i = pending.entrySet().iterator(); i.hasNext();) {
            Map.Entry<MacAddress, Long> e = i.next();
            if (e.getValue() - cutoff > 0) {
                break;
            }
            out.add(e.getKey());
            i.remove();
        }
        return out;
    }

    long sweepPeriodMs() {
        return Math.max(10, limits.pendingTimeoutMs() / 4);
    }

    private boolean allow(Map<MacAddress, TokenBucket> buckets, MacAddress sa, int perSecond) {
        long now = nanos.getAsLong();
        return count(buckets.computeIfAbsent(sa, a -> new TokenBucket(perSecond, 2 * perSecond, now)).take(now));
    }

    private boolean count(boolean allowed) {
        if (!allowed) {
            limited++;
        }
        return allowed;
    }

    private static Map<MacAddress, TokenBucket> lru() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<MacAddress, TokenBucket> eldest) {
                return size() > SOURCES;
            }
        };
    }
}
