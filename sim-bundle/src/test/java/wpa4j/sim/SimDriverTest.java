package wpa4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.OperationNotSupportedException;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.AuthParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.DriverFlag;
import wpa4j.driver.types.IfAddParams;
import wpa4j.driver.types.IfType;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.ScanParams;
import wpa4j.driver.types.Ssid;
import wpa4j.sim.medium.Medium;
import wpa4j.sim.medium.Radio;
import wpa4j.sim.medium.SimTiming;

class SimDriverTest {
    private static final SimTiming FAST = new SimTiming(5, 20, 2, 400, 30_000);

    @Test
    void capabilitiesListExactlyWhatIsImplementedAndTheRestFailsByName() throws Exception {
        try (Medium m = new Medium(1, FAST)) {
            Radio r = m.addRadio("sim0", MacAddress.parse("02:00:00:00:00:00"));
            DriverInterface di = new SimDriver(m, r).open("sim0", e -> { });
            assertTrue(di.getCapa().supports("set_key") && di.getCapa().supports("if_add") && !di.getCapa().supports("set_country"));
            assertTrue(di.getCapa().tags().containsAll(List.of("station", "ap", "sme", "ccmp", "bip")));
            assertTrue(di.getCapa().has(DriverFlag.SAE) && di.getCapa().auth().contains(AuthAlg.SAE) && di.getCapa().supports("send_action"));
            OperationNotSupportedException e = assertThrows(OperationNotSupportedException.class, () -> di.setCountry(null));
            assertEquals("set_country is not supported by the sim backend", e.getMessage());
            DriverException tkip = assertThrows(DriverException.class,
                    () -> di.setKey(KeyParams.group(KeyAlg.TKIP, 1, true, Bytes.EMPTY, Bytes.of(new byte[32]))));
            assertTrue(tkip.getMessage().contains("not TKIP"), tkip.getMessage());
            assertThrows(DriverException.class, () -> new SimDriver(m, r).open("sim9", e2 -> { }));
        }
    }

    @Test
    void ifAddCreatesARadioThatHearsTheOthers() throws Exception {
        try (Medium m = new Medium(1, FAST)) {
            Radio r = m.addRadio("sim0", MacAddress.parse("02:00:00:00:00:00"));
            List<Radio> added = new CopyOnWriteArrayList<>();
            m.onRadioAdded(added::add);
            DriverInterface di = new SimDriver(m, r).open("sim0", e -> { });
            assertEquals("sim5", di.ifAdd(new IfAddParams(IfType.STATION, "sim5", null, null)).ifname());
            assertEquals(1, added.size());
            assertThrows(DriverException.class, () -> di.ifAdd(new IfAddParams(IfType.STATION, "sim5", null, null)));
            di.ifRemove(IfType.STATION, "sim5");
            assertEquals(null, m.radio("sim5"));
        }
    }

    @Test
    void eventsWhileNoDriverIsAttachedAreKeptForTheNextOne() throws Exception {
        try (Medium m = new Medium(1, FAST)) {
            Radio r = m.addRadio("sim1", MacAddress.parse("02:00:00:00:01:00"));
            List<DriverEvent> first = new CopyOnWriteArrayList<>();
            DriverInterface di = new SimDriver(m, r).open("sim1", first::add);
            di.authenticate(AuthParams.open(2412, MacAddress.parse("02:00:00:00:00:00"), Ssid.ofUtf8("nobody")));
            di.close();
            Thread.sleep(200);
            assertTrue(first.isEmpty(), "nothing delivered after close");
            List<DriverEvent> second = new CopyOnWriteArrayList<>();
            new SimDriver(m, r).open("sim1", second::add);
            assertEquals(1, second.size(), second.toString());
            assertTrue(second.get(0) instanceof DriverEvent.AuthTimedOut);
        }
    }

    @Test
    void scanFindsAnApOnlyOnItsChannel() throws Exception {
        // a dwell long enough that the second request surely comes while the first scan runs (with 5 ms a loaded CI
        // machine once finished the first scan between the two calls)
        try (Medium m = new Medium(1, new SimTiming(1000, 20, 2, 400, 30_000))) {
            Radio sta = m.addRadio("sim1", MacAddress.parse("02:00:00:00:01:00"));
            List<DriverEvent> events = new CopyOnWriteArrayList<>();
            DriverInterface di = new SimDriver(m, sta).open("sim1", events::add);
            di.scan2(ScanParams.active(List.of(2412, 2437)));
            assertThrows(DriverException.class, () -> di.scan2(ScanParams.active(List.of(2412))), "one scan at a time");
            long deadline = System.currentTimeMillis() + 5000;
            while (events.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(events.get(0) instanceof DriverEvent.ScanResults);
            assertEquals(0, di.getScanResults2().results().size(), "no AP on the medium");
        }
    }
}
