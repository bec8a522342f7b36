package wpa4j.linux.custody.internal;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Custody's threads. A thread keeps what its creator hands down: the inheritable thread locals and the
 * access control context, whose protection domains hold their class loaders. Readers outlive the lessee
 * that opened their channel, so every thread is made on custody's own scheduler thread, itself started
 * when custody was created, with custody's class loader as context loader.
 */
final class Spawner implements AutoCloseable {
    private final ScheduledThreadPoolExecutor scheduler;
    private volatile Thread schedulerThread;

    Spawner() {
        scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = unstarted("wpa4j-custody", r);
            schedulerThread = t;
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.prestartCoreThread();
    }

    /** Starts a daemon thread running {@code body}. */
    Thread start(String name, Runnable body) throws InterruptedIOException {
        if (Thread.currentThread() == schedulerThread) {
            return started(unstarted(name, body));
        }
        try {
            return scheduler.submit(() -> started(unstarted(name, body))).get();
        } catch (RejectedExecutionException e) {
            return started(unstarted(name, body)); // custody is closing: nothing outlives it anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while starting " + name);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot start " + name, e.getCause());
        }
    }

    /** Runs {@code task} on the scheduler thread after {@code delay}; it must not block. */
    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private static Thread unstarted(String name, Runnable body) {
        Thread t = new Thread(null, body, name, 0, false);
        t.setDaemon(true);
        t.setContextClassLoader(Spawner.class.getClassLoader());
        return t;
    }

    private static Thread started(Thread t) {
        t.start();
        return t;
    }
}
