package wpa4j.linux.netlink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.linux.uapi.Uapi;

/**
 * Requests over one generic netlink socket: sequence numbers, dumps (NLM_F_MULTI until NLMSG_DONE), acks
 * and errors (NLMSG_ERROR with errno and extended-ack message), and family resolution through nlctrl.
 */
public final class GenlClient implements AutoCloseable {
    private static final int TIMEOUT_MS = 5000;

    private final NetlinkSocket socket;
    private final AtomicInteger seq = new AtomicInteger((int) (System.nanoTime() & 0x7fffffff));
    private final byte[] buf = new byte[256 * 1024];
    private volatile Reader reader;

    /** A generic netlink family: its id and multicast groups by name. */
    public record Family(String name, int id, Map<String, Integer> groups) {}

    public GenlClient(NetlinkSocket socket) {
        this.socket = socket;
        socket.receiveTimeout(TIMEOUT_MS);
    }

    public static GenlClient open() throws NetlinkException {
        return new GenlClient(NetlinkSocket.open(Uapi.NETLINK_GENERIC));
    }

    public NetlinkSocket socket() {
        return socket;
    }

    /** CTRL_CMD_GETFAMILY: the family's id and multicast groups; ENOENT (2) when the kernel has no such family. */
    public Family resolve(String name) throws NetlinkException {
        NlWriter w = NlWriter.genl(Uapi.CTRL_CMD_GETFAMILY, 1).string(Uapi.CTRL_ATTR_FAMILY_NAME, name);
        List<NlMessage> replies = request(Uapi.GENL_ID_CTRL, w, 0, "resolve family " + name);
        try {
            List<NlAttr> attrs = replies.get(0).genlAttrs();
            int id = NlAttr.find(attrs, Uapi.CTRL_ATTR_FAMILY_ID).orElseThrow(() -> new MalformedFrameException(0, "no family id")).u16();
            Map<String, Integer> groups = new HashMap<>();
            for (NlAttr g : NlAttr.find(attrs, Uapi.CTRL_ATTR_MCAST_GROUPS).map(a -> safeNested(a)).orElse(List.of())) {
                List<NlAttr> ga = g.nested();
                NlAttr gName = NlAttr.find(ga, Uapi.CTRL_ATTR_MCAST_GRP_NAME).orElse(null);
                NlAttr gId = NlAttr.find(ga, Uapi.CTRL_ATTR_MCAST_GRP_ID).orElse(null);
                if (gName != null && gId != null) {
                    groups.put(gName.string(), (int) gId.u32());
                }
            }
            return new Family(name, id, groups);
        } catch (MalformedFrameException e) {
            throw new NetlinkException("resolve family " + name + ": malformed reply " + e.reason(), 71, "");
        }
    }

    private static List<NlAttr> safeNested(NlAttr a) {
        try {
            return a.nested();
        } catch (MalformedFrameException e) {
            return List.of();
        }
    }

    /**
     * From now on a thread of its own reads the socket: replies go to the request waiting for their sequence
     * number, every other message (unicast notifications such as control-port frames for the socket owner)
     * to {@code unsolicited}, on that thread. Malformed input is counted and dropped.
     */
    public synchronized void startReader(Consumer<NlMessage> unsolicited, String threadName) {
        if (reader == null) {
            reader = new Reader(unsolicited);
            socket.receiveTimeout(500);
            Thread t = new Thread(reader::run, threadName);
            t.setDaemon(true);
            reader.thread = t;
            t.start();
        }
    }

    /** Messages the reader thread dropped as malformed (0 without a reader). */
    public long malformed() {
        Reader r = reader;
        return r == null ? 0 : r.malformed;
    }

    /** Sends a request and collects the replies: one message, or all parts of a dump; an ack ends it too. */
    public synchronized List<NlMessage> request(int family, NlWriter msg, int extraFlags, String what) throws NetlinkException {
        int s = seq.incrementAndGet();
        boolean dump = (extraFlags & Uapi.NLM_F_DUMP) == Uapi.NLM_F_DUMP;
        Reader r = reader;
        BlockingQueue<NlMessage> queue = new LinkedBlockingQueue<>();
        if (r != null) {
            r.pending.put(s, queue);
        }
        try {
            socket.send(msg.build(family, Uapi.NLM_F_REQUEST | Uapi.NLM_F_ACK | extraFlags, s, socket.portId()));
            List<NlMessage> replies = new ArrayList<>();
            while (true) {
                for (NlMessage m : r == null ? receive(what) : List.of(take(queue, what))) {
                    if (m.seq() != s) {
                        continue; // a late reply to an earlier request
                    }
                    if (m.isError()) {
                        try {
                            NetlinkException err = m.error(what);
                            if (err.errno() != 0) {
                                throw err;
                            }
                        } catch (MalformedFrameException e) {
                            throw new NetlinkException(what + ": malformed error " + e.reason(), 71, "");
                        }
                        return replies;
                    }
                    if (m.isDone()) {
                        return replies;
                    }
                    // a dump part, or a single reply whose ack follows
                    replies.add(m);
                }
            }
        } finally {
            if (r != null) {
                r.pending.remove(s);
            }
        }
    }

    private List<NlMessage> receive(String what) throws NetlinkException {
        int n = socket.receive(buf);
        if (n < 0) {
            throw new NetlinkException(what + ": no answer within " + TIMEOUT_MS + " ms", 110, "");
        }
        try {
            return NlMessage.parseAll(buf, n);
        } catch (MalformedFrameException e) {
            throw new NetlinkException(what + ": malformed reply " + e.reason(), 71, "");
        }
    }

    private static NlMessage take(BlockingQueue<NlMessage> queue, String what) throws NetlinkException {
        try {
            NlMessage m = queue.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (m == null) {
                throw new NetlinkException(what + ": no answer within " + TIMEOUT_MS + " ms", 110, "");
            }
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetlinkException(what + ": interrupted", 4, "");
        }
    }

    /** The socket's reader thread in reader mode. */
    private final class Reader {
        final Map<Integer, BlockingQueue<NlMessage>> pending = new ConcurrentHashMap<>();
        final Consumer<NlMessage> unsolicited;
        volatile boolean running = true;
        volatile long malformed;
        Thread thread;

        Reader(Consumer<NlMessage> unsolicited) {
            this.unsolicited = unsolicited;
        }

        void run() {
            byte[] rbuf = new byte[256 * 1024];
            while (running) {
                try {
                    int n = socket.receive(rbuf);
                    if (n <= 0) {
                        continue;
                    }
                    for (NlMessage m : NlMessage.parseAll(rbuf, n)) {
                        BlockingQueue<NlMessage> q = pending.get(m.seq());
                        if (q != null) {
                            q.add(m);
                        } else {
                            unsolicited.accept(m);
                        }
                    }
                } catch (MalformedFrameException | RuntimeException e) {
                    // bad input or a handler bug must not end the reader
                    malformed++;
                } catch (NetlinkException e) {
                    if (running) {
                        malformed++;
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        Reader r = reader;
        if (r != null) {
            r.running = false;
        }
        socket.close();
        if (r != null && r.thread != Thread.currentThread()) {
            try {
                r.thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
