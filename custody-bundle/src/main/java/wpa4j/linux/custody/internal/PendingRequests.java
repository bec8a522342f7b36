package wpa4j.linux.custody.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The requests a channel waits answers for, by sequence number; any number of threads may wait at once. */
final class PendingRequests {
    /** Put into every waiting queue when the channel closes (compared by identity). */
    private static final byte[] CLOSED = new byte[0];
    /** Put into every waiting queue when the kernel's buffer overran: an answer may be among what was lost. */
    private static final byte[] OVERRUN = new byte[0];

    private final String channel;
    private final Map<Integer, BlockingQueue<byte[]>> bySeq = new ConcurrentHashMap<>();

    PendingRequests(String channel) {
        this.channel = channel;
    }

    BlockingQueue<byte[]> open(int seq) {
        BlockingQueue<byte[]> q = new LinkedBlockingQueue<>();
        bySeq.put(seq, q);
        return q;
    }

    void forget(int seq) {
        bySeq.remove(seq);
    }

    /** Hands {@code message} to the request of its sequence number; false when none waits for it. */
    boolean route(byte[] message) {
        BlockingQueue<byte[]> q = bySeq.get(Nlmsg.seq(message));
        return q != null && q.offer(message);
    }

    void failAll() {
        bySeq.values().forEach(q -> q.offer(CLOSED));
    }

    /** The kernel dropped messages (ENOBUFS): every waiting request fails now instead of waiting out its timeout. */
    void failOverrun() {
        bySeq.values().forEach(q -> q.offer(OVERRUN));
    }

    /** Takes the answers of {@code seq} from {@code q} up to and with the one that ends it. */
    List<byte[]> collect(int seq, BlockingQueue<byte[]> q, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<byte[]> answer = new ArrayList<>();
        while (true) {
            byte[] m;
            try {
                m = q.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("request " + seq + " on channel " + channel + " interrupted");
            }
            if (m == null) {
                throw new SocketTimeoutException("request " + seq + " on channel " + channel + ": no answer ended within " + timeout.toMillis()
                        + " ms (" + answer.size() + " messages so far)");
            }
            if (m == CLOSED) {
                throw new IOException("channel " + channel + " closed");
            }
            if (m == OVERRUN) {
                throw new IOException("request " + seq + " on channel " + channel + ": the receive buffer overran, its answer may be lost");
            }
            answer.add(m);
            if (Nlmsg.endsAnswer(m)) {
                return answer;
            }
        }
    }
}
