package wpa4j.supplicant.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import wpa4j.driver.DriverInterface;
import wpa4j.driver.WifiDriver;
import wpa4j.driver.types.ApInitParams;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.driver.types.KeyParams;
import wpa4j.hostapd.core.Hostapd;
import wpa4j.runtime.binding.CoreDriverSlot;
import wpa4j.runtime.binding.DriverBinder;
import wpa4j.runtime.binding.DriverRequirement;
import wpa4j.sim.SimDriver;
import wpa4j.supplicant.SupplicantState;

/**
 * A backend that hangs in the middle of a handshake (fault injection: its first pairwise set_key never returns, as
 * a driver stuck in a deadlock or a blocking call would): the slot declares the op hung, the station's event loop
 * goes on on a new thread, the backend is opened afresh and the station connects again. When the hung op returns at
 * last, its thread ends without touching the station.
 */
class HangingBackendTest {
    private static final String PASS = "hanging backend passphrase";

    /** {@code d}, except that its first pairwise set_key blocks until {@code release}, recording the thread it holds. */
    private static DriverInterface hangingOnce(DriverInterface d, CountDownLatch release, AtomicReference<Thread> held) {
        return (DriverInterface) Proxy.newProxyInstance(DriverInterface.class.getClassLoader(), new Class<?>[] {DriverInterface.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setKey") && ((KeyParams) args[0]).isPairwise() && held.compareAndSet(null, Thread.currentThread())) {
                        release.await();
                        throw new IllegalStateException("the hung set_key came back");
                    }
                    try {
                        return method.invoke(d, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aBackendThatHangsMidHandshakeIsGivenUpAndTheStationConnectsAgain() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> held = new AtomicReference<>();
        AtomicInteger opened = new AtomicInteger();
        List<String> slotLines = new CopyOnWriteArrayList<>();
        List<String> events = new CopyOnWriteArrayList<>();
        List<SupplicantState> states = new CopyOnWriteArrayList<>();
        try (SimPair p = new SimPair().startAp(SimPair.apConfig(PASS, HiddenSsid.NO_SSID_HIDING, 0))) {
            Supplicant sta = new Supplicant(p.staLoop, "sim1", List.of(SimPair.network(PASS, false)), SimPair.FAST_STA,
                    SupplicantListener.of((from, to) -> states.add(to), events::add));
            DriverBinder binder = new DriverBinder();
            binder.start(new DriverRequirement("sim1", "", List.of("station")), p.staLoop, new CoreDriverSlot("sim1", p.staLoop, sta, (c, sink) -> {
                DriverInterface d = c.driver().open("sim1", sink);
                return opened.incrementAndGet() == 1 ? hangingOnce(d, release, held) : d;
            }, 500, slotLines::add));
            SimDriver sim = new SimDriver(p.medium, p.staRadio);
            binder.add(sim, Map.of("service.id", 1L, WifiDriver.PROP_IFNAME, "sim1", WifiDriver.PROP_DRIVER, sim.name(),
                    WifiDriver.PROP_CAPABILITIES, sim.capabilities().tags().toArray(new String[0])));

            SimPair.await(() -> held.get() != null && states.contains(SupplicantState.COMPLETED),
                    () -> "a hang, then a connection: " + slotLines + " " + events);
            assertEquals(SupplicantState.COMPLETED, p.staLoop.call(sta::state));
            assertTrue(slotLines.stream().anyMatch(l -> l.startsWith("driver hang: backend ") && l.contains("did not return from setKey in 500 ms")),
                    slotLines.toString());
            assertEquals(2, opened.get(), "the backend opened afresh once: " + slotLines);
            assertEquals(1, p.staLoop.abandonedThreads());
            assertTrue(events.stream().anyMatch(l -> l.startsWith("CTRL-EVENT-DRIVER-FAULT")), events.toString());
            assertFalse(events.stream().anyMatch(l -> l.contains("WRONG_KEY") || l.contains("pre-shared key may be incorrect")), events.toString());

            // the hung op returns at last: its thread leaves without touching the station, which stays connected
            int eventsBefore = events.size();
            release.countDown();
            held.get().join(5_000);
            assertFalse(held.get().isAlive(), "the abandoned thread ended");
            assertEquals(SupplicantState.COMPLETED, p.staLoop.call(sta::state));
            assertEquals(0, p.staLoop.failures(), "nothing escaped to the event loop");
            assertFalse(events.subList(eventsBefore, events.size()).stream().anyMatch(l -> l.startsWith("CTRL-EVENT-DISCONNECTED")), events.toString());
            binder.stop();
        }
    }

    /**
     * The AP twin: the AP's backend hangs in its first pairwise set_key (message 4 of the first station's handshake).
     * The AP core restarts its BSS on a fresh instance of the backend and the station joins it again.
     */
    @Test
    void anApBackendThatHangsIsGivenUpAndTheApStartsItsBssAfresh() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> held = new AtomicReference<>();
        AtomicInteger opened = new AtomicInteger();
        List<String> slotLines = new CopyOnWriteArrayList<>();
        List<String> apEvents = new CopyOnWriteArrayList<>();
        try (SimPair p = new SimPair()) {
            Hostapd ap = new Hostapd(p.apLoop, "sim0", SimPair.apConfig(PASS, HiddenSsid.NO_SSID_HIDING, 0), SimPair.FAST_AP, apEvents::add);
            DriverBinder binder = new DriverBinder();
            binder.start(new DriverRequirement("sim0", "", List.of("ap")), p.apLoop, new CoreDriverSlot("sim0", p.apLoop, ap, (c, sink) -> {
                DriverInterface d = c.driver().openAp(new ApInitParams("sim0", null, SimPair.SSID, false, List.of()), sink);
                return opened.incrementAndGet() == 1 ? hangingOnce(d, release, held) : d;
            }, 500, slotLines::add));
            SimDriver sim = new SimDriver(p.medium, p.apRadio);
            binder.add(sim, Map.of("service.id", 1L, WifiDriver.PROP_IFNAME, "sim0", WifiDriver.PROP_DRIVER, sim.name(),
                    WifiDriver.PROP_CAPABILITIES, sim.capabilities().tags().toArray(new String[0])));
            p.startStation(SimPair.network(PASS, false));

            SimPair.await(() -> held.get() != null && apEvents.stream().filter(l -> l.startsWith("AP-ENABLED")).count() == 2
                    && apEvents.stream().anyMatch(l -> l.startsWith("AP-STA-CONNECTED")),
                    () -> "a hang, a fresh BSS, the station back: " + slotLines + " AP: " + apEvents + " station: " + p.staEvents);
            p.awaitState(SupplicantState.COMPLETED);
            assertTrue(apEvents.stream().anyMatch(l -> l.startsWith("AP-DRIVER-FAULT")), apEvents.toString());
            assertTrue(slotLines.stream().anyMatch(l -> l.contains("did not return from setKey in 500 ms")), slotLines.toString());
            release.countDown();
            held.get().join(5_000);
            assertFalse(held.get().isAlive(), "the abandoned thread ended");
            assertEquals(0, p.apLoop.failures(), "nothing escaped to the event loop");
            binder.stop();
        }
    }
}
