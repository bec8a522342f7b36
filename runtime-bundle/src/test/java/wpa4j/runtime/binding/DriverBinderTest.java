package wpa4j.runtime.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import wpa4j.runtime.eloop.EventLoop;
import wpa4j.driver.WifiDriver;

/** The binder's decisions, in the order the target sees them, as services come and go. */
class DriverBinderTest {
    private final List<String> seen = new CopyOnWriteArrayList<>();
    /** Service ids whose open fails (a standby backend's service for a netdev that was just deleted). */
    private final List<Long> failing = new CopyOnWriteArrayList<>();

    private final DriverBinder.Target target = new DriverBinder.Target() {
        @Override
        public void unbind(DriverCandidate current) {
            seen.add("unbind " + current.serviceId());
        }

        @Override
        public boolean bind(DriverCandidate next) {
            seen.add("bind " + next.serviceId());
            return !failing.contains(next.serviceId());
        }

        @Override
        public void waiting(List<String> why) {
            seen.add("waiting " + why.size());
        }
    };

    private static Map<String, Object> props(long id, int ranking) {
        return Map.of("service.id", id, "service.ranking", ranking, WifiDriver.PROP_IFNAME, "wlan0", WifiDriver.PROP_DRIVER, "d" + id,
                WifiDriver.PROP_CAPABILITIES, new String[] {"station"});
    }

    @Test
    void betterReplacesLiveFallsBackAndWaitsWhenNoneIsLeft() throws Exception {
        DriverBinder binder = new DriverBinder();
        try (EventLoop loop = new EventLoop("binder-test")) {
            binder.start(new DriverRequirement("wlan0", "", List.of("station")), loop, target);
            // each change is decided on the loop; wait for it so every decision is seen, not only the last
            binder.add(DriverChoiceTest.NONE, props(1, 50));
            loop.call(() -> null);
            binder.add(DriverChoiceTest.NONE, props(2, 100));
            loop.call(() -> null);
            binder.remove(props(2, 100));
            loop.call(() -> null);
            binder.remove(props(1, 50));
            loop.call(() -> null);
            binder.add(DriverChoiceTest.NONE, props(3, 50));
            loop.call(() -> null);
            assertEquals(List.of("bind 1", "unbind 1", "bind 2", "unbind 2", "bind 1", "unbind 1", "waiting 0", "bind 3"), seen);
            assertEquals(4, loop.query(binder::binds));
        }
    }

    @Test
    void aCandidateThatCannotBeOpenedIsReportedAsWaiting() throws Exception {
        DriverBinder binder = new DriverBinder();
        try (EventLoop loop = new EventLoop("binder-test")) {
            binder.start(new DriverRequirement("wlan0", "", List.of("station")), loop, target);
            binder.add(DriverChoiceTest.NONE, props(1, 100));
            binder.add(DriverChoiceTest.NONE, props(2, 50));
            loop.call(() -> null);
            failing.add(2L);
            binder.remove(props(1, 100));
            loop.call(() -> null);
            binder.remove(props(2, 50));
            loop.call(() -> null);
            assertEquals(List.of("bind 1", "unbind 1", "bind 2", "waiting 1"), seen);
            assertEquals(1, loop.query(binder::binds));
        }
    }
}
