package wpa4j.driver.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

class DriverEventTest {
    @Test
    void eventTypesAreThe51OfHostap20InOrder() throws IOException {
        List<String> reference;
        try (InputStream in = getClass().getResourceAsStream("/driver-events-2.0.txt")) {
            reference = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("EVENT_")).toList();
        }
        assertEquals(51, reference.size());
        assertEquals(reference, Arrays.stream(EventType.values()).map(EventType::cName).toList());
    }

    @Test
    void oneRecordPerEventType() throws Exception {
        Class<?>[] permitted = DriverEvent.class.getPermittedSubclasses();
        assertEquals(51, permitted.length);
        Set<EventType> seen = EnumSet.noneOf(EventType.class);
        for (Class<?> c : permitted) {
            assertTrue(c.isRecord(), c + " is a record");
            DriverEvent e = (DriverEvent) instantiate(c);
            assertTrue(seen.add(e.type()), "two records for " + e.type());
        }
        assertEquals(EnumSet.allOf(EventType.class), seen);
    }

    @Test
    void topicsAreEventAdminTopics() {
        assertEquals("wpa4j/driver/EAPOL_RX", EventType.EAPOL_RX.topic());
    }

    @Test
    void badFieldsAreRejectedWithFieldAndValue() {
        MacAddress a = MacAddress.parse("02:00:00:00:00:01");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DriverEvent.Deauth(a, 70000, Bytes.EMPTY, false));
        assertEquals("reasonCode: 70000 out of range 0..65535", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DriverEvent.EapolRx(a, Bytes.of(new byte[3])));
        assertThrows(NullPointerException.class, () -> new DriverEvent.EapolRx(null, Bytes.of(new byte[4])));
        assertThrows(IllegalArgumentException.class, () -> new DriverEvent.RxMgmt(Bytes.of(new byte[10]), 0, 2412, -40));
    }

    /** Builds a record with plausible values for every component, which its validation must accept. */
    private static Object instantiate(Class<?> c) throws Exception {
        RecordComponent[] rc = c.getRecordComponents();
        Object[] args = new Object[rc.length];
        for (int i = 0; i < rc.length; i++) {
            args[i] = sample(rc[i]);
        }
        Constructor<?> ctor = c.getDeclaredConstructor(Arrays.stream(rc).map(RecordComponent::getType).toArray(Class<?>[]::new));
        return ctor.newInstance(args);
    }

    private static Object sample(RecordComponent rc) {
        Class<?> t = rc.getType();
        String n = rc.getName().toLowerCase();
        if (t == int.class) {
            return n.contains("freq") ? 2412 : n.equals("frametype") ? 0 : 1;
        }
        if (t == boolean.class) {
            return true;
        }
        if (t == MacAddress.class) {
            return MacAddress.parse("02:00:00:00:00:01");
        }
        if (t == Bytes.class) {
            return Bytes.of(new byte[n.contains("replay") || n.contains("devtype") ? 8 : 24]);
        }
        if (t == String.class) {
            return "wlan0";
        }
        if (t == List.class) {
            return List.of();
        }
        if (t.isEnum()) {
            return t.getEnumConstants()[0];
        }
        if (t == wpa4j.driver.types.Ssid.class) {
            return wpa4j.driver.types.Ssid.ofUtf8("x");
        }
        if (t == wpa4j.driver.types.SignalInfo.class) {
            return new wpa4j.driver.types.SignalInfo(2412, true, -40, -90, 54000);
        }
        if (t == DriverEvent.AssocInfoData.class) {
            return new DriverEvent.AssocInfoData(null, false, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY, 2412);
        }
        throw new AssertionError("no sample for " + t);
    }
}
