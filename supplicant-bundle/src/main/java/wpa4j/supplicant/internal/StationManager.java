package wpa4j.supplicant.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.cm.ManagedServiceFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;

import wpa4j.runtime.binding.GatewayHome;
import wpa4j.runtime.console.Console;
import wpa4j.runtime.events.ControlEvents;
import wpa4j.config.ConfigException;
import wpa4j.driver.WifiDriver;

/**
 * Every {@code wpa4j.supplicant} configuration, grouped by interface: one station per interface, as wpa_supplicant runs
 * one per {@code -i}; each configuration adds its network (or its wpa_supplicant.conf) to that station. A managed
 * service factory rather than a DS factory component, so two configurations for one interface are two networks of one
 * station, never two stations fighting over the radio, and no component property ever carries a secret.
 */
@Component(service = ManagedServiceFactory.class, immediate = true, property = Constants.SERVICE_PID + "=wpa4j.supplicant")
public class StationManager implements ManagedServiceFactory {
    private final Map<String, StationRuntime> stations = new HashMap<>();
    private final List<StationRuntime.DriverFeed> drivers = new ArrayList<>();
    private BundleContext context;
    private Path home;
    /** Set when the component stops: a Config Admin callback racing it builds nothing. */
    private boolean closed;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin eventAdmin;

    @Activate
    void activate(BundleContext ctx) {
        context = ctx;
        home = GatewayHome.of(ctx);
    }

    @Deactivate
    synchronized void deactivate() {
        closed = true;
        for (StationRuntime s : stations.values()) {
            try {
                s.stop();
            } catch (Exception e) {
                Console.line(s.ifname() + ": station did not stop cleanly: " + e.getMessage());
            }
        }
        stations.clear();
    }

    @Override
    public String getName() {
        return "wpa4j stations";
    }

    @Override
    public synchronized void updated(String pid, Dictionary<String, ?> properties) {
        if (closed) {
            return;
        }
        StationSettings s;
        try {
            s = StationSettings.parse(pid, properties, home);
        } catch (ConfigException e) {
            // refused at once, one line per problem; a station already running on an earlier version of it goes on
            e.problems().forEach(p -> Console.warn("configuration refused: " + p));
            stations.values().stream().filter(r -> r.has(pid)).forEach(r -> r.problem(pid + ": change refused, previous settings kept"));
            // the station of the interface it names keeps the reason for wifi:status, even when it never accepted this PID
            StationRuntime named = stations.get(String.valueOf(properties.get("ifname")));
            if (named != null && !named.has(pid)) {
                e.problems().forEach(p -> named.remember("configuration refused: " + p));
            }
            return;
        }
        try {
            // a configuration that moved to another interface leaves its old one first
            for (StationRuntime r : new ArrayList<>(stations.values())) {
                if (r.has(pid) && !r.ifname().equals(s.ifname()) && r.remove(pid)) {
                    stations.remove(r.ifname());
                }
            }
            StationRuntime r = stations.computeIfAbsent(s.ifname(), i -> new StationRuntime(i, this::post));
            r.put(s, context, drivers);
        } catch (Exception e) {
            Console.line(s.ifname() + ": configuration " + pid + " could not be applied: " + e.getMessage());
        }
    }

    @Override
    public synchronized void deleted(String pid) {
        for (StationRuntime r : new ArrayList<>(stations.values())) {
            if (!r.has(pid)) {
                continue;
            }
            try {
                if (r.remove(pid)) {
                    stations.remove(r.ifname());
                }
            } catch (Exception e) {
                // stopped as far as it could be (its loop and driver are released): not kept half-stopped
                stations.remove(r.ifname());
                Console.warn(r.ifname() + ": station did not stop cleanly: " + e.getMessage());
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addDriver(WifiDriver driver, Map<String, Object> props) {
        StationRuntime.DriverFeed d = new StationRuntime.DriverFeed(driver, props);
        drivers.add(d);
        stations.values().forEach(s -> s.addDriver(d));
    }

    synchronized void removeDriver(WifiDriver driver, Map<String, Object> props) {
        // by service id: DS hands over a new map on unbind, and property arrays never compare equal
        drivers.removeIf(d -> Objects.equals(d.props().get(Constants.SERVICE_ID), props.get(Constants.SERVICE_ID)));
        stations.values().forEach(s -> s.removeDriver(props));
    }

    synchronized void updatedDriver(WifiDriver driver, Map<String, Object> props) {
        removeDriver(driver, props);
        addDriver(driver, props);
    }

    private void post(StationRuntime.StationEvent e) {
        EventAdmin ea = eventAdmin;
        if (ea != null) {
            ControlEvents.station(e.ifname(), e.line()).ifPresent(ea::postEvent);
        }
    }
}
