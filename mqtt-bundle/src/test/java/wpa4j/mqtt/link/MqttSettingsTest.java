package wpa4j.mqtt.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttSettingsTest {
    @TempDir
    Path home;

    private MqttSettings read(Object... kv) {
        Map<String, Object> p = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            p.put((String) kv[i], kv[i + 1]);
        }
        return MqttSettings.from(p, "gateway-7", home);
    }

    private String error(Object... kv) {
        return assertThrows(IllegalArgumentException.class, () -> read(kv)).getMessage();
    }

    @Test
    void defaults() {
        MqttSettings s = read("broker", "tcp://localhost:1883");
        assertEquals("gateway-7", s.gatewayId());
        assertEquals(1, s.qos());
        assertEquals(1000, s.buffer());
        assertTrue(s.commands());
        assertEquals(0, s.password().length);
    }

    @Test
    void thePasswordComesFromItsFileAndIsNeverPrinted() throws Exception {
        Files.writeString(home.resolve("mqtt.pw"), "pass word\r\nignored\n");
        MqttSettings s = read("broker", "ssl://broker.example:8883", "username", "gw", "passwordFile", "mqtt.pw");
        assertEquals("pass word", new String(s.password()));
        assertFalse(s.toString().contains("pass word"), s.toString());
        assertTrue(s.toString().contains("password=*"));
    }

    @Test
    void badValuesAreNamedWithWhatIsAllowed() throws Exception {
        assertEquals("broker: missing; allowed: tcp://host:port or ssl://host:port", error());
        assertTrue(error("broker", "http://x:80").contains("is not tcp://host:port or ssl://host:port"));
        assertTrue(error("broker", "tcp://x").contains("is not tcp://host:port"));
        assertTrue(error("broker", "tcp://x:1883", "gatewayId", "a/b").startsWith("gatewayId: 'a/b' cannot be an MQTT topic level"));
        assertTrue(error("broker", "tcp://x:1883", "gatewayId", "a+b").contains("cannot be an MQTT topic level"));
        assertEquals("qos: '3' out of range; allowed: 0..2", error("broker", "tcp://x:1883", "qos", "3"));
        assertEquals("buffer: 'many' out of range; allowed: 1..1000000", error("broker", "tcp://x:1883", "buffer", "many"));
        assertEquals("commands: 'yes'; allowed: true or false", error("broker", "tcp://x:1883", "commands", "yes"));
        assertTrue(error("broker", "tcp://x:1883", ".password", "p").startsWith("username: missing"));
        assertTrue(error("broker", "tcp://x:1883", "trustStore", "ca.pem").startsWith("trustStore: set, but broker tcp://x:1883 is not ssl://"));
        Files.writeString(home.resolve("ca.pem"), "not a certificate");
        assertTrue(error("broker", "ssl://x:8883", "trustStore", "ca.pem").startsWith("trustStore: "), error("broker", "ssl://x:8883", "trustStore", "ca.pem"));
        String missing = error("broker", "tcp://x:1883", "username", "u", "passwordFile", "nope.pw");
        assertTrue(missing.startsWith("passwordFile: ") && missing.contains("cannot be read"), missing);
    }
}
