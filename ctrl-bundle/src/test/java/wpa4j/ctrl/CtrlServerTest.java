package wpa4j.ctrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import wpa4j.ctrl.UnixDatagramSocket.Datagram;

/** CtrlServer against CtrlClient and raw sockets: protocol, monitors, bad input, and the socket file's life. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CtrlServerTest {
    static final Duration T = Duration.ofSeconds(5);
    static final Duration SHORT = Duration.ofMillis(200);

    @TempDir
    Path tmp;
    final ToyEndpoint toy = new ToyEndpoint();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        Collections.reverse(opened);
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    <C extends AutoCloseable> C track(C c) {
        opened.add(c);
        return c;
    }

    Path dir() {
        return tmp.resolve("run");
    }

    CtrlServer server() throws IOException {
        return track(CtrlServer.open(dir(), "wlan0", Optional.empty(), toy));
    }

    CtrlClient client(CtrlServer server) throws IOException {
        return track(CtrlClient.open(server.path()));
    }

    UnixDatagramSocket raw(Path bindTo) throws IOException {
        UnixDatagramSocket s = track(UnixDatagramSocket.open(CtrlServer.MAX_REQUEST));
        if (bindTo != null) {
            s.bind(UnixAddress.of(bindTo));
        }
        return s;
    }

    static String receive(UnixDatagramSocket s) throws IOException {
        Datagram d = s.receive(T.toMillis());
        assertTrue(d != null, "a datagram within " + T);
        return new String(d.data(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void answersRequests() throws IOException {
        CtrlClient c = client(server());
        assertEquals("PONG\n", c.request("PING", T));
        assertEquals("PONG\n", c.request("PING\n", T), "one trailing newline is not part of the command");
        assertEquals("UNKNOWN COMMAND\n", c.request("FOO", T));
        assertEquals(List.of("PING", "PING", "FOO"), toy.requests);
    }

    @Test
    void attachDetachLevel() throws IOException {
        CtrlServer s = server();
        CtrlClient c = client(s);
        assertEquals("FAIL\n", c.request("DETACH", T));
        assertEquals("FAIL\n", c.request("LEVEL 2", T));
        assertEquals("OK\n", c.request("ATTACH", T));
        assertEquals("OK\n", c.request("ATTACH", T));
        assertEquals(1, s.monitors());
        assertEquals("OK\n", c.request("LEVEL 2", T));
        assertEquals("FAIL\n", c.request("LEVEL two", T));
        assertEquals("OK\n", c.request("DETACH", T));
        assertEquals(0, s.monitors());
        assertEquals("OK\n", c.request("ATTACH filter_events=x", T), "newer wpa_cli's ATTACH with parameters");
        assertEquals(1, s.monitors());
        assertTrue(toy.requests.isEmpty(), "monitor commands stay in the transport: " + toy.requests);
    }

    @Test
    void eventsFollowEachMonitorsLevel() throws IOException {
        CtrlServer s = server();
        CtrlClient info = client(s);
        CtrlClient warning = client(s);
        CtrlClient debug = client(s);
        info.attach();
        warning.attach();
        debug.attach();
        assertEquals("OK\n", warning.request("LEVEL 4", T));
        assertEquals("OK\n", debug.request("LEVEL 2", T));
        toy.event(CtrlEvents.MSG_DEBUG, "CTRL-DEBUG x");
        toy.event(CtrlEvents.MSG_INFO, "CTRL-EVENT-SCAN-RESULTS");
        toy.event(CtrlEvents.MSG_WARNING, "CTRL-EVENT-W");
        assertEquals(Optional.of("<3>CTRL-EVENT-SCAN-RESULTS"), info.nextEvent(T));
        assertEquals(Optional.of("<4>CTRL-EVENT-W"), info.nextEvent(T));
        assertEquals(Optional.of("<4>CTRL-EVENT-W"), warning.nextEvent(T));
        assertEquals(Optional.of("<2>CTRL-DEBUG x"), debug.nextEvent(T));
        assertEquals(Optional.of("<3>CTRL-EVENT-SCAN-RESULTS"), debug.nextEvent(T));
        assertEquals(Optional.empty(), warning.nextEvent(SHORT));
        info.detach();
        toy.event(CtrlEvents.MSG_ERROR, "after detach");
        assertEquals(Optional.empty(), info.nextEvent(SHORT));
    }

    @Test
    void eventArrivingBeforeAReplyIsKept() throws IOException {
        CtrlClient c = client(server());
        c.attach();
        toy.event(CtrlEvents.MSG_INFO, "CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:00:00 completed [id=0 id_str=]");
        assertEquals("PONG\n", c.request("PING", T));
        assertEquals(Optional.of("<3>CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:00:00 completed [id=0 id_str=]"),
                c.nextEvent(T));
    }

    @Test
    void monitorWhoseSocketFileIsGoneIsDropped() throws IOException {
        CtrlServer s = server();
        CtrlClient c = client(s);
        c.attach();
        Files.delete(c.path());
        toy.event(CtrlEvents.MSG_INFO, "X"); // ENOENT
        assertEquals(0, s.monitors());
    }

    @Test
    void monitorNobodyListensOnIsDropped() throws IOException {
        CtrlServer s = server();
        UnixDatagramSocket mon = raw(tmp.resolve("mon"));
        mon.sendTo(UnixAddress.of(s.path()), "ATTACH".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("OK\n", receive(mon));
        mon.close(); // the file stays, with nobody behind it
        toy.event(CtrlEvents.MSG_INFO, "X"); // ECONNREFUSED
        assertEquals(0, s.monitors());
    }

    /** An unconnected monitor that stops reading: its queue fills (EAGAIN), then more than 10 failures drop it. */
    @Test
    void monitorThatStopsReadingIsDroppedAfterElevenFailures() throws IOException {
        CtrlServer s = server();
        CtrlClient other = client(s);
        UnixDatagramSocket mon = raw(tmp.resolve("mon"));
        mon.sendTo(UnixAddress.of(s.path()), "ATTACH".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("OK\n", receive(mon));
        int sent = 0;
        long start = System.nanoTime();
        while (s.monitors() == 1 && sent < 1000) {
            toy.event(CtrlEvents.MSG_INFO, "E" + sent++);
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "events never block");
        assertEquals(0, s.monitors());
        int queued = 0;
        while (mon.receive(SHORT.toMillis()) != null) {
            queued++;
        }
        assertTrue(queued > 0 && queued < sent, queued + " of " + sent);
        assertEquals(queued + 11, sent, "dropped at the eleventh failure in a row (EAGAIN: queue full)");
        assertEquals("PONG\n", other.request("PING", T), "the server socket itself was kept");
    }

    /** A wpa_cli-style (connected) monitor that stops reading fills the server's send buffer: it gets a new socket. */
    @Test
    void connectedMonitorThatStopsReadingDoesNotSilenceTheServer() throws IOException {
        CtrlServer s = server();
        CtrlClient stuck = client(s);
        stuck.attach();
        String text = "CTRL-EVENT-BSS-ADDED " + "x".repeat(200);
        long start = System.nanoTime();
        for (int i = 0; i < 5000 && s.monitors() > 0; i++) {
            toy.event(CtrlEvents.MSG_INFO, text);
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "events never block");
        assertEquals(0, s.monitors());
        assertEquals("PONG\n", client(s).request("PING", T));
        assertEquals("rwxrwx---", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(s.path())));
    }

    @Test
    void oversizedRequestFails() throws IOException {
        CtrlServer s = server();
        CtrlClient c = client(s);
        String longest = "x".repeat(CtrlServer.MAX_REQUEST - 5);
        assertEquals(longest, c.request("ECHO " + longest, T));
        assertEquals("FAIL\n", c.request("ECHO " + "x".repeat(10000 - 5), T));
        assertEquals("PONG\n", c.request("PING", T));
        assertEquals(1, s.dropped());
    }

    @Test
    void everyOctetSurvives() throws IOException {
        StringBuilder all = new StringBuilder();
        for (char ch = 0; ch < 256; ch++) {
            all.append(ch);
        }
        all.append('x'); // not ending in the newline that gets stripped
        CtrlClient c = client(server());
        assertEquals(all.toString(), c.request("ECHO " + all, T));
        byte[] raw = {'E', 'C', 'H', 'O', ' ', (byte) 0xc3, 0x28, 0, (byte) 0xff, (byte) 0x80};
        String reply = c.request(new String(raw, StandardCharsets.ISO_8859_1), T);
        assertEquals(List.of((byte) 0xc3, (byte) 0x28, (byte) 0, (byte) 0xff, (byte) 0x80),
                bytes(reply.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static List<Byte> bytes(byte[] b) {
        List<Byte> l = new ArrayList<>();
        for (byte x : b) {
            l.add(x);
        }
        return l;
    }

    @Test
    void failingHandlerAnswersFailAndServingGoesOn() throws IOException {
        CtrlServer s = server();
        CtrlClient c = client(s);
        assertEquals("FAIL\n", c.request("THROW", T));
        assertEquals("FAIL\n", c.request("NULL", T));
        assertEquals("PONG\n", c.request("PING", T));
        assertEquals(2, s.dropped());
    }

    @Test
    void emptyRequestFails() throws IOException {
        CtrlServer s = server();
        CtrlClient c = client(s);
        assertEquals("FAIL\n", c.request("", T));
        assertEquals("FAIL\n", c.request("\n", T));
        assertEquals(2, s.dropped());
        assertTrue(toy.requests.isEmpty());
    }

    @Test
    void unnamedSenderIsIgnored() throws IOException {
        CtrlServer s = server();
        UnixDatagramSocket anonymous = raw(null);
        assertEquals(0, anonymous.sendTo(UnixAddress.of(s.path()), "PING".getBytes(StandardCharsets.ISO_8859_1)));
        Waits.await("the datagram counted as dropped", T, () -> s.dropped() == 1);
        assertTrue(toy.requests.isEmpty());
        assertEquals("PONG\n", client(s).request("PING", T));
    }

    @Test
    void staleSocketFileIsReplaced() throws IOException {
        Files.createDirectory(dir());
        raw(dir().resolve("wlan0")).close(); // what a killed daemon leaves behind
        assertTrue(Files.exists(dir().resolve("wlan0")));
        assertEquals("PONG\n", client(server()).request("PING", T));
    }

    @Test
    void liveSocketIsNotTakenOver() throws IOException {
        CtrlServer first = server();
        IOException e = assertThrows(IOException.class, () -> CtrlServer.open(dir(), "wlan0", Optional.empty(), new ToyEndpoint()));
        assertEquals("cannot open " + first.path() + ": in use by another process (delete it by hand if it is not)", e.getMessage());
        assertEquals("PONG\n", client(first).request("PING", T));
    }

    @Test
    void closeRemovesSocketAndEmptyDirectory() throws IOException {
        CtrlServer s = CtrlServer.open(dir(), "wlan0", Optional.empty(), toy);
        CtrlClient c = client(s);
        c.attach();
        long start = System.nanoTime();
        s.close();
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1), "close is prompt");
        assertFalse(Files.exists(s.path()));
        assertFalse(Files.exists(dir()));
        assertTrue(toy.unsubscribed.get());
        assertThrows(IOException.class, () -> c.request("PING", SHORT), "the server socket is gone");
        s.close(); // twice is harmless
    }

    @Test
    void closeLeavesTheDirectoryWhileOtherSocketsAreInIt() throws IOException {
        CtrlServer first = CtrlServer.open(dir(), "wlan0", Optional.empty(), toy);
        CtrlServer second = CtrlServer.open(dir(), "wlan1", Optional.empty(), new ToyEndpoint());
        first.close();
        assertFalse(Files.exists(first.path()));
        assertEquals("PONG\n", client(second).request("PING", T));
        second.close();
        assertFalse(Files.exists(dir()), "the last one takes it along");
    }

    @Test
    void eventsAfterCloseAreIgnored() throws IOException {
        AtomicReference<CtrlEvents> sink = new AtomicReference<>();
        CtrlEndpoint endpoint = new CtrlEndpoint() {
            @Override
            public String handle(String request) {
                return "OK\n";
            }

            @Override
            public AutoCloseable subscribe(CtrlEvents events) {
                sink.set(events);
                return () -> {
                };
            }
        };
        CtrlServer s = CtrlServer.open(dir(), "wlan0", Optional.empty(), endpoint);
        client(s).attach();
        s.close();
        sink.get().event(CtrlEvents.MSG_INFO, "late");
    }

    @Test
    void clientTimesOutOnASlowReply() throws IOException {
        CtrlClient c = client(server());
        long start = System.nanoTime();
        assertThrows(SocketTimeoutException.class, () -> c.request("SLOW", SHORT));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void clientWithoutServerFailsCleanly() {
        IOException e = assertThrows(IOException.class, () -> CtrlClient.open(tmp.resolve("nobody")));
        assertTrue(e.getMessage().startsWith("cannot connect to " + tmp.resolve("nobody") + ": "), e.getMessage());
    }

    @Test
    void clientRemovesItsSocketFile() throws IOException {
        CtrlClient c = CtrlClient.open(server().path());
        assertTrue(c.path().toString().startsWith("/tmp/wpa4j_ctrl_" + ProcessHandle.current().pid() + "-"));
        assertTrue(Files.exists(c.path()));
        c.close();
        assertFalse(Files.exists(c.path()));
    }

    @Test
    void pathTooLongForASocket() {
        Path deep = tmp.resolve("d".repeat(120));
        IOException e = assertThrows(IOException.class, () -> CtrlServer.open(deep, "wlan0", Optional.empty(), toy));
        assertTrue(e.getMessage().contains("longer than 107 bytes"), e.getMessage());
        assertFalse(Files.exists(deep), "nothing made on the way");
    }

    @Test
    void missingParentIsAClearError() {
        Path orphan = tmp.resolve("no/such");
        IOException e = assertThrows(IOException.class, () -> CtrlServer.open(orphan, "wlan0", Optional.empty(), toy));
        assertEquals("cannot open " + orphan.resolve("wlan0") + ": no such file or directory: " + orphan, e.getMessage());
    }
}
