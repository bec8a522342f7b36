package wpa4j.supplicant.core;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import wpa4j.common.frame.SaQuery;
import wpa4j.common.frame.SaQuerySession;

/**
 * The station's SA Query procedure (IEEE 802.11-2020 11.13; wpa_supplicant's sme_sa_query): after an unprotected
 * disconnection from the AP while PMF is in use, the station asks the AP, over the protected link, whether the
 * association still exists. A Response with one of the sent transaction ids keeps the link; no answer within
 * {@link #MAX_TIMEOUT_MS} ends it. Plain state (the bookkeeping is
 * {@link SaQuerySession}'s): the caller sends the frames and runs the timer.
 */
final class SaQueryClient {
    /** wpa_supplicant's SA_QUERY_RETRY_TIMEOUT and SA_QUERY_MAX_TIMEOUT. */
    static final int RETRY_TIMEOUT_MS = 201;
    static final int MAX_TIMEOUT_MS = 1000;
    private static final int MAX_IDS = MAX_TIMEOUT_MS / RETRY_TIMEOUT_MS + 1;

    private final SaQuerySession session;

    SaQueryClient(SecureRandom random) {
        this.session = new SaQuerySession(random, TimeUnit.MILLISECONDS.toNanos(MAX_TIMEOUT_MS));
    }

    boolean inProgress() {
        return session.running();
    }

    /** Starts (or, on each retry timer, continues) the procedure: the next Request to send, or empty once it timed out. */
    Optional<SaQuery> nextRequest(long nowNanos) {
        if (session.running() && (session.timedOut(nowNanos) || session.requests() >= MAX_IDS)) {
            return Optional.empty();
        }
        return Optional.of(new SaQuery(true, session.nextId(nowNanos)));
    }

    /** Whether a received Response answers one of our Requests (then the procedure ends: the association is alive). */
    boolean answered(SaQuery response) {
        return session.answers(response);
    }

    void reset() {
        session.end();
    }
}
