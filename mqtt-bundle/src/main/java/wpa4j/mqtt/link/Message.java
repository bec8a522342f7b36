package wpa4j.mqtt.link;

import java.nio.charset.StandardCharsets;

/**
 * One message to publish.
 *
 * @param topic the full topic
 * @param payload the bytes (JSON as UTF-8 here)
 * @param qos 0, 1 or 2
 * @param retained whether the broker keeps it for late subscribers
 */
public record Message(String topic, byte[] payload, int qos, boolean retained) {
    public static Message json(String topic, String json, int qos, boolean retained) {
        return new Message(topic, json.getBytes(StandardCharsets.UTF_8), qos, retained);
    }

    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
