package wpa4j.common.sae;

import java.time.Instant;
import java.util.Objects;

import javax.security.auth.Destroyable;

import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.common.ie.Suite;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

/**
 * A PMK security association (IEEE 802.11-2020 12.6.1.1.4): the PMK of one authenticator (AA) and supplicant
 * (SPA), named by its PMKID, for the AKM that made it, until it expires. An entry in a {@link PmksaCache} is owned
 * by the cache: use {@code pmk().copy()} and do not destroy it yourself.
 */
public record PmksaEntry(MacAddress aa, MacAddress spa, SecretKeyBytes pmk, Bytes pmkid, Suite akm, Instant expiresAt) implements Destroyable {
    public PmksaEntry {
        Objects.requireNonNull(aa, "aa");
        Objects.requireNonNull(spa, "spa");
        Objects.requireNonNull(pmk, "pmk");
        Objects.requireNonNull(akm, "akm");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (pmkid.length() != SaeExchange.PMKID_LENGTH) {
            throw new IllegalArgumentException("pmkid: " + pmkid.length() + " octets, expected 16");
        }
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Whether {@code peer} is the other party: the AA in a station's cache, the SPA in an AP's. */
    public boolean hasPeer(MacAddress peer) {
        return aa.equals(peer) || spa.equals(peer);
    }

    @Override
    public void destroy() {
        pmk.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return pmk.isDestroyed();
    }
}
