package wpa4j.mqtt.link;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Reads every gateway's retained status from the broker: a short session of its own (clean, a random client id)
 * subscribes to {@link Topics#ALL_STATUS}, takes what the broker sends back at once, and leaves.
 */
public final class FleetQuery {
    private FleetQuery() {}

    /**
     * The retained statuses by gateway id. Returns when no new status came for {@code quietMillis}, at the latest after
     * {@code maxMillis}.
     *
     * @throws IllegalStateException with the connection's reason when the broker cannot be reached
     */
    public static Map<String, String> statuses(MqttSettings settings, long quietMillis, long maxMillis) throws InterruptedException {
        Map<String, String> found = new TreeMap<>();
        String id = settings.gatewayId() + "-fleet-" + UUID.randomUUID().toString().substring(0, 8);
        MqttClient client = null;
        try {
            client = new MqttClient(settings.broker(), id, new MemoryPersistence());
            client.connect(ConnectOptions.of(settings, true));
            long[] last = {System.nanoTime()};
            client.subscribe(Topics.ALL_STATUS, 1, (topic, msg) -> {
                synchronized (found) {
                    found.put(topic.split("/", -1)[1], new String(msg.getPayload(), StandardCharsets.UTF_8));
                    last[0] = System.nanoTime();
                }
            });
            long start = System.nanoTime();
            while (true) {
                Thread.sleep(50);
                long now = System.nanoTime();
                synchronized (found) {
                    if ((now - last[0]) / 1_000_000 >= quietMillis || (now - start) / 1_000_000 >= maxMillis) {
                        break;
                    }
                }
            }
        } catch (MqttException e) {
            throw new IllegalStateException("cannot read the fleet from " + settings.broker() + ": " + Reasons.describe(e, settings.gatewayId()), e);
        } finally {
            if (client != null) {
                try {
                    // also when subscribe failed or the caller was interrupted: close() refuses a connected client
                    client.disconnectForcibly(0, 1000, false);
                } catch (MqttException | RuntimeException e) {
                    // not connected
                }
                try {
                    client.close(true);
                } catch (MqttException e) {
                    // nothing left to release
                }
            }
        }
        synchronized (found) {
            return new TreeMap<>(found);
        }
    }
}
