package wpa4j.ctrl;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import wpa4j.ctrl.UnixDatagramSocket.Datagram;

/**
 * The client side, as hostap's wpa_ctrl.c does it: a socket of its own, /tmp/wpa4j_ctrl_PID-N, connected to the
 * server's; replies come back to it. Messages starting with '<' or "IFNAME=" are events, kept for
 * {@link #nextEvent} while a request waits for its reply. Not for concurrent use (methods are synchronized).
 */
public final class CtrlClient implements AutoCloseable {
    /** wpa_ctrl's own request timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Replies such as SCAN_RESULTS or BSS may be long. */
    private static final int MAX_MESSAGE = 65536;
    /** Events kept while nobody reads them; the oldest go first. */
    private static final int MAX_PENDING_EVENTS = 1000;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final UnixDatagramSocket socket;
    private final Path path;
    private final Path server;
    private final UnixAddress serverAddress;
    private final ArrayDeque<String> events = new ArrayDeque<>();
    private boolean closed;

    private CtrlClient(UnixDatagramSocket socket, Path path, Path server, UnixAddress serverAddress) {
        this.socket = socket;
        this.path = path;
        this.server = server;
        this.serverAddress = serverAddress;
    }

    /** Connects to the control socket {@code server}, e.g. /var/run/wpa_supplicant/wlan0. */
    public static CtrlClient open(Path server) throws IOException {
        UnixAddress serverAddress = UnixAddress.of(server);
        Path path = Path.of("/tmp", "wpa4j_ctrl_" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet());
        UnixAddress own = UnixAddress.of(path);
        UnixDatagramSocket socket = UnixDatagramSocket.open(MAX_MESSAGE);
        try {
            try {
                socket.bind(own);
            } catch (ErrnoException e) {
                if (e.errno() != LibC.EADDRINUSE) {
                    throw e;
                }
                Files.deleteIfExists(path); // left by an earlier process with our pid
                socket.bind(own);
            }
            try {
                socket.connect(serverAddress);
            } catch (ErrnoException e) {
                Files.deleteIfExists(path);
                throw new IOException("cannot connect to " + server + ": " + ErrnoException.describe(e.errno()), e);
            }
            return new CtrlClient(socket, path, server, serverAddress);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** This client's own socket file. */
    public Path path() {
        return path;
    }

    /**
     * Sends one request and returns the reply as sent (ISO-8859-1, usually ending in a newline).
     *
     * @throws SocketTimeoutException when no reply came within {@code timeout}
     */
    public synchronized String request(String command, Duration timeout) throws IOException {
        ensureOpen();
        long deadline = System.nanoTime() + timeout.toNanos();
        send(command.getBytes(StandardCharsets.ISO_8859_1), deadline);
        while (true) {
            Datagram d = receiveUntil(deadline);
            if (d == null) {
                throw new SocketTimeoutException("no reply from " + server + " within " + timeout.toMillis() + " ms");
            }
            String text = new String(d.data(), StandardCharsets.ISO_8859_1);
            if (!isEvent(text)) {
                return text;
            }
            keep(text);
        }
    }

    /** Becomes a monitor: the server sends its events here from now on. */
    public void attach() throws IOException {
        expectOk("ATTACH");
    }

    public void detach() throws IOException {
        expectOk("DETACH");
    }

    /** The next event (e.g. {@code <3>CTRL-EVENT-CONNECTED ...}), or empty when none came within {@code timeout}. */
    public synchronized Optional<String> nextEvent(Duration timeout) throws IOException {
        ensureOpen();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.isEmpty()) {
            Datagram d = receiveUntil(deadline);
            if (d == null) {
                return Optional.empty();
            }
            String text = new String(d.data(), StandardCharsets.ISO_8859_1);
            if (isEvent(text)) {
                keep(text);
            } // else: a late reply to a request that timed out
        }
        return Optional.of(events.removeFirst());
    }

    private void expectOk(String command) throws IOException {
        String reply = request(command, DEFAULT_TIMEOUT);
        if (!reply.equals("OK\n")) {
            throw new IOException(command + " refused by " + server + ": " + reply.strip());
        }
    }

    /** A busy server's queue (EAGAIN) is waited out until the deadline, as a blocking send would. */
    private void send(byte[] message, long deadline) throws IOException {
        int errno;
        while ((errno = socket.sendTo(serverAddress, message)) == LibC.EAGAIN && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while sending to " + server);
            }
        }
        if (errno != 0) {
            throw new IOException("cannot send to " + server + ": " + ErrnoException.describe(errno));
        }
    }

    private Datagram receiveUntil(long deadline) throws IOException {
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Datagram d = socket.receive(Math.max(1, left / 1_000_000));
            if (d != null) {
                return d;
            }
        }
    }

    private static boolean isEvent(String text) {
        return text.startsWith("<") || text.startsWith("IFNAME=");
    }

    private void keep(String event) {
        if (events.size() == MAX_PENDING_EVENTS) {
            events.removeFirst();
        }
        events.addLast(event);
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("control client of " + server + " is closed");
        }
    }

    /** Closes the socket and removes its file. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            socket.close();
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // /tmp is swept anyway
            }
        }
    }
}
