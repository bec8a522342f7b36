package wpa4j.common.sae;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

/**
 * A bounded PMKSA cache, as a station (one entry per AP) or an AP (one per station) keeps it so that a reconnect
 * skips SAE: the PMKID in the (Re)Association Request names the entry. Adding an entry for the same AA and SPA
 * replaces the old one; when full, the entry expiring first goes. Replaced, evicted, expired and removed entries are
 * destroyed. Not thread-safe (one event loop).
 */
public final class PmksaCache {
    private final int capacity;
    private final List<PmksaEntry> entries = new ArrayList<>();

    public PmksaCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds {@code entry} (the cache takes it over). */
    public void add(PmksaEntry entry) {
        removeIf(e -> e.aa().equals(entry.aa()) && e.spa().equals(entry.spa()));
        if (entries.size() >= capacity) {
            PmksaEntry first = entries.stream().min((a, b) -> a.expiresAt().compareTo(b.expiresAt())).orElseThrow();
            entries.remove(first);
            first.destroy();
        }
        entries.add(entry);
    }

    /** The live entry shared with {@code peer}. */
    public Optional<PmksaEntry> byPeer(MacAddress peer, Instant now) {
        expire(now);
        return entries.stream().filter(e -> e.hasPeer(peer)).findFirst();
    }

    /** The live entry named {@code pmkid} (compared in constant time). */
    public Optional<PmksaEntry> byPmkid(Bytes pmkid, Instant now) {
        expire(now);
        byte[] id = pmkid.toArray();
        return entries.stream().filter(e -> MessageDigest.isEqual(e.pmkid().toArray(), id)).findFirst();
    }

    /** Removes (and destroys) the entries shared with {@code peer}; how many there were. */
    public int remove(MacAddress peer) {
        return removeIf(e -> e.hasPeer(peer));
    }

    /** Removes (and destroys) expired entries; how many there were. */
    public int expire(Instant now) {
        return removeIf(e -> e.expired(now));
    }

    public int size() {
        return entries.size();
    }

    /** Removes and destroys every entry. */
    public void clear() {
        removeIf(e -> true);
    }

    private int removeIf(Predicate<PmksaEntry> which) {
        int n = 0;
        for (Iterator<PmksaEntry> it = entries.iterator(); it.hasNext();) {
            PmksaEntry e = it.next();
            if (which.test(e)) {
                it.remove();
                e.destroy();
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "PmksaCache[" + entries.size() + "/" + capacity + "]";
    }
}
