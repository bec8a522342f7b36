package wpa4j.mqtt.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TopicsTest {
    private final Topics t = new Topics("gw1");

    @Test
    void theScheme() {
        assertEquals("wpa4j/gw1/status", t.status());
        assertEquals("wpa4j/gw1/wlan0/event/CTRL-EVENT-CONNECTED", t.event("wlan0", "CTRL-EVENT-CONNECTED"));
        assertEquals("wpa4j/gw1/+/cmd/+", t.commands());
        assertEquals("wpa4j/gw1/wlan0/reply/42", t.reply("wlan0", "42"));
        assertEquals(new Topics.Command("wlan0", "42"), t.command("wpa4j/gw1/wlan0/cmd/42").orElseThrow());
        assertTrue(t.command("wpa4j/gw1//cmd/42").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new Topics(""));
        assertThrows(IllegalArgumentException.class, () -> new Topics("#"));
    }
}
