package wpa4j.runtime.binding;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import wpa4j.runtime.console.Console;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.event.DriverEventSink;

/**
 * The driver side of a core, as both cores' components use it: opens the chosen driver with a sink that
 * queues events onto the core's loop, attaches the core, and on a swap detaches and closes the old one.
 * Every driver is seen through a {@link FaultGuard}: an op that throws is reported, and an op that hangs frees the
 * loop (it goes on on a new thread), the driver is given up and the same candidate opened afresh, retried with backoff.
 */
public final class CoreDriverSlot implements DriverBinder.Target {
    /** What a core offers a slot. */
    public interface Core {
        void attach(DriverInterface driver);

        void detach();

        void onEvent(DriverEvent event);

        /**
         * Attach {@code driver}, a fresh instance after the last one hung in an op: that op (and the task that called
         * it) was given up half done, so state that depends on it is not to be trusted. By default as {@link #attach}.
         */
        default void attachAfterFault(DriverInterface driver) {
            attach(driver);
        }
    }

    /** How the core opens a driver: {@code open} for a station, {@code openAp} for an AP. */
    @FunctionalInterface
    public interface Opener {
        DriverInterface open(DriverCandidate candidate, DriverEventSink sink) throws DriverException;
    }

    private final String ifname;
    private final EventLoop loop;
    private final Core core;
    private final Opener opener;
    /** How long a driver op may take before it counts as hung (nl80211 gives up on a request after 5 s). */
    public static final long DEFAULT_HANG_MS = 10_000;
    private static final long MAX_REOPEN_DELAY_MS = 30_000;

    private final Consumer<String> log;
    private final long hangMs;
    private DriverInterface open;
    private DriverCandidate bound;
    private EventLoop.Timer reopen;
    private Runnable decideAgain = () -> { };
    /** Hangs in a series (none for 10 minutes ends one): each later one waits twice as long before its reopening (1 s, 2 s, ... 30 s). */
    private int hangs;
    private long lastHangNanos;
    private static final long QUIET_NANOS = 600_000_000_000L;
    private static final long CLOSE_WAIT_NANOS = 5_000_000_000L;

    /** A token of the instance opened last, compared on the loop with the one an event came from; null: none open. */
    private Object instance;

    public CoreDriverSlot(String ifname, EventLoop loop, Core core, Opener opener) {
        this(ifname, loop, core, opener, DEFAULT_HANG_MS, line -> Console.line(ifname + ": " + line));
    }

    /** As the other constructor, ops hung after {@code hangMs}, the slot's lines to {@code log}. */
    public CoreDriverSlot(String ifname, EventLoop loop, Core core, Opener opener, long hangMs, Consumer<String> log) {
        this.ifname = ifname;
        this.loop = loop;
        this.core = core;
        this.opener = opener;
        this.hangMs = hangMs;
        this.log = log;
    }

    @Override
    public void decideAgainWith(Runnable decide) {
        decideAgain = decide;
    }

    @Override
    public void unbind(DriverCandidate current) {
        release();
        bound = null;
        hangs = 0;
        log.accept("driver " + current + " unbound");
    }

    /** Detaches the core and closes the driver, if any (forgotten first: a close that hangs leaves nothing behind). */
    private void release() {
        core.detach();
        cancelReopen();
        DriverInterface d = open;
        open = null;
        instance = null;
        if (d != null) {
            d.close(); // a guard that declared its driver hung closes it in the background
        }
    }

    @Override
    public boolean bind(DriverCandidate next) {
        if (open != null) {
            // left by a swap cut short by a hang
            release();
        }
        bound = next;
        if (!open(next)) {
            bound = null;
            return false;
        }
        log.accept("driver " + next + " bound");
        core.attach(open);
        return true;
    }

    private boolean open(DriverCandidate next) {
        AtomicBoolean givenUp = new AtomicBoolean();
        Object self = new Object();
        instance = self;
        FaultGuard.HangPolicy hang = new FaultGuard.HangPolicy(hangMs, (hung, stuck) -> {
            givenUp.set(true);
            // the driver goes before any waiting task meets the core as the stuck task left it
            if (!loop.abandon(stuck, () -> replaceHung(hung, next))) {
                loop.execute(() -> replaceHung(hung, next));
            }
        });
        try {
            open = FaultGuard.guard(opener.open(next, e -> {
                if (givenUp.get()) {
                    // late events of an instance given up: its successor reports the link as it is
                    return;
                }
                if (fromTheAir(e)) {
                    // frames anybody in range can send: a flood of them is dropped (counted) beyond the loop's bound
                    loop.offer(() -> core.onEvent(e));
                } else if (e instanceof DriverEvent.InterfaceStatus) {
                    // news of the interface from an instance replaced since (queued before its unbind) describe it as
                    // that instance left it: its successor reports it as it is (a late "gone" disabled a bound core)
                    loop.execute(() -> {
                        if (instance == self) {
                            core.onEvent(e);
                        }
                    });
                } else {
                    // a replaced instance's late frames and TX status still count (a live upgrade loses none)
                    loop.execute(() -> core.onEvent(e));
                }
            }), next.toString(), log, hang);
        } catch (DriverException | RuntimeException e) {
            log.accept("driver " + next + " could not be opened: " + e.getMessage());
            return false;
        }
        return true;
    }

    /**
     * On the loop, after {@code hung} was declared hung: gives it up and opens its candidate again (at once the first
     * time, then after 1, 2, 4... up to 30 s if it keeps hanging or cannot be opened). A hang in the middle of a swap
     * (in unbind's close) left no driver bound: the binder decides again.
     */
    private void replaceHung(DriverInterface hung, DriverCandidate candidate) {
        if (open != hung || bound != candidate) {
            decideAgain.run();
            return;
        }
        release();
        long now = System.nanoTime();
        if (now - lastHangNanos > QUIET_NANOS) {
            hangs = 0; // a hang after a long quiet spell is not one of a series
        }
        lastHangNanos = now;
        long delay = hangs == 0 ? 0 : Math.min(1_000L << Math.min(hangs - 1, 5), MAX_REOPEN_DELAY_MS);
        hangs++;
        long closeDeadline = now + CLOSE_WAIT_NANOS;
        reopen = loop.schedule(delay, () -> reopen(candidate, 1_000, hung, closeDeadline));
    }

    /**
     * Opens {@code candidate} again once the given-up instance's close() has ended (its backend restores the interface
     * as it closes and must not do that under its successor), or after 5 s if it does not end.
     */
    private void reopen(DriverCandidate candidate, long retryMs, DriverInterface givenUp, long closeDeadline) {
        reopen = null;
        if (bound != candidate) {
            return;
        }
        if (FaultGuard.closing(givenUp) && System.nanoTime() - closeDeadline < 0) {
            reopen = loop.schedule(20, () -> reopen(candidate, retryMs, givenUp, closeDeadline));
            return;
        }
        if (open(candidate)) {
            log.accept("driver " + candidate + " opened again after a hang");
            core.attachAfterFault(open);
        } else {
            log.accept("driver " + candidate + " not reopened after a hang; again in " + retryMs + " ms");
            reopen = loop.schedule(retryMs, () -> reopen(candidate, Math.min(retryMs * 2, MAX_REOPEN_DELAY_MS), givenUp, closeDeadline));
        }
    }

    private void cancelReopen() {
        if (reopen != null) {
            reopen.cancel();
            reopen = null;
        }
    }

    /** The core keeps its state (a link the kernel or medium still holds) and resumes with the next driver. */
    @Override
    public void waiting(java.util.List<String> why) {
        log.accept("no driver left for " + ifname + ": waiting for one" + (why.isEmpty() ? "" : " (candidates: " + String.join("; ", why) + ")"));
    }

    public String ifname() {
        return ifname;
    }

    private static boolean fromTheAir(DriverEvent e) {
        return e instanceof DriverEvent.RxMgmt || e instanceof DriverEvent.EapolRx || e instanceof DriverEvent.RxFromUnknown
                || e instanceof DriverEvent.UnprotDeauth || e instanceof DriverEvent.UnprotDisassoc;
    }
}
