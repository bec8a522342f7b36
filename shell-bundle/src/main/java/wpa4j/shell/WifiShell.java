package wpa4j.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import wpa4j.runtime.binding.GatewayHome;
import wpa4j.runtime.console.Console;
import wpa4j.driver.BackendStatus;
import wpa4j.driver.DriverBackend;
import wpa4j.driver.WifiDriver;
import wpa4j.hostapd.ApControl;
import wpa4j.hostapd.StationInfo;
import wpa4j.sim.medium.internal.ConfigValues;
import wpa4j.supplicant.SupplicantControl;

/**
 * Gogo {@code wifi:*} commands, and a console line for every backend and driver service that comes or goes
 * (so a headless gateway's output shows what registered). Commands that configure write Config Admin
 * factory configurations, as a file in etc/ would create them; a passphrase never goes into one: it is
 * written to {@code <gateway home>/secrets/<factoryPid>-<ifname>.psk} (mode 0600) and the configuration
 * names that file ({@code passphraseFile}). The gateway home is the framework property {@code wpa4j.home},
 * else the working directory.
 *
 * <p>The {@code @Descriptor}s are Gogo's help texts; the Gogo API is imported optionally (see bnd.bnd), so
 * the bundle resolves without Gogo, and no method signature here names a Gogo type (DS introspects them).
 */
@Component(service = WifiShell.class, immediate = true, property = {"osgi.command.scope=wifi", "osgi.command.function=drivers",
    "osgi.command.function=status", "osgi.command.function=scan", "osgi.command.function=connect", "osgi.command.function=disconnect",
    "osgi.command.function=ap", "osgi.command.function=stations"})
public class WifiShell {
    /** How long wifi:scan waits for the station's CTRL-EVENT-SCAN-RESULTS. */
    private static final long SCAN_WAIT_MS = 10_000;
    private static final String SCAN_RESULTS = "CTRL-EVENT-SCAN-RESULTS";
    private final Map<DriverBackend, String> backends = new ConcurrentHashMap<>();
    private final Map<Map<String, Object>, WifiDriver> drivers = new ConcurrentHashMap<>();
    private final List<SupplicantControl> stations = new CopyOnWriteArrayList<>();
    private final List<ApControl> aps = new CopyOnWriteArrayList<>();

    private Path secrets;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ConfigurationAdmin configAdmin;

    @Activate
    void activate(BundleContext context) {
        secrets = GatewayHome.of(context).resolve("secrets").toAbsolutePath();
    }

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
    @Descriptor("list the backends (active or why not), the WifiDriver services per interface (best first), and which driver each station and AP bound and why")
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
    @Descriptor("show every station (as wpa_cli status) and access point (as hostapd_cli status)")
    public String status() {
        StringBuilder sb = new StringBuilder();
        stations.stream().sorted(Comparator.comparing(SupplicantControl::ifname))
                .forEach(s -> sb.append("[station ").append(s.ifname()).append("]\n").append(s.status().toWpaCli()).append(problems(s.problems())));
        aps.stream().sorted(Comparator.comparing(ApControl::ifname))
                .forEach(a -> sb.append("[ap ").append(a.ifname()).append("]\n").append(a.status().toHostapdCli()).append(problems(a.problems())));
        return sb.length() == 0 ? "no station or AP configured (see wifi:connect, wifi:ap)\n" : sb.toString();
    }

    /** Refused or ignored settings, one {@code problem=} line each (they never carry a secret). */
    private static String problems(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append("problem=").append(l).append('\n'));
        return sb.toString();
    }

    /** {@code wifi:status <ifname>}. */
    @Descriptor("show the station or access point on one interface")
    public String status(@Descriptor("ifname: the interface, e.g. wlan0 or sim1") String ifname) {
        ConfigValues.interfaceName("ifname", ifname);
        StringBuilder sb = new StringBuilder();
        stations.stream().filter(s -> s.ifname().equals(ifname)).forEach(s -> sb.append(s.status().toWpaCli()).append(problems(s.problems())));
        aps.stream().filter(a -> a.ifname().equals(ifname)).forEach(a -> sb.append(a.status().toHostapdCli()).append(problems(a.problems())));
        return sb.length() == 0 ? "no station or AP on " + ifname + "\n" : sb.toString();
    }

    /**
     * {@code wifi:scan <ifname>}: asks the station for a scan, says so at once, and prints the results (as
     * wpa_cli SCAN_RESULTS) as soon as the station reports CTRL-EVENT-SCAN-RESULTS; after {@link #SCAN_WAIT_MS}
     * without it, the results it has. Lines go to System.out, which Gogo routes to the calling session.
     */
    @Descriptor("scan now and print the results as wpa_cli scan_results (waits up to 10 s for the station's scan results)")
    public String scan(@Descriptor("ifname: the station's interface, e.g. wlan0 or sim1") String ifname) throws InterruptedException {
        ConfigValues.interfaceName("ifname", ifname);
        SupplicantControl s = station(ifname);
        List<String> before = s.recentEvents();
        s.scan();
        PrintStream out = System.out;
        out.println("scanning " + ifname + "...");
        out.flush();
        long deadline = System.nanoTime() + SCAN_WAIT_MS * 1_000_000;
        while (System.nanoTime() < deadline) {
            List<String> now = s.recentEvents();
            if (EventTail.newLines(before, now).stream().anyMatch(l -> l.startsWith(SCAN_RESULTS))) {
                return String.join("\n", s.scanResults()) + "\n";
            }
            Thread.sleep(50);
        }
        return "no scan results from " + ifname + " within " + SCAN_WAIT_MS / 1000 + " s (state " + s.status().state().wpaName()
                + "); the last ones:\n" + String.join("\n", s.scanResults()) + "\n";
    }

    /** {@code wifi:connect <ifname> <ssid> <passphrase>}: configures the station of {@code ifname} for a WPA2-PSK network. */
    @Descriptor("configure the station of an interface for a WPA2-PSK network (its wpa4j.supplicant configuration; "
            + "the passphrase is kept in secrets/wpa4j.supplicant-<ifname>.psk, mode 0600)")
    public String connect(@Descriptor("ifname: the station's interface, e.g. wlan0") String ifname,
            @Descriptor("ssid: the network name") String ssid,
            @Descriptor("passphrase: 8..63 characters, or the PSK as 64 hex digits") String passphrase) throws IOException, InvalidSyntaxException {
        ConfigValues.interfaceName("ifname", ifname);
        checkPassphrase(passphrase);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("ifname", ifname);
        props.put("ssid", ssid);
        props.put("keyMgmt", "WPA-PSK");
        props.put("passphraseFile", SecretFiles.write(secrets, secretName(SUPPLICANT, ifname), passphrase).toString());
        return configure(SUPPLICANT, ifname, props);
    }

    /** {@code wifi:connect <ifname> <ssid>}: configures the station of {@code ifname} for an open network. */
    @Descriptor("configure the station of an interface for an open network (its wpa4j.supplicant configuration)")
    public String connect(@Descriptor("ifname: the station's interface, e.g. wlan0") String ifname,
            @Descriptor("ssid: the network name") String ssid) throws IOException, InvalidSyntaxException {
        ConfigValues.interfaceName("ifname", ifname);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("ifname", ifname);
        props.put("ssid", ssid);
        props.put("keyMgmt", "NONE");
        SecretFiles.delete(secrets, secretName(SUPPLICANT, ifname));
        return configure(SUPPLICANT, ifname, props);
    }

    /** {@code wifi:connect <ifname>}: connects again after wifi:disconnect. */
    @Descriptor("connect the station of an interface again (after wifi:disconnect)")
    public String connect(@Descriptor("ifname: the station's interface, e.g. wlan0") String ifname) {
        ConfigValues.interfaceName("ifname", ifname);
        station(ifname).reconnect();
        return "OK\n";
    }

    /** {@code wifi:disconnect <ifname>}. */
    @Descriptor("disconnect the station of an interface and stay disconnected (until wifi:connect <ifname>)")
    public String disconnect(@Descriptor("ifname: the station's interface, e.g. wlan0") String ifname) {
        ConfigValues.interfaceName("ifname", ifname);
        station(ifname).disconnect();
        return "OK\n";
    }

    /** {@code wifi:ap}: every AP's status. */
    @Descriptor("show every access point (as hostapd_cli status)")
    public String ap() {
        StringBuilder sb = new StringBuilder();
        aps.forEach(a -> sb.append("[ap ").append(a.ifname()).append("]\n").append(a.status().toHostapdCli()));
        return sb.length() == 0 ? "no AP configured (wifi:ap <ifname> <ssid> [passphrase])\n" : sb.toString();
    }

    /** {@code wifi:ap <ifname> <ssid> <passphrase>}: configures a WPA2-PSK AP on {@code ifname}. */
    @Descriptor("configure a WPA2-PSK access point on an interface (its wpa4j.hostapd configuration; "
            + "the passphrase is kept in secrets/wpa4j.hostapd-<ifname>.psk, mode 0600)")
    public String ap(@Descriptor("ifname: the AP's interface, e.g. wlan1") String ifname,
            @Descriptor("ssid: the network name") String ssid,
            @Descriptor("passphrase: 8..63 characters, or the PSK as 64 hex digits") String passphrase) throws IOException, InvalidSyntaxException {
        ConfigValues.interfaceName("ifname", ifname);
        checkPassphrase(passphrase);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("ifname", ifname);
        props.put("ssid", ssid);
        props.put("passphraseFile", SecretFiles.write(secrets, secretName(HOSTAPD, ifname), passphrase).toString());
        return configure(HOSTAPD, ifname, props);
    }

    /** {@code wifi:ap <ifname> <ssid>}: configures an open AP on {@code ifname}. */
    @Descriptor("configure an open access point on an interface (its wpa4j.hostapd configuration)")
    public String ap(@Descriptor("ifname: the AP's interface, e.g. wlan1") String ifname,
            @Descriptor("ssid: the network name") String ssid) throws IOException, InvalidSyntaxException {
        ConfigValues.interfaceName("ifname", ifname);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("ifname", ifname);
        props.put("ssid", ssid);
        SecretFiles.delete(secrets, secretName(HOSTAPD, ifname));
        return configure(HOSTAPD, ifname, props);
    }

    /** {@code wifi:stations}: the stations of every AP (as hostapd_cli ALL_STA, one line each). */
    @Descriptor("list the stations of every access point with AID, flags and key handshake state")
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
        Configuration[] existing = cm.listConfigurations("(&(service.factoryPid=" + factoryPid + ")(ifname=" + Filters.escape(ifname) + "))");
        Configuration c = existing != null && existing.length > 0 ? existing[0] : cm.getFactoryConfiguration(factoryPid, ifname, "?");
        Dictionary<String, Object> d = props;
        c.update(d);
        return "OK (" + c.getPid() + ")\n";
    }

    private static final String SUPPLICANT = "wpa4j.supplicant";
    private static final String HOSTAPD = "wpa4j.hostapd";

    /** The file name of the passphrase of {@code factoryPid}'s configuration for {@code ifname}. */
    static String secretName(String factoryPid, String ifname) {
        return factoryPid + "-" + ifname + ".psk";
    }

    /** As the cores check it, before anything is written: 8..63 octets (UTF-8) on one line, or 64 hex digits. */
    static void checkPassphrase(String passphrase) {
        if (passphrase.matches("[0-9a-fA-F]{64}")) {
            return;
        }
        int octets = passphrase.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (octets < 8 || octets > 63) {
            throw new IllegalArgumentException("passphrase: length " + octets + " out of range 8..63 (or the PSK as 64 hex digits)");
        }
        if (passphrase.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0)) {
            throw new IllegalArgumentException("passphrase: must be one line");
        }
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
