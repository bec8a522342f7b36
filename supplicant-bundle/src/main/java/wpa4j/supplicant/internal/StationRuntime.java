package wpa4j.supplicant.internal;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import wpa4j.runtime.binding.CoreComponent;
import wpa4j.runtime.binding.CoreDriverSlot;
import wpa4j.runtime.binding.DriverBinder;
import wpa4j.runtime.binding.DriverRequirement;
import wpa4j.runtime.console.Console;
import wpa4j.runtime.console.EventLog;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.runtime.eloop.LoopThreads;
import wpa4j.config.ConfigException;
import wpa4j.config.station.CtrlInterface;
import wpa4j.config.station.StationFile;
import wpa4j.ctrl.CtrlEndpoint;
import wpa4j.ctrl.CtrlEvents;
import wpa4j.driver.WifiDriver;
import wpa4j.supplicant.StationStatus;
import wpa4j.supplicant.SupplicantControl;
import wpa4j.supplicant.core.Supplicant;
import wpa4j.supplicant.core.SupplicantListener;
import wpa4j.supplicant.core.SupplicantTiming;
import wpa4j.supplicant.ctrl.StationCommands;
import wpa4j.supplicant.station.Station;

/**
 * One running station (one interface): its loop, core and network blocks, the driver binding, and its services
 * (SupplicantControl for the shell, CtrlEndpoint for wpa_cli). Every Config Admin configuration naming the interface
 * adds its network here; the station goes when the last one goes.
 */
final class StationRuntime implements SupplicantControl {
    private final String ifname;
    private final EventLoop loop;
    private final Supplicant core;
    private final Station station;
    private final DriverBinder binder = new DriverBinder();
    private final EventLog events = new EventLog(200);
    private final List<CtrlEvents> monitors = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Consumer<StationEvent> posted;
    /** The configurations that name this interface, by PID (sorted, so the station-wide settings come from the first). */
    private final Map<String, StationSettings> sources = new TreeMap<>();
    private final EventLog problems = new EventLog(20);
    private StationSettings base;
    private ServiceRegistration<?> control;
    private ServiceRegistration<?> endpoint;

    /** A line of the station as Event Admin gets it. */
    record StationEvent(String ifname, String line) {}

    StationRuntime(String ifname, Consumer<StationEvent> posted) {
        this.ifname = ifname;
        this.posted = posted;
        // stations take turns on the process's few loop threads, as interfaces share hostapd's one eloop
        this.loop = new EventLoop("wpa4j-sta-" + ifname, EventLoop.DEFAULT_MAX_QUEUED_EVENTS, LoopThreads.shared());
        this.core = new Supplicant(loop, ifname, List.of(), SupplicantTiming.DEFAULT,
                SupplicantListener.of((from, to) -> line(CtrlEvents.MSG_DEBUG, "State: " + from.wpaName() + " -> " + to.wpaName()),
                        l -> line(CtrlEvents.MSG_INFO, l)));
        this.station = new Station(ifname, core, this::problem);
    }

    /** A configuration for this interface came or changed. The first one also starts the station. */
    void put(StationSettings s, BundleContext context, List<DriverFeed> drivers) throws Exception {
        boolean first = sources.isEmpty();
        sources.put(s.pid(), s);
        s.warnings().forEach(this::problem);
        if (first) {
            base = s;
            Console.line(ifname + ": station waiting for a driver");
            CoreDriverSlot slot = new CoreDriverSlot(ifname, loop, core, (candidate, sink) -> candidate.driver().open(ifname, sink));
            binder.start(new DriverRequirement(ifname, s.driver(), s.capabilities()), loop, slot);
            drivers.forEach(d -> binder.add(d.driver(), d.props()));
        } else if (!Objects.equals(base.driver(), s.driver()) && !s.driver().isEmpty()) {
            problem(s.pid() + ": driver '" + s.driver() + "' ignored: the station on " + ifname + " already uses the settings of " + base.pid());
        }
        Optional<CtrlInterface> fromFile = loop.call(() -> {
            if (s.confFile().isPresent()) {
                loadFile(s.confFile().get());
            }
            s.network().ifPresentOrElse(n -> station.putConfigAdminNetwork(s.pid(), n), () -> station.removeConfigAdminNetwork(s.pid()));
            return station.fileSettings().flatMap(StationFile::ctrlInterface);
        });
        if (first) {
            // ctrl_interface of the wpa_supplicant.conf wins over the configuration's, as for wpa_supplicant -c
            register(context, fromFile.map(CtrlInterface::dir).orElse(s.ctrlDir()), fromFile.flatMap(CtrlInterface::group).or(s::ctrlGroup));
        }
    }

    private void loadFile(Path file) {
        try {
            station.loadFile(file);
        } catch (ConfigException e) {
            e.problems().forEach(p -> problem(p.toString()));
            problem(file + ": not loaded, nothing changed");
        } catch (java.io.IOException e) {
            problem(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** A configuration went; true when it was the last and the station has stopped. */
    boolean remove(String pid) throws Exception {
        sources.remove(pid);
        if (sources.isEmpty()) {
            stop();
            return true;
        }
        loop.call(() -> {
            station.removeConfigAdminNetwork(pid);
            return null;
        });
        return false;
    }

    boolean has(String pid) {
        return sources.containsKey(pid);
    }

    private void register(BundleContext context, Path ctrlDir, Optional<String> ctrlGroup) {
        if (context == null) {
            return;
        }
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(WifiDriver.PROP_IFNAME, ifname);
        control = context.registerService(SupplicantControl.class, this, p);
        Hashtable<String, Object> c = new Hashtable<>();
        c.put(CtrlEndpoint.DIR, ctrlDir.toString());
        c.put(CtrlEndpoint.NAME, ifname);
        ctrlGroup.ifPresent(g -> c.put(CtrlEndpoint.GROUP, g));
        StationCommands commands = new StationCommands(loop, station, this::problem);
        CtrlEndpoint ep = new CtrlEndpoint() {
            @Override
            public String handle(String request) {
                return commands.handle(request);
            }

            @Override
            public AutoCloseable subscribe(CtrlEvents sink) {
                monitors.add(sink);
                return () -> monitors.remove(sink);
            }
        };
        endpoint = context.registerService(CtrlEndpoint.class, ep, c);
    }

    void addDriver(DriverFeed d) {
        binder.add(d.driver(), d.props());
    }

    void removeDriver(Map<String, Object> props) {
        binder.remove(props);
    }

    void stop() throws Exception {
        unregister(endpoint);
        unregister(control);
        CoreComponent.stopCore(loop, binder, core::disconnect);
    }

    private static void unregister(ServiceRegistration<?> r) {
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException gone) {
                // already unregistered with the bundle
            }
        }
    }

    /** Every line of the station: console, recent lines, wpa_cli monitors, Event Admin. */
    private void line(int level, String text) {
        events.add(text);
        Console.line(ifname + ": " + text);
        try {
            monitors.forEach(m -> m.event(level, text));
            posted.accept(new StationEvent(ifname, text));
        } catch (RuntimeException e) {
            // a failing consumer (an Event Admin that is stopping) must not stop the core mid-transition
        }
    }

    /** A refused setting: one line on the console and in the log, kept for wifi:status. */
    void problem(String text) {
        problems.add(text);
        Console.warn(ifname + ": " + text);
    }

    /** A problem already printed elsewhere, kept for wifi:status. */
    void remember(String text) {
        problems.add(text);
    }

    // ---- SupplicantControl ---------------------------------------------------------------------

    @Override
    public String ifname() {
        return ifname;
    }

    @Override
    public StationStatus status() {
        return loop.query(core::status);
    }

    @Override
    public void scan() {
        loop.execute(core::scan);
    }

    @Override
    public List<String> scanResults() {
        return loop.query(core::scanResults);
    }

    @Override
    public void disconnect() {
        loop.execute(core::disconnect);
    }

    @Override
    public void reconnect() {
        loop.execute(core::reconnect);
    }

    @Override
    public List<String> driverCandidates() {
        return binder.explain();
    }

    @Override
    public List<String> recentEvents() {
        return events.lines();
    }

    @Override
    public List<String> problems() {
        return problems.lines();
    }

    /** A WifiDriver service and its properties, as DS handed it over. */
    record DriverFeed(WifiDriver driver, Map<String, Object> props) {}
}
