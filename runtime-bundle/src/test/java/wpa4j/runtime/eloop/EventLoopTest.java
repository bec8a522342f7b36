package wpa4j.runtime.eloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class EventLoopTest {
    @Test
    void tasksRunInOrderOnOneThreadAndAThrowingTaskDoesNotKillTheLoop() throws Exception {
        try (EventLoop loop = new EventLoop("test-loop")) {
            List<String> seen = new ArrayList<>();
            loop.execute(() -> seen.add(Thread.currentThread().getName()));
            loop.execute(() -> {
                throw new IllegalStateException("boom");
            });
            loop.execute(() -> seen.add("after"));
            assertEquals(List.of("test-loop", "after"), loop.call(() -> List.copyOf(seen)));
            assertEquals(1, loop.failures());
        }
    }

    @Test
    void timersFireUnlessCancelled() throws Exception {
        try (EventLoop loop = new EventLoop("timer-loop")) {
            CountDownLatch fired = new CountDownLatch(1);
            List<String> seen = new ArrayList<>();
            EventLoop.Timer t = loop.schedule(10, () -> seen.add("cancelled"));
            t.cancel();
            loop.schedule(20, () -> {
                seen.add("fired");
                fired.countDown();
            });
            assertTrue(fired.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("fired"), loop.call(() -> List.copyOf(seen)));
        }
    }
}
