package wpa4j.supplicant.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import wpa4j.driver.DriverInterface;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.driver.types.KeyParams;
import wpa4j.runtime.binding.FaultGuard;
import wpa4j.supplicant.SupplicantState;

/**
 * A backend that throws in the middle of a handshake (fault injection: its first pairwise set_key throws an
 * IllegalStateException, as a backend bug would): seen through the runtime's {@link FaultGuard}, as every bound
 * driver is, the fault is reported, the link ends and the station connects again; its event loop lives on.
 */
class BackendFaultTest {
    private static final String PASS = "backend fault passphrase";

    /** {@code d}, except that its first pairwise set_key throws. */
    private static DriverInterface throwingOnce(DriverInterface d) {
        AtomicBoolean thrown = new AtomicBoolean();
        return (DriverInterface) Proxy.newProxyInstance(DriverInterface.class.getClassLoader(), new Class<?>[] {DriverInterface.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setKey") && ((KeyParams) args[0]).isPairwise() && thrown.compareAndSet(false, true)) {
                        throw new IllegalStateException("injected backend bug");
                    }
                    try {
                        return method.invoke(d, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aBackendThatThrowsMidHandshakeIsReportedAndTheStationConnectsAgain() throws Exception {
        List<String> reports = new CopyOnWriteArrayList<>();
        try (SimPair p = new SimPair().startAp(SimPair.apConfig(PASS, HiddenSsid.NO_SSID_HIDING, 0))
                .startStation(SimPair.network(PASS, false), d -> FaultGuard.guard(throwingOnce(d), "sim (faulty)", reports::add))) {
            SimPair.await(() -> p.staStates.stream().filter(s -> s == SupplicantState.COMPLETED).count() >= 1
                    && !reports.isEmpty(), () -> "a reported fault and a connection: " + reports + " " + p.staEvents);
            p.awaitState(SupplicantState.COMPLETED);
            assertTrue(reports.get(0).startsWith("driver fault: backend sim (faulty) threw in setKey: java.lang.IllegalStateException: injected backend bug"),
                    reports.toString());
            assertTrue(p.staEvents.stream().anyMatch(l -> l.startsWith("CTRL-EVENT-DISCONNECTED")), "the faulty link ended: " + p.staEvents);
            assertTrue(p.staLoop.failures() == 0, "nothing escaped to the event loop");
        }
    }
}
