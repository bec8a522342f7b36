package wpa4j.supplicant.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import wpa4j.runtime.binding.CoreDriverSlot;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.sim.SimDriver;
import wpa4j.sim.medium.Radio;
import wpa4j.supplicant.SupplicantState;

/**
 * Issue #7's hot-plug on the sim medium, in plain Java: a radio (the netdev) removed under a linked core tells
 * the core first (InterfaceStatus REMOVED); the core reports it and waits; a new radio under the same name
 * gets a new driver, as the binder does when the backend registers one, and the core starts over on it.
 */
class InterfaceHotPlugTest {
    private static final String PASS = "correct horse battery";

    /** What CoreDriverSlot does when the interface's service goes and a new one comes: detach, close, open, attach. */
    private static DriverInterface rebind(SimPair p, EventLoop loop, CoreDriverSlot.Core core, DriverInterface old, Radio radio) throws Exception {
        loop.call(() -> {
            core.detach();
            return null;
        });
        old.close();
        DriverInterface next = new SimDriver(p.medium, radio).open(radio.ifname(), e -> loop.execute(() -> core.onEvent(e)));
        loop.call(() -> {
            core.attach(next);
            return null;
        });
        return next;
    }

    private static long count(java.util.List<String> events, String prefix) {
        return events.stream().filter(l -> l.startsWith(prefix)).count();
    }

    @Test
    void aRemovedStationInterfaceEndsTheLinkAndTheStationStartsOverWhenItComesBack() throws Exception {
        try (SimPair p = new SimPair().startAp(SimPair.apConfig(PASS, HiddenSsid.NO_SSID_HIDING, 0)).startStation(SimPair.network(PASS, false))) {
            p.awaitState(SupplicantState.COMPLETED);
            p.medium.removeRadio("sim1");
            p.awaitState(SupplicantState.INTERFACE_DISABLED);
            assertTrue(p.staEvents.contains("interface sim1 is gone, link to 02:00:00:00:00:00 ended: waiting for it"), p.staEvents.toString());
            assertEquals(SupplicantState.INTERFACE_DISABLED, p.staLoop.call(() -> p.sta.status().state()));

            Radio back = p.medium.addRadio("sim1", p.staRadio.mac());
            rebind(p, p.staLoop, p.sta, p.staIf, back);
            SimPair.await(() -> count(p.staEvents, "CTRL-EVENT-CONNECTED") == 2, "connected again on the new interface: " + p.staEvents);
            p.awaitState(SupplicantState.COMPLETED);
            assertEquals(0, p.staLoop.failures() + p.apLoop.failures(), "no task threw");
        }
    }

    @Test
    void aRemovedApInterfaceDropsItsStationsAndTheApStartsAFreshBssWhenItComesBack() throws Exception {
        try (SimPair p = new SimPair().startAp(SimPair.apConfig(PASS, HiddenSsid.NO_SSID_HIDING, 0)).startStation(SimPair.network(PASS, false))) {
            p.awaitState(SupplicantState.COMPLETED);
            p.medium.removeRadio("sim0");
            SimPair.await(() -> p.apEvents.contains("AP-DISABLED interface sim0 is gone: waiting for it"), "AP reports the interface gone: " + p.apEvents);
            assertEquals(1, count(p.apEvents, "AP-STA-DISCONNECTED " + p.staRadio.mac()), p.apEvents.toString());
            assertEquals(0, (int) p.apLoop.call(() -> p.ap.stationInfos().size()));
            // the station loses the beacons and looks for the network
            SimPair.await(() -> count(p.staEvents, "CTRL-EVENT-DISCONNECTED") == 1, "station lost the AP: " + p.staEvents);

            Radio back = p.medium.addRadio("sim0", p.apRadio.mac());
            rebind(p, p.apLoop, p.ap, p.apIf, back);
            SimPair.await(() -> count(p.apEvents, "AP-ENABLED") == 2, "a fresh BSS: " + p.apEvents);
            SimPair.await(() -> count(p.staEvents, "CTRL-EVENT-CONNECTED") == 2, "the station joins the new BSS: " + p.staEvents);
            assertEquals(0, p.staLoop.failures() + p.apLoop.failures(), "no task threw");
        }
    }
}
