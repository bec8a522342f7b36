package wpa4j.runtime.registry;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

import wpa4j.driver.BackendStatus;
import wpa4j.driver.WifiDriver;

/**
 * A backend's {@link WifiDriver} services by interface name, each with {@code wifi.ifname},
 * {@code wifi.driver}, {@code wifi.driver.version} (the backend bundle's version), {@code wifi.capabilities}
 * and {@code service.ranking} = the backend's probe score for that interface.
 */
public final class DriverRegistry {
    private final BundleContext context;
    private final String version;
    private final Map<String, ServiceRegistration<WifiDriver>> registrations = new ConcurrentHashMap<>();

    public DriverRegistry(BundleContext context) {
        this.context = context;
        this.version = context.getBundle().getVersion().toString();
    }

    /**
     * Whether the whole framework is stopping (the gateway shuts down), as opposed to only the backend's bundle
     * (stopped or updated): links are ended in the first case and left for the next driver in the second.
     */
    public boolean frameworkStopping() {
        return context.getBundle(0).getState() == org.osgi.framework.Bundle.STOPPING;
    }

    /** The backend bundle's version, as {@code wifi.driver.version} carries it. */
    public String version() {
        return version;
    }

    /** Registers {@code driver} for its interface unless one is registered already. */
    public synchronized void register(WifiDriver driver, int ranking) {
        if (registrations.containsKey(driver.ifname())) {
            return;
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(WifiDriver.PROP_IFNAME, driver.ifname());
        props.put(WifiDriver.PROP_DRIVER, driver.name());
        props.put(WifiDriver.PROP_DRIVER_VERSION, version);
        props.put(WifiDriver.PROP_CAPABILITIES, driver.capabilities().tags().toArray(new String[0]));
        props.put(Constants.SERVICE_RANKING, ranking);
        registrations.put(driver.ifname(), context.registerService(WifiDriver.class, driver, props));
    }

    public synchronized void unregister(String ifname) {
        ServiceRegistration<WifiDriver> r = registrations.remove(ifname);
        if (r != null) {
            r.unregister();
        }
    }

    /**
     * A backend component's deactivate: at framework stop the stack ends its links, otherwise it hands them
     * over (a bundle update or stop cannot be told apart here); then it closes and the services go.
     */
    public void retire(BackendStack stack) {
        if (stack != null) {
            if (frameworkStopping()) {
                stack.endLinks();
            } else {
                stack.handOver();
            }
            stack.close();
        }
        clear();
    }

    public synchronized void clear() {
        for (ServiceRegistration<WifiDriver> r : registrations.values()) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already unregistered (the bundle is stopping): nothing left to do for this one
            }
        }
        registrations.clear();
    }

    /** Active with the registered interfaces, or inactive for {@code inactiveReason} when there are none. */
    public BackendStatus status(String backend, String reason, String inactiveReason) {
        List<String> ifs = ifnames();
        return ifs.isEmpty() ? BackendStatus.inactive(backend, version, inactiveReason) : new BackendStatus(backend, version, true, reason, ifs);
    }

    /** The interfaces with a registered driver, sorted. */
    public List<String> ifnames() {
        List<String> names = new ArrayList<>(registrations.keySet());
        names.sort(null);
        return names;
    }
}
