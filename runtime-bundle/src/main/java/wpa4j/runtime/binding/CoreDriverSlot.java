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
 */
public final class CoreDriverSlot implements DriverBinder.Target {
    /** What a core offers a slot. */
    public interface Core {
        void attach(DriverInterface driver);

        void detach();

        void onEvent(DriverEvent event);
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
    private final Consumer<String> log;
    private DriverInterface open;

    public CoreDriverSlot(String ifname, EventLoop loop, Core core, Opener opener) {
        this.ifname = ifname;
        this.loop = loop;
        this.core = core;
        this.opener = opener;
        this.log = line -> Console.line(ifname + ": " + line);
    }

    @Override
    public void unbind(DriverCandidate current) {
        core.detach();
        if (open != null) {
            open.close();
            open = null;
        }
        log.accept("driver " + current + " unbound");
    }

    @Override
    public boolean bind(DriverCandidate next) {
        try {
            open = FaultGuard.guard(opener.open(next, e -> {
                if (fromTheAir(e)) {
                    // frames anybody in range can send: a flood of them is dropped (counted) beyond the loop's bound
                    loop.offer(() -> core.onEvent(e));
                } else {
                    loop.execute(() -> core.onEvent(e));
                }
            }), next.toString(), log);
        } catch (DriverException | RuntimeException e) {
            log.accept("driver " + next + " could not be opened: " + e.getMessage());
            return false;
        }
        log.accept("driver " + next + " bound");
        core.attach(open);
        return true;
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
