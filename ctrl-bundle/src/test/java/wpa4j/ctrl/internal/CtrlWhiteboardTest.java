package wpa4j.ctrl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import wpa4j.ctrl.CtrlClient;
import wpa4j.ctrl.CtrlEndpoint;
import wpa4j.ctrl.CtrlServer;
import wpa4j.ctrl.ToyEndpoint;

/** The whiteboard driven as DS drives it: bind, updated, unbind, deactivate. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CtrlWhiteboardTest {
    private static final Duration T = Duration.ofSeconds(5);

    @TempDir
    Path tmp;
    private final CtrlWhiteboard whiteboard = new CtrlWhiteboard();
    private final ToyEndpoint toy = new ToyEndpoint();

    @AfterEach
    void deactivate() {
        whiteboard.deactivate();
    }

    private Map<String, Object> props(long id, String name) {
        Map<String, Object> p = new HashMap<>();
        p.put("service.id", id);
        p.put(CtrlEndpoint.DIR, tmp.resolve("run").toString());
        p.put(CtrlEndpoint.NAME, name);
        return p;
    }

    private String ping(Path socket) throws IOException {
        try (CtrlClient c = CtrlClient.open(socket)) {
            return c.request("PING", T);
        }
    }

    /** What the whiteboard printed while {@code action} ran. */
    private static List<String> printed(ThrowingRunnable action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void socketLivesAsLongAsTheService() throws Exception {
        Path socket = tmp.resolve("run/wlan0");
        assertEquals(List.of(), printed(() -> whiteboard.addEndpoint(toy, props(1, "wlan0"))));
        assertEquals("PONG\n", ping(socket));
        whiteboard.removeEndpoint(toy, props(1, "wlan0"));
        assertFalse(Files.exists(socket));
    }

    @Test
    void unrelatedPropertyChangeKeepsTheSocket() throws Exception {
        Path socket = tmp.resolve("run/wlan0");
        whiteboard.addEndpoint(toy, props(1, "wlan0"));
        try (CtrlClient c = CtrlClient.open(socket)) {
            Map<String, Object> changed = props(1, "wlan0");
            changed.put("service.ranking", 5);
            whiteboard.updatedEndpoint(toy, changed);
            assertEquals("PONG\n", c.request("PING", T), "still the socket this client connected to");
        }
    }

    @Test
    void newNameMovesTheSocket() throws Exception {
        whiteboard.addEndpoint(toy, props(1, "wlan0"));
        whiteboard.updatedEndpoint(toy, props(1, "wlan1"));
        assertFalse(Files.exists(tmp.resolve("run/wlan0")));
        assertEquals("PONG\n", ping(tmp.resolve("run/wlan1")));
    }

    @Test
    void socketInUseIsOneLineAndNoSocket() throws Exception {
        try (CtrlServer other = CtrlServer.open(tmp.resolve("run"), "wlan0", Optional.empty(), new ToyEndpoint())) {
            List<String> lines = printed(() -> whiteboard.addEndpoint(toy, props(1, "wlan0")));
            assertEquals(List.of("ctrl: cannot open " + other.path() + ": in use by another process (delete it by hand if it is not)"),
                    lines);
            whiteboard.removeEndpoint(toy, props(1, "wlan0"));
            assertEquals("PONG\n", ping(other.path()), "the other socket is untouched");
            assertTrue(toy.requests.isEmpty());
        }
    }

    @Test
    void failedOpenIsRetriedWhenPropertiesAreUpdated() throws Exception {
        CtrlServer other = CtrlServer.open(tmp.resolve("run"), "wlan0", Optional.empty(), new ToyEndpoint());
        printed(() -> whiteboard.addEndpoint(toy, props(1, "wlan0")));
        other.close();
        whiteboard.updatedEndpoint(toy, props(1, "wlan0"));
        assertEquals("PONG\n", ping(tmp.resolve("run/wlan0")));
        assertEquals(List.of("PING"), toy.requests);
    }

    @Test
    void endpointWithoutAddressIsReported() throws Exception {
        Map<String, Object> p = props(7, "wlan0");
        p.remove(CtrlEndpoint.DIR);
        assertEquals(List.of("ctrl: endpoint service 7 names no wpa4j.ctrl.dir and wpa4j.ctrl.name: no socket"),
                printed(() -> whiteboard.addEndpoint(toy, p)));
        whiteboard.removeEndpoint(toy, p);
    }

    @Test
    void deactivateClosesEverySocket() throws Exception {
        ToyEndpoint second = new ToyEndpoint();
        whiteboard.addEndpoint(toy, props(1, "wlan0"));
        whiteboard.addEndpoint(second, props(2, "wlan1"));
        assertEquals("PONG\n", ping(tmp.resolve("run/wlan1")));
        whiteboard.deactivate();
        assertFalse(Files.exists(tmp.resolve("run")), "both sockets and the directory made for them are gone");
        assertTrue(toy.unsubscribed.get() && second.unsubscribed.get());
    }

    @Test
    void addressFromProperties() {
        Map<String, Object> p = props(1, "wlan0");
        p.put(CtrlEndpoint.GROUP, 108);
        assertEquals(Optional.of(new EndpointAddress(tmp.resolve("run"), "wlan0", Optional.of("108"))), EndpointAddress.from(p));
        p.put(CtrlEndpoint.GROUP, " ");
        assertEquals(Optional.empty(), EndpointAddress.from(p).flatMap(EndpointAddress::group));
        p.put(CtrlEndpoint.NAME, "");
        assertEquals(Optional.empty(), EndpointAddress.from(p));
    }
}
