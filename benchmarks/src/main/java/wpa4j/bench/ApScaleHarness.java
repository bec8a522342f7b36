package wpa4j.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import wpa4j.common.crypto.Psk;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.driver.WifiDriver;
import wpa4j.driver.types.ApInitParams;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;
import wpa4j.hostapd.core.ApConfig;
import wpa4j.hostapd.core.ApTiming;
import wpa4j.hostapd.core.Hostapd;
import wpa4j.runtime.binding.CoreDriverSlot;
import wpa4j.runtime.binding.DriverBinder;
import wpa4j.runtime.binding.DriverRequirement;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.runtime.eloop.LoopThreads;
import wpa4j.sim.SimDriver;
import wpa4j.sim.medium.Medium;
import wpa4j.sim.medium.Radio;
import wpa4j.sim.medium.SimTiming;
import wpa4j.supplicant.core.NetworkConfig;
import wpa4j.supplicant.core.Supplicant;
import wpa4j.supplicant.core.SupplicantListener;
import wpa4j.supplicant.core.SupplicantTiming;

/**
 * The AP at scale on the sim medium, wired as the gateway's components wire the cores (one AP core on sim0, one
 * station core per radio sim1..simN, each bound to its sim driver through a {@link DriverBinder}), in plain Java.
 * The stations' configurations are made first and their drivers offered once the AP reports AP-ENABLED (stations coming
 * in range of a running AP); the clock runs from AP-ENABLED until the AP has reported AP-STA-CONNECTED (authorized: 4-way handshake done) for every station.
 * Prints the time to all authorized, the time to half of them, the resident memory, the threads and the
 * false AP-STA-POSSIBLE-PSK-MISMATCH reports, and where the time went (each state's median entry time, CPU per thread).
 * Usage: ApScaleHarness [stations, default 100] [timeout s, default 120] [warm-up stations, default 0: a cold JVM]
 */
public final class ApScaleHarness {
    private static final Ssid SSID = Ssid.ofUtf8("wpa4j-scale");
    private static final String PASS = "benchmark passphrase";

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int timeoutS = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        PrintStream report = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        if (warmUp > 0) {
            // a gateway that has served stations before: the same paths compiled by the JIT, as after a cold round
            report.println("(warm-up round of " + warmUp + " stations first, in the same JVM: figures below are the second round)");
            round(warmUp, timeoutS, new PrintStream(OutputStream.nullOutputStream()));
            System.gc();
        }
        round(n, timeoutS, report);
        double floorUs = ApHandshakeHarness.cryptoFloorUs(Psk.fromPassphrase(PASS.getBytes(StandardCharsets.UTF_8), SSID));
        report.printf(java.util.Locale.ROOT, "  anchor, same run: the crypto of the AP's half of a 4-way handshake %.1f us, %d stations' worth %.0f ms on one core%n",
                floorUs, n, floorUs * n / 1e3);
    }

    private static void round(int n, int timeoutS, PrintStream report) throws Exception {
        // one PBKDF2 for all: the gateway derives a network's PSK when it reads the configuration, not on the air
        SecretKeyBytes psk = Psk.fromPassphrase(PASS.getBytes(StandardCharsets.UTF_8), SSID);
        CountDownLatch enabled = new CountDownLatch(1);
        CountDownLatch authorized = new CountDownLatch(n);
        AtomicLong half = new AtomicLong();
        AtomicInteger connected = new AtomicInteger();
        java.util.Queue<Long> connectedAt = new java.util.concurrent.ConcurrentLinkedQueue<>();
        // when the stations first entered each state: where the time goes, phase by phase
        Map<wpa4j.supplicant.SupplicantState, java.util.Queue<Long>> entered = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger mismatch = new AtomicInteger();
        AtomicInteger staDisconnects = new AtomicInteger();
        Map<String, Integer> whyDisconnected = new java.util.concurrent.ConcurrentHashMap<>();
        long[] enabledAt = new long[1];
        List<AutoCloseable> closing = new ArrayList<>();
        List<EventLoop> stationLoops = new ArrayList<>();
        try (Medium medium = new Medium(7, SimTiming.DEFAULT)) {
            Radio apRadio = medium.addRadio("sim0", new MacAddress(0x0200_0000_0000L));
            EventLoop apLoop = new EventLoop("wpa4j-ap-sim0", Hostapd.MAX_QUEUED_EVENTS, LoopThreads.shared());
            closing.add(apLoop);
            Hostapd ap = new Hostapd(apLoop, "sim0", new ApConfig(SSID, 1, psk, HiddenSsid.NO_SSID_HIDING, 100, 2, 2007, 0, 0),
                    ApTiming.DEFAULT, line -> {
                        if (line.equals("AP-ENABLED")) {
                            enabledAt[0] = System.nanoTime();
                            enabled.countDown();
                        } else if (line.startsWith("AP-STA-CONNECTED")) {
                            connectedAt.add(System.nanoTime());
                            if (connected.incrementAndGet() == (n + 1) / 2) {
                                half.set(System.nanoTime());
                            }
                            authorized.countDown();
                        } else if (line.startsWith("AP-STA-POSSIBLE-PSK-MISMATCH")) {
                            mismatch.incrementAndGet();
                        }
                    });
            Map<String, AtomicInteger> apOps = new java.util.concurrent.ConcurrentHashMap<>();
            Runnable apBind = bind(ap, apLoop, "sim0", new SimDriver(medium, apRadio), List.of("ap"), closing,
                    (c, sink) -> counted(c.driver().openAp(new ApInitParams("sim0", null, SSID, false, List.of()), sink), apOps));
            List<Runnable> binds = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                String ifname = "sim" + i;
                Radio r = medium.addRadio(ifname, new MacAddress(0x0200_0000_0000L | (long) i << 8));
                EventLoop loop = new EventLoop("wpa4j-sta-" + ifname, EventLoop.DEFAULT_MAX_QUEUED_EVENTS, LoopThreads.shared());
                closing.add(loop);
                stationLoops.add(loop);
                Supplicant sta = new Supplicant(loop, ifname, List.of(new NetworkConfig(0, SSID, psk, false, 0, List.of(2412))),
                        SupplicantTiming.DEFAULT, SupplicantListener.of((from, to) -> entered.computeIfAbsent(to, k -> new java.util.concurrent.ConcurrentLinkedQueue<>()).add(System.nanoTime()), line -> {
                            if (line.startsWith("CTRL-EVENT-DISCONNECTED")) {
                                staDisconnects.incrementAndGet();
                                whyDisconnected.merge(line.replaceAll(".*(reason=\\S+).*", "$1"), 1, Integer::sum);
                            } else if (line.startsWith("CTRL-EVENT-ASSOC-REJECT") || line.startsWith("CTRL-EVENT-AUTH-REJECT")) {
                                whyDisconnected.merge(line.replaceAll(" bssid=\\S+", ""), 1, Integer::sum);
                            }
                        }));
                binds.add(bind(sta, loop, ifname, new SimDriver(medium, r), List.of("station"), closing,
                        (c, sink) -> c.driver().open(ifname, sink)));
            }
            long rssBefore = rssKb();
            long t0 = System.nanoTime();
            apBind.run();
            boolean on = enabled.await(30, TimeUnit.SECONDS);
            // the stations come when the AP is up, as stations come in range of a running AP: their first scan finds it
            binds.forEach(Runnable::run);
            boolean all = on && authorized.await(timeoutS, TimeUnit.SECONDS);
            long t1 = System.nanoTime();
            long rss = rssKb();
            int threads = Thread.activeCount();
            report.printf("wpa4j AP scale on the sim medium: 1 AP core, %d station cores (WPA2-PSK), %d cores, max heap %d MB%n",
                    n, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            if (!on) {
                report.println("  AP-ENABLED never came");
            } else {
                report.printf("  %s: %d of %d stations authorized (AP-STA-CONNECTED) %.3f s after AP-ENABLED%s%n",
                        all ? "done" : "TIMED OUT", connected.get(), n, (t1 - enabledAt[0]) / 1e9,
                        half.get() == 0 ? "" : String.format(" (half of them at %.3f s)", (half.get() - enabledAt[0]) / 1e9));
                List<Double> ms = connectedAt.stream().map(t -> (t - enabledAt[0]) / 1e6).toList();
                report.println("  authorized after AP-ENABLED: " + Stats.of(ms));
                StringBuilder phases = new StringBuilder("  stations entering each state after AP-ENABLED (median ms):");
                for (wpa4j.supplicant.SupplicantState st : wpa4j.supplicant.SupplicantState.values()) {
                    java.util.Queue<Long> at = entered.get(st);
                    if (at != null) {
                        phases.append(String.format(" %s %.0f", st, Stats.of(at.stream().map(t -> (t - enabledAt[0]) / 1e6).toList()).median()));
                    }
                }
                report.println(phases);
                report.printf("  binding to AP-ENABLED: %.3f s%n", (enabledAt[0] - t0) / 1e9);
            }
 report.printf("  busy: the AP's loop %.2f s, the stations' loops %.2f s in all%n", apLoop.busyNanos() / 1e9,
                    stationLoops.stream().mapToLong(EventLoop::busyNanos).sum() / 1e9);
            report.println("  the AP's driver ops per station: " + apOps.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> String.format(java.util.Locale.ROOT, "%s %.1f", e.getKey(), e.getValue().get() / (double) n))
                    .collect(java.util.stream.Collectors.joining(", ")));
            report.println("  CPU time by thread: " + cpuByThread() + ", GC " + gcMs() + " ms");
            report.printf("  resident memory %d MB (%d MB before binding), %d threads%n", rss >> 10, rssBefore >> 10, threads);
            report.printf("  false AP-STA-POSSIBLE-PSK-MISMATCH: %d, station disconnects: %d%n", mismatch.get(), staDisconnects.get());
            // one line for ApScaleCurve to read
            report.printf(java.util.Locale.ROOT, "figures: stations=%d authorized=%d seconds=%.3f rssMb=%d threads=%d mismatch=%d%n", n, connected.get(),
                    on ? (t1 - enabledAt[0]) / 1e9 : Double.NaN, rss >> 10, threads, mismatch.get());
            if (!whyDisconnected.isEmpty()) {
                report.println("  station setbacks: " + whyDisconnected);
            }
            for (int i = closing.size() - 1; i >= 0; i--) {
                closing.get(i).close();
            }
        }
    }

    /** The binding the gateway's core component does: returns the step that offers the driver as its service would be. */
    private static Runnable bind(CoreDriverSlot.Core core, EventLoop loop, String ifname, WifiDriver driver, List<String> needs,
            List<AutoCloseable> closing, CoreDriverSlot.Opener opener) {
        DriverBinder binder = new DriverBinder();
        binder.start(new DriverRequirement(ifname, "", needs), loop, new CoreDriverSlot(ifname, loop, core, opener));
        closing.add(binder::stop);
        Map<String, Object> props = SimSwapHarness.props(ifname.hashCode(), driver, "1.0.0");
        return () -> binder.add(driver, props);
    }

    /** {@code d}, its ops counted by name into {@code counts}. */
    private static wpa4j.driver.DriverInterface counted(wpa4j.driver.DriverInterface d, Map<String, AtomicInteger> counts) {
        return (wpa4j.driver.DriverInterface) java.lang.reflect.Proxy.newProxyInstance(wpa4j.driver.DriverInterface.class.getClassLoader(),
                new Class<?>[] {wpa4j.driver.DriverInterface.class}, (proxy, m, a) -> {
                    counts.computeIfAbsent(m.getName(), k -> new AtomicInteger()).incrementAndGet();
                    try {
                        return m.invoke(d, a);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** CPU seconds of the busiest threads, named (the air's, the loops', the JIT's), as "name 1.23 s". */
    private static String cpuByThread() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> byName = new HashMap<>();
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null) {
                byName.merge(t.getThreadName().replaceAll("-\\d+$", ""), Math.max(0, mx.getThreadCpuTime(t.getThreadId())), Long::sum);
            }
        }
        return byName.entrySet().stream().filter(e -> e.getValue() > 50_000_000L).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format("%s %.2f s", e.getKey(), e.getValue() / 1e9)).collect(java.util.stream.Collectors.joining(", "));
    }

    private static long gcMs() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    /** This process's resident set (VmRSS) in kB, 0 where /proc is not there. */
    static long rssKb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return 0;
    }
}
