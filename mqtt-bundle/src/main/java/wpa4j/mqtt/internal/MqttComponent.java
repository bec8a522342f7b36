package wpa4j.mqtt.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import wpa4j.ctrl.CtrlEndpoint;
import wpa4j.hostapd.ApControl;
import wpa4j.mqtt.bridge.CommandRequests;
import wpa4j.mqtt.bridge.EventMessages;
import wpa4j.mqtt.bridge.StatusReport;
import wpa4j.mqtt.link.FleetLink;
import wpa4j.mqtt.link.Message;
import wpa4j.mqtt.link.MqttSettings;
import wpa4j.mqtt.link.Topics;
import wpa4j.runtime.binding.GatewayHome;
import wpa4j.runtime.console.Console;
import wpa4j.supplicant.SupplicantControl;

/**
 * The gateway on its fleet's broker, while a {@code wpa4j.mqtt} configuration exists: every control endpoint (each
 * station's and AP's, the whiteboard the control sockets use) is subscribed to, its events published, and the
 * commands for its interface handed to it. One thread serves the commands and builds the status (which asks the
 * cores), so a slow core delays MQTT replies, never the cores; events are queued from the cores' loops without
 * blocking them.
 */
@Component(service = {}, configurationPid = MqttSettings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
public final class MqttComponent implements FleetLink.Listener {
    /** Commands waiting for the command thread; more are dropped (a flood must not grow the heap). */
    private static final int MAX_PENDING_COMMANDS = 64;
    /** Status updates are coalesced: at most one per this interval. */
    private static final long STATUS_COALESCE_MS = 1000;

    private record Served(String ifname, CtrlEndpoint endpoint, AutoCloseable events) {
    }

    private final Map<Object, Served> endpoints = new ConcurrentHashMap<>();
    private final List<SupplicantControl> stations = new CopyOnWriteArrayList<>();
    private final List<ApControl> aps = new CopyOnWriteArrayList<>();
    private final AtomicBoolean statusDue = new AtomicBoolean();
    private final Instant started = Instant.now();
    private final AtomicInteger pendingCommands = new AtomicInteger();
    private final AtomicBoolean floodReported = new AtomicBoolean();

    private volatile FleetLink link;
    private volatile ScheduledExecutorService worker;
    private CommandRequests commands;
    private MqttSettings settings;
    private BundleContext context;

    @Activate
    void activate(BundleContext ctx, Map<String, Object> props) {
        context = ctx;
        try {
            settings = MqttSettings.from(props, hostName(), GatewayHome.of(ctx));
        } catch (IllegalArgumentException e) {
            Console.warn(MqttSettings.PID + ": " + e.getMessage() + "; no MQTT until the configuration is fixed");
            throw e;
        }
        commands = new CommandRequests(new Topics(settings.gatewayId()), settings.qos(), this::endpoint);
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wpa4j-mqtt-commands");
            t.setDaemon(true);
            return t;
        });
        Console.line("mqtt: " + settings + " (connecting)");
        link = new FleetLink(settings, this).start();
        statusChanged();
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
        FleetLink l = link;
        link = null;
        l.close();
        endpoints.values().forEach(MqttComponent::unsubscribe);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeEndpoint")
    void addEndpoint(CtrlEndpoint endpoint, Map<String, Object> props) {
        String ifname = String.valueOf(props.get(CtrlEndpoint.NAME));
        if (!Topics.isLevel(ifname)) {
            Console.warn("mqtt: interface '" + ifname + "' cannot be a topic level: its events and commands are not on MQTT");
            return;
        }
        AutoCloseable events = endpoint.subscribe((level, text) -> event(ifname, level, text));
        Served old = endpoints.put(props.get("service.id"), new Served(ifname, endpoint, events));
        if (old != null) {
            unsubscribe(old);
        }
        statusChanged();
    }

    void removeEndpoint(CtrlEndpoint endpoint, Map<String, Object> props) {
        Served gone = endpoints.remove(props.get("service.id"));
        if (gone != null) {
            unsubscribe(gone);
        }
        statusChanged();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "unbindStation")
    void bindStation(SupplicantControl s) {
        stations.add(s);
        statusChanged();
    }

    void unbindStation(SupplicantControl s) {
        stations.remove(s);
        statusChanged();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "unbindAp")
    void bindAp(ApControl a) {
        aps.add(a);
        statusChanged();
    }

    void unbindAp(ApControl a) {
        aps.remove(a);
        statusChanged();
    }

    private static void unsubscribe(Served s) {
        try {
            s.events().close();
        } catch (Exception e) {
            // the endpoint is gone anyway
        }
    }

    private Optional<CtrlEndpoint> endpoint(String ifname) {
        return endpoints.values().stream().filter(s -> s.ifname().equals(ifname)).map(Served::endpoint).findFirst();
    }

    /** On a core's loop: queue, never block, never throw (the core's other monitors come after this one). */
    private void event(String ifname, int level, String text) {
        FleetLink l = link;
        if (l == null) {
            return;
        }
        try {
            EventMessages.of(l.topics(), settings.qos(), ifname, level, text, Instant.now()).ifPresent(m -> {
                l.offer(m);
                statusChanged();
            });
        } catch (RuntimeException e) {
            Console.warn("mqtt: event of " + ifname + " not published: " + e);
        }
    }

    private void statusChanged() {
        ScheduledExecutorService w = worker;
        if (w != null && !statusDue.getAndSet(true)) {
            try {
                w.schedule(this::publishStatus, STATUS_COALESCE_MS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                statusDue.set(false);
            }
        }
    }

    private void publishStatus() {
        statusDue.set(false);
        FleetLink l = link;
        if (l == null) {
            return;
        }
        List<StatusReport.BundleRow> bundles = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            bundles.add(new StatusReport.BundleRow(b.getSymbolicName(), b.getVersion().toString(), state(b.getState())));
        }
        String json = StatusReport.json(settings.gatewayId(), context.getBundle().getVersion().toString(), started, Instant.now(), stations, aps,
                bundles, new StatusReport.Counters(l.published(), l.dropped(), l.buffered(), commands.refused()));
        l.status(Message.json(l.topics().status(), json, Math.max(1, settings.qos()), true));
    }

    @Override
    public void command(String topic, byte[] payload) {
        ScheduledExecutorService w = worker;
        FleetLink l = link;
        if (w == null || l == null) {
            return;
        }
        if (pendingCommands.incrementAndGet() > MAX_PENDING_COMMANDS) {
            pendingCommands.decrementAndGet();
            if (floodReported.compareAndSet(false, true)) {
                Console.warn("mqtt: more than " + MAX_PENDING_COMMANDS + " commands waiting; newer ones are dropped without a reply");
            }
            return;
        }
        try {
            w.execute(() -> {
                pendingCommands.decrementAndGet();
                commands.serve(topic, payload).ifPresent(l::offer);
            });
        } catch (RejectedExecutionException stopping) {
            // deactivating: the requester gets no reply, as from a gateway that went away
            pendingCommands.decrementAndGet();
        }
    }

    @Override
    public void connected() {
        ScheduledExecutorService w = worker;
        try {
            if (w != null) {
                w.execute(this::publishStatus);
            }
        } catch (RejectedExecutionException stopping) {
            // deactivating: the offline status follows
        }
    }

    @Override
    public void report(String line) {
        if (line.contains("cannot") || line.contains("lost") || line.contains("dropped")) {
            Console.warn(line);
        } else {
            Console.line(line);
        }
    }

    private static String state(int s) {
        return switch (s) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.INSTALLED -> "INSTALLED";
            default -> "UNINSTALLED";
        };
    }

    /** The default gatewayId: the host name (as {@code hostname} prints it). */
    static String hostName() {
        try {
            String h = Files.readString(Path.of("/etc/hostname")).strip();
            if (!h.isEmpty()) {
                return h;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no such file: ask the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "wpa4j";
        }
    }
}
