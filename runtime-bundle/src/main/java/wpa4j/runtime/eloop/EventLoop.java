package wpa4j.runtime.eloop;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A single-threaded event loop. Tasks and timers run one at a time, in order of submission (timers when due), on one
 * thread at a time of its {@link LoopThreads} (its own thread by default; loops on a shared group take turns on a few
 * threads). A task that throws is logged and counted; the loop goes on. A task stuck in a call that never returns (a
 * hung driver) can be {@linkplain #abandon abandoned}: the loop goes on on another thread.
 */
public final class EventLoop implements Executor, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());
    /** Tasks a loop runs in a row before it lets the other loops of a shared group have the thread. */
    private static final int BATCH = 64;

    private final String name;
    private final LoopThreads threads;
    private final Object lock = new Object();
    private final TaskQueue queue = new TaskQueue();
    private long submitted;
    private boolean closed;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final int maxQueuedEvents;
    private final AtomicInteger queuedEvents = new AtomicInteger();
    private final AtomicLong droppedEvents = new AtomicLong();
    /** Time spent running the loop's tasks (whole turns on a thread, timed at their start and end). */
    private final AtomicLong busyNanos = new AtomicLong();
    /** Waiting for or holding a thread of the group (guarded by lock): at most one drain at a time. */
    private boolean scheduled;
    /** The thread running the loop's tasks now, null between turns. */
    private volatile Thread runner;
    /** Whether that thread is a caller running one task inline ({@link #call}), not one of the group's (guarded by lock). */
    private boolean runnerIsCaller;
    /** The task the loop's thread runs now (a {@link #call} abandoned with its thread is released). */
    private volatile Runnable running;
    /** Runs before anything that waits, on the thread that replaces an abandoned one (guarded by lock). */
    private Runnable first;
    /** The group's wake-up for the earliest timer while the loop holds no thread (guarded by lock). */
    private TaskQueue.Entry wakeup;
    private final Runnable drain = this::drain;

    /** A pending timer; cancelling a timer that already ran does nothing. */
    @FunctionalInterface
    public interface Timer {
        void cancel();
    }

    /** Events from outside that may wait at once by default: a flood beyond it is dropped and counted. */
    public static final int DEFAULT_MAX_QUEUED_EVENTS = 4096;

    /** A loop with a thread of its own, named {@code name}. */
    public EventLoop(String name) {
        this(name, DEFAULT_MAX_QUEUED_EVENTS);
    }

    /** A loop with a thread of its own where at most {@code maxQueuedEvents} events {@linkplain #offer offered} from outside wait at once. */
    public EventLoop(String name, int maxQueuedEvents) {
        this(name, maxQueuedEvents, LoopThreads.dedicated(name));
    }

    /**
     * A loop that runs on {@code threads}, shared with other loops. Its tasks must not wait for another loop of the
     * same group ({@link #call} on it): with every thread of the group waiting so, none would be left to answer.
     */
    public EventLoop(String name, int maxQueuedEvents, LoopThreads threads) {
        if (maxQueuedEvents < 1) {
            throw new IllegalArgumentException("maxQueuedEvents: " + maxQueuedEvents + ", expected at least 1");
        }
        this.maxQueuedEvents = maxQueuedEvents;
        this.name = name;
        this.threads = threads;
    }

    public String name() {
        return name;
    }

    /** Runs the loop's due tasks on the calling thread of its group, BATCH at most, then gives the thread back. */
    private void drain() {
        Thread me = Thread.currentThread();
        long start = System.nanoTime();
        Runnable pre;
        synchronized (lock) {
            if (closed) {
                scheduled = false;
                return;
            }
            runner = me;
            pre = first;
            first = null;
        }
        if (pre != null) {
            running = pre;
            pre.run();
        }
        for (int n = 0; ; n++) {
            Runnable next;
            synchronized (lock) {
                if (runner != me) {
                    return; // abandoned while in the task: the loop is another thread's now
                }
                next = n == BATCH ? null : takeDue(me);
                if (next == null) {
                    release(me, start);
                    return;
                }
            }
            Thread.interrupted(); // an interrupt meant for the previous task must not hit the next
            running = next;
            next.run();
        }
    }

    /** The queue's head taken off it if it is due and the loop is still {@code me}'s, else null (caller holds lock). */
    private Runnable takeDue(Thread me) {
        TaskQueue.Entry head = queue.peek();
        if (runner != me || closed || head == null || head.due - System.nanoTime() > 0) {
            return null;
        }
        queue.poll();
        return head.task;
    }

    /** Ends {@code me}'s turn, its time counted as busy: the loop is free for the next one (caller holds lock). */
    private void release(Thread me, long start) {
        busyNanos.addAndGet(System.nanoTime() - start);
        if (runner == me) {
            runner = null;
            running = null;
            runnerIsCaller = false;
            scheduled = false;
            arm();
        }
    }

    /** Between turns: a thread now if a task is due, else a wake-up for the earliest timer (caller holds lock). */
    private void arm() {
        if (closed || scheduled) {
            return;
        }
        TaskQueue.Entry head = queue.peek();
        if (head == null) {
            return;
        }
        if (head.due - System.nanoTime() <= 0) {
            if (wakeup != null) {
                threads.cancel(wakeup);
                wakeup = null;
            }
            scheduled = true;
            threads.ready(drain);
        } else if (wakeup == null || head.due - wakeup.due < 0) {
            if (wakeup != null) {
                threads.cancel(wakeup);
            }
            wakeup = threads.wakeAt(head.due, this::wake);
        }
    }

    private void wake() {
        synchronized (lock) {
            wakeup = null;
            if (closed || scheduled) {
                return;
            }
            scheduled = true;
        }
        drain();
    }

    /** Queues {@code task} to run {@code delayNanos} from now; null when the loop is closed. */
    private TaskQueue.Entry enqueue(Runnable task, long delayNanos) {
        synchronized (lock) {
            if (closed) {
                LOG.log(System.Logger.Level.DEBUG, "event loop closed, task dropped");
                return null;
            }
            // a delay of centuries (Long.MAX_VALUE ms from a configuration) must not wrap around and fire at once
            long delay = Math.min(Math.max(0, delayNanos), Long.MAX_VALUE >> 2);
            TaskQueue.Entry e = new TaskQueue.Entry(task, System.nanoTime() + delay, submitted++);
            if (delay == 0) {
                queue.addNow(e);
            } else {
                queue.add(e);
            }
            if (queue.peek() == e) {
                arm();
            }
            return e;
        }
    }

    @Override
    public void execute(Runnable task) {
        enqueue(guard(task), 0);
    }

    /**
     * Queues an event from outside the loop (a driver's, the air's) unless the loop's bound of waiting events is
     * reached: then it is dropped and counted, as the kernel drops what overflows a socket's buffer, so a flood of
     * frames costs bounded memory. Commands and timers ({@link #execute}, {@link #schedule}) are not bounded here.
     *
     * @return false when the event was dropped
     */
    public boolean offer(Runnable event) {
        if (queuedEvents.incrementAndGet() > maxQueuedEvents) {
            queuedEvents.decrementAndGet();
            long n = droppedEvents.incrementAndGet();
            if (n == 1 || n % 10_000 == 0) {
                LOG.log(System.Logger.Level.WARNING, () -> "event loop " + name + ": " + maxQueuedEvents + " events waiting, "
                        + n + " dropped so far (a flood, or a loop that cannot keep up)");
            }
            return false;
        }
        execute(() -> {
            queuedEvents.decrementAndGet();
            event.run();
        });
        return true;
    }

    /** Nanoseconds the loop has spent running its tasks: how busy an interface keeps its thread. */
    public long busyNanos() {
        return busyNanos.get();
    }

    /** Events {@link #offer} dropped because the loop's bound was reached. */
    public long droppedEvents() {
        return droppedEvents.get();
    }

    /** Runs {@code task} after {@code delayMs} on the loop. */
    public Timer schedule(long delayMs, Runnable task) {
        TaskQueue.Entry e = enqueue(guard(task), TimeUnit.MILLISECONDS.toNanos(Math.max(0, delayMs)));
        if (e == null) {
            return () -> { };
        }
        return () -> {
            synchronized (lock) {
                queue.remove(e);
            }
        };
    }

    /**
     * As {@link #call}, but a loop that no thread runs now runs {@code task} on the caller's thread, after the timers
     * already due, the caller holding the loop meanwhile as its own thread would: no hand-over between two threads for
     * a call that finds nothing to wait for (the sim medium's driver ops). Only for tasks that cannot hang: the caller gets no
     * 30 s limit and cannot be answered early by {@link #abandon}.
     */
    public <T> T callInline(Callable<T> task) throws Exception {
        if (inLoop()) {
            return task.call();
        }
        Thread me = Thread.currentThread();
        boolean inline;
        synchronized (lock) {
            inline = !closed && !scheduled;
            if (inline) {
                scheduled = true;
                runner = me;
                runnerIsCaller = true;
            }
        }
        if (inline) {
            long start = System.nanoTime();
            try {
                // timers already due come first, as on the loop's own thread (one whose wake-up has not run yet)
                while (true) {
                    Runnable due;
                    synchronized (lock) {
                        due = takeDue(me);
                    }
                    if (due == null) {
                        break;
                    }
                    due.run();
                }
                return task.call();
            } finally {
                synchronized (lock) {
                    release(me, start);
                }
            }
        }
        return call(task);
    }

    /** Runs {@code task} on the loop and waits for its result, 30 s at most (for callers outside the loop: commands, tests). */
    public <T> T call(Callable<T> task) throws Exception {
        if (inLoop()) {
            return task.call();
        }
        FutureTask<T> f = new FutureTask<>(task);
        if (enqueue(f, 0) == null) {
            throw new IllegalStateException("event loop " + name + " is closed");
        }
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.CancellationException e) {
            throw new IllegalStateException("event loop " + name + " closed, or gave up the task stuck in a call, before it answered");
        } catch (TimeoutException e) {
            // not interrupted: the task may be in a call on sockets a successor needs
            f.cancel(false);
            throw new IllegalStateException("event loop " + name + " did not answer in 30 s");
        }
    }

    /** {@link #call} for callers that cannot handle checked exceptions (service methods): failures become IllegalStateException. */
    public <T> T query(Callable<T> task) {
        try {
            return call(task);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public boolean inLoop() {
        return Thread.currentThread() == runner;
    }

    /**
     * Gives up the loop's thread if it is {@code stuck} in a task (blocked in a call that never returns, a hung
     * driver): what waits, and everything after, runs on another thread (the group starts one in the stuck one's
     * place). The stuck thread is not interrupted (the call
     * may hold sockets a successor needs). When its call returns at last, it must not touch the loop's state (the
     * caller sees to that, e.g. by throwing out of the call); it then ends without taking another task.
     *
     * @return false if {@code stuck} is not the loop's thread (its task ended meanwhile) or the loop is closed
     */
    public boolean abandon(Thread stuck) {
        return abandon(stuck, null);
    }

    /**
     * As {@link #abandon(Thread)}, the new thread running {@code first} before anything that waits: the repair of what
     * the stuck task left half done comes before the tasks that would meet it.
     */
    public boolean abandon(Thread stuck, Runnable first) {
        synchronized (lock) {
            if (closed || runner != stuck) {
                return false;
            }
            abandoned.incrementAndGet();
            if (running instanceof Future<?> waitedFor) {
                // a caller waiting in call() for the stuck task is answered now, not after 30 s
                waitedFor.cancel(false);
            }
            runner = null;
            this.first = first == null ? null : guard(first);
            if (!runnerIsCaller) {
                // a caller's thread stuck in a task it ran inline is not the group's: the group keeps its own
                threads.retire(stuck);
            }
            runnerIsCaller = false;
            if (wakeup != null) {
                threads.cancel(wakeup);
                wakeup = null;
            }
            scheduled = true;
            threads.ready(drain);
            LOG.log(System.Logger.Level.WARNING, () -> "event loop " + name + ": thread " + stuck.getId() + " abandoned in a call that did not return; "
                    + queue.size() + " waiting tasks go on on a new thread");
            return true;
        }
    }

    /** Threads given up by {@link #abandon}. */
    public long abandonedThreads() {
        return abandoned.get();
    }

    /** Tasks that threw. */
    public long failures() {
        return failures.get();
    }

    private Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                if (runner != Thread.currentThread()) {
                    // an abandoned thread whose call came back at last: what it was doing was given up
                    LOG.log(System.Logger.Level.DEBUG, () -> "event loop " + name + ": abandoned task ended: " + e);
                    return;
                }
                failures.incrementAndGet();
                LOG.log(System.Logger.Level.ERROR, "event loop task failed; the loop goes on", e);
            }
        };
    }

    @Override
    public void close() {
        Thread busy;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            // tasks still queued never run: cancel them, so a caller waiting in call() is released now, not after 30 s
            for (TaskQueue.Entry e : queue.clear()) {
                if (e.task instanceof Future<?> f) {
                    f.cancel(false);
                }
            }
            if (wakeup != null) {
                threads.cancel(wakeup);
                wakeup = null;
            }
            busy = runner;
            // under the lock: the worker cannot have left this loop's turn for another loop's task meanwhile
            if (busy != null && busy != Thread.currentThread() && !runnerIsCaller) {
                busy.interrupt();
            }
        }
        if (threads.dedicated()) {
            threads.close();
        }
    }
}
