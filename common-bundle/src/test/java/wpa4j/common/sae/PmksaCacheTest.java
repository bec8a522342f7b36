package wpa4j.common.sae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.common.ie.Suite;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

class PmksaCacheTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final MacAddress SPA = MacAddress.parse("02:00:00:00:01:00");

    private static PmksaEntry entry(int ap, int pmkid, Duration life) {
        byte[] id = new byte[16];
        id[0] = (byte) pmkid;
        return new PmksaEntry(MacAddress.parse("02:00:00:00:00:0" + ap), SPA, SecretKeyBytes.copyOf(new byte[32]), Bytes.of(id),
                Suite.AKM_SAE, T0.plus(life));
    }

    private static Bytes pmkid(int n) {
        byte[] id = new byte[16];
        id[0] = (byte) n;
        return Bytes.of(id);
    }

    @Test
    void lookupByPeerAndByPmkid() {
        PmksaCache cache = new PmksaCache(4);
        PmksaEntry a = entry(1, 1, Duration.ofHours(12));
        PmksaEntry b = entry(2, 2, Duration.ofHours(12));
        cache.add(a);
        cache.add(b);
        assertEquals(Optional.of(a), cache.byPeer(a.aa(), T0));
        assertEquals(Optional.of(b), cache.byPmkid(pmkid(2), T0));
        assertEquals(Optional.empty(), cache.byPmkid(pmkid(3), T0));
        // an AP's cache is keyed by the station: the SPA is the peer there
        assertTrue(cache.byPeer(SPA, T0).isPresent());
        assertEquals(Optional.empty(), cache.byPeer(MacAddress.parse("02:00:00:00:00:09"), T0));
    }

    @Test
    void sameAssociationReplacesAndDestroysTheOldEntry() {
        PmksaCache cache = new PmksaCache(4);
        PmksaEntry old = entry(1, 1, Duration.ofHours(12));
        PmksaEntry fresh = entry(1, 7, Duration.ofHours(12));
        cache.add(old);
        cache.add(fresh);
        assertEquals(1, cache.size());
        assertTrue(old.isDestroyed());
        assertEquals(Optional.empty(), cache.byPmkid(pmkid(1), T0));
        assertEquals(Optional.of(fresh), cache.byPeer(fresh.aa(), T0));
    }

    @Test
    void expiryEvictionRemovalAndClearDestroyEntries() {
        PmksaCache cache = new PmksaCache(2);
        PmksaEntry soon = entry(1, 1, Duration.ofSeconds(10));
        PmksaEntry later = entry(2, 2, Duration.ofHours(1));
        cache.add(soon);
        cache.add(later);
        PmksaEntry third = entry(3, 3, Duration.ofHours(2));
        cache.add(third); // full: the entry expiring first goes
        assertTrue(soon.isDestroyed());
        assertEquals(2, cache.size());
        assertEquals(Optional.empty(), cache.byPeer(later.aa(), T0.plus(Duration.ofHours(1))), "expired at expiresAt");
        assertTrue(later.isDestroyed());
        assertEquals(1, cache.remove(third.aa()));
        assertTrue(third.isDestroyed());
        cache.add(entry(4, 4, Duration.ofHours(1)));
        cache.clear();
        assertEquals(0, cache.size());
    }

    @Test
    void entriesAreValidatedAndPrintNoKey() {
        assertThrows(IllegalArgumentException.class, () -> new PmksaCache(0));
        assertThrows(IllegalArgumentException.class, () -> new PmksaEntry(SPA, SPA, SecretKeyBytes.copyOf(new byte[32]), Bytes.of(new byte[15]), Suite.AKM_SAE, T0));
        byte[] pmk = new byte[32];
        pmk[0] = 0x5a;
        PmksaEntry e = new PmksaEntry(SPA, SPA, SecretKeyBytes.copyOf(pmk), pmkid(1), Suite.AKM_SAE, T0);
        assertFalse(e.toString().contains("5a00"), e.toString());
        assertTrue(e.expired(T0));
        assertFalse(e.expired(T0.minusMillis(1)));
    }
}
