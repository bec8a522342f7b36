package wpa4j.runtime.eloop;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The threads event loops run on. A loop runs on one of them at a time (its tasks stay serial, no locks needed in
 * what they touch); many loops share a few threads, so 2007 simulated stations need not be 2007 threads. A loop that
 * is idle holds no thread; a loop with timers only is woken by the group when the first is due.
 * {@link #shared()} is the process's group (two threads per core, at least four, so that one interface blocked in a
 * slow driver call, up to nl80211's 5 s, rarely holds up the others; idle threads end after a minute);
 * a loop made without a group has {@linkplain #dedicated one thread of its own}, named after it.
 * A task stuck in a call that never returns holds its thread: {@link EventLoop#abandon} retires that thread and the
 * group starts another in its place.
 */
public final class LoopThreads {
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final String name;
    private final int size;
    private final boolean dedicated;
    private final Object lock = new Object();
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    private final TaskQueue wakeups = new TaskQueue();
    private final Set<Thread> retired = new HashSet<>();
    private long wakeupSeq;
    private int live;
    private int idle;
    private int started;
    private boolean closed;

    private LoopThreads(String name, int size, boolean dedicated) {
        if (size < 1) {
            throw new IllegalArgumentException("size: " + size + ", expected at least 1");
        }
        this.name = name;
        this.size = size;
        this.dedicated = dedicated;
    }

    private static final class Shared {
        static final LoopThreads GROUP = new LoopThreads("wpa4j-loop", Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), false);
    }

    /** The process's group: two threads per core (at least four), started when needed, ended after a minute idle. */
    public static LoopThreads shared() {
        return Shared.GROUP;
    }

    /** A group of {@code size} threads named {@code name-N} (tests, harnesses). */
    public static LoopThreads create(String name, int size) {
        return new LoopThreads(name, size, false);
    }

    /** One thread, named {@code loopName}, for one loop; it ends when the loop is closed. */
    static LoopThreads dedicated(String loopName) {
        return new LoopThreads(loopName, 1, true);
    }

    public int size() {
        return size;
    }

    /** {@code drain} wants a thread now. */
    void ready(Runnable drain) {
        synchronized (lock) {
            ready.add(drain);
            wakeWorker();
        }
    }

    /** {@code wake} wants a thread at {@code due} ({@link System#nanoTime}); the entry can be {@linkplain #cancel cancelled}. */
    TaskQueue.Entry wakeAt(long due, Runnable wake) {
        synchronized (lock) {
            TaskQueue.Entry e = new TaskQueue.Entry(wake, due, wakeupSeq++);
            wakeups.add(e);
            if (wakeups.peek() == e) {
                // a worker waiting for a later time must wait less now; with none waiting, one more thread will
                lock.notifyAll();
                if (idle == 0 && live < size) {
                    startWorker();
                }
            }
            return e;
        }
    }

    void cancel(TaskQueue.Entry wakeup) {
        synchronized (lock) {
            wakeups.remove(wakeup);
        }
    }

    /** {@code stuck} will not come back in time: it leaves the group when its call returns, another thread takes its place. */
    void retire(Thread stuck) {
        synchronized (lock) {
            if (retired.add(stuck)) {
                live--;
                startWorker();
            }
        }
    }

    /** Ends the group's threads once they finish what they run (a dedicated group, with its loop). */
    void close() {
        synchronized (lock) {
            closed = true;
            ready.clear();
            wakeups.clear();
            lock.notifyAll();
        }
    }

    boolean dedicated() {
        return dedicated;
    }

    private void wakeWorker() {
        if (idle > 0) {
            lock.notify();
        }
        // a notified thread counts as idle until it takes the lock again: more waiting turns than idle threads need another
        if (ready.size() > idle && live < size) {
            startWorker();
        }
    }

    private void startWorker() {
        if (closed) {
            return;
        }
        live++;
        String threadName = dedicated ? name : name + "-" + ++started;
        Thread t = new Thread(this::work, threadName);
        t.setDaemon(true);
        t.start();
    }

    private void work() {
        Thread me = Thread.currentThread();
        while (true) {
            Runnable job;
            synchronized (lock) {
                long idleSince = System.nanoTime();
                while (true) {
                    if (closed) {
                        live--;
                        return;
                    }
                    long now = System.nanoTime();
                    // due wake-ups queue up behind the loops already waiting, so a busy group cannot starve timers
                    for (TaskQueue.Entry due = wakeups.peek(); due != null && due.due - now <= 0; due = wakeups.peek()) {
                        wakeups.poll();
                        ready.add(due.task);
                    }
                    job = ready.poll();
                    if (job != null) {
                        break;
                    }
                    TaskQueue.Entry head = wakeups.peek();
                    long wait = head == null ? IDLE_NANOS : Math.min(head.due - now, IDLE_NANOS);
                    // an idle thread ends after a minute; the last one stays while timers wait
                    if (!dedicated && now - idleSince >= IDLE_NANOS && (head == null || live > 1)) {
                        live--;
                        return;
                    }
                    idle++;
                    try {
                        TimeUnit.NANOSECONDS.timedWait(lock, wait);
                    } catch (InterruptedException e) {
                        // only close() matters, and it is checked above
                    } finally {
                        idle--;
                    }
                }
            }
            Thread.interrupted(); // an interrupt meant for the last task must not hit the next
            job.run();
            synchronized (lock) {
                if (retired.remove(me)) {
                    return;
                }
            }
        }
    }
}
