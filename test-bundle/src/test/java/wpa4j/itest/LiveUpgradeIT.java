package wpa4j.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static wpa4j.itest.ItestSupport.await;
import static wpa4j.itest.ItestSupport.bundleByName;
import static wpa4j.itest.ItestSupport.scrRuntime;
import static wpa4j.itest.ItestSupport.wifiStack;
import static wpa4j.itest.ItestSupport.wpa4jBundles;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;

import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.WifiDriver;
import wpa4j.driver.event.DriverEventSink;
import wpa4j.driver.types.Bytes;
import wpa4j.hostapd.ApControl;
import wpa4j.sim.medium.MediumService;
import wpa4j.sim.medium.Radio;
import wpa4j.supplicant.SupplicantControl;
import wpa4j.supplicant.SupplicantState;

/**
 * Issue #7 on the sim medium: the driver bundle under both cores is replaced while a WPA2-PSK link carries a
 * data frame every 10 ms each way. The link must not notice: no state change, no frame lost, no deauth.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class LiveUpgradeIT {
    private static final int UPDATES = 20;

    @Inject
    private BundleContext context;
    @Inject
    private ConfigurationAdmin cm;
    @Inject
    private MediumService mediumService;

    @Configuration
    public Option[] config() {
        return options(scrRuntime(), wpa4jBundles(), wifiStack());
    }

    @After
    public void removeConfigurations() throws Exception {
        SimWifi.deleteConfigurations(cm);
    }

    /** Data frames with sequence numbers, every 10 ms from each side, and what arrived where. */
    private final class Traffic implements AutoCloseable {
        final Radio ap;
        final Radio sta;
        final List<Integer> atAp = new CopyOnWriteArrayList<>();
        final List<Integer> atSta = new CopyOnWriteArrayList<>();
        final List<String> sendErrors = new CopyOnWriteArrayList<>();
        final AtomicInteger sent = new AtomicInteger();
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        Traffic() throws Exception {
            ap = mediumService.medium().radio("sim0");
            sta = mediumService.medium().radio("sim1");
            ap.addDataListener((src, dst, type, payload) -> atAp.add(Integer.parseInt(new String(payload.toArray()))));
            sta.addDataListener((src, dst, type, payload) -> atSta.add(Integer.parseInt(new String(payload.toArray()))));
            timer.scheduleAtFixedRate(() -> {
                int n = sent.getAndIncrement();
                Bytes seq = Bytes.of(Integer.toString(n).getBytes());
                try {
                    sta.sendData(ap.mac(), 0x0800, seq);
                    ap.sendData(sta.mac(), 0x0800, seq);
                } catch (DriverException e) {
                    sendErrors.add(n + ": " + e.getMessage());
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
        }

        /** Stops sending and checks every frame arrived, once and in order, on both sides. */
        void assertNothingLost() throws Exception {
            timer.shutdown();
            assertTrue(timer.awaitTermination(5, TimeUnit.SECONDS));
            int n = sent.get();
            assertEquals(List.of(), sendErrors);
            await(() -> atAp.size() + atSta.size(), x -> x == 2 * n, "all " + n + " frames each way");
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                expected.add(i);
            }
            assertEquals(expected, atAp);
            assertEquals(expected, atSta);
            assertEquals(0, ap.counters().rxDecryptFailed() + sta.counters().rxDecryptFailed());
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    private SupplicantControl connected() throws Exception {
        SimWifi.ap(cm, SimWifi.PASS, 0);
        SimWifi.station(cm, SimWifi.PASS, false);
        SupplicantControl sta = SimWifi.sta(context);
        SimWifi.awaitCompleted(sta);
        await(SimWifi.apControl(context)::stations, l -> l.size() == 1 && l.get(0).flags().contains("[AUTHORIZED]"), "station authorized at the AP");
        return sta;
    }

    /** The link kept: the station never left COMPLETED, nobody deauthenticated, the AP still has its station. */
    private static void assertLinkKept(SupplicantControl sta, ApControl ap, long stateLinesBefore) {
        List<String> ev = sta.recentEvents();
        assertEquals(ev.toString(), stateLinesBefore, SimWifi.count(ev, "State: "));
        assertEquals(ev.toString(), 0, SimWifi.count(ev, "CTRL-EVENT-DISCONNECTED"));
        assertEquals(SupplicantState.COMPLETED, sta.status().state());
        assertEquals(ap.recentEvents().toString(), 0, SimWifi.count(ap.recentEvents(), "AP-STA-DISCONNECTED"));
        assertEquals(1, ap.stations().size());
    }

    @Test
    public void updatingTheSimDriverBundle20TimesUnderTrafficKeepsBothCoresLinked() throws Exception {
        SupplicantControl sta = connected();
        ApControl ap = SimWifi.apControl(context);
        long stateLines = SimWifi.count(sta.recentEvents(), "State: ");
        Bundle sim = bundleByName(context, "wpa4j.sim");
        try (Traffic traffic = new Traffic()) {
            for (int i = 1; i <= UPDATES; i++) {
                int n = i;
                sim.update(Jars.withVersion(System.getProperty("bundle.sim"), "1.0.0.update" + i));
                assertEquals("1.0.0.update" + i, sim.getVersion().toString());
                // each rebind re-syncs from the driver: one resync line per core and update
                await(sta::recentEvents, l -> SimWifi.count(l, "CTRL-EVENT-DRIVER-RESYNC") == n, "station re-synced after update " + n);
                await(ap::recentEvents, l -> SimWifi.count(l, "AP-DRIVER-RESYNC") == n, "AP re-synced after update " + n);
            }
            traffic.assertNothingLost();
        }
        assertLinkKept(sta, ap, stateLines);
        assertEquals("one bind per update, no more", UPDATES, SimWifi.count(sta.recentEvents(), "CTRL-EVENT-DRIVER-RESYNC"));
        assertEquals(UPDATES, SimWifi.count(ap.recentEvents(), "AP-DRIVER-RESYNC"));
        assertTrue(sta.driverCandidates().toString(), sta.driverCandidates().stream().anyMatch(l -> l.contains("1.0.0.update" + UPDATES)));
    }

    @Test
    public void aHigherRankedBackendTakesOverLiveAndStoppingItFallsBackLive() throws Exception {
        SupplicantControl sta = connected();
        ApControl ap = SimWifi.apControl(context);
        long stateLines = SimWifi.count(sta.recentEvents(), "State: ");
        ServiceReference<WifiDriver> simRef = context.getServiceReferences(WifiDriver.class, "(wifi.ifname=sim1)").iterator().next();
        WifiDriver sim = context.getService(simRef);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(WifiDriver.PROP_IFNAME, "sim1");
        props.put(WifiDriver.PROP_DRIVER, "sim-b");
        props.put(WifiDriver.PROP_DRIVER_VERSION, "2.0.0");
        props.put(WifiDriver.PROP_CAPABILITIES, sim.capabilities().tags().toArray(new String[0]));
        props.put(Constants.SERVICE_RANKING, 1000);
        try (Traffic traffic = new Traffic()) {
            ServiceRegistration<WifiDriver> better = context.registerService(WifiDriver.class, new Renamed(sim, "sim-b"), props);
            await(() -> sta.status().driver(), d -> d.equals("sim-b"), "the station moved to the higher-ranked backend");
            Thread.sleep(200);
            better.unregister();
            await(() -> sta.status().driver(), d -> d.equals("sim"), "the station fell back to sim");
            Thread.sleep(200);
            traffic.assertNothingLost();
        }
        assertEquals(2, SimWifi.count(sta.recentEvents(), "CTRL-EVENT-DRIVER-RESYNC"));
        assertLinkKept(sta, ap, stateLines);
    }

    /** Another backend's driver for the same radio: the sim driver under another name (the role of "sim vB"). */
    private static final class Renamed implements WifiDriver {
        private final WifiDriver sim;
        private final String name;

        Renamed(WifiDriver sim, String name) {
            this.sim = sim;
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return name + " over " + sim.description();
        }

        @Override
        public String ifname() {
            return sim.ifname();
        }

        @Override
        public Capabilities capabilities() {
            return sim.capabilities();
        }

        @Override
        public DriverInterface open(String ifname, DriverEventSink sink) throws DriverException {
            DriverInterface d = sim.open(ifname, sink);
            return (DriverInterface) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DriverInterface.class},
                    (proxy, m, args) -> m.getName().equals("driverName") ? name : invoke(m, d, args));
        }

        private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
            try {
                return m.invoke(target, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
