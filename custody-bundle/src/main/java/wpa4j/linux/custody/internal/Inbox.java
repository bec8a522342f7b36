package wpa4j.linux.custody.internal;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;

import wpa4j.linux.custody.ChannelOptions;
import wpa4j.linux.custody.Receiver;

/**
 * Where a channel's unsolicited messages go: the attached receiver, or while none is, a bounded FIFO. One
 * lock orders delivery, attach and detach, so the queue drains before live delivery and no receiver is called
 * once it is detached.
 */
final class Inbox {
    private static final System.Logger LOG = System.getLogger(Inbox.class.getName());

    private final String channel;
    private final ChannelOptions options;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile int queued;
    private Receiver receiver;
    private LeaseHandle owner;

    Inbox(String channel, ChannelOptions options) {
        this.channel = channel;
        this.options = options;
    }

    synchronized void offer(byte[] message) {
        if (receiver != null) {
            deliver(receiver, message);
            return;
        }
        if (queue.size() >= options.maxQueued()) {
            dropped.incrementAndGet();
            if (options.overflow() == ChannelOptions.Overflow.DROP_NEWEST) {
                return;
            }
            queue.poll();
        }
        queue.add(message);
        queued = queue.size();
    }

    /**
     * Drains the queue into {@code r} in order, then delivers live to it. {@code owner} is checked under the
     * lock, so a lease revoked or released meanwhile cannot attach after its receivers were detached.
     */
    synchronized void attach(Receiver r, LeaseHandle by) {
        by.requireAttachable();
        receiver = null;
        for (byte[] m; (m = queue.poll()) != null;) {
            deliver(r, m);
        }
        queued = 0;
        receiver = r;
        owner = by;
    }

    /** Detaches the receiver {@code by} attached; one that a later lessee attached stays. */
    synchronized void detach(LeaseHandle by) {
        if (owner == by) {
            receiver = null;
            owner = null;
        }
    }

    void countOverrun() {
        dropped.incrementAndGet();
    }

    int queued() {
        return queued;
    }

    long dropped() {
        return dropped.get();
    }

    /** Messages a receiver threw on. */
    long failures() {
        return failures.get();
    }

    private void deliver(Receiver r, byte[] message) {
        try {
            r.receive(message);
        } catch (Exception | LinkageError | AssertionError | StackOverflowError t) {
            // counted and skipped (a lessee's bug must not stop the reader); logged at 1, 2, 4, 8, ... failures.
            // Errors nobody recovers from (OutOfMemoryError, InternalError) end the reader.
            long n = failures.incrementAndGet();
            if (Long.bitCount(n) == 1) {
                LOG.log(System.Logger.Level.WARNING, "receiver of channel " + channel + " threw (" + n + " so far)", t);
            }
        }
    }
}
