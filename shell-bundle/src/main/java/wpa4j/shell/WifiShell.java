package wpa4j.shell;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import wpa4j.common.console.Console;
import wpa4j.driver.BackendStatus;
import wpa4j.driver.DriverBackend;
import wpa4j.driver.WifiDriver;
import wpa4j.hostapd.ApControl;
import wpa4j.hostapd.StationInfo;
import wpa4j.supplicant.SupplicantControl;

/**
 * Gogo {@code wifi:*} commands, and a console line for every backend and driver service that comes or goes
 * (so a headless gateway's output shows what registered). Commands that configure write Config Admin
 * factory configurations, exactly what a file in etc/ would create.
 */
@Component(service = WifiShell.class, immediate = true, property = {"osgi.command.scope=wifi", "osgi.command.function=drivers",
    "osgi.command.function=status", "osgi.command.function=scan", "osgi.command.function=connect", "osgi.command.function=disconnect",
    "osgi.command.function=ap", "osgi.command.function=stations"})
public class WifiShell {
    private static final long SCAN_WAIT_MS = 3000;

    private final Map<DriverBackend, String> backends = new ConcurrentHashMap<>();
    private final Map<Map<String, Object>, WifiDriver> drivers = new ConcurrentHashMap<>();
    private final List<SupplicantControl> stations = new CopyOnWriteArrayList<>();
    private final List<ApControl> aps = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ConfigurationAdmin configAdmin;

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
        Console.line("driver " + props.get(WifiDriver.PROP_DRIVER) + " " + props.get(WifiDriver.PROP_DRIVER_VERSION) + " registered for "
                + props.get(WifiDriver.PROP_IFNAME) + " (ranking " + ranking(props) + ")");
    }

    void unbindDriver(WifiDriver driver, Map<String, Object> props) {
        drivers.remove(props);
        Console.line("driver " + props.get(WifiDriver.PROP_DRIVER) + " for " + props.get(WifiDriver.PROP_IFNAME) + " gone");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindStation(SupplicantControl s) {
        stations.add(s);
    }

    void unbindStation(SupplicantControl s) {
        stations.remove(s);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindAp(ApControl a) {
        aps.add(a);
    }

    void unbindAp(ApControl a) {
        aps.remove(a);
    }

    /** {@code wifi:drivers}: every backend with its status, every driver service, and what each core bound and why. */
    public String drivers() {
        List<BackendStatus> statuses = new ArrayList<>();
        backends.keySet().forEach(b -> statuses.add(b.status()));
        List<DriverTable.DriverRow> rows = new ArrayList<>();
        drivers.keySet().forEach(p -> rows.add(new DriverTable.DriverRow(String.valueOf(p.get(WifiDriver.PROP_IFNAME)),
                String.valueOf(p.get(WifiDriver.PROP_DRIVER)), String.valueOf(p.get(WifiDriver.PROP_DRIVER_VERSION)), ranking(p),
                strings(p.get(WifiDriver.PROP_CAPABILITIES)))));
        StringBuilder sb = new StringBuilder(DriverTable.format(statuses, rows));
        sb.append("Bindings:\n");
        if (stations.isEmpty() && aps.isEmpty()) {
            sb.append("  (no station or AP configured)\n");
        }
        stations.forEach(s -> appendBinding(sb, "station " + s.ifname(), s.driverCandidates()));
        aps.forEach(a -> appendBinding(sb, "ap " + a.ifname(), a.driverCandidates()));
        return sb.toString();
    }

    private static void appendBinding(StringBuilder sb, String core, List<String> candidates) {
        sb.append("  ").append(core).append(":\n");
        if (candidates.isEmpty()) {
            sb.append("    (no driver for this interface yet)\n");
        }
        candidates.forEach(c -> sb.append("    ").append(c).append('\n'));
    }

    /** {@code wifi:status}: every station (as wpa_cli STATUS) and AP (as hostapd_cli STATUS). */
    public String status() {
        StringBuilder sb = new StringBuilder();
        stations.stream().sorted(Comparator.comparing(SupplicantControl::ifname))
                .forEach(s -> sb.append("[station ").append(s.ifname()).append("]\n").append(s.status().toWpaCli()));
        aps.stream().sorted(Comparator.comparing(ApControl::ifname))
                .forEach(a -> sb.append("[ap ").append(a.ifname()).append("]\n").append(a.status().toHostapdCli()));
        return sb.length() == 0 ? "no station or AP configured (see wifi:connect, wifi:ap)\n" : sb.toString();
    }

    /** {@code wifi:status <ifname>}. */
    public String status(String ifname) {
        StringBuilder sb = new StringBuilder();
        stations.stream().filter(s -> s.ifname().equals(ifname)).forEach(s -> sb.append(s.status().toWpaCli()));
        aps.stream().filter(a -> a.ifname().equals(ifname)).forEach(a -> sb.append(a.status().toHostapdCli()));
        return sb.length() == 0 ? "no station or AP on " + ifname + "\n" : sb.toString();
    }

    /** {@code wifi:scan <ifname>}: scans and prints the results (as wpa_cli SCAN_RESULTS). */
    public String scan(String ifname) throws InterruptedException {
        SupplicantControl s = station(ifname);
        s.scan();
        Thread.sleep(SCAN_WAIT_MS);
        return String.join("\n", s.scanResults()) + "\n";
    }

    /** {@code wifi:connect <ifname> <ssid> [passphrase]}: configures the station of {@code ifname} (open without passphrase). */
    public String connect(String ifname, String ssid, String passphrase) throws IOException, InvalidSyntaxException {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("ifname", ifname);
        props.put("ssid", ssid);
        props.put("keyMgmt", passphrase.isEmpty() ? "NONE" : "WPA-PSK");
        props.put(".passphrase", passphrase);
        return configure("wpa4j.supplicant", ifname, props);
    }

    public String connect(String ifname, String ssid) throws IOException, InvalidSyntaxException {
        return connect(ifname, ssid, "");
    }

    /** {@code wifi:connect <ifname>}: connects again after wifi:disconnect. */
    public String connect(String ifname) {
        station(ifname).reconnect();
        return "OK\n";
    }

    /** {@code wifi:disconnect <ifname>}. */
    public String disconnect(String ifname) {
        station(ifname).disconnect();
        return "OK\n";
    }

    /** {@code wifi:ap}: every AP's status. */
    public String ap() {
        StringBuilder sb = new StringBuilder();
        aps.forEach(a -> sb.append("[ap ").append(a.ifname()).append("]\n").append(a.status().toHostapdCli()));
        return sb.length() == 0 ? "no AP configured (wifi:ap <ifname> <ssid> [passphrase])\n" : sb.toString();
    }

    /** {@code wifi:ap <ifname> <ssid> [passphrase]}: configures an AP on {@code ifname} (open without passphrase). */
    public String ap(String ifname, String ssid, String passphrase) throws IOException, InvalidSyntaxException {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("ifname", ifname);
        props.put("ssid", ssid);
        props.put(".passphrase", passphrase);
        return configure("wpa4j.hostapd", ifname, props);
    }

    public String ap(String ifname, String ssid) throws IOException, InvalidSyntaxException {
        return ap(ifname, ssid, "");
    }

    /** {@code wifi:stations}: the stations of every AP (as hostapd_cli ALL_STA, one line each). */
    public String stations() {
        StringBuilder sb = new StringBuilder();
        for (ApControl a : aps) {
            for (StationInfo s : a.stations()) {
                sb.append(a.ifname()).append(' ').append(s.addr()).append(" aid=").append(s.aid()).append(' ').append(s.flags())
                        .append(" keys=").append(s.keyState()).append('\n');
            }
        }
        return sb.length() == 0 ? "no stations\n" : sb.toString();
    }

    private SupplicantControl station(String ifname) {
        return stations.stream().filter(s -> s.ifname().equals(ifname)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no station on " + ifname + " (configure one with wifi:connect)"));
    }

    /** Creates or updates the factory configuration of {@code factoryPid} for {@code ifname}. */
    private String configure(String factoryPid, String ifname, Hashtable<String, Object> props) throws IOException, InvalidSyntaxException {
        ConfigurationAdmin cm = configAdmin;
        if (cm == null) {
            throw new IllegalStateException("no Configuration Admin service");
        }
        Configuration[] existing = cm.listConfigurations("(&(service.factoryPid=" + factoryPid + ")(ifname=" + ifname + "))");
        Configuration c = existing != null && existing.length > 0 ? existing[0] : cm.getFactoryConfiguration(factoryPid, ifname, "?");
        Dictionary<String, Object> d = props;
        c.update(d);
        return "OK (" + c.getPid() + ")\n";
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
