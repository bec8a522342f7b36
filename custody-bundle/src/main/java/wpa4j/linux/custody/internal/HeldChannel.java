package wpa4j.linux.custody.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import wpa4j.linux.custody.ChannelOptions;

/**
 * One held socket and its reader. The reader always runs, so the kernel buffer drains whether or not a
 * lessee listens. It alone closes the socket, after {@link #close} asked it to, so a descriptor number is
 * never freed (and reused by another socket) while it is in a receive.
 */
final class HeldChannel {
    private static final System.Logger LOG = System.getLogger(HeldChannel.class.getName());
    private static final int DATAGRAM_MAX = 256 * 1024;
    /** What a close waits for the reader: its receive timeout and a margin. */
    private static final long CLOSE_WAIT_MS = 1000;

    /** An Ethernet header: what a packet socket's frame has at least. */
    private static final int ETHERNET_HEADER = 14;

    private final String name;
    private final SocketLayer.RawSocket socket;
    /** An AF_PACKET socket: each datagram is one frame, no requests or groups. */
    private final boolean packet;
    private final Inbox inbox;
    private final PendingRequests pending;
    private final AtomicInteger seq = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 1 << 30));
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong lateAnswers = new AtomicLong();
    private final Thread reader;
    private volatile boolean closing;
    private volatile boolean finished;

    private HeldChannel(String key, String name, SocketLayer.RawSocket socket, boolean packet, ChannelOptions options, Spawner spawner)
            throws IOException {
        this.name = name;
        this.socket = socket;
        this.packet = packet;
        this.inbox = new Inbox(name, options);
        this.pending = new PendingRequests(name);
        this.reader = spawner.start("wpa4j-custody-" + key + "-" + name, this::read);
    }

    static HeldChannel open(String key, String name, int protocol, ChannelOptions options, SocketLayer layer, Spawner spawner)
            throws IOException {
        return start(key, name, layer.open(protocol, options.receiveBuffer()), false, options, spawner);
    }

    /** A held AF_PACKET socket of {@code ethertype} on {@code ifindex}: its messages are whole Ethernet frames. */
    static HeldChannel openPacket(String key, String name, int ifindex, int ethertype, ChannelOptions options, SocketLayer layer, Spawner spawner)
            throws IOException {
        return start(key, name, layer.openPacket(ifindex, ethertype, options.receiveBuffer()), true, options, spawner);
    }

    private static HeldChannel start(String key, String name, SocketLayer.RawSocket s, boolean packet, ChannelOptions options, Spawner spawner)
            throws IOException {
        try {
            return new HeldChannel(key, name, s, packet, options, spawner);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    String name() {
        return name;
    }

    int portId() {
        return socket.portId();
    }

    Inbox inbox() {
        return inbox;
    }

    boolean isOpen() {
        return !closing;
    }

    long malformed() {
        return malformed.get();
    }

    List<byte[]> request(byte[] message, Duration timeout) throws IOException {
        requireNetlink("request");
        if (Thread.currentThread() == reader) {
            // the answer could only come through this very thread
            throw new IllegalStateException("request on channel " + name + " from its own reader (a receiver must not block)");
        }
        int s = seq.updateAndGet(v -> v == Integer.MAX_VALUE ? 1 : v + 1);
        byte[] m = Nlmsg.addressed(message, s, socket.portId());
        var answers = pending.open(s);
        try {
            // registered before this check, so a reader that finishes meanwhile fails it (failAll follows finished)
            if (finished) {
                throw closedException();
            }
            send(m);
            return pending.collect(s, answers, timeout);
        } finally {
            pending.forget(s);
        }
    }

    void send(byte[] message) throws IOException {
        if (packet) {
            if (message.length < ETHERNET_HEADER) {
                throw new IllegalArgumentException("an Ethernet frame has at least " + ETHERNET_HEADER + " octets, not " + message.length);
            }
        } else {
            Nlmsg.requireHeader(message);
        }
        if (closing) {
            throw closedException();
        }
        socket.send(message);
    }

    void joinGroup(int group) throws IOException {
        requireNetlink("joinGroup");
        if (closing) {
            throw closedException();
        }
        socket.joinGroup(group);
    }

    /** Asks the reader to close the socket and waits for it briefly (not when called on the reader itself). */
    void close() {
        closing = true;
        awaitClosed();
    }

    /** Asks without waiting, so that many channels close in one receive timeout. */
    void closeLater() {
        closing = true;
    }

    void awaitClosed() {
        if (Thread.currentThread() == reader) {
            return;
        }
        try {
            reader.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void requireNetlink(String call) {
        if (packet) {
            throw new UnsupportedOperationException(call + " on packet channel " + name + ": only netlink channels have it");
        }
    }

    private IOException closedException() {
        return new IOException("channel " + name + " closed");
    }

    /** Answers that came after their request gave up (dropped). */
    long lateAnswers() {
        return lateAnswers.get();
    }

    private void read() {
        byte[] buf = new byte[DATAGRAM_MAX];
        int[] groups = new int[1];
        try {
            while (!closing) {
                int n = receive(buf, groups);
                if (n == SocketLayer.RawSocket.OVERRUN) {
                    inbox.countOverrun();
                    pending.failOverrun();
                } else if (n >= 0) {
                    dispatch(buf, n, groups[0] != 0);
                }
            }
        } catch (Error e) {
            LOG.log(System.Logger.Level.ERROR, "reader of channel " + name + " ends", e);
            throw e;
        } finally {
            closing = true;
            socket.close();
            finished = true;
            pending.failAll();
        }
    }

    /** A receive error other than a timeout or overrun is logged and retried after a pause: closing would end the link. */
    private int receive(byte[] buf, int[] groups) {
        try {
            return socket.receive(buf, groups);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "channel " + name + ": " + e.getMessage());
            try {
                TimeUnit.MILLISECONDS.sleep(KernelSockets.RECEIVE_TIMEOUT_MS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            return SocketLayer.RawSocket.TIMEOUT;
        }
    }

    /**
     * A multicast datagram never answers a request, even when it carries the requester's seq (rtnetlink echoes
     * it). A unicast one with a sequence number nobody waits for is a late answer to a request that timed out:
     * dropped (the kernel's own notifications carry seq 0), so it reaches no receiver, nor a successor.
     */
    private void dispatch(byte[] buf, int n, boolean multicast) {
        if (packet) {
            // one datagram, one frame; shorter than a header it cannot be one (the kernel never delivers that)
            if (n >= ETHERNET_HEADER) {
                inbox.offer(Arrays.copyOf(buf, n));
            } else {
                malformed.incrementAndGet();
            }
            return;
        }
        boolean whole = Nlmsg.split(buf, n, m -> {
            if (multicast) {
                inbox.offer(m);
            } else if (!pending.route(m)) {
                if (Nlmsg.seq(m) == 0) {
                    inbox.offer(m);
                } else {
                    lateAnswers.incrementAndGet();
                }
            }
        });
        if (!whole) {
            long count = malformed.incrementAndGet();
            if (Long.bitCount(count) == 1) {
                LOG.log(System.Logger.Level.WARNING, "channel " + name + ": malformed netlink length, rest of a datagram skipped (" + count + " so far)");
            }
        }
    }
}
