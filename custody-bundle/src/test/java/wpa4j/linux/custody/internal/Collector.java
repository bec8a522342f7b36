package wpa4j.linux.custody.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import wpa4j.linux.custody.Receiver;

/** A receiver that keeps what it gets, for a test to wait on. */
final class Collector implements Receiver {
    private final BlockingQueue<byte[]> got = new LinkedBlockingQueue<>();

    @Override
    public void receive(byte[] message) {
        got.add(message);
    }

    /** The markers of the next {@code n} messages, waiting for them. */
    List<Integer> markers(int n) throws InterruptedException {
        List<Integer> markers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] m = got.poll(5, TimeUnit.SECONDS);
            assertNotNull(m, "message " + (i + 1) + " of " + n + " after " + markers);
            markers.add(Messages.marker(m));
        }
        return markers;
    }

    void assertNothingWithin(long ms) throws InterruptedException {
        assertNull(got.poll(ms, TimeUnit.MILLISECONDS), "no message expected");
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(5);
        }
    }
}
