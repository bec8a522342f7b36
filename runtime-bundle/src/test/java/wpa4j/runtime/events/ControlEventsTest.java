package wpa4j.runtime.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class ControlEventsTest {
    @Test
    void connectedCarriesTheBssidAndIds() {
        Event e = ControlEvents.station("wlan0", "CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:00:00 completed [id=2 id_str=home]").orElseThrow();
        assertEquals("wpa4j/station/CONNECTED", e.getTopic());
        assertEquals("wlan0", e.getProperty("ifname"));
        assertEquals("02:00:00:00:00:00", e.getProperty("bssid"));
        assertEquals("2", e.getProperty("id"));
        assertEquals("home", e.getProperty("id_str"));
    }

    @Test
    void disconnectedAndTempDisabledFieldsAreProperties() {
        Event d = ControlEvents.station("wlan0", "CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:00 reason=3 locally_generated=1").orElseThrow();
        assertEquals("wpa4j/station/DISCONNECTED", d.getTopic());
        assertEquals("3", d.getProperty("reason"));
        assertEquals("1", d.getProperty("locally_generated"));
        Event t = ControlEvents.station("wlan0", "CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"a b\" auth_failures=1 duration=10 reason=WRONG_KEY")
                .orElseThrow();
        assertEquals("wpa4j/station/SSID_TEMP_DISABLED", t.getTopic());
        assertEquals("a b", t.getProperty("ssid"));
        assertEquals("WRONG_KEY", t.getProperty("reason"));
    }

    @Test
    void stateChangesAndApLines() {
        Event s = ControlEvents.station("sim1", "State: SCANNING -> AUTHENTICATING").orElseThrow();
        assertEquals("wpa4j/station/STATE", s.getTopic());
        assertEquals("AUTHENTICATING", s.getProperty("to"));
        Event a = ControlEvents.ap("sim0", "AP-STA-CONNECTED 02:00:00:00:01:00").orElseThrow();
        assertEquals("wpa4j/ap/STA_CONNECTED", a.getTopic());
        assertEquals("02:00:00:00:01:00", a.getProperty("addr"));
        assertTrue(ControlEvents.station("sim1", "SME: Trying to authenticate with x").isEmpty());
        assertTrue(ControlEvents.ap("sim0", "AP-DRIVER-RESYNC driver=sim stations=1").isPresent());
    }
}
