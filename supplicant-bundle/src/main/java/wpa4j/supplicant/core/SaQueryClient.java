package wpa4j.supplicant.core;

import java.security.SecureRandom;
import java.util.Optional;

import wpa4j.common.frame.SaQuery;
import wpa4j.driver.types.Bytes;

/**
 * The station's SA Query procedure (IEEE 802.11-2020 11.13; wpa_supplicant's sme_sa_query): after an unprotected
 * disconnection from the AP while PMF is in use, the station asks the AP, over the protected link, whether the
 * association still exists. A Response with one of the sent transaction ids keeps the link; no answer within
 * {@link #MAX_TIMEOUT_MS} ends it. Plain state: the caller sends the frames and runs the timer.
 */
final class SaQueryClient {
    /** wpa_supplicant's SA_QUERY_RETRY_TIMEOUT and SA_QUERY_MAX_TIMEOUT. */
    static final int RETRY_TIMEOUT_MS = 201;
    static final int MAX_TIMEOUT_MS = 1000;
    private static final int MAX_IDS = MAX_TIMEOUT_MS / RETRY_TIMEOUT_MS + 1;

    private final SecureRandom random;
    private final java.util.List<Bytes> sent = new java.util.ArrayList<>();
    private long startNanos;

    SaQueryClient(SecureRandom random) {
        this.random = random;
    }

    boolean inProgress() {
        return !sent.isEmpty();
    }

    /** Starts (or, on each retry timer, continues) the procedure: the next Request to send, or empty once it timed out. */
    Optional<SaQuery> nextRequest(long nowNanos) {
        if (sent.isEmpty()) {
            startNanos = nowNanos;
        } else if ((nowNanos - startNanos) / 1_000_000 >= MAX_TIMEOUT_MS || sent.size() >= MAX_IDS) {
            return Optional.empty();
        }
        byte[] id = new byte[2];
        random.nextBytes(id);
        sent.add(Bytes.of(id));
        return Optional.of(new SaQuery(true, Bytes.of(id)));
    }

    /** Whether a received Response answers one of our Requests (then the procedure ends: the association is alive). */
    boolean answered(SaQuery response) {
        if (response.request() || !sent.contains(response.transactionId())) {
            return false;
        }
        sent.clear();
        return true;
    }

    void reset() {
        sent.clear();
    }
}
