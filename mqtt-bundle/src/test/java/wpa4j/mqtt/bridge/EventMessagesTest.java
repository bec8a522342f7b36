package wpa4j.mqtt.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import wpa4j.ctrl.CtrlEvents;
import wpa4j.mqtt.link.Message;
import wpa4j.mqtt.link.Topics;

class EventMessagesTest {
    private final Topics topics = new Topics("gw1");
    private final Instant t = Instant.parse("2026-12-06T07:00:00Z");

    @Test
    void anEventLineBecomesJsonOnItsOwnTopic() {
        Message m = EventMessages.of(topics, 1, "sim1", CtrlEvents.MSG_INFO,
                "CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:00:00 completed [id=2 id_str=home]", t).orElseThrow();
        assertEquals("wpa4j/gw1/sim1/event/CTRL-EVENT-CONNECTED", m.topic());
        JsonObject o = JsonParser.parseString(m.text()).getAsJsonObject();
        assertEquals("CTRL-EVENT-CONNECTED", o.get("event").getAsString());
        assertEquals("sim1", o.get("ifname").getAsString());
        assertEquals("2", o.getAsJsonObject("fields").get("id").getAsString());
        assertEquals("home", o.getAsJsonObject("fields").get("id_str").getAsString());
        assertEquals("02:00:00:00:00:00", o.getAsJsonObject("fields").get("bssid").getAsString());
        assertEquals("2026-12-06T07:00:00Z", o.get("time").getAsString());
        assertEquals(1, m.qos());
    }

    @Test
    void apEventsAndQuotedFields() {
        Message m = EventMessages.of(topics, 0, "sim0", CtrlEvents.MSG_INFO, "AP-STA-CONNECTED 02:00:00:00:01:00", t).orElseThrow();
        assertEquals("wpa4j/gw1/sim0/event/AP-STA-CONNECTED", m.topic());
        assertEquals("02:00:00:00:01:00", JsonParser.parseString(m.text()).getAsJsonObject().getAsJsonObject("fields").get("addr").getAsString());
        Message d = EventMessages.of(topics, 0, "sim1", CtrlEvents.MSG_INFO,
                "CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"a b\" auth_failures=1 duration=10 reason=WRONG_KEY", t).orElseThrow();
        assertEquals("a b", JsonParser.parseString(d.text()).getAsJsonObject().getAsJsonObject("fields").get("ssid").getAsString());
    }

    @Test
    void progressLinesAndDebugLevelsAreNotEvents() {
        assertTrue(EventMessages.of(topics, 1, "sim1", CtrlEvents.MSG_INFO, "SME: Trying to authenticate with 02:00:00:00:00:00", t).isEmpty());
        assertTrue(EventMessages.of(topics, 1, "sim1", CtrlEvents.MSG_INFO, "Trying to associate with 02:00:00:00:00:00", t).isEmpty());
        assertTrue(EventMessages.of(topics, 1, "sim1", CtrlEvents.MSG_DEBUG, "CTRL-EVENT-SCAN-STARTED ", t).isEmpty());
        assertTrue(EventMessages.of(topics, 1, "sim1", CtrlEvents.MSG_INFO, "CTRL-EVENT-SCAN-STARTED ", t).isPresent());
        assertTrue(EventMessages.of(topics, 1, "sim1", CtrlEvents.MSG_INFO, "A+B/#", t).isEmpty());
    }
}
