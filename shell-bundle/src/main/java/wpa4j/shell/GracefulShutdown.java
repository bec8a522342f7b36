package wpa4j.shell;

import java.util.Hashtable;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import wpa4j.runtime.console.Console;

/**
 * Makes every orderly stop of the gateway end the process with status 0, and a stop that hangs end it with 1.
 * <ul>
 * <li>SIGTERM: a JVM shutdown hook stops the OSGi framework (so every bundle deactivates and backends release
 * the interfaces) and then ends the process with status 0, where the JVM's default for SIGTERM is 143.</li>
 * <li>{@code stop 0} in the console (or any other framework stop from inside): the bnd launcher of the gateway
 * jar ends the JVM with 117 ({@code LauncherConstants.STOPPED}) when the framework has stopped, unless a
 * {@code Callable<Integer>} service with {@code main.thread=true} runs on its main thread: then it stops the
 * framework itself and exits with what {@code call()} returns. This component registers one that returns 0
 * once the framework is stopping. Should the stop hang, a watchdog prints every thread's stack and exits 1.</li>
 * </ul>
 * Service managers treat 0 as an orderly stop.
 */
@Component(immediate = true)
public class GracefulShutdown {
    private static final long STOP_TIMEOUT_MS = 10_000;
    /** The launcher's code for "wait for the next main-thread service" ({@code LauncherConstants.RELISTEN_FOR_MAIN_CALLABLE}). */
    static final int RELISTEN = 198;

    private Thread hook;
    private volatile boolean hookRunning;
    private Bundle framework;
    private final ExitStatus exitStatus = new ExitStatus();
    private ServiceRegistration<?> mainThread;

    @Activate
    void activate(BundleContext context) {
        framework = context.getBundle(org.osgi.framework.Constants.SYSTEM_BUNDLE_ID);
        Bundle fw = framework;
        hook = new Thread(() -> {
            hookRunning = true;
            stopAndHalt(fw);
        }, "wpa4j-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("main.thread", "true");
        mainThread = context.registerService(Callable.class.getName(), exitStatus, props);
    }

    @Deactivate
    void deactivate() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // deactivated by the hook itself: nothing to remove
        }
        try {
            mainThread.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping: the framework unregistered it
        }
        if (framework.getState() == Bundle.STOPPING) {
            if (!hookRunning && exitStatus.calledByLauncher()) {
                Console.line("stopping the gateway");
                watch(framework);
            }
            exitStatus.release(0);
        } else {
            // only this bundle stops (stopped or updated): the launcher waits for our next registration
            exitStatus.release(RELISTEN);
        }
        exitStatus.awaitReturned(1000);
    }

    /** If the framework has not stopped within the timeout, prints where it hangs and ends the process with 1. */
    private static void watch(Bundle framework) {
        Thread watchdog = new Thread(() -> {
            if (awaitStopped(framework)) {
                System.out.println("wpa4j: stopped");
                System.out.flush();
            } else {
                System.out.println("wpa4j: framework did not stop in time");
                dumpThreads();
                System.out.flush();
                Runtime.getRuntime().halt(1);
            }
        }, "wpa4j-stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void stopAndHalt(Bundle framework) {
        Console.line("SIGTERM: stopping the gateway");
        try {
            framework.stop();
        } catch (Exception e) {
            System.err.println("wpa4j: framework stop failed: " + e);
            Runtime.getRuntime().halt(1);
        }
        boolean stopped = awaitStopped(framework);
        System.out.println("wpa4j: " + (stopped ? "stopped" : "framework did not stop in time"));
        if (!stopped) {
            dumpThreads();
        }
        System.out.flush();
        Runtime.getRuntime().halt(stopped ? 0 : 1);
    }

    private static boolean awaitStopped(Bundle framework) {
        long deadline = System.currentTimeMillis() + STOP_TIMEOUT_MS;
        try {
            while ((framework.getState() & (Bundle.ACTIVE | Bundle.STOPPING)) != 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return (framework.getState() & (Bundle.ACTIVE | Bundle.STOPPING)) == 0;
    }

    /** An operator (and a test log) needs to see where a stop hung. */
    private static void dumpThreads() {
        Thread.getAllStackTraces().forEach((t, stack) -> {
            System.out.println("\"" + t.getName() + "\" " + t.getState());
            for (StackTraceElement e : stack) {
                System.out.println("    at " + e);
            }
        });
    }

    /**
     * The launcher's main thread waits in {@link #call()} until the framework stops (0) or this bundle goes
     * ({@link #RELISTEN}). The launcher stops the framework itself after {@code call()} returns and marks it as
     * no longer active first, so that its framework-stop handler does not exit with 117 meanwhile.
     */
    static final class ExitStatus implements Callable<Integer> {
        private final CompletableFuture<Integer> status = new CompletableFuture<>();
        private volatile Thread caller;
        private volatile boolean returned;

        @Override
        public Integer call() throws Exception {
            caller = Thread.currentThread();
            try {
                return status.get();
            } finally {
                returned = true;
            }
        }

        boolean calledByLauncher() {
            return caller != null;
        }

        void release(int code) {
            status.complete(code);
        }

        /**
         * Waits (bounded) until the launcher's thread has left {@link #call()} and blocks again (in its own
         * framework stop): from then on the launcher knows the stop is orderly, whatever the framework does next.
         */
        void awaitReturned(long timeoutMs) {
            Thread t = caller;
            if (t == null) {
                return;
            }
            long deadline = System.currentTimeMillis() + timeoutMs;
            try {
                while ((!returned || t.getState() == Thread.State.RUNNABLE) && t.isAlive() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
