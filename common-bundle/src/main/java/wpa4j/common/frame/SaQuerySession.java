package wpa4j.common.frame;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Validate;

/**
 * The bookkeeping of one SA Query procedure (IEEE 802.11-2020 11.13), shared by the station and the AP: the
 * transaction identifiers of the Requests sent, when the first went out, and whether a Response answers one or the
 * maximum timeout has passed. Plain state without threads or clock: the caller sends the frames, runs the retry timer,
 * passes "now" ({@link System#nanoTime()} scale) and decides what a timeout means. Not thread-safe.
 */
public final class SaQuerySession {
    private final Random random;
    private final long maxTimeoutNanos;
    private final List<Bytes> sent = new ArrayList<>();
    private long startNanos;

    /**
     * @param random the source of transaction identifiers (random 16-bit values, as hostapd and wpa_supplicant)
     * @param maxTimeoutNanos how long after the first Request the procedure has timed out (reached counts)
     */
    public SaQuerySession(Random random, long maxTimeoutNanos) {
        this.random = Objects.requireNonNull(random, "random");
        this.maxTimeoutNanos = Validate.range("maxTimeoutNanos", maxTimeoutNanos, 1, Long.MAX_VALUE);
    }

    /** Whether Requests are outstanding: the procedure runs until a Response answers one or {@link #end()}. */
    public boolean running() {
        return !sent.isEmpty();
    }

    /** The transaction identifier for the next Request, remembered; the first one starts the procedure at {@code nowNanos}. */
    public Bytes nextId(long nowNanos) {
        if (sent.isEmpty()) {
            startNanos = nowNanos;
        }
        byte[] id = new byte[2];
        random.nextBytes(id);
        Bytes tid = Bytes.of(id);
        sent.add(tid);
        return tid;
    }

    /** Requests sent in this procedure (the first plus its retries). */
    public int requests() {
        return sent.size();
    }

    /** Time since the procedure's first Request; after {@link #end()} still counted from it. */
    public long elapsedNanos(long nowNanos) {
        return nowNanos - startNanos;
    }

    /** Whether the maximum timeout has passed since the first Request. */
    public boolean timedOut(long nowNanos) {
        return elapsedNanos(nowNanos) >= maxTimeoutNanos;
    }

    /**
     * Whether {@code frame} is a Response to one of the Requests sent; the procedure then ends. Ids are not secret,
     * so the lookup need not be constant-time.
     */
    public boolean answers(SaQuery frame) {
        if (frame.request() || !sent.contains(frame.transactionId())) {
            return false;
        }
        end();
        return true;
    }

    /** Ends the procedure: the ids sent are forgotten and a later Request starts a new one. */
    public void end() {
        sent.clear();
    }
}
