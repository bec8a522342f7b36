package wpa4j.runtime.binding;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import wpa4j.runtime.eloop.EventLoop;
import wpa4j.driver.WifiDriver;

/**
 * Keeps a core bound to its best driver: fed with the WifiDriver services as DS binds and unbinds them,
 * it re-decides on the core's event loop and swaps through the {@link Target} only when the choice changes.
 */
public final class DriverBinder {
    /** The core side of a swap; both run on the core's event loop. */
    public interface Target {
        /** Stop using the current driver (detach the core, close the interface). */
        void unbind(DriverCandidate current);

        /** Open {@code next} and attach the core to it; return false if it could not be opened. */
        boolean bind(DriverCandidate next);

        /** No eligible driver is left (the interface or its backend went away); {@code why} explains each candidate. */
        default void waiting(List<String> why) {
        }

        /**
         * Given at start: queues a new decision on the loop. A target that lost its driver outside a swap (a hang
         * in the middle of one: the swap never finished) calls it so the best candidate is bound again.
         */
        default void decideAgainWith(Runnable decide) {
        }
    }

    private final DriverChoice choice = new DriverChoice();
    private EventLoop loop;
    private Target target;
    private DriverCandidate current;
    private long swaps;

    /** Starts deciding: from now on changes are applied on {@code loop}. */
    public void start(DriverRequirement requirement, EventLoop eventLoop, Target t) {
        choice.requirement(requirement);
        this.loop = eventLoop;
        this.target = t;
        t.decideAgainWith(this::changed);
        eventLoop.execute(this::apply);
    }

    /** Unbinds whatever is bound (on the loop) and stops deciding. */
    public void stop() throws Exception {
        EventLoop l = loop;
        if (l != null) {
            l.call(() -> {
                if (current != null) {
                    target.unbind(current);
                    current = null;
                }
                target = null;
                return null;
            });
        }
    }

    public void add(WifiDriver driver, Map<String, Object> props) {
        choice.add(candidate(driver, props));
        changed();
    }

    public void remove(Map<String, Object> props) {
        choice.remove(serviceId(props));
        changed();
    }

    private void changed() {
        EventLoop l = loop;
        if (l != null) {
            l.execute(this::apply);
        }
    }

    private void apply() {
        if (target == null) {
            return;
        }
        Optional<DriverCandidate> best = choice.best();
        if (best.isPresent() && current != null && best.get().serviceId() == current.serviceId()) {
            return;
        }
        boolean wasBound = current != null;
        if (current != null) {
            DriverCandidate old = current;
            current = null;
            target.unbind(old);
        }
        // decided before the target acts: a swap cut short (its thread given up in a hung op) leaves this true
        current = best.orElse(null);
        if (best.isPresent() && target.bind(best.get())) {
            swaps++;
        } else if (best.isPresent() || wasBound && choice.best().isEmpty()) {
            // nothing bound now: the last one went, or the best could not be opened (e.g. a standby backend's
            // service for a netdev that was just deleted). A candidate that arrives later is bound by the
            // decision its arrival queues.
            current = null;
            target.waiting(choice.explain());
        }
    }

    /** The bound candidate, if any (call on the loop). */
    public Optional<DriverCandidate> current() {
        return Optional.ofNullable(current);
    }

    /** How often a driver was bound. */
    public long binds() {
        return swaps;
    }

    public List<String> explain() {
        return choice.explain();
    }

    static DriverCandidate candidate(WifiDriver driver, Map<String, Object> props) {
        return new DriverCandidate(serviceId(props), props.get("service.ranking") instanceof Integer i ? i : 0,
                String.valueOf(props.get(WifiDriver.PROP_IFNAME)), String.valueOf(props.get(WifiDriver.PROP_DRIVER)),
                String.valueOf(props.getOrDefault(WifiDriver.PROP_DRIVER_VERSION, "")), strings(props.get(WifiDriver.PROP_CAPABILITIES)), driver);
    }

    private static long serviceId(Map<String, Object> props) {
        return props.get("service.id") instanceof Long l ? l : -1;
    }

    private static List<String> strings(Object v) {
        if (v instanceof String[] a) {
            return Arrays.asList(a);
        }
        return v == null ? List.of() : List.of(String.valueOf(v));
    }
}
