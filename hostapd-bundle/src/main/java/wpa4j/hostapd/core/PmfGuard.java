package wpa4j.hostapd.core;

import java.security.SecureRandom;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import wpa4j.runtime.eloop.EventLoop;
import wpa4j.common.frame.SaQuery;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

/**
 * The AP's management frame protection duties (IEEE 802.11-2020 11.13, hostapd's sa_query and check_sa_query): an
 * association request from a station whose protected association stands is refused for now (status 30 with the
 * comeback time) while an SA Query asks whether it is still there; SA Query Requests from stations are answered;
 * unprotected frames that could end a protected association are ignored. Used on the event loop only.
 */
final class PmfGuard {
    private static final System.Logger LOG = System.getLogger(PmfGuard.class.getName());

    private final EventLoop loop;
    private final SecureRandom random;
    /** Sends a management frame to a station (send_mlme, which the driver protects for PMF stations). */
    private final BiConsumer<ApStation, Bytes> send;
    /** Ends a station's association whose SA Query went unanswered, keeping its authentication. */
    private final Consumer<ApStation> timedOut;
    private long unprotectedIgnored;

    PmfGuard(EventLoop loop, SecureRandom random, BiConsumer<ApStation, Bytes> send, Consumer<ApStation> timedOut) {
        this.loop = loop;
        this.random = random;
        this.send = send;
        this.timedOut = timedOut;
    }

    /**
     * The comeback time in TUs when {@code sta}'s new (Re)Association Request must be refused with status 30 (its
     * protected association stands and the SA Query has not timed out), starting the SA Query; empty to go ahead.
     */
    OptionalLong comeback(ApStation sta, MacAddress own, SaQueryTiming timing) {
        if (!sta.protectedLink()) {
            return OptionalLong.empty();
        }
        if (sta.saQuery == null) {
            sta.saQuery = new SaQueryProcedure(loop, timing, random, id -> send.accept(sta, new SaQuery(true, id).encode(sta.addr, own, own)),
                    () -> timedOut.accept(sta));
        }
        return sta.saQuery.refusesAssociation() ? OptionalLong.of(sta.saQuery.comebackTu()) : OptionalLong.empty();
    }

    /**
     * An SA Query Action frame from a station. As hostapd: only from an associated station, and from a station with
     * PMF only protected (SA Query is a robust Action frame); a request is answered with its transaction identifier,
     * a response to one of our requests ends the procedure.
     */
    void onSaQuery(ApStation sta, SaQuery f, boolean wasProtected, MacAddress own) {
        if (sta == null || !sta.associated) {
            LOG.log(System.Logger.Level.DEBUG, "SA Query from a station that is not associated: ignored");
            return;
        }
        if (sta.mfp && !wasProtected) {
            unprotectedIgnored++;
            LOG.log(System.Logger.Level.DEBUG, () -> "unprotected SA Query from PMF station " + sta.addr + ": dropped");
            return;
        }
        if (f.request()) {
            send.accept(sta, new SaQuery(false, f.transactionId()).encode(sta.addr, own, own));
        } else if (sta.saQuery != null && sta.saQuery.onResponse(f)) {
            LOG.log(System.Logger.Level.DEBUG, () -> sta.addr + " answered the SA Query: its association stands");
        }
    }

    /**
     * Whether an unprotected Deauthentication or Disassociation from {@code sta} is to be ignored: its association
     * uses PMF and its pairwise key is installed, so it would have protected the frame, which may be forged (the kernel
     * drops these; a driver that passes one on gets the same answer). Before the key, as in mac80211, the station may
     * leave in the clear: it has nothing to protect the frame with.
     */
    boolean ignoresUnprotected(ApStation sta, String what) {
        if (sta == null || !sta.mfp || !sta.ptkInstalled) {
            return false;
        }
        unprotectedIgnored++;
        LOG.log(System.Logger.Level.DEBUG, () -> "unprotected " + what + " from PMF station " + sta.addr + " ignored");
        return true;
    }

    /** Unprotected frames from PMF stations ignored so far (reported events included). */
    void countUnprotectedEvent(MacAddress sa, String what) {
        unprotectedIgnored++;
        LOG.log(System.Logger.Level.DEBUG, () -> "unprotected " + what + " from " + sa + " (dropped by the driver) ignored");
    }

    long unprotectedIgnored() {
        return unprotectedIgnored;
    }
}
