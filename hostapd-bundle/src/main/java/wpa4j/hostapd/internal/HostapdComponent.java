package wpa4j.hostapd.internal;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;

import wpa4j.runtime.binding.CoreComponent;
import wpa4j.runtime.binding.CoreDriverSlot;
import wpa4j.runtime.binding.DriverRequirement;
import wpa4j.runtime.binding.GatewayHome;
import wpa4j.runtime.console.Console;
import wpa4j.runtime.console.EventLog;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.runtime.eloop.LoopThreads;
import wpa4j.runtime.events.ControlEvents;
import wpa4j.common.frame.ReasonCode;
import wpa4j.config.ConfigException;
import wpa4j.ctrl.CtrlEndpoint;
import wpa4j.ctrl.CtrlEvents;
import wpa4j.driver.types.ApInitParams;
import wpa4j.driver.types.MacAddress;
import wpa4j.hostapd.ApControl;
import wpa4j.hostapd.ApStatus;
import wpa4j.hostapd.StationInfo;
import wpa4j.hostapd.core.ApConfig;
import wpa4j.hostapd.core.ApTiming;
import wpa4j.hostapd.core.Hostapd;
import wpa4j.hostapd.ctrl.ApCommands;

/**
 * One AP core per {@code wpa4j.hostapd} factory configuration (Config Admin keys, or a hostapd.conf named by
 * {@code confFile}), bound to the best WifiDriver for its interface that can be an AP; a better or newer one replaces
 * it live. A configuration that does not validate is refused with one line per problem: never started, or, when it
 * changes a running AP, the AP goes on with what it had.
 */
@Component(configurationPid = "wpa4j.hostapd", configurationPolicy = ConfigurationPolicy.REQUIRE, service = ApControl.class)
@Designate(ocd = HostapdConfig.class, factory = true)
public class HostapdComponent extends CoreComponent implements ApControl {
    private final List<CtrlEvents> monitors = new CopyOnWriteArrayList<>();
    private final EventLog problems = new EventLog(20);
    private BundleContext context;
    private String pid;
    private Map<String, Object> properties;
    private ApSettings settings;
    /** Read by shell and control-socket threads; written under this component's lock. */
    private volatile Hostapd core;
    private ServiceRegistration<CtrlEndpoint> endpoint;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin eventAdmin;

    @Activate
    synchronized void activate(Map<String, Object> props, BundleContext ctx) {
        context = ctx;
        pid = String.valueOf(props.get(Constants.SERVICE_PID));
        properties = props;
        parse(props).ifPresent(this::start);
    }

    /** A changed configuration: applied as hostapd's RELOAD when it is valid, else refused and the AP goes on. */
    @Modified
    synchronized void modified(Map<String, Object> props) throws Exception {
        properties = props;
        Optional<ApSettings> next = parse(props);
        if (next.isEmpty()) {
            if (core != null) {
                problem(pid + ": change refused, the AP goes on with its previous settings");
            }
            return;
        }
        ApSettings s = next.get();
        if (core != null && s.ifname().equals(settings.ifname()) && s.driver().equals(settings.driver())
                && s.ctrlDir().equals(settings.ctrlDir()) && Objects.equals(s.ctrlGroup(), settings.ctrlGroup())) {
            settings = s;
            loop.execute(() -> core.reconfigure(s.config()));
            return;
        }
        stop();
        start(s);
    }

    /** The validated settings, or empty after printing why not (one line each, no stack trace). */
    private Optional<ApSettings> parse(Map<String, Object> props) {
        try {
            ApSettings s = ApSettings.parse(pid, props, home());
            s.warnings().forEach(this::problem);
            return Optional.of(s);
        } catch (ConfigException e) {
            e.problems().forEach(p -> problem("configuration refused: " + p));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            problem("configuration refused: " + pid + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private Path home() {
        return GatewayHome.of(context);
    }

    private void start(ApSettings s) {
        settings = s;
        ifname = s.ifname();
        ApConfig ap = s.config();
        loop = new EventLoop("wpa4j-ap-" + ifname, Hostapd.MAX_QUEUED_EVENTS, LoopThreads.shared());
        core = new Hostapd(loop, ifname, ap, ApTiming.DEFAULT, this::apLine);
        Console.line(ifname + ": access point " + ap + " waiting for a driver");
        CoreDriverSlot slot = new CoreDriverSlot(ifname, loop, core,
                (candidate, sink) -> candidate.driver().openAp(new ApInitParams(ifname, null, core.config().ssid(), false, List.of()), sink));
        bindBest(new DriverRequirement(ifname, s.driver(), capabilities()), slot);
        Hashtable<String, Object> c = new Hashtable<>();
        c.put(CtrlEndpoint.DIR, s.ctrlDir().toString());
        c.put(CtrlEndpoint.NAME, ifname);
        s.ctrlGroup().ifPresent(g -> c.put(CtrlEndpoint.GROUP, g));
        endpoint = context.registerService(CtrlEndpoint.class, new Endpoint(new ApCommands(loop, core, this::reload)), c);
    }

    private List<String> capabilities() {
        Object v = properties.get("capabilities");
        if (v instanceof String[] a) {
            return List.of(a);
        }
        return v == null ? List.of("ap") : List.of(String.valueOf(v).split("\\s*,\\s*"));
    }

    /**
     * RELOAD: the configuration (and its hostapd.conf) read again and applied to the running BSS. Under the component's
     * lock, so a Config Admin change cannot interleave; what would move the AP (interface, driver, socket) is refused.
     */
    private synchronized boolean reload() {
        Optional<ApSettings> next = parse(properties);
        if (next.isEmpty() || core == null) {
            return false;
        }
        ApSettings s = next.get();
        if (!s.ifname().equals(settings.ifname()) || !s.driver().equals(settings.driver()) || !s.ctrlDir().equals(settings.ctrlDir())) {
            problem("RELOAD cannot move the AP to another interface, driver or control socket; change its configuration instead");
            return false;
        }
        settings = s;
        Hostapd c = core;
        return loop.query(() -> {
            c.reconfigure(s.config());
            return true;
        });
    }

    @Deactivate
    synchronized void deactivate() throws Exception {
        stop();
    }

    private void stop() throws Exception {
        if (endpoint != null) {
            endpoint.unregister();
            endpoint = null;
        }
        Hostapd c = core;
        core = null;
        if (c != null) {
            stopCore(c::stop);
        }
    }

    /** hostapd_cli's socket: the commands, and the monitors that ATTACHed. */
    private final class Endpoint implements CtrlEndpoint {
        private final ApCommands commands;

        Endpoint(ApCommands commands) {
            this.commands = commands;
        }

        @Override
        public String handle(String request) {
            return commands.handle(request);
        }

        @Override
        public AutoCloseable subscribe(CtrlEvents sink) {
            monitors.add(sink);
            return () -> monitors.remove(sink);
        }
    }

    /** Every AP line: console and recent lines, hostapd_cli monitors, Event Admin; a failing consumer never stops the core. */
    private void apLine(String text) {
        line(text);
        try {
            monitors.forEach(m -> m.event(CtrlEvents.MSG_INFO, text));
            EventAdmin ea = eventAdmin;
            if (ea != null) {
                ControlEvents.ap(ifname, text).ifPresent(ea::postEvent);
            }
        } catch (RuntimeException e) {
            // e.g. an Event Admin that is stopping: the line is on the console and in the log already
        }
    }

    /** A refused or ignored setting: one line on the console, kept for wifi:ap. */
    private void problem(String text) {
        problems.add(text);
        Console.warn((ifname == null ? "ap" : ifname) + ": " + text);
    }

    @Override
    public String ifname() {
        return ifname == null ? String.valueOf(properties.get("ifname")) : ifname;
    }

    @Override
    public ApStatus status() {
        Hostapd c = core;
        EventLoop l = loop;
        if (c == null) {
            return new ApStatus(ifname(), "none", "REFUSED", "", "", 0, 0, 0, "");
        }
        return l.query(c::status);
    }

    @Override
    public List<StationInfo> stations() {
        return core == null ? List.of() : loop.query(core::stationInfos);
    }

    @Override
    public void deauthenticate(String addr) {
        MacAddress mac = MacAddress.parse(addr);
        if (core != null) {
            loop.execute(() -> core.deauthenticate(mac, ReasonCode.PREV_AUTH_NOT_VALID));
        }
    }

    @Override
    public void rekeyGroup() {
        if (core != null) {
            loop.execute(core::rekeyGroup);
        }
    }

    @Override
    public List<String> problems() {
        return problems.lines();
    }

    @Override
    public List<String> driverCandidates() {
        return core == null ? List.of() : super.driverCandidates();
    }
}
