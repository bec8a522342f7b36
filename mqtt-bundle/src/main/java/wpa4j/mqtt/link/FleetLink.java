package wpa4j.mqtt.link;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import com.google.gson.JsonObject;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The gateway's session with its broker. One thread of its own connects (1 s, 2 s, 4 s ... up to the configured
 * longest delay between attempts), subscribes to the commands and publishes, in order, what {@link #offer} queued:
 * while the broker is away up to {@code buffer} messages wait, and more are dropped and counted. The session is
 * persistent (clean session off), so Paho resends a QoS 1 message the broker had not acknowledged when the link
 * broke; a message is taken off the outbox only once Paho has it. The retained status is a slot, not a queue entry:
 * only the latest is sent, after every (re)connection first. A last will marks the gateway offline.
 */
public final class FleetLink implements AutoCloseable {
    /** What the link tells its owner. Called on Paho's and the link's threads: return quickly. */
    public interface Listener {
        /** A command arrived on a topic of {@link Topics#commands()}. */
        void command(String topic, byte[] payload);

        /** Connected (again): a good moment to refresh the status. */
        void connected();

        /** An operator line: connection changes, refusals, drops. Never carries a secret. */
        void report(String line);
    }

    private static final long CONNECT_TIMEOUT_MS = ConnectOptions.CONNECT_TIMEOUT_SECONDS * 1000L;
    private static final long RETRY_MS = 50;

    private final MqttSettings settings;
    private final Topics topics;
    private final Listener listener;
    private final MqttAsyncClient client;
    private final BlockingQueue<Message> outbox;
    private final AtomicReference<Message> status = new AtomicReference<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final Thread worker;
    private final int maxInflight;
    private volatile boolean running = true;
    private volatile boolean connected;
    private volatile String lastError = "";
    /** Drops since the last report: reported once when they begin and summed when the broker is back. */
    private volatile long droppedReported;

    public FleetLink(MqttSettings settings, Listener listener) {
        this.settings = settings;
        this.topics = new Topics(settings.gatewayId());
        this.listener = listener;
        this.outbox = new ArrayBlockingQueue<>(settings.buffer());
        this.maxInflight = Math.max(10, Math.min(settings.buffer(), 1000));
        try {
            client = new MqttAsyncClient(settings.broker(), settings.gatewayId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("broker: " + settings.broker() + ": " + e.getMessage());
        }
        client.setCallback(new Callback());
        worker = new Thread(this::run, "wpa4j-mqtt-" + settings.gatewayId());
        worker.setDaemon(true);
    }

    public FleetLink start() {
        worker.start();
        return this;
    }

    public Topics topics() {
        return topics;
    }

    /** Queues a message; false (and counted) when the outbox is full. Never blocks: called from the cores' loops. */
    public boolean offer(Message m) {
        if (outbox.offer(m)) {
            return true;
        }
        if (dropped.getAndIncrement() == droppedReported) {
            listener.report("mqtt: outbox full (" + settings.buffer() + " messages) while the broker is away: newer messages are dropped and counted");
        }
        return false;
    }

    /** Replaces the retained status to send (only the latest is sent). */
    public void status(Message m) {
        // no wake-up: the worker looks at least every 200 ms, and waking it would cut a reconnect backoff short
        status.set(m);
    }

    public boolean isConnected() {
        return connected;
    }

    /** Why the last connection attempt failed, empty when connected. */
    public String lastError() {
        return lastError;
    }

    public long dropped() {
        return dropped.get();
    }

    public long published() {
        return published.get();
    }

    public int buffered() {
        return outbox.size();
    }

    private void run() {
        long delay = 1000;
        Message current = null;
        while (running) {
            try {
                if (!connected) {
                    if (connect()) {
                        delay = 1000;
                    } else {
                        sleep(delay);
                        delay = Math.min(delay * 2, settings.maxReconnectDelaySeconds() * 1000L);
                    }
                    continue;
                }
                Message st = status.getAndSet(null);
                if (st != null && !publish(st)) {
                    status.compareAndSet(null, st);
                    continue;
                }
                if (current == null) {
                    current = poll();
                }
                if (current != null && publish(current)) {
                    current = null;
                }
            } catch (RuntimeException e) {
                // a bug must not end the link's only thread: report it and go on after a pause
                listener.report("mqtt: unexpected " + e + " in the link's thread; going on");
                sleep(delay);
            }
        }
    }

    private Message poll() {
        try {
            return outbox.poll(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return null;
        }
    }

    /**
     * True when Paho took the message (or it was dropped after a refusal that a retry would not change); false when
     * it must be tried again: not connected, or as many QoS 1/2 messages in flight as the window allows. The window is
     * checked before publishing: Paho 1.2.5 takes a message id before it refuses a full window and never gives it back.
     */
    private boolean publish(Message m) {
        if (m.qos() > 0 && client.getInFlightMessageCount() >= maxInflight) {
            sleep(RETRY_MS);
            return false;
        }
        try {
            client.publish(m.topic(), m.payload(), m.qos(), m.retained());
            published.incrementAndGet();
            return true;
        } catch (MqttException e) {
            if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                connected = client.isConnected();
            }
            if (connected && e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                listener.report("mqtt: cannot publish on " + m.topic() + ": " + e.getMessage() + " (dropped)");
                return true;
            }
            sleep(RETRY_MS);
            return false;
        }
    }

    private boolean connect() {
        try {
            MqttConnectOptions o = ConnectOptions.of(settings, false);
            o.setMaxInflight(maxInflight);
            o.setWill(topics.status(), offline().getBytes(StandardCharsets.UTF_8), Math.max(1, settings.qos()), true);
            client.connect(o).waitForCompletion(CONNECT_TIMEOUT_MS);
            // the session is persistent: a subscription of an earlier run stays unless it is taken back
            if (settings.commands()) {
                client.subscribe(topics.commands(), 1).waitForCompletion(CONNECT_TIMEOUT_MS);
            } else {
                client.unsubscribe(topics.commands()).waitForCompletion(CONNECT_TIMEOUT_MS);
            }
        } catch (MqttException | RuntimeException e) {
            String why = Reasons.describe(e, settings.gatewayId());
            if (!why.equals(lastError)) {
                listener.report("mqtt: cannot connect to " + settings.broker() + " as " + settings.gatewayId() + ": " + why
                        + " (trying again, at most every " + settings.maxReconnectDelaySeconds() + " s)");
            }
            lastError = why;
            abandonConnection();
            return false;
        }
        if (!running) {
            return false;
        }
        connected = true;
        lastError = "";
        long lost = dropped.get() - droppedReported;
        droppedReported = dropped.get();
        listener.report("mqtt: connected to " + settings.broker() + " as " + settings.gatewayId() + (lost > 0 ? " (" + lost + " messages were dropped while it was away)" : ""));
        listener.connected();
        return true;
    }

    /**
     * After a failed attempt: Paho 1.2.5 has no CONNACK timeout, so a broker that accepted the TCP connection and never
     * answered leaves the client "connecting" and every later attempt refused; a forced disconnect resets it.
     */
    private void abandonConnection() {
        try {
            client.disconnectForcibly(0, 1000, false);
        } catch (MqttException | RuntimeException e) {
            // nothing was connected
        }
    }

    /** The retained status a gateway leaves behind: its last will, and what a clean stop publishes. */
    public String offline() {
        JsonObject o = new JsonObject();
        o.addProperty("gateway", settings.gatewayId());
        o.addProperty("online", false);
        return o.toString();
    }

    /** Waits {@code ms}, or less when the link closes. */
    private void sleep(long ms) {
        long deadline = System.nanoTime() + ms * 1_000_000;
        for (long left = ms * 1_000_000; running && left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** Closes the network connection without a DISCONNECT, as a crash or a cut cable would: the broker publishes the last will. */
    void dropConnection() throws MqttException {
        client.disconnectForcibly(0, 1000, false);
    }

    /**
     * Stops: publishes the offline status (a clean disconnect sends no last will) and disconnects; what is still
     * queued is lost, as with any stopped client.
     */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(worker);
        try {
            worker.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (client.isConnected()) {
                client.publish(topics.status(), offline().getBytes(StandardCharsets.UTF_8), Math.max(1, settings.qos()), true)
                        .waitForCompletion(2000);
                client.disconnect(1000).waitForCompletion(2000);
            }
        } catch (MqttException e) {
            listener.report("mqtt: clean disconnect failed: " + e.getMessage() + " (the broker publishes the last will)");
        } finally {
            // whatever state Paho is in (a connect still running, a disconnect that timed out): no socket or thread left
            abandonConnection();
            try {
                client.close(true);
            } catch (MqttException e) {
                // nothing left to release
            }
        }
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectionLost(Throwable cause) {
            connected = false;
            listener.report("mqtt: connection to " + settings.broker() + " lost: " + Reasons.describe(cause, settings.gatewayId()) + "; queueing up to " + settings.buffer()
                    + " messages until it is back");
            LockSupport.unpark(worker);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // a retained command would run again at every subscription (every reconnect): never served
            if (settings.commands() && !message.isRetained()) {
                listener.command(topic, message.getPayload());
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // QoS 1/2 acknowledged: nothing kept on our side
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            // connect() reports it, on the link's thread
        }
    }
}
