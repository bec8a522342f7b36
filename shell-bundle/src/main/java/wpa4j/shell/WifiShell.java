package wpa4j.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import wpa4j.driver.BackendStatus;
import wpa4j.driver.DriverBackend;
import wpa4j.driver.WifiDriver;

/**
 * Gogo {@code wifi:*} commands, and a console line for every backend and driver service that comes or goes
 * (so a headless gateway's output shows what registered).
 */
@Component(service = WifiShell.class, immediate = true, property = {"osgi.command.scope=wifi", "osgi.command.function=drivers"})
public class WifiShell {
    private final Map<DriverBackend, String> backends = new ConcurrentHashMap<>();
    private final Map<Map<String, Object>, WifiDriver> drivers = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindBackend(DriverBackend backend) {
        BackendStatus status = backend.status();
        backends.put(backend, status.name());
        Console.line("backend " + status);
    }

    void unbindBackend(DriverBackend backend) {
        Console.line("backend " + backends.remove(backend) + " gone");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindDriver(WifiDriver driver, Map<String, Object> props) {
        drivers.put(props, driver);
        Console.line("driver " + props.get(WifiDriver.PROP_DRIVER) + " registered for " + props.get(WifiDriver.PROP_IFNAME)
                + " (ranking " + ranking(props) + ")");
    }

    void unbindDriver(WifiDriver driver, Map<String, Object> props) {
        drivers.remove(props);
        Console.line("driver " + props.get(WifiDriver.PROP_DRIVER) + " for " + props.get(WifiDriver.PROP_IFNAME) + " gone");
    }

    /** {@code wifi:drivers}: every backend with its status, every driver service by interface and ranking. */
    public String drivers() {
        List<BackendStatus> statuses = new ArrayList<>();
        backends.keySet().forEach(b -> statuses.add(b.status()));
        List<DriverTable.DriverRow> rows = new ArrayList<>();
        drivers.keySet().forEach(p -> rows.add(new DriverTable.DriverRow(String.valueOf(p.get(WifiDriver.PROP_IFNAME)),
                String.valueOf(p.get(WifiDriver.PROP_DRIVER)), String.valueOf(p.get(WifiDriver.PROP_DRIVER_VERSION)), ranking(p),
                strings(p.get(WifiDriver.PROP_CAPABILITIES)))));
        return DriverTable.format(statuses, rows);
    }

    private static int ranking(Map<String, Object> props) {
        return props.get(Constants.SERVICE_RANKING) instanceof Integer i ? i : 0;
    }

    private static List<String> strings(Object value) {
        if (value instanceof String[] a) {
            return Arrays.asList(a);
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
