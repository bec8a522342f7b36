package wpa4j.runtime.eloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** A flood of events into a loop that is busy costs bounded memory: beyond the bound they are dropped and counted. */
    @Test
    void offeredEventsAreBoundedAndDropsCounted() throws Exception {
        try (EventLoop loop = new EventLoop("bounded-loop", 100)) {
            CountDownLatch release = new CountDownLatch(1);
            loop.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            int[] ran = new int[1];
            int accepted = 0;
            for (int i = 0; i < 10_000; i++) {
                if (loop.offer(() -> ran[0]++)) {
                    accepted++;
                }
            }
            release.countDown();
            assertEquals(100, accepted);
            assertEquals(9_900, loop.droppedEvents());
            assertEquals(100, (int) loop.call(() -> ran[0]));
            // once drained, events are taken again
            assertTrue(loop.offer(() -> ran[0]++));
            assertEquals(101, (int) loop.call(() -> ran[0]));
        }
    }

    /** A task stuck for good: abandoning its thread runs what waited (timers included, in order) on a new thread. */
    @Test
    void anAbandonedThreadLeavesTheLoopToANewOne() throws Exception {
        try (EventLoop loop = new EventLoop("stuck-loop")) {
            CountDownLatch stuck = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread[] first = new Thread[1];
            List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            loop.execute(() -> {
                first[0] = Thread.currentThread();
                stuck.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("the stuck call came back");
            });
            assertTrue(stuck.await(5, TimeUnit.SECONDS));
            loop.execute(() -> seen.add("a"));
            EventLoop.Timer cancelled = loop.schedule(1, () -> seen.add("cancelled"));
            loop.schedule(50, () -> seen.add("timer"));
            loop.execute(() -> seen.add("b"));
            cancelled.cancel();
            assertFalse(loop.abandon(Thread.currentThread()), "only the loop's own thread can be abandoned");
            assertTrue(loop.abandon(first[0]));
            assertFalse(loop.abandon(first[0]), "once");
            Thread.sleep(100);
            assertEquals(List.of("a", "b", "timer"), loop.call(() -> List.copyOf(seen)));
            assertFalse(loop.call(() -> Thread.currentThread() == first[0]));
            release.countDown();
            first[0].join(5_000);
            assertFalse(first[0].isAlive());
            loop.execute(() -> seen.add("after"));
            assertEquals(List.of("a", "b", "timer", "after"), loop.call(() -> List.copyOf(seen)));
            assertEquals(0, loop.failures(), "what the abandoned thread threw is not the loop's failure");
            assertEquals(1, loop.abandonedThreads());
        }
    }
}
