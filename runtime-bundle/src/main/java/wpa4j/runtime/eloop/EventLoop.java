package wpa4j.runtime.eloop;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A single-threaded event loop. Tasks and timers run one at a time on the loop's own thread, in order of
 * submission (timers when due). A task that throws is logged and counted; the loop goes on.
 */
public final class EventLoop implements Executor, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());

    private final ScheduledThreadPoolExecutor executor;
    private final AtomicLong failures = new AtomicLong();
    private final int maxQueuedEvents;
    private final AtomicInteger queuedEvents = new AtomicInteger();
    private final AtomicLong droppedEvents = new AtomicLong();
    private volatile Thread thread;

    /** A pending timer; cancelling a timer that already ran does nothing. */
    @FunctionalInterface
    public interface Timer {
        void cancel();
    }

    /** Events from outside that may wait at once by default: a flood beyond it is dropped and counted. */
    public static final int DEFAULT_MAX_QUEUED_EVENTS = 4096;

    public EventLoop(String name) {
        this(name, DEFAULT_MAX_QUEUED_EVENTS);
    }

    /** A loop where at most {@code maxQueuedEvents} events {@linkplain #offer offered} from outside wait at once. */
    public EventLoop(String name, int maxQueuedEvents) {
        if (maxQueuedEvents < 1) {
            throw new IllegalArgumentException("maxQueuedEvents: " + maxQueuedEvents + ", expected at least 1");
        }
        this.maxQueuedEvents = maxQueuedEvents;
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            thread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(guard(task));
        } catch (RejectedExecutionException closed) {
            LOG.log(System.Logger.Level.DEBUG, "event loop closed, task dropped");
        }
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
                LOG.log(System.Logger.Level.WARNING, () -> "event loop " + thread.getName() + ": " + maxQueuedEvents + " events waiting, "
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

    /** Events {@link #offer} dropped because the loop's bound was reached. */
    public long droppedEvents() {
        return droppedEvents.get();
    }

    /** Runs {@code task} after {@code delayMs} on the loop. */
    public Timer schedule(long delayMs, Runnable task) {
        try {
            ScheduledFuture<?> f = executor.schedule(guard(task), Math.max(0, delayMs), TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException closed) {
            return () -> { };
        }
    }

    /** Runs {@code task} on the loop and waits for its result (for callers outside the loop: commands, tests). */
    public <T> T call(Callable<T> task) throws Exception {
        if (inLoop()) {
            return task.call();
        }
        Future<T> f = executor.submit(task);
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new IllegalStateException("event loop " + thread.getName() + " did not answer in 30 s");
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
        return Thread.currentThread() == thread;
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
                failures.incrementAndGet();
                LOG.log(System.Logger.Level.ERROR, "event loop task failed; the loop goes on", e);
            }
        };
    }

    @Override
    public void close() {
        // tasks still queued never run: cancel them, so a caller waiting in call() is released now, not after 30 s
        for (Runnable queued : executor.shutdownNow()) {
            if (queued instanceof Future<?> f) {
                f.cancel(false);
            }
        }
    }
}
