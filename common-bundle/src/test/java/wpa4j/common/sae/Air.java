package wpa4j.common.sae;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

import wpa4j.driver.types.MacAddress;

/**
 * Carries the Authentication frames of one station and one AP between them (test helper): every Send becomes a
 * frame for the other side; frames for which {@code lose} holds are dropped; all actions are recorded.
 */
final class Air {
    record Frame(boolean fromStation, SaeAction.Send send) {}

    final SaeStation station;
    final SaeAccessPoint ap;
    final MacAddress sta;
    final List<SaeAction> stationActions = new ArrayList<>();
    final List<SaeAction> apActions = new ArrayList<>();
    final List<Frame> sent = new ArrayList<>();
    private final Deque<Frame> inFlight = new ArrayDeque<>();
    Predicate<Frame> lose = f -> false;

    Air(SaeStation station, SaeAccessPoint ap, MacAddress sta) {
        this.station = station;
        this.ap = ap;
        this.sta = sta;
    }

    Air start() {
        fromStation(station.start());
        return run();
    }

    /** Delivers frames until none is left in flight. */
    Air run() {
        int n = 0;
        while (!inFlight.isEmpty()) {
            if (++n > 1000) {
                throw new AssertionError("frames ping-pong forever");
            }
            Frame f = inFlight.poll();
            if (f.fromStation()) {
                fromAp(ap.receive(sta, f.send().transaction(), f.send().status(), f.send().body()));
            } else {
                fromStation(station.receive(f.send().transaction(), f.send().status(), f.send().body()));
            }
        }
        return this;
    }

    Air stationTimeout() {
        fromStation(station.timeout());
        return run();
    }

    Air apTimeout() {
        fromAp(ap.timeout(sta));
        return run();
    }

    void fromStation(List<SaeAction> actions) {
        stationActions.addAll(actions);
        queue(actions, true);
    }

    void fromAp(List<SaeAction> actions) {
        apActions.addAll(actions);
        queue(actions, false);
    }

    private void queue(List<SaeAction> actions, boolean fromStation) {
        for (SaeAction a : actions) {
            if (a instanceof SaeAction.Send s) {
                Frame f = new Frame(fromStation, s);
                sent.add(f);
                if (!lose.test(f)) {
                    inFlight.add(f);
                }
            }
        }
    }

    static <T extends SaeAction> List<T> of(List<SaeAction> actions, Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
