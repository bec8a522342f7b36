package wpa4j.hostapd.core;

import java.security.SecureRandom;
import java.util.function.Consumer;

import wpa4j.runtime.eloop.EventLoop;
import wpa4j.common.frame.SaQuery;
import wpa4j.common.frame.SaQuerySession;
import wpa4j.driver.types.Bytes;

/**
 * The association SA Query procedure for one station (IEEE 802.11-2020 11.13, hostapd's ap_sa_query_timer): started
 * when a station associated with PMF asks to associate again; an SA Query Request every retry timeout, each with a new
 * transaction identifier; a response to any of them ends it (the station is still there). Without one within the
 * maximum timeout it has timed out, and the next association replaces the old one. Used on the event loop only; the
 * ids and the clock are {@link SaQuerySession}'s, the timer, the comeback and the timeout's consequence this class's.
 */
final class SaQueryProcedure {
    /** hostapd's bound on requests per procedure. */
    private static final int MAX_REQUESTS = 1000;

    private final EventLoop loop;
    private final SaQueryTiming timing;
    private final SaQuerySession session;
    private final Consumer<Bytes> sendRequest;
    private final Runnable onTimeout;
    private EventLoop.Timer timer;
    private boolean timedOut;

    /**
     * @param sendRequest sends an SA Query Request with this transaction identifier
     * @param onTimeout runs once when the procedure times out
     */
    SaQueryProcedure(EventLoop loop, SaQueryTiming timing, SecureRandom random, Consumer<Bytes> sendRequest, Runnable onTimeout) {
        this.loop = loop;
        this.timing = timing;
        this.session = new SaQuerySession(random, timing.maxTimeoutNanos());
        this.sendRequest = sendRequest;
        this.onTimeout = onTimeout;
    }

    /**
     * hostapd's check_sa_query for a station associated with PMF and authorized: whether its new (Re)Association
     * Request must be refused for now (status 30); starts the procedure when none is running.
     */
    boolean refusesAssociation() {
        if (!timedOut && running()) {
            timedOutNow();
        }
        if (timedOut) {
            return false;
        }
        if (!running()) {
            attempt();
        }
        return true;
    }

    /** The Timeout Interval's association comeback time in TUs, as hostapd_eid_assoc_comeback_time computes it. */
    long comebackTu() {
        long passed = SaQueryTiming.toTu(session.elapsedNanos(System.nanoTime()));
        long max = timing.maxTimeoutTu();
        long timeout = max > passed ? max - passed : 0;
        // a little extra for the local timers, as hostapd adds
        return timeout < max ? timeout + 1 : timeout;
    }

    /** A response: ends the procedure when it answers one of our requests. */
    boolean onResponse(SaQuery response) {
        if (!session.answers(response)) {
            return false;
        }
        stop();
        return true;
    }

    boolean running() {
        return session.running();
    }

    /** The station associated anew: a later association is checked again (hostapd clears sa_query_timed_out). */
    void associated() {
        stop();
        timedOut = false;
    }

    void stop() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        session.end();
    }

    private void attempt() {
        if (running() && timedOutNow()) {
            return;
        }
        if (session.requests() >= MAX_REQUESTS) {
            return;
        }
        Bytes tid = session.nextId(System.nanoTime());
        timer = loop.schedule(timing.retryMs(), this::attempt);
        sendRequest.accept(tid);
    }

    /** Whether the maximum timeout has passed; if so the procedure ends as timed out. */
    private boolean timedOutNow() {
        if (!session.timedOut(System.nanoTime())) {
            return false;
        }
        stop();
        timedOut = true;
        onTimeout.run();
        return true;
    }
}
