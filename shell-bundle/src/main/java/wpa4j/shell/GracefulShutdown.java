package wpa4j.shell;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import wpa4j.common.console.Console;

/**
 * Makes SIGTERM a clean, successful stop of the gateway: a JVM shutdown hook stops the OSGi framework (so
 * every bundle deactivates and backends release the interfaces) and then ends the process with status 0,
 * where the JVM's default for SIGTERM is 143. Service managers treat 0 as an orderly stop.
 */
@Component(immediate = true)
public class GracefulShutdown {
    private static final long STOP_TIMEOUT_MS = 10_000;

    private Thread hook;

    @Activate
    void activate(BundleContext context) {
        Bundle framework = context.getBundle(org.osgi.framework.Constants.SYSTEM_BUNDLE_ID);
        hook = new Thread(() -> stopAndHalt(framework), "wpa4j-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Deactivate
    void deactivate() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // deactivated by the hook itself: nothing to remove
        }
    }

    private static void stopAndHalt(Bundle framework) {
        Console.line("SIGTERM: stopping the gateway");
        try {
            framework.stop();
            long deadline = System.currentTimeMillis() + STOP_TIMEOUT_MS;
            while ((framework.getState() & (Bundle.ACTIVE | Bundle.STOPPING)) != 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
        } catch (Exception e) {
            System.err.println("wpa4j: framework stop failed: " + e);
            Runtime.getRuntime().halt(1);
        }
        boolean stopped = (framework.getState() & (Bundle.ACTIVE | Bundle.STOPPING)) == 0;
        System.out.println("wpa4j: " + (stopped ? "stopped" : "framework did not stop in time"));
        if (!stopped) {
            // an operator (and a test log) needs to see where the stop hung
            Thread.getAllStackTraces().forEach((t, stack) -> {
                System.out.println("\"" + t.getName() + "\" " + t.getState());
                for (StackTraceElement e : stack) {
                    System.out.println("    at " + e);
                }
            });
        }
        System.out.flush();
        Runtime.getRuntime().halt(stopped ? 0 : 1);
    }

}
