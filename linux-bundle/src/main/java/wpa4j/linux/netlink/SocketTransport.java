package wpa4j.linux.netlink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A transport on a socket of its own: requests read their answers on the calling thread until
 * {@link #listen} starts a reader thread, which from then on hands answers to the waiting request by
 * sequence number and everything else to the handler.
 */
public final class SocketTransport implements NetlinkTransport {
    private static final System.Logger LOG = System.getLogger(SocketTransport.class.getName());

    private final NetlinkSocket socket;
    /** Datagrams whose netlink framing did not hold (the rest of each skipped), and handler failures. */
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong handlerFailures = new AtomicLong();
    private final AtomicInteger seq = new AtomicInteger((int) (System.nanoTime() & 0x3fffffff));
    private final byte[] buf = new byte[256 * 1024];
    private final Map<Integer, BlockingQueue<byte[]>> pending = new ConcurrentHashMap<>();
    private volatile Thread reader;
    private volatile boolean running = true;

    public SocketTransport(NetlinkSocket socket) {
        this.socket = socket;
    }

    public static SocketTransport open(int protocol) throws NetlinkException {
        return new SocketTransport(NetlinkSocket.open(protocol));
    }

    @Override
    public int portId() {
        return socket.portId();
    }

    @Override
    public synchronized List<byte[]> exchange(byte[] request, int timeoutMs, String what) throws NetlinkException {
        int s = seq.incrementAndGet() & 0x7fffffff;
        byte[] m = NlFraming.addressed(request, s, socket.portId());
        boolean threaded = reader != null;
        BlockingQueue<byte[]> answers = new LinkedBlockingQueue<>();
        if (threaded) {
            pending.put(s, answers);
        }
        try {
            socket.send(m);
            List<byte[]> out = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while (true) {
                for (byte[] a : threaded ? List.of(take(answers, deadline, timeoutMs, what)) : receiveOwn(timeoutMs, what)) {
                    if (NlFraming.seq(a) != s) {
                        continue; // a late answer to an earlier request
                    }
                    out.add(a);
                    if (NlFraming.ends(a)) {
                        return out;
                    }
                }
            }
        } finally {
            pending.remove(s);
        }
    }

    private List<byte[]> receiveOwn(int timeoutMs, String what) throws NetlinkException {
        socket.receiveTimeout(timeoutMs);
        int n = socket.receive(buf);
        if (n < 0) {
            throw new NetlinkException(what + ": no answer within " + timeoutMs + " ms", 110, "");
        }
        return NlFraming.split(buf, n, what);
    }

    private static byte[] take(BlockingQueue<byte[]> q, long deadline, int timeoutMs, String what) throws NetlinkException {
        try {
            byte[] m = q.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new NetlinkException(what + ": no answer within " + timeoutMs + " ms", 110, "");
            }
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetlinkException(what + ": interrupted", 4, "");
        }
    }

    @Override
    public synchronized void listen(Consumer<byte[]> handler, String threadName) {
        if (reader != null) {
            return;
        }
        socket.receiveTimeout(500);
        Thread t = new Thread(() -> read(handler), threadName);
        t.setDaemon(true);
        reader = t;
        t.start();
    }

    private void read(Consumer<byte[]> handler) {
        byte[] rbuf = new byte[256 * 1024];
        while (running) {
            try {
                int n = socket.receive(rbuf);
                if (n <= 0) {
                    continue;
                }
                for (byte[] m : NlFraming.split(rbuf, n, "netlink datagram")) {
                    BlockingQueue<byte[]> q = pending.get(NlFraming.seq(m));
                    if (q != null) {
                        q.add(m);
                    } else {
                        handler.accept(m);
                    }
                }
            } catch (NetlinkException e) {
                // bad input must not end the reader: counted, and said at 1, 2, 4, 8... so a flood cannot flood the log
                counted(malformed, "malformed netlink datagram skipped: " + e.getMessage());
            } catch (RuntimeException e) {
                counted(handlerFailures, "a netlink handler failed: " + e);
            }
        }
    }

    private static void counted(AtomicLong counter, String what) {
        long n = counter.incrementAndGet();
        if (Long.bitCount(n) == 1) {
            LOG.log(System.Logger.Level.WARNING, what + " (" + n + " so far)");
        }
    }

    @Override
    public void close() {
        running = false;
        socket.close();
        Thread r = reader;
        if (r != null && r != Thread.currentThread()) {
            try {
                r.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
