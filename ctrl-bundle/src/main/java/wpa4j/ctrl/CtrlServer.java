package wpa4j.ctrl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import wpa4j.ctrl.UnixDatagramSocket.Datagram;

/**
 * One control socket {@code <dir>/<name>} served for a {@link CtrlEndpoint}, the way wpa_supplicant's
 * ctrl_iface_unix.c serves it: requests answered to the sender's address, ATTACH/DETACH/LEVEL kept here,
 * events sent to the attached monitors. Plain Java; one daemon thread per socket.
 */
public final class CtrlServer implements AutoCloseable {
    /** Longest request served; a longer datagram is answered FAIL. */
    public static final int MAX_REQUEST = 8192;
    private static final String OK = "OK\n";
    private static final String FAIL = "FAIL\n";
    /** How soon the reader notices close(). */
    private static final long POLL_MILLIS = 100;
    /** close() waits this long for a request in progress; a handler stuck longer finishes alone. */
    private static final long CLOSE_WAIT_MILLIS = 1000;

    private final Path dir;
    private final Path path;
    private final UnixAddress address;
    private final Optional<GroupPrincipal> gid;
    private final CtrlEndpoint endpoint;
    private final Monitors monitors = new Monitors();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread reader;
    /** Replaced when its send buffer fills up ({@link #renew}); sockets replaced are closed by the reader. */
    private volatile UnixDatagramSocket socket;
    private final Queue<UnixDatagramSocket> retired = new ConcurrentLinkedQueue<>();
    /** Held while the socket file changes hands: renew() against close(). */
    private final Object rebinding = new Object();
    private volatile boolean running = true;
    private volatile AutoCloseable subscription;

    private CtrlServer(Path dir, Path path, UnixAddress address, Optional<GroupPrincipal> gid,
            UnixDatagramSocket socket, CtrlEndpoint endpoint) {
        this.dir = dir;
        this.path = path;
        this.address = address;
        this.gid = gid;
        this.socket = socket;
        this.endpoint = endpoint;
        reader = new Thread(this::serve, "wpa4j-ctrl-" + path.getFileName());
        reader.setDaemon(true);
    }

    /**
     * Binds {@code <dir>/<name>} (making {@code dir} if missing; replacing a socket left by a dead process) and
     * serves it until {@link #close()}. {@code group} is a group name or numeric gid for the directory and socket.
     *
     * @throws IOException "cannot open PATH: reason", e.g. when another process serves that socket
     */
    public static CtrlServer open(Path dir, String name, Optional<String> group, CtrlEndpoint endpoint) throws IOException {
        Objects.requireNonNull(endpoint, "endpoint");
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("not a socket file name: '" + name + "'");
        }
        Path path = dir.resolve(name);
        try {
            UnixAddress address = UnixAddress.of(path);
            Optional<GroupPrincipal> gid = group.isEmpty() ? Optional.empty() : Optional.of(CtrlDirectory.group(dir, group.get()));
            boolean created = CtrlDirectory.prepare(dir, gid);
            CtrlServer server;
            try {
                UnixDatagramSocket socket = bind(address, path, gid);
                server = new CtrlServer(dir, path, address, gid, socket, endpoint);
                server.start();
            } catch (IOException | RuntimeException e) {
                if (created) {
                    deleteQuietly(dir);
                }
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new IOException("cannot open " + path + ": " + reason(e), e);
        }
    }

    /**
     * Binds; a socket file nobody serves any more (connect refused) is replaced, a live one is left alone. The socket is
     * bound under a hidden name, given its mode and group, then renamed into place, so it never exists at its real path
     * with the process umask's looser mode (wpa_supplicant binds and then chmods).
     */
    private static UnixDatagramSocket bind(UnixAddress address, Path path, Optional<GroupPrincipal> gid) throws IOException {
        Path hidden = path.resolveSibling("." + path.getFileName() + "." + ProcessHandle.current().pid());
        UnixAddress hiddenAddress;
        try {
            hiddenAddress = UnixAddress.of(hidden);
        } catch (IOException tooLong) {
            return bindInPlace(address, path);
        }
        if (served(address)) {
            throw new IOException("in use by another process (delete it by hand if it is not)");
        }
        UnixDatagramSocket socket = UnixDatagramSocket.open(MAX_REQUEST);
        try {
            Files.deleteIfExists(hidden);
            socket.bind(hiddenAddress);
            CtrlDirectory.secureSocket(hidden, gid);
            Files.move(hidden, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            deleteQuietly(hidden);
            throw e;
        }
    }

    /** The plain bind, where the hidden name would not fit a socket address. */
    private static UnixDatagramSocket bindInPlace(UnixAddress address, Path path) throws IOException {
        UnixDatagramSocket socket = UnixDatagramSocket.open(MAX_REQUEST);
        try {
            try {
                socket.bind(address);
            } catch (ErrnoException e) {
                if (e.errno() != LibC.EADDRINUSE) {
                    throw e;
                }
                if (served(address)) {
                    throw new IOException("in use by another process (delete it by hand if it is not)");
                }
                Files.deleteIfExists(path);
                socket.bind(address);
            }
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static boolean served(UnixAddress address) throws IOException {
        try (UnixDatagramSocket probe = UnixDatagramSocket.open(1)) {
            probe.connect(address);
            return true;
        } catch (ErrnoException e) {
            if (e.errno() == LibC.ECONNREFUSED || e.errno() == LibC.ENOENT) {
                return false;
            }
            // e.g. EACCES: we cannot tell, and must not unlink what may be someone's live socket
            throw new IOException("exists and cannot be probed: " + e.getMessage());
        }
    }

    private void start() throws IOException {
        try {
            CtrlDirectory.secureSocket(path, gid);
            subscription = subscribe();
        } catch (IOException | RuntimeException e) {
            socket.close();
            deleteQuietly(path);
            throw e;
        }
        reader.start();
    }

    private AutoCloseable subscribe() throws IOException {
        try {
            return Objects.requireNonNull(endpoint.subscribe(this::event), "subscribe returned null");
        } catch (RuntimeException e) {
            throw new IOException("the endpoint refused the event subscription: " + e, e);
        }
    }

    /** The socket file. */
    public Path path() {
        return path;
    }

    /** Datagrams not served normally: empty, oversized, from an unnamed sender, reply undeliverable, handler failure. */
    public long dropped() {
        return dropped.get();
    }

    /** The number of attached monitors. */
    public int monitors() {
        return monitors.size();
    }

    private void event(int level, String text) {
        if (running && monitors.size() > 0) {
            monitors.send(level, ("<" + level + ">" + text).getBytes(StandardCharsets.ISO_8859_1), this::send);
        }
    }

    /** Sends without blocking: 0 or the errno. */
    private int send(UnixAddress to, byte[] message) {
        UnixDatagramSocket s = socket;
        int errno = s.sendTo(to, message);
        if ((errno == LibC.EAGAIN || errno == LibC.ENOBUFS) && s.backlogged()) {
            renew(s);
        }
        return errno;
    }

    /**
     * Datagrams waiting at a monitor that stopped reading stay charged to our socket, so one stuck wpa_cli would
     * in the end silence the socket for every client. Like wpa_supplicant, bind a fresh one: clients connected to
     * the old one (wpa_cli's are) find it gone and reconnect; their monitors are dropped on EPERM.
     */
    private void renew(UnixDatagramSocket stale) {
        synchronized (rebinding) {
            if (socket == stale && running) {
                rebind(stale);
            }
        }
    }

    private void rebind(UnixDatagramSocket stale) {
        try {
            UnixDatagramSocket fresh = UnixDatagramSocket.open(MAX_REQUEST);
            try {
                Files.deleteIfExists(path);
                fresh.bind(address);
                CtrlDirectory.secureSocket(path, gid);
            } catch (IOException | RuntimeException e) {
                fresh.close();
                throw e;
            }
            socket = fresh;
            retired.add(stale);
        } catch (IOException | RuntimeException e) {
            dropped.incrementAndGet(); // the old socket goes on as well as it can
        }
    }

    private void serve() {
        try {
            while (running) {
                closeRetired();
                try {
                    Datagram d = socket.receive(POLL_MILLIS);
                    if (d != null && running) {
                        respond(d);
                    }
                } catch (IOException | RuntimeException e) {
                    // an unexpected receive error or a bug: counted, and the socket keeps being served
                    dropped.incrementAndGet();
                    pause();
                }
            }
        } finally {
            socket.close();
            closeRetired();
        }
    }

    /** Only this thread closes sockets: none is closed (and its descriptor reused) under a receive. */
    private void closeRetired() {
        for (UnixDatagramSocket s; (s = retired.poll()) != null;) {
            s.close();
        }
    }

    private void respond(Datagram d) {
        UnixAddress from = d.from();
        if (from.unnamed()) {
            dropped.incrementAndGet(); // no address to answer to
            return;
        }
        String request = d.truncated() ? "" : text(d.data());
        String reply;
        if (request.isEmpty()) {
            dropped.incrementAndGet();
            reply = FAIL;
        } else {
            reply = answer(from, request);
        }
        if (send(from, reply.getBytes(StandardCharsets.ISO_8859_1)) != 0) {
            dropped.incrementAndGet();
            if (isAttach(request)) {
                monitors.detach(from); // as wpa_supplicant: a monitor that missed its OK is not kept
            }
        }
    }

    private String answer(UnixAddress from, String request) {
        if (isAttach(request)) {
            monitors.attach(from); // ATTACH's event filters (newer wpa_cli) are not supported: all events go
            return OK;
        }
        if (request.equals("DETACH")) {
            return monitors.detach(from) ? OK : FAIL;
        }
        if (request.startsWith("LEVEL ")) {
            try {
                return monitors.level(from, Integer.parseInt(request.substring(6).trim())) ? OK : FAIL;
            } catch (NumberFormatException e) {
                return FAIL;
            }
        }
        try {
            String reply = endpoint.handle(request);
            if (reply != null) {
                return reply;
            }
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // the endpoint's bug; the client still gets an answer and the socket stays served
        }
        dropped.incrementAndGet();
        return FAIL;
    }

    private static boolean isAttach(String request) {
        return request.equals("ATTACH") || request.startsWith("ATTACH ");
    }

    /** One char per octet (SSIDs may be any bytes), without the one newline a shell user may have added. */
    private static String text(byte[] data) {
        String s = new String(data, StandardCharsets.ISO_8859_1);
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops serving, ends the subscription, removes the socket file, and the directory if that leaves it empty
     * (as wpa_supplicant: with one socket per interface in it, the last to go takes it along).
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        running = false;
        try {
            subscription.close();
        } catch (Exception e) {
            // the endpoint's business; the socket goes regardless
        }
        if (Thread.currentThread() != reader) {
            try {
                reader.join(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        monitors.clear();
        synchronized (rebinding) {
            deleteQuietly(path);
        }
        deleteQuietly(dir); // fails while other sockets are still in there, as it should
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // not empty, or already gone
        }
    }

    /** The JDK leaves the reason out of some exceptions (only the file name); say what happened. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() == null) {
            String what = e instanceof NoSuchFileException ? "no such file or directory"
                    : e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
            return what + ": " + f.getFile();
        }
        return e.getMessage();
    }
}
