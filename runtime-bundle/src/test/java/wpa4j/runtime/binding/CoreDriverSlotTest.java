package wpa4j.runtime.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.event.DriverEventSink;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.InterfaceChange;
import wpa4j.driver.types.MacAddress;
import wpa4j.runtime.eloop.EventLoop;

/** Which of a replaced driver instance's late events still reach the core. */
class CoreDriverSlotTest {
    private final List<String> core = new CopyOnWriteArrayList<>();
    private final Map<Long, DriverEventSink> sinks = new ConcurrentHashMap<>();

    private final CoreDriverSlot.Core recording = new CoreDriverSlot.Core() {
        @Override
        public void attach(DriverInterface driver) {
            core.add("attach " + driver.driverName());
        }

        @Override
        public void detach() {
            core.add("detach");
        }

        @Override
        public void onEvent(DriverEvent event) {
            core.add(event.type().name());
        }
    };

    private static DriverCandidate candidate(long id) {
        return new DriverCandidate(id, 1, "wlan0", "d" + id, "1.0.0", List.of("station"), DriverChoiceTest.NONE);
    }

    private static DriverInterface driver(String name) {
        return new DriverInterface() {
            @Override public String driverName() { return name; }
            @Override public String getIfname() { return "wlan0"; }
            @Override public MacAddress getMacAddr() { return MacAddress.parse("02:00:00:00:01:00"); }
            @Override public Capabilities getCapa() { return Capabilities.none(); }
            @Override public void close() {}
        };
    }

    /**
     * A backend reconfigured: the old instance's "interface gone" was queued on the loop before its unbind and runs
     * after the new instance bound; it must not disable the core. Its EAPOL frame queued the same way still counts.
     */
    @Test
    void aReplacedInstancesInterfaceNewsIsDroppedItsFramesAreNot() throws Exception {
        try (EventLoop loop = new EventLoop("slot-test")) {
            CoreDriverSlot slot = new CoreDriverSlot("wlan0", loop, recording, (c, sink) -> {
                sinks.put(c.serviceId(), sink);
                return driver("d" + c.serviceId());
            }, 30_000, line -> { });
            loop.call(() -> slot.bind(candidate(1)));
            loop.call(() -> {
                DriverEventSink old = sinks.get(1L);
                old.onEvent(new DriverEvent.InterfaceStatus("wlan0", InterfaceChange.REMOVED));
                old.onEvent(new DriverEvent.EapolRx(MacAddress.parse("02:00:00:00:00:00"), Bytes.of(new byte[] {2, 3, 0, 0})));
                slot.unbind(candidate(1));
                slot.bind(candidate(2));
                return null;
            });
            sinks.get(2L).onEvent(new DriverEvent.InterfaceStatus("wlan0", InterfaceChange.ADDED));
            loop.call(() -> null);
            assertEquals(new ArrayList<>(List.of("attach d1", "detach", "attach d2", "EAPOL_RX", "INTERFACE_STATUS")), new ArrayList<>(core));
        }
    }
}
