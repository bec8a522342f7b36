package wpa4j.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import wpa4j.runtime.binding.CoreDriverSlot;
import wpa4j.runtime.binding.DriverBinder;
import wpa4j.runtime.binding.DriverRequirement;
import wpa4j.common.crypto.Psk;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.driver.WifiDriver;
import wpa4j.driver.types.ApInitParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;
import wpa4j.hostapd.core.ApConfig;
import wpa4j.hostapd.core.ApTiming;
import wpa4j.hostapd.core.Hostapd;
import wpa4j.sim.SimDriver;
import wpa4j.sim.medium.Medium;
import wpa4j.sim.medium.Radio;
import wpa4j.sim.medium.SimTiming;
import wpa4j.supplicant.SupplicantState;
import wpa4j.supplicant.core.NetworkConfig;
import wpa4j.supplicant.core.Supplicant;
import wpa4j.supplicant.core.SupplicantListener;
import wpa4j.supplicant.core.SupplicantTiming;

/**
 * End-to-end swap harness on the sim medium, wired as the OSGi components wire the cores but in plain Java:
 * a WPA2-PSK link carries a data frame every 10 ms each way while the AP's and the station's driver are
 * replaced N times, each time as a bundle update does it (the old service goes, then the new version comes).
 * Prints swap latency (unbind to bound and re-synced), state changes, lost frames and the longest gap.
 * Usage: SimSwapHarness [swaps, default 50]
 */
public final class SimSwapHarness {
    private static final Ssid SSID = Ssid.ofUtf8("wpa4j-bench");
    private static final String PASS = "benchmark passphrase";

    /** One core's side: its loop, binder and the RESYNC lines with their arrival times. */
    private static final class Side {
        final EventLoop loop;
        final DriverBinder binder = new DriverBinder();
        final BlockingQueue<Long> resyncs = new LinkedBlockingQueue<>();
        final List<String> events = new CopyOnWriteArrayList<>();
        Map<String, Object> current;

        Side(String name) {
            loop = new EventLoop(name);
        }

        void event(String line) {
            events.add(line);
            if (line.contains("DRIVER-RESYNC")) {
                resyncs.add(System.nanoTime());
            }
        }

        /** As a bundle update: the old service unregisters, the new version registers; returns ms to re-synced. */
        double swap(WifiDriver next, long id, String version) throws InterruptedException {
            Map<String, Object> props = props(id, next, version);
            long t0 = System.nanoTime();
            binder.remove(current);
            binder.add(next, props);
            current = props;
            Long t1 = resyncs.poll(10, TimeUnit.SECONDS);
            if (t1 == null) {
                throw new IllegalStateException("no re-sync within 10 s: " + events);
            }
            return (t1 - t0) / 1e6;
        }
    }

    /** The service properties the sim backend's DriverRegistry would give {@code d}. */
    /** The service properties a sim driver's registration has: what a {@code DriverBinder} ranks by. */
    static Map<String, Object> props(long id, WifiDriver d, String version) {
        Map<String, Object> p = new HashMap<>();
        p.put("service.id", id);
        p.put("service.ranking", SimDriver.RANKING);
        p.put(WifiDriver.PROP_IFNAME, d.ifname());
        p.put(WifiDriver.PROP_DRIVER, d.name());
        p.put(WifiDriver.PROP_DRIVER_VERSION, version);
        p.put(WifiDriver.PROP_CAPABILITIES, d.capabilities().tags().toArray(new String[0]));
        return p;
    }

    public static void main(String[] args) throws Exception {
        int swaps = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        // the cores' console lines (one per bind) would bury the figures: they go nowhere, the report to stdout
        PrintStream report = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try (Medium medium = new Medium(7, SimTiming.DEFAULT)) {
            Radio apRadio = medium.addRadio("sim0", MacAddress.parse("02:00:00:00:00:00"));
            Radio staRadio = medium.addRadio("sim1", MacAddress.parse("02:00:00:00:01:00"));
            Side ap = new Side("bench-ap");
            Side sta = new Side("bench-sta");
            List<SupplicantState> states = new CopyOnWriteArrayList<>();
            Hostapd apCore = new Hostapd(ap.loop, "sim0", new ApConfig(SSID, 1, Psk.fromPassphrase(PASS.getBytes(StandardCharsets.UTF_8), SSID),
                    HiddenSsid.NO_SSID_HIDING, 100, 2, 2007, 0, 0), ApTiming.DEFAULT, ap::event);
            Supplicant staCore = new Supplicant(sta.loop, "sim1", List.of(new NetworkConfig(0, SSID,
                    Psk.fromPassphrase(PASS.getBytes(StandardCharsets.UTF_8), SSID), false, 0, List.of(2412))), SupplicantTiming.DEFAULT,
                    SupplicantListener.of((from, to) -> states.add(to), sta::event));
            ap.binder.start(new DriverRequirement("sim0", "", List.of("ap")), ap.loop, new CoreDriverSlot("sim0", ap.loop, apCore,
                    (c, sink) -> c.driver().openAp(new ApInitParams("sim0", null, SSID, false, List.of()), sink)));
            sta.binder.start(new DriverRequirement("sim1", "", List.of("station")), sta.loop, new CoreDriverSlot("sim1", sta.loop, staCore,
                    (c, sink) -> c.driver().open("sim1", sink)));
            long id = 1;
            SimDriver apFirst = new SimDriver(medium, apRadio);
            ap.current = props(id++, apFirst, "1.0.0");
            ap.binder.add(apFirst, ap.current);
            SimDriver staFirst = new SimDriver(medium, staRadio);
            sta.current = props(id++, staFirst, "1.0.0");
            sta.binder.add(staFirst, sta.current);
            long deadline = System.currentTimeMillis() + 30_000;
            while (sta.loop.query(staCore::state) != SupplicantState.COMPLETED) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("no COMPLETED: " + sta.events);
                }
                Thread.sleep(10);
            }
            int statesBefore = states.size();

            List<Long> atAp = new CopyOnWriteArrayList<>();
            List<Long> atSta = new CopyOnWriteArrayList<>();
            apRadio.addDataListener((src, dst, type, payload) -> atAp.add(System.nanoTime()));
            staRadio.addDataListener((src, dst, type, payload) -> atSta.add(System.nanoTime()));
            AtomicInteger sent = new AtomicInteger();
            ScheduledExecutorService traffic = Executors.newSingleThreadScheduledExecutor();
            traffic.scheduleAtFixedRate(() -> {
                try {
                    staRadio.sendData(apRadio.mac(), 0x0800, Bytes.of(new byte[100]));
                    apRadio.sendData(staRadio.mac(), 0x0800, Bytes.of(new byte[100]));
                    sent.incrementAndGet();
                } catch (Exception e) {
                    // counted as lost: it never arrives
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
            Thread.sleep(500);

            List<Double> staLatency = new ArrayList<>();
            List<Double> apLatency = new ArrayList<>();
            for (int i = 1; i <= swaps; i++) {
                String version = "1.0." + i;
                apLatency.add(ap.swap(new SimDriver(medium, apRadio), id++, version));
                staLatency.add(sta.swap(new SimDriver(medium, staRadio), id++, version));
                Thread.sleep(20);
            }
            Thread.sleep(500);
            traffic.shutdown();
            traffic.awaitTermination(5, TimeUnit.SECONDS);
            Thread.sleep(200);
            int n = sent.get();
            report.println("wpa4j sim swap harness: " + swaps + " driver swaps per core (as bundle updates), data every 10 ms each way");
            report.println("  station swap latency (unbind -> new driver bound and re-synced): " + Stats.of(staLatency));
            report.println("  AP swap latency      (unbind -> new driver bound and re-synced): " + Stats.of(apLatency));
            report.println("  station state changes during the swaps: " + (states.size() - statesBefore) + " (link downtime 0 when this is 0)");
            report.println("  disconnects: " + sta.events.stream().filter(l -> l.startsWith("CTRL-EVENT-DISCONNECTED")).count()
                    + " station, " + ap.events.stream().filter(l -> l.startsWith("AP-STA-DISCONNECTED")).count() + " AP");
            report.printf("  frames: %d sent each way; lost %d station->AP, %d AP->station; longest gap between arrivals %.1f ms (nominal 10)%n",
                    n, n - atAp.size(), n - atSta.size(), Math.max(maxGapMs(atAp), maxGapMs(atSta)));
            ap.binder.stop();
            sta.binder.stop();
            ap.loop.close();
            sta.loop.close();
        }
    }

    private static double maxGapMs(List<Long> arrivals) {
        double max = 0;
        for (int i = 1; i < arrivals.size(); i++) {
            max = Math.max(max, (arrivals.get(i) - arrivals.get(i - 1)) / 1e6);
        }
        return max;
    }
}
