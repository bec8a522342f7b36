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
            hold(loop, release);
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

    /** 500 loops on two threads: each loop's tasks and timers in order, never two of one loop at once, no more threads. */
    @Test
    void manyLoopsShareAFewThreadsAndEachStaysSerial() throws Exception {
        LoopThreads two = LoopThreads.create("test-group", 2);
        int loops = 500;
        List<EventLoop> all = new ArrayList<>();
        java.util.Set<String> threadNames = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger overlaps = new java.util.concurrent.atomic.AtomicInteger();
        CountDownLatch done = new CountDownLatch(loops);
        for (int i = 0; i < loops; i++) {
            EventLoop loop = new EventLoop("shared-" + i, 100, two);
            all.add(loop);
            List<Integer> seen = new ArrayList<>();
            java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();
            for (int k = 0; k < 100; k++) {
                int n = k;
                Runnable task = () -> {
                    if (!busy.compareAndSet(false, true)) {
                        overlaps.incrementAndGet();
                    }
                    threadNames.add(Thread.currentThread().getName());
                    assertTrue(loop.inLoop());
                    seen.add(n);
                    busy.set(false);
                    if (seen.size() == 100) {
                        done.countDown();
                    }
                };
                if (k % 10 == 9) {
                    loop.schedule(k / 10, task); // timers: due after the tasks queued before them
                } else {
                    loop.execute(task);
                }
            }
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(0, overlaps.get());
        assertTrue(threadNames.size() <= 2, "threads: " + threadNames);
        assertTrue(threadNames.stream().allMatch(n -> n.startsWith("test-group-")), "threads: " + threadNames);
        assertFalse(all.get(0).inLoop());
        all.forEach(EventLoop::close);
    }

    /** A stuck task in a shared group holds one thread: abandoning it lets its loop and the others go on. */
    @Test
    void aStuckLoopOnASharedGroupIsAbandonedAndTheOthersGoOn() throws Exception {
        LoopThreads one = LoopThreads.create("test-single", 1);
        EventLoop stuckLoop = new EventLoop("stuck", 100, one);
        EventLoop other = new EventLoop("other", 100, one);
        CountDownLatch release = new CountDownLatch(1);
        Thread held = hold(stuckLoop, release);
        CountDownLatch otherRan = new CountDownLatch(1);
        other.execute(otherRan::countDown);
        assertFalse(otherRan.await(200, TimeUnit.MILLISECONDS), "the group's only thread is held");
        assertTrue(stuckLoop.abandon(held));
        assertTrue(otherRan.await(5, TimeUnit.SECONDS), "a new thread took the stuck one's place");
        assertEquals("after", stuckLoop.call(() -> "after"));
        release.countDown();
        held.join(5_000);
        assertFalse(held.isAlive(), "the retired thread ends when its call returns");
        assertEquals("still", other.call(() -> "still"));
        stuckLoop.close();
        other.close();
    }

    /** A call into an idle loop runs on the caller's thread, holding the loop: tasks queued meanwhile wait for it. */
    @Test
    void aCallIntoAnIdleLoopRunsOnTheCallersThreadAndKeepsTheLoopSerial() throws Exception {
        try (EventLoop loop = new EventLoop("inline-loop")) {
            Thread caller = Thread.currentThread();
            List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            String ran = loop.callInline(() -> {
                assertTrue(loop.inLoop());
                loop.execute(() -> seen.add("queued during the call"));
                Thread.sleep(50);
                seen.add("call");
                return Thread.currentThread() == caller ? "inline" : "on the loop's thread";
            });
            assertEquals("inline", ran);
            assertFalse(loop.inLoop());
            assertEquals(List.of("call", "queued during the call"), loop.call(() -> List.copyOf(seen)));
        }
    }

    /** A caller stuck in a task it ran inline can be abandoned too; the loop goes on on its own thread. */
    @Test
    void aCallerStuckInAnInlineTaskIsAbandonedWithoutTouchingTheGroup() throws Exception {
        LoopThreads one = LoopThreads.create("inline-group", 1);
        EventLoop loop = new EventLoop("inline-stuck", 100, one);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            try {
                loop.callInline(() -> {
                    inside.countDown();
                    release.await();
                    return null;
                });
            } catch (Exception e) {
                // the abandoned call's end is of no interest
            }
        });
        caller.start();
        assertTrue(inside.await(5, TimeUnit.SECONDS));
        assertTrue(loop.abandon(caller));
        assertEquals("goes on", loop.call(() -> "goes on"));
        release.countDown();
        caller.join(5_000);
        assertEquals("still", loop.call(() -> "still"));
        loop.close();
    }

    /** A due timer waiting for a thread of its group comes before a call that arrives after it, inline or not. */
    @Test
    void anInlineCallDoesNotOvertakeADueTimer() throws Exception {
        LoopThreads one = LoopThreads.create("due-group", 1);
        EventLoop busy = new EventLoop("busy", 100, one);
        EventLoop loop = new EventLoop("due", 100, one);
        CountDownLatch release = new CountDownLatch(1);
        hold(busy, release);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        loop.schedule(1, () -> seen.add("timer"));
        Thread.sleep(50); // the timer is due; the group's only thread is held
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
        releaser.start();
        loop.callInline(() -> seen.add("call"));
        assertEquals(List.of("timer", "call"), seen);
        busy.close();
        loop.close();
    }

    /** Makes {@code loop} run a task that waits for {@code release}; returns the thread it holds once it does. */
    private static Thread hold(EventLoop loop, CountDownLatch release) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        Thread[] held = new Thread[1];
        loop.execute(() -> {
            held[0] = Thread.currentThread();
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(holding.await(5, TimeUnit.SECONDS), "the loop took the holding task");
        return held[0];
    }
}
