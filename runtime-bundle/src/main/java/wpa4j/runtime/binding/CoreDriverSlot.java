package wpa4j.runtime.binding;

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
    public void unbind(DriverCandidate current) {
        core.detach();
        cancelReopen();
        bound = null;
        if (open != null) {
            open.close();
            open = null;
        }
        log.accept("driver " + current + " unbound");
    }

    @Override
    public boolean bind(DriverCandidate next) {
        if (!open(next)) {
            return false;
        }
        bound = next;
        log.accept("driver " + next + " bound");
        core.attach(open);
        return true;
    }

    private boolean open(DriverCandidate next) {
        FaultGuard.HangPolicy hang = new FaultGuard.HangPolicy(hangMs, (hung, stuck) -> {
            loop.abandon(stuck);
            loop.execute(() -> replaceHung(hung, next, 1_000));
        });
        try {
            open = FaultGuard.guard(opener.open(next, e -> {
                if (fromTheAir(e)) {
                    // frames anybody in range can send: a flood of them is dropped (counted) beyond the loop's bound
                    loop.offer(() -> core.onEvent(e));
                } else {
                    loop.execute(() -> core.onEvent(e));
                }
            }), next.toString(), log, hang);
        } catch (DriverException | RuntimeException e) {
            log.accept("driver " + next + " could not be opened: " + e.getMessage());
            return false;
        }
        return true;
    }

    /** On the loop, after {@code hung} was declared hung: give it up and open its candidate again, unless swapped meanwhile. */
    private void replaceHung(DriverInterface hung, DriverCandidate candidate, long retryMs) {
        if (hung != null && open != hung || bound != candidate) {
            return;
        }
        reopen = null;
        if (open != null) {
            core.detach();
            open.close(); // the guard closes a hung driver in the background
            open = null;
        }
        if (open(candidate)) {
            log.accept("driver " + candidate + " opened again after a hang");
            core.attachAfterFault(open);
        } else {
            long next = Math.min(retryMs * 2, MAX_REOPEN_DELAY_MS);
            log.accept("driver " + candidate + " not reopened after a hang; again in " + retryMs + " ms");
            reopen = loop.schedule(retryMs, () -> replaceHung(null, candidate, next));
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
