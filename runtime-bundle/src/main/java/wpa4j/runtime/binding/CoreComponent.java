package wpa4j.runtime.binding;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import wpa4j.runtime.console.Console;
import wpa4j.runtime.console.EventLog;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.driver.WifiDriver;

/**
 * The DS edge both cores share: every WifiDriver service (dynamic, greedy) fed to a {@link DriverBinder}
 * that keeps the best one for the core's interface bound, the core's event loop, and its recent lines.
 * Subclasses are the DS components; their bnd.bnd sets {@code -dsannotations-options: inherit} so the
 * reference below becomes part of their component description.
 */
public abstract class CoreComponent {
    protected final DriverBinder binder = new DriverBinder();
    private final EventLog events = new EventLog(200);
    protected String ifname;
    protected EventLoop loop;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    protected void addDriver(WifiDriver driver, Map<String, Object> props) {
        binder.add(driver, props);
    }

    protected void removeDriver(WifiDriver driver, Map<String, Object> props) {
        binder.remove(props);
    }

    protected void updatedDriver(WifiDriver driver, Map<String, Object> props) {
        binder.remove(props);
        binder.add(driver, props);
    }

    /** A line of the core's: kept for control clients ({@link #recentEvents()}) and printed on the console. */
    protected void line(String line) {
        events.add(line);
        Console.line(ifname + ": " + line);
    }

    /** Binds the best driver meeting {@code requirement} through {@code slot}, from now on, on the core's loop. */
    protected void bindBest(DriverRequirement requirement, CoreDriverSlot slot) {
        binder.start(requirement, loop, slot);
    }

    /** Runs the core's last words on its loop, then unbinds the driver and ends the loop. */
    protected void stopCore(Runnable lastWords) throws Exception {
        stopCore(loop, binder, lastWords);
    }

    /**
     * Runs a core's last words on its loop, unbinds its driver and ends the loop; whatever the last words do (a driver
     * that hangs past the loop's 30 s), the driver is unbound and the loop ends.
     */
    public static void stopCore(EventLoop loop, DriverBinder binder, Runnable lastWords) throws Exception {
        try {
            loop.call(() -> {
                lastWords.run();
                return null;
            });
        } finally {
            try {
                binder.stop();
            } finally {
                loop.close();
            }
        }
    }

    public String ifname() {
        return ifname;
    }

    public List<String> recentEvents() {
        return events.lines();
    }

    public List<String> driverCandidates() {
        return binder.explain();
    }
}
