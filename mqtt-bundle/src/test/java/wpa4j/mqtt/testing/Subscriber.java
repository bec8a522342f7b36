package wpa4j.mqtt.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A fleet console's side of the tests: a Paho client that records what it receives on one filter. */
public final class Subscriber implements AutoCloseable {
    /** One message received. */
    public record Received(String topic, String payload, boolean retained) {
    }

    private final MqttClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** {@code persistent}: a session the broker keeps (and queues QoS 1 messages for) while this client is away. */
    public Subscriber(String url, String id, String filter, boolean persistent) throws Exception {
        client = new MqttClient(url, id, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(!persistent);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(1000);
        client.connect(o);
        client.subscribe(filter, 1, (t, m) -> received.add(new Received(t, new String(m.getPayload(), StandardCharsets.UTF_8), m.isRetained())));
    }

    public List<Received> received() {
        return received;
    }

    public void publish(String topic, String payload) throws Exception {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    public void publishRetained(String topic, String payload) throws Exception {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, true);
    }

    /** Waits up to 20 s for a received message to match; fails with what was received (a hang guard, not a timing assertion). */
    public Received await(Predicate<Received> p, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (Received r : received) {
                if (p.test(r)) {
                    return r;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no message: " + what + "; received " + received);
    }

    @Override
    public void close() throws Exception {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
