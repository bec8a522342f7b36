package wpa4j.bench;

import static wpa4j.bench.Shell.await;
import static wpa4j.bench.Shell.firstLine;
import static wpa4j.bench.Shell.sh;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import wpa4j.common.crypto.Psk;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.types.ApInitParams;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.driver.types.Ssid;
import wpa4j.hostapd.core.ApConfig;
import wpa4j.hostapd.core.ApTiming;
import wpa4j.hostapd.core.Hostapd;
import wpa4j.nl80211.Nl80211Stack;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.runtime.eloop.LoopThreads;

/**
 * The AP half of {@code benchmarks/run.sh vm-assoc}, in the hwsim VM: N real stations (Debian's wpa_supplicant, one
 * process driving wlan1..wlanN, WPA2-PSK, scan_freq 2412) join an AP on wlan0 that is, alternately, wpa4j's AP core
 * over the nl80211 backend (wired as the gateway wires it: its loop on the shared threads) and Debian's hostapd with
 * the same settings. The AP is up first; the clock starts when wpa_supplicant is launched and each station counts as
 * authorized at the AP's AP-STA-CONNECTED (ours: the core's line; hostapd's: its {@code -t} time stamp in its log, the
 * same wall clock). Then wpa_supplicant is terminated (the stations deauthenticate), the AP is waited on to have no
 * station and is stopped. Untimed warm-up pairs first (one unless told). Prints figures only.
 * With a log directory, every run's logs go there (wpa_supplicant's with {@code -t}, the AP's lines), and each run
 * prints what the stations went through (scans, NETWORK-NOT-FOUND, rejections, disconnections, from wpa_supplicant's log).
 * Arguments: {@code [runs (5)] [stations (20)] [AP ifname (wlan0)] [directory for the logs] [warm-up pairs (1)]}.
 */
public final class ApConnectHarness {
    private static final String SSID = "wpa4j-ap-bench";
    private static final String PASSWORD = "ap benchmark password";
    private static final Pattern HOSTAPD_CONNECTED = Pattern.compile("^(\\d+)\\.(\\d{6}): \\S+: AP-STA-CONNECTED (\\S+).*$");
    private static final Path STA_CONF = Path.of("/tmp/wpa_supplicant-ap-bench.conf");
    private static final Path HOSTAPD_CONF = Path.of("/tmp/hostapd-ap-bench.conf");
    private static final Path HOSTAPD_LOG = Path.of("/tmp/hostapd-ap-bench.log");

    private static final Path STA_LOG = Path.of("/tmp/wpa_supplicant-ap-bench.log");
    /** What a station may go through on its way, as wpa_supplicant logs it: counted per run. */
    private static final List<String> STATION_MARKS = List.of("CTRL-EVENT-SCAN-RESULTS", "CTRL-EVENT-NETWORK-NOT-FOUND", "Trying to authenticate",
            "CTRL-EVENT-ASSOC-REJECT", "CTRL-EVENT-AUTH-REJECT", "CTRL-EVENT-DISCONNECTED", "WPA: 4-Way Handshake failed");

    private static PrintStream report;
    private static Path logs;

    private ApConnectHarness() {}

    /** How many stations the AP has authorized so far (it may read a log). */
    interface Counter {
        int count() throws Exception;
    }

    /** One run: each station's time from the launch of wpa_supplicant to its AP-STA-CONNECTED at the AP (ms). */
    record Run(List<Double> authorizedMs, int stations) {
        boolean complete() {
            return authorizedMs.size() == stations;
        }

        double lastMs() {
            return authorizedMs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }

        double medianMs() {
            return authorizedMs.isEmpty() ? Double.NaN : Stats.of(authorizedMs).median();
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String apIf = args.length > 2 ? args[2] : "wlan0";
        logs = args.length > 3 && !args[3].isEmpty() ? Files.createDirectories(Path.of(args[3])) : null;
        int warmUps = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        report = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        List<String> stations = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            stations.add("wlan" + i);
        }
        report.printf("wpa4j AP connect harness: %d real wpa_supplicant stations join wpa4j's AP core / Debian's hostapd on %s, %d runs each, alternating%n",
                n, apIf, runs);
        report.printf("  VM: %s; %d CPU(s); peers: %s, %s%n", sh("uname -r").trim(), Runtime.getRuntime().availableProcessors(),
                firstLine(sh("hostapd -v 2>&1 | grep -m1 hostapd")), firstLine(sh("wpa_supplicant -v 2>&1 | grep -m1 wpa_supplicant")));
        StringBuilder conf = new StringBuilder("ctrl_interface=/var/run/wpa_supplicant\nnetwork={\n ssid=\"" + SSID + "\"\n psk=\"" + PASSWORD
                + "\"\n key_mgmt=WPA-PSK\n proto=RSN\n pairwise=CCMP\n group=CCMP\n scan_freq=2412\n}\n");
        Files.writeString(STA_CONF, conf);
        Files.writeString(HOSTAPD_CONF, "interface=" + apIf + "\ndriver=nl80211\nctrl_interface=/var/run/hostapd\nssid=" + SSID
                + "\nhw_mode=g\nchannel=1\nmax_num_sta=2007\nwpa=2\nwpa_key_mgmt=WPA-PSK\nrsn_pairwise=CCMP\nwpa_passphrase=" + PASSWORD + "\n");
        List<Run> ours = new ArrayList<>();
        List<Run> theirs = new ArrayList<>();
        try (Nl80211Stack stack = Nl80211Stack.open(null)) {
            for (int w = 1; w <= warmUps; w++) {
                Run wo = ours(stack, apIf, stations, "warmup" + w);
                Run wh = hostapd(apIf, stations, "warmup" + w);
                report.printf("  warm-up %d (not counted): wpa4j all %d in %.0f ms, hostapd all in %.0f ms%n", w, n, wo.lastMs(), wh.lastMs());
            }
            report.println("  run   wpa4j AP: median / all authorized      hostapd: median / all authorized     wpa4j/hostapd (all)");
            for (int i = 1; i <= runs; i++) {
                Run o = ours(stack, apIf, stations, Integer.toString(i));
                Run h = hostapd(apIf, stations, Integer.toString(i));
                report.printf("  %3d   %10.0f / %8.0f ms %s   %10.0f / %8.0f ms %s   %19.2f%n", i, o.medianMs(), o.lastMs(), o.complete() ? " " : "!",
                        h.medianMs(), h.lastMs(), h.complete() ? " " : "!", o.lastMs() / h.lastMs());
                ours.add(o);
                theirs.add(h);
            }
        }
        report.println("  (! : not all stations authorized within 60 s)");
        report.println("  wpa4j AP core, launch -> all authorized:   " + Stats.of(ours.stream().map(Run::lastMs).toList()).minMedianMax());
        report.println("  Debian hostapd, launch -> all authorized:  " + Stats.of(theirs.stream().map(Run::lastMs).toList()).minMedianMax());
        report.println("  wpa4j AP core, each station (all runs):     " + Stats.of(ours.stream().flatMap(r -> r.authorizedMs().stream()).toList()).minMedianMax());
        report.println("  Debian hostapd, each station (all runs):    " + Stats.of(theirs.stream().flatMap(r -> r.authorizedMs().stream()).toList()).minMedianMax());
        report.printf(java.util.Locale.ROOT, "figures: stations=%d runs=%d wpa4jAllMs=%.0f hostapdAllMs=%.0f%n", n, runs,
                Stats.of(ours.stream().map(Run::lastMs).toList()).median(), Stats.of(theirs.stream().map(Run::lastMs).toList()).median());
    }

    private static Run ours(Nl80211Stack stack, String apIf, List<String> stations, String run) throws Exception {
        Ssid ssid = Ssid.ofUtf8(SSID);
        ApConfig config = new ApConfig(ssid, 1, Psk.fromPassphrase(PASSWORD.getBytes(StandardCharsets.UTF_8), ssid), HiddenSsid.NO_SSID_HIDING,
                100, 2, 2007, 0, 0);
        Map<String, Long> connectedAt = new ConcurrentHashMap<>();
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (EventLoop loop = new EventLoop("wpa4j-ap-" + apIf, Hostapd.MAX_QUEUED_EVENTS, LoopThreads.shared())) {
            Hostapd ap = new Hostapd(loop, apIf, config, ApTiming.DEFAULT, line -> {
                lines.add(String.format(java.util.Locale.ROOT, "%.6f: %s", System.currentTimeMillis() / 1e3, line));
                if (line.startsWith("AP-STA-CONNECTED ")) {
                    connectedAt.putIfAbsent(line.split(" ")[1], System.currentTimeMillis() * 1000);
                }
            });
            // each event's wait in the loop's queue and its run on the loop, by kind: where the AP's latency goes
            Map<String, List<double[]>> times = new ConcurrentHashMap<>();
            DriverInterface driver = stack.driver(apIf).openAp(new ApInitParams(apIf, null, ssid, false, List.of()), e -> {
                long delivered = System.nanoTime();
                loop.execute(() -> {
                    long started = System.nanoTime();
                    ap.onEvent(e);
                    times.computeIfAbsent(kind(e), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                            .add(new double[] {(started - delivered) / 1e6, (System.nanoTime() - started) / 1e6});
                });
            });
            Map<String, List<Double>> opTimes = new ConcurrentHashMap<>();
            DriverInterface timed = timed(driver, opTimes);
            loop.call(() -> {
                ap.attach(timed);
                return null;
            });
            await(() -> lines.stream().anyMatch(l -> l.endsWith(": AP-ENABLED")), 30, () -> "wpa4j's AP enabled: " + lines);
            if (logs != null) {
                // one netlink round trip with nothing else going on (the group key's counter, GET_KEY), on the AP's loop
                List<Double> idle = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    idle.add(loop.call(() -> {
                        long t0 = System.nanoTime();
                        driver.getSeqnum(apIf, null, 1);
                        return (System.nanoTime() - t0) / 1e6;
                    }));
                }
                report.println("        wpa4j-" + run + ", get_seqnum on an idle AP (ms): " + Stats.of(idle).minMedianMax());
            }
            long busy = loop.busyNanos();
            Run result = join(stations, connectedAt::size, connectedAt, "wpa4j-" + run);
            if (logs != null) {
                report.printf("        wpa4j-%s, the AP's loop: busy %.0f ms; per event kind: count, wait in the queue median/max, run median/max (ms):%n",
                        run, (loop.busyNanos() - busy) / 1e6);
                times.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(t -> report.printf(java.util.Locale.ROOT,
                        "          %-22s %4d   %7.1f / %7.1f   %7.1f / %7.1f%n", t.getKey(), t.getValue().size(),
                        Stats.of(t.getValue().stream().map(a -> a[0]).toList()).median(), t.getValue().stream().mapToDouble(a -> a[0]).max().orElse(0),
                        Stats.of(t.getValue().stream().map(a -> a[1]).toList()).median(), t.getValue().stream().mapToDouble(a -> a[1]).max().orElse(0)));
                report.println("          the AP's driver ops (count, median/max ms): " + opTimes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(o -> String.format(java.util.Locale.ROOT, "%s %d %.1f/%.1f", o.getKey(), o.getValue().size(), Stats.of(o.getValue()).median(),
                                o.getValue().stream().mapToDouble(Double::doubleValue).max().orElse(0)))
                        .collect(java.util.stream.Collectors.joining(", ")));
            }
            await(() -> loop.query(ap::stationEntries) == 0, 30, () -> "the stations gone from wpa4j's AP: " + lines);
            keep("wpa4j-" + run + "-ap.log", String.join("\n", lines));
            loop.call(() -> {
                ap.stop();
                return null;
            });
            driver.close();
            return result;
        }
    }

    private static Run hostapd(String apIf, List<String> stations, String run) throws Exception {
        Files.deleteIfExists(HOSTAPD_LOG);
        sh("mkdir -p /var/run/hostapd && hostapd -B -t -P /tmp/hostapd-ap-bench.pid -f " + HOSTAPD_LOG + " " + HOSTAPD_CONF);
        await(() -> sh("hostapd_cli -i " + apIf + " status 2>/dev/null || true").contains("state=ENABLED"), 30,
                () -> "hostapd enabled; its log:\n" + read(HOSTAPD_LOG));
        Map<String, Long> connectedAt = new ConcurrentHashMap<>();
        long[] readUpTo = {0};
        Run result = join(stations, () -> {
            // only what hostapd wrote since the last look: the polling must not take the one CPU from hostapd
            try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(HOSTAPD_LOG.toFile(), "r")) {
                int end = (int) (f.length() - readUpTo[0]);
                byte[] fresh = new byte[Math.max(end, 0)];
                f.seek(readUpTo[0]);
                f.readFully(fresh);
                // whole lines only, counted in bytes: a line hostapd is still writing is read next time
                int lastLine = fresh.length;
                while (lastLine > 0 && fresh[lastLine - 1] != '\n') {
                    lastLine--;
                }
                String text = new String(fresh, 0, lastLine, StandardCharsets.UTF_8);
                readUpTo[0] += lastLine;
                for (String line : text.split("\n")) {
                    Matcher m = HOSTAPD_CONNECTED.matcher(line);
                    if (m.matches()) {
                        connectedAt.putIfAbsent(m.group(3), Long.parseLong(m.group(1)) * 1_000_000L + Long.parseLong(m.group(2)));
                    }
                }
            }
            return connectedAt.size();
        }, connectedAt, "hostapd-" + run);
        await(() -> sh("hostapd_cli -i " + apIf + " all_sta 2>/dev/null || true").lines().noneMatch(l -> l.matches("^([0-9a-f]{2}:){5}[0-9a-f]{2}$")), 30,
                "the stations gone from hostapd");
        sh("kill $(cat /tmp/hostapd-ap-bench.pid) 2>/dev/null; while pgrep -x hostapd >/dev/null; do sleep 0.05; done; true");
        keep("hostapd-" + run + "-ap.log", read(HOSTAPD_LOG));
        return result;
    }

    /**
     * Launches wpa_supplicant on every station interface (down before, so it brings them up itself), waits until
     * {@code authorized} counts them all (60 s at most), terminates it; each station's time from the launch.
     */
    private static Run join(List<String> stations, Counter authorized, Map<String, Long> connectedAtMicros, String run) throws Exception {
        sh("for i in " + String.join(" ", stations) + "; do ip link set $i down; done");
        Files.deleteIfExists(STA_LOG);
        List<String> command = new ArrayList<>(List.of("wpa_supplicant", "-B", "-t", "-f", STA_LOG.toString(), "-P", "/tmp/wpa_supplicant-ap-bench.pid",
                "-D", "nl80211"));
        for (int i = 0; i < stations.size(); i++) {
            if (i > 0) {
                command.add("-N");
            }
            command.addAll(List.of("-i", stations.get(i), "-c", STA_CONF.toString()));
        }
        long startMicros = System.currentTimeMillis() * 1000;
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        long deadline = System.currentTimeMillis() + 60_000;
        while (authorized.count() < stations.size() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        sh("kill $(cat /tmp/wpa_supplicant-ap-bench.pid) 2>/dev/null; while pgrep -x wpa_supplicant >/dev/null; do sleep 0.05; done; true");
        String log = read(STA_LOG);
        if (logs != null) {
            StringBuilder marks = new StringBuilder("        " + run + ", the stations' log:");
            for (String mark : STATION_MARKS) {
                marks.append(' ').append(mark).append(' ').append(log.lines().filter(l -> l.contains(mark)).count());
            }
            report.println(marks);
            keep(run + "-wpa_supplicant.log", log);
        }
        return new Run(connectedAtMicros.values().stream().map(t -> (t - startMicros) / 1000.0).toList(), stations.size());
    }

    /** {@code d}, each op's duration recorded by name into {@code times} (ms). */
    private static DriverInterface timed(DriverInterface d, Map<String, List<Double>> times) {
        return (DriverInterface) java.lang.reflect.Proxy.newProxyInstance(DriverInterface.class.getClassLoader(), new Class<?>[] {DriverInterface.class},
                (proxy, m, a) -> {
                    long t0 = System.nanoTime();
                    try {
                        return m.invoke(d, a);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        times.computeIfAbsent(m.getName(), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add((System.nanoTime() - t0) / 1e6);
                    }
                });
    }

    /** An event's kind for the timing table: management frames by subtype. */
    private static String kind(wpa4j.driver.event.DriverEvent e) {
        if (e instanceof wpa4j.driver.event.DriverEvent.RxMgmt m && m.frame().length() >= 24) {
            return "RX_MGMT " + wpa4j.common.frame.MgmtSubtype.of(m.frame().u8(0) >> 4 & 0xf);
        }
        return e.type().name();
    }

    private static void keep(String name, String text) throws java.io.IOException {
        if (logs != null) {
            Files.writeString(logs.resolve(name), text);
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
