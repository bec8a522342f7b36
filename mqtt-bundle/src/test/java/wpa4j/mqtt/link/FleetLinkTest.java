package wpa4j.mqtt.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import wpa4j.mqtt.testing.Mosquitto;
import wpa4j.mqtt.testing.Subscriber;

/** The link against Debian's real Mosquitto on loopback. */
class FleetLinkTest {
    @TempDir
    Path dir;

    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @BeforeEach
    void broker() {
        assumeTrue(Mosquitto.installed(), "Debian's mosquitto is installed (.ci/run installs it)");
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private <T extends AutoCloseable> T keep(T t) {
        open.add(t);
        return t;
    }

    private FleetLink link(String url, Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(Map.of("broker", url, "gatewayId", "gw1"));
        p.putAll(extra);
        FleetLink l = new FleetLink(MqttSettings.from(p, "unused", dir), new FleetLink.Listener() {
            @Override
            public void command(String topic, byte[] payload) {
                commands.add(topic + " " + new String(payload, java.nio.charset.StandardCharsets.UTF_8));
            }

            @Override
            public void connected() {
            }

            @Override
            public void report(String line) {
                reports.add(line);
            }
        });
        return keep(l);
    }

    private static Message event(int seq) {
        return Message.json("wpa4j/gw1/sim1/event/TEST", "{\"seq\":" + seq + "}", 1, false);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier c, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!c.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void publishesEventsInOrderAndARetainedStatusThatACleanStopMarksOffline() throws Exception {
        Mosquitto m = keep(Mosquitto.open(dir.resolve("broker")));
        FleetLink l = link(m.url(), Map.of()).start();
        l.status(Message.json("wpa4j/gw1/status", "{\"gateway\":\"gw1\",\"online\":true}", 1, true));
        for (int i = 0; i < 50; i++) {
            assertTrue(l.offer(event(i)));
        }
        Subscriber events = keep(new Subscriber(m.url(), "console-events", "wpa4j/gw1/+/event/#", false));
        awaitTrue(l::isConnected, "connected");
        // a subscriber that comes later gets the retained status
        Subscriber late = keep(new Subscriber(m.url(), "console-late", "wpa4j/+/status", false));
        Subscriber.Received st = late.await(r -> r.payload().contains("\"online\":true"), "the retained online status");
        assertTrue(st.retained());
        for (int i = 50; i < 100; i++) {
            l.offer(event(i));
        }
        events.await(r -> r.payload().equals("{\"seq\":99}"), "the last event");
        List<Integer> seqs = events.received().stream().map(r -> Integer.parseInt(r.payload().replaceAll("\\D", ""))).toList();
        for (int i = 1; i < seqs.size(); i++) {
            assertTrue(seqs.get(i) > seqs.get(i - 1), "in order: " + seqs);
        }
        l.close();
        late.await(r -> r.payload().equals("{\"gateway\":\"gw1\",\"online\":false}"), "offline after a clean stop");
        assertEquals(0, l.dropped());
    }

    @Test
    void aGatewayThatDiesWithoutGoodbyeIsMarkedOfflineByItsLastWill() throws Exception {
        Mosquitto m = keep(Mosquitto.open(dir.resolve("broker")));
        FleetLink l = link(m.url(), Map.of("keepAlive", "5")).start();
        l.status(Message.json("wpa4j/gw1/status", "{\"gateway\":\"gw1\",\"online\":true}", 1, true));
        Subscriber console = keep(new Subscriber(m.url(), "console", "wpa4j/+/status", false));
        console.await(r -> r.payload().contains("\"online\":true"), "online");
        l.dropConnection();
        console.await(r -> r.payload().equals("{\"gateway\":\"gw1\",\"online\":false}"), "the last will");
    }

    @Test
    void qos1EventsInFlightWhenTheBrokerIsKilledAndThoseOfferedWhileItIsDownAllArrive() throws Exception {
        Mosquitto m = keep(Mosquitto.open(dir.resolve("broker")));
        // a console whose session the broker keeps (and saves: autosave every second) while it reconnects
        Subscriber console = keep(new Subscriber(m.url(), "console-persistent", "wpa4j/gw1/+/event/#", true));
        FleetLink l = link(m.url(), Map.of("qos", "1", "buffer", "1000")).start();
        awaitTrue(l::isConnected, "connected");
        for (int i = 0; i < 100; i++) {
            l.offer(event(i));
        }
        awaitTrue(() -> unique(console).size() == 100, "the first 100");
        Thread.sleep(1500); // the broker's autosave has the console's session
        m.pause();
        for (int i = 100; i < 150; i++) {
            l.offer(event(i));
        }
        awaitTrue(() -> l.buffered() == 0, "the link handed 100..149 to the frozen broker's socket");
        m.kill();
        awaitTrue(() -> !l.isConnected(), "the link notices");
        for (int i = 150; i < 200; i++) {
            assertTrue(l.offer(event(i)), "offered " + i);
        }
        m.start();
        for (int i = 200; i < 300; i++) {
            l.offer(event(i));
        }
        awaitTrue(() -> unique(console).size() == 300, "all 300 events at the console (have " + unique(console).size() + ")");
        assertEquals(0, l.dropped());
        assertTrue(reports.stream().anyMatch(r -> r.startsWith("mqtt: connection to " + m.url() + " lost")), reports.toString());
    }

    private static Set<Integer> unique(Subscriber s) {
        Set<Integer> seen = new TreeSet<>();
        s.received().forEach(r -> seen.add(Integer.parseInt(r.payload().replaceAll("\\D", ""))));
        return seen;
    }

    @Test
    void whileTheBrokerIsAwayTheOutboxKeepsItsBoundAndCountsTheRest() throws Exception {
        Mosquitto m = keep(Mosquitto.open(dir.resolve("broker")));
        Subscriber console = keep(new Subscriber(m.url(), "console-persistent", "wpa4j/gw1/+/event/#", true));
        m.stop();
        FleetLink l = link(m.url(), Map.of("buffer", "5")).start();
        for (int i = 0; i < 8; i++) {
            assertEquals(i < 5, l.offer(event(i)), "offer " + i);
        }
        assertEquals(3, l.dropped());
        awaitTrue(() -> !l.lastError().isEmpty(), "a connection error");
        assertFalse(l.isConnected());
        assertTrue(l.lastError().contains("connection refused"), l.lastError());
        m.start();
        awaitTrue(() -> unique(console).size() == 5, "the five kept");
        assertEquals(Set.of(0, 1, 2, 3, 4), unique(console));
        awaitTrue(() -> reports.stream().anyMatch(r -> r.contains("(3 messages were dropped while it was away)")), "the drop count reported: " + reports);
    }

    @Test
    void aWrongPasswordIsAClearErrorAndTheRightOneConnects() throws Exception {
        Mosquitto m = keep(Mosquitto.configure(dir.resolve("broker"), "gw", "right password", false));
        FleetLink wrong = link(m.url(), Map.of("username", "gw", ".password", "wrong password")).start();
        awaitTrue(() -> !wrong.lastError().isEmpty(), "an error");
        assertTrue(wrong.lastError().contains("check username"), wrong.lastError());
        assertTrue(wrong.offer(event(1)), "events are still queued");
        assertTrue(reports.stream().noneMatch(r -> r.contains("wrong password")), "no secret in a report: " + reports);
        wrong.close();
        FleetLink right = link(m.url(), Map.of("username", "gw", ".password", "right password", "gatewayId", "gw2")).start();
        awaitTrue(right::isConnected, "connected with the right password");
    }

    @Test
    void tlsWithATestCaConnectsAndAnotherCaIsRefusedClearly() throws Exception {
        Mosquitto m = keep(Mosquitto.configure(dir.resolve("broker"), null, null, true));
        FleetLink trusted = link(m.tlsUrl(), Map.of("trustStore", m.caFile().toString())).start();
        awaitTrue(trusted::isConnected, "TLS connection");
        trusted.close();
        FleetLink other = link(m.tlsUrl(), Map.of("trustStore", m.caFile().resolveSibling("other-ca.crt").toString(), "gatewayId", "gw3")).start();
        awaitTrue(() -> !other.lastError().isEmpty(), "an error");
        assertTrue(other.lastError().startsWith("TLS handshake failed"), other.lastError());
        assertFalse(other.isConnected());
    }

    @Test
    void aFullInFlightWindowWaitsInsteadOfDropping() throws Exception {
        Mosquitto m = keep(Mosquitto.open(dir.resolve("broker")));
        Subscriber console = keep(new Subscriber(m.url(), "console-persistent", "wpa4j/gw1/+/event/#", true));
        FleetLink l = link(m.url(), Map.of("buffer", "3000")).start();
        awaitTrue(l::isConnected, "connected");
        m.pause(); // nothing is acknowledged: the window (1000) fills and the rest waits in the outbox
        for (int i = 0; i < 2500; i++) {
            assertTrue(l.offer(event(i)));
        }
        Thread.sleep(1000);
        assertTrue(l.buffered() > 0, "the window stops the link while the broker is frozen: " + l.buffered());
        m.resume();
        awaitTrue(() -> unique(console).size() == 2500, "all 2500 (have " + unique(console).size() + "); reports " + reports + " buffered " + l.buffered()
                + " connected " + l.isConnected());
        assertEquals(0, l.dropped());
        assertTrue(reports.stream().noneMatch(r -> r.contains("cannot publish")), reports.toString());
    }

    @Test
    void commandsReachTheOwnerOnlyWhenServedAndNeverFromARetainedMessage() throws Exception {
        Mosquitto m = keep(Mosquitto.open(dir.resolve("broker")));
        FleetLink on = link(m.url(), Map.of()).start();
        awaitTrue(on::isConnected, "connected");
        Subscriber operator = keep(new Subscriber(m.url(), "operator", "nothing/#", false));
        operator.publish("wpa4j/gw1/wlan0/cmd/1", "PING");
        awaitTrue(() -> commands.contains("wpa4j/gw1/wlan0/cmd/1 PING"), "the command");
        // a retained command: served once as it arrives (the broker sends it with the retain flag off to a live subscriber)
        operator.publishRetained("wpa4j/gw1/wlan0/cmd/2", "DISCONNECT");
        awaitTrue(() -> commands.contains("wpa4j/gw1/wlan0/cmd/2 DISCONNECT"), "the retained command, once");
        on.close();
        // the same gateway restarted: its persistent session still has the subscription, and the retained command is sent again
        FleetLink again = link(m.url(), Map.of()).start();
        awaitTrue(again::isConnected, "connected again");
        operator.publish("wpa4j/gw1/wlan0/cmd/3", "PING");
        awaitTrue(() -> commands.contains("wpa4j/gw1/wlan0/cmd/3 PING"), "the next command");
        assertEquals(1, commands.stream().filter(c -> c.contains("DISCONNECT")).count(), "a retained command is not served again: " + commands);
        again.close();
        FleetLink off = link(m.url(), Map.of("commands", "false")).start();
        awaitTrue(off::isConnected, "connected without commands");
        operator.publish("wpa4j/gw1/wlan0/cmd/4", "PING");
        Thread.sleep(1000);
        assertTrue(commands.stream().noneMatch(c -> c.contains("/cmd/4")), "commands=false: none served, though the session had subscribed: " + commands);
    }
}
