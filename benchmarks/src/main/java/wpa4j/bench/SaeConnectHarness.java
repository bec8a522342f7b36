package wpa4j.bench;

import static wpa4j.bench.Shell.await;
import static wpa4j.bench.Shell.firstLine;
import static wpa4j.bench.Shell.sh;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import wpa4j.common.crypto.Psk;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.Ssid;
import wpa4j.nl80211.Nl80211Stack;
import wpa4j.supplicant.SupplicantState;
import wpa4j.supplicant.core.NetworkConfig;
import wpa4j.supplicant.core.NetworkSecurity;
import wpa4j.supplicant.core.Supplicant;
import wpa4j.supplicant.core.SupplicantListener;
import wpa4j.supplicant.core.SupplicantTiming;

/**
 * Time to connect on the real kernel (run in the hwsim VM by {@code benchmarks/run.sh vm-assoc} or {@code vm-sae}):
 * Debian's hostapd on {@code wlan2}, its radio in namespace "ap", with WPA2-PSK ({@code psk}) or WPA3-Personal
 * ({@code wpa_key_mgmt=SAE}, {@code ieee80211w=2}, {@code sae_pwe} 0 (hunting-and-pecking) and/or 1
 * (hash-to-element)); then, alternately on the same radio {@code wlan1}:
 * <ul>
 * <li>wpa4j's station core over the nl80211 backend (as the real-kernel tests build it): from opening the driver
 * (interface up, netlink socket) and attaching the core, to the core reaching COMPLETED; then it disconnects and
 * hostapd is waited on to drop the station;</li>
 * <li>Debian's wpa_supplicant ({@code -D nl80211}, the same network and settings): from the process start to its own time stamp ({@code -t}) of {@code CTRL-EVENT-CONNECTED}, which
 * it logs where it enters COMPLETED; then it is terminated (SIGTERM) and hostapd is waited on to drop it.</li>
 * </ul>
 * Before each attempt {@code wlan1} is set down, so both bring it up as part of their start. One untimed warm-up pair
 * comes first (printed, not counted): it holds the JVM's class loading and first compilations. Prints figures only;
 * nothing about time is asserted.
 *
 * <p>Arguments: {@code [runs (10)] [networks: "psk" and/or sae_pwe values, e.g. "psk,0,1" (default "0,1")] [station
 * ifname (wlan1)] [AP ifname (wlan2)]
 * [directory for the logs]}. With a log directory, each mode ends with one untimed wpa_supplicant run with {@code -d},
 * and the directory gets every run's wpa4j timeline (with the driver events), wpa_supplicant's logs and hostapd's.
 */
public final class SaeConnectHarness {
    private static final String SSID = "wpa4j-sae-bench";
    private static final String PASSWORD = "sae benchmark password";
    private static final String NETNS = "ap";
    private static final Pattern WPAS_LINE = Pattern.compile("^(\\d+)\\.(\\d{6}): (.*)$");
    /** The common phases, named by the first line (ours and wpa_supplicant's print the same text) that ends each. */
    private static final Map<String, String> PHASES = new LinkedHashMap<>();

    static {
        PHASES.put("start -> authentication (init, scan, selection)", "SME: Trying to authenticate");
        PHASES.put("authentication (Open System, or SAE commit + confirm)", "Trying to associate with");
        PHASES.put("association", "Associated with");
        PHASES.put("4-way handshake (to COMPLETED)", "CTRL-EVENT-CONNECTED");
    }

    private static PrintStream report;
    private static Path logs;
    /** One distribution chart per network, drawn into the log directory at the end. */
    private static final List<Plot.Chart> CHARTS = new ArrayList<>();

    private SaeConnectHarness() {}

    /** One timed connection: total time, and each logged line with its time since the start (ms). */
    record Attempt(boolean ok, double totalMs, double openMs, List<Stamp> lines) {
        /** The time of the first line starting with (ours) or containing (wpa_supplicant, after "wlan1: ") {@code text}. */
        Optional<Double> at(String text) {
            return lines.stream().filter(s -> s.line().startsWith(text) || s.line().contains(": " + text)).map(Stamp::ms).findFirst();
        }

        /** Durations of {@link #PHASES}, from 0 (the start) through each phase's end line; the last ends at COMPLETED. */
        List<Double> phases() {
            List<Double> out = new ArrayList<>();
            double prev = 0;
            int i = 0;
            for (String end : PHASES.values()) {
                double t = ++i == PHASES.size() ? totalMs : at(end).orElse(Double.NaN);
                out.add(t - prev);
                prev = t;
            }
            return out;
        }
    }

    record Stamp(double ms, String line) {}

    /** A network to time: WPA2-PSK, or SAE with ieee80211w=2 and a sae_pwe; how each side is configured for it. */
    record Network(String name, boolean sae, int pwe) {
        static Network of(String word) {
            return word.equals("psk") ? new Network("WPA2-PSK (CCMP), ieee80211w=0", false, 0)
                    : new Network("SAE sae_pwe=" + word + " (" + (word.equals("1") ? "hash-to-element" : "hunting-and-pecking") + "), group 19, ieee80211w=2",
                            true, Integer.parseInt(word));
        }

        String dir() {
            return sae ? "sae_pwe" + pwe : "psk";
        }

        String hostapdLines() {
            return sae ? "wpa_key_mgmt=SAE\nrsn_pairwise=CCMP\nieee80211w=2\nsae_pwe=" + pwe + "\nsae_password=" + PASSWORD + "\n"
                    : "wpa_key_mgmt=WPA-PSK\nrsn_pairwise=CCMP\nwpa_passphrase=" + PASSWORD + "\n";
        }

        String wpaSupplicantConf() {
            return "ctrl_interface=/var/run/wpa_supplicant\n" + (sae ? "sae_pwe=" + pwe + "\n" : "") + "network={\n ssid=\"" + SSID + "\"\n"
                    + (sae ? " sae_password=\"" + PASSWORD + "\"\n key_mgmt=SAE\n ieee80211w=2\n" : " psk=\"" + PASSWORD + "\"\n key_mgmt=WPA-PSK\n")
                    + " proto=RSN\n pairwise=CCMP\n group=CCMP\n scan_freq=2412\n}\n";
        }

        NetworkSecurity security() {
            byte[] pass = PASSWORD.getBytes(StandardCharsets.UTF_8);
            return sae ? new NetworkSecurity(Set.of(KeyMgmt.SAE), null, SecretKeyBytes.copyOf(pass), 2, pwe)
                    : new NetworkSecurity(Set.of(KeyMgmt.PSK), Psk.fromPassphrase(pass, Ssid.ofUtf8(SSID)), null, 0, 0);
        }
    }

    public static void main(String[] args) throws Exception {
        long jvmUptime = ManagementFactory.getRuntimeMXBean().getUptime();
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String networks = args.length > 1 ? args[1] : "0,1";
        String sta = args.length > 2 ? args[2] : "wlan1";
        String apIf = args.length > 3 ? args[3] : "wlan2";
        logs = args.length > 4 ? Path.of(args[4]) : null;
        report = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        report.printf("wpa4j connect harness: time to COMPLETED, wpa4j's station core vs Debian's wpa_supplicant, %d runs each, alternating%n", runs);
        report.printf("  VM: %s; %d CPU(s) seen by the JVM (%s %s); JVM start -> main %d ms%n", sh("uname -r").trim(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"), jvmUptime);
        report.printf("  peers: %s, %s%n", firstLine(sh("hostapd -v 2>&1 | grep -m1 hostapd")), firstLine(sh("wpa_supplicant -v 2>&1 | grep -m1 wpa_supplicant")));
        String phy = sh("iw dev " + apIf + " info | awk '/wiphy/ {print $2}'").trim();
        sh("ip link set lo up; ip netns add " + NETNS + " && iw phy phy" + phy + " set netns name " + NETNS);
        String staMac = Files.readString(Path.of("/sys/class/net/" + sta + "/address")).trim();
        try (Nl80211Stack stack = Nl80211Stack.open(null)) {
            for (String word : networks.split(",")) {
                run(stack, sta, staMac, apIf, runs, Network.of(word.trim()));
            }
        }
        if (logs != null) {
            Path png = Files.createDirectories(logs).resolve("time-to-completed.png");
            Plot.write(png, CHARTS);
            report.println("\nthe distributions drawn: " + png.getFileName() + " in the log directory");
        }
    }

    private static void run(Nl80211Stack stack, String sta, String staMac, String apIf, int runs, Network net) throws Exception {
        startHostapd(apIf, net);
        Path conf = Path.of("/tmp/wpa_supplicant-sae-bench.conf");
        Files.writeString(conf, net.wpaSupplicantConf());
        report.printf("%n%s, channel 1; hostapd on %s (namespace %s), both stations on %s%n", net.name(), apIf, NETNS, sta);
        Map<String, Attempt> all = new LinkedHashMap<>();
        Attempt wo = ours(stack, sta, staMac, apIf, net);
        Attempt ww = wpaSupplicant(sta, staMac, apIf, conf, "warmup", false);
        all.put("warm-up", wo);
        report.printf("  warm-up (not counted): wpa4j %.1f ms (driver open %.1f ms), wpa_supplicant %.1f ms%n", wo.totalMs(), wo.openMs(), ww.totalMs());
        report.println("  run   wpa4j open->COMPLETED   (attach->COMPLETED)   wpa_supplicant start->COMPLETED   wpa4j/wpa_supplicant");
        List<Attempt> ours = new ArrayList<>();
        List<Attempt> theirs = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            Attempt o = ours(stack, sta, staMac, apIf, net);
            Attempt w = wpaSupplicant(sta, staMac, apIf, conf, Integer.toString(i), false);
            report.printf("  %3d   %17.1f ms   %15.1f ms   %29.1f ms   %19.2f%s%s%n", i, o.totalMs(), o.totalMs() - o.openMs(), w.totalMs(), o.totalMs() / w.totalMs(),
                    o.ok() ? "" : "  (wpa4j: no COMPLETED in 60 s)", w.ok() ? "" : "  (wpa_supplicant: no COMPLETED in 60 s)");
            if (o.ok()) {
                ours.add(o);
            }
            all.put("run " + i, o);
            if (w.ok()) {
                theirs.add(w);
            }
        }
        report.println("  wpa4j station core, driver open -> COMPLETED:  " + Stats.of(ours.stream().map(Attempt::totalMs).toList()).minMedianMax());
        report.println("  wpa4j station core, attach -> COMPLETED:       " + Stats.of(ours.stream().map(a -> a.totalMs() - a.openMs()).toList()).minMedianMax());
        report.println("  wpa_supplicant, process start -> COMPLETED:    " + Stats.of(theirs.stream().map(Attempt::totalMs).toList()).minMedianMax());
        report.println("  phases, median ms (wpa4j | wpa_supplicant):");
        int k = 0;
        for (String phase : PHASES.keySet()) {
            int idx = k++;
            report.printf("    %-52s %8.1f | %8.1f%n", phase, Stats.of(ours.stream().map(a -> a.phases().get(idx)).toList()).median(),
                    Stats.of(theirs.stream().map(a -> a.phases().get(idx)).toList()).median());
        }
        report.printf("    %-52s %8.1f | %8s%n", "(wpa4j: of the first, driver open)", Stats.of(ours.stream().map(Attempt::openMs).toList()).median(), "-");
        report.printf("    %-52s %8.1f | %8s%n", "(wpa4j: of the first, attach -> scan results)",
                Stats.of(ours.stream().map(a -> a.at("CTRL-EVENT-SCAN-RESULTS").orElse(Double.NaN) - a.openMs()).toList()).median(), "-");
        CHARTS.add(Plot.distribution(net.sae() ? "SAE, sae_pwe=" + net.pwe() + ", n = " + runs : "WPA2-PSK, n = " + runs,
                "ms to COMPLETED", List.of("wpa4j (driver open)", "wpa_supplicant (start)"),
                List.of(new java.awt.Color(0, 114, 178), new java.awt.Color(213, 94, 0)),
                List.of(ours.stream().map(Attempt::totalMs).toList(), theirs.stream().map(Attempt::totalMs).toList())));
        timeline("wpa4j", median(ours));
        timeline("wpa_supplicant", median(theirs));
        if (logs != null) {
            // not timed: one wpa_supplicant run with -d, for where its time goes; then every log of this mode kept
            wpaSupplicant(sta, staMac, apIf, conf, "debug", true);
            Path dir = Files.createDirectories(logs.resolve(net.dir()));
            StringBuilder sb = new StringBuilder();
            all.forEach((name, a) -> {
                sb.append(name).append(", ms since driver open:\n");
                a.lines().forEach(l -> sb.append(String.format("%10.1f  %s%n", l.ms(), l.line())));
            });
            Files.writeString(dir.resolve("wpa4j-runs.txt"), sb.toString());
            sh("cp /tmp/wpa_supplicant-sae-bench-*.log /tmp/hostapd-sae-bench.log " + dir + "/ 2>/dev/null; rm -f /tmp/wpa_supplicant-sae-bench-*.log; true");
        }
        stopHostapd();
    }

    private static Attempt median(List<Attempt> attempts) {
        List<Attempt> sorted = new ArrayList<>(attempts);
        sorted.sort((a, b) -> Double.compare(a.totalMs(), b.totalMs()));
        return sorted.isEmpty() ? null : sorted.get((sorted.size() - 1) / 2);
    }

    private static void timeline(String who, Attempt a) {
        if (a == null) {
            return;
        }
        report.printf("  %s, the median run's log (ms since start):%n", who);
        for (Stamp s : a.lines()) {
            report.printf("    %8.1f  %s%n", s.ms(), s.line());
        }
    }

    // ---- the two stations ------------------------------------------------------------------------

    private static Attempt ours(Nl80211Stack stack, String sta, String staMac, String apIf, Network net) throws Exception {
        sh("ip link set " + sta + " down");
        Ssid ssid = Ssid.ofUtf8(SSID);
        NetworkSecurity security = net.security();
        NetworkConfig network = new NetworkConfig(0, ssid, security, false, 0, List.of(2412), Optional.empty(), "");
        List<Stamp> lines = new CopyOnWriteArrayList<>();
        CountDownLatch completed = new CountDownLatch(1);
        long[] t0 = new long[1];
        double[] completedAt = {Double.NaN};
        try (EventLoop loop = new EventLoop("bench-sae-sta")) {
            Supplicant[] self = new Supplicant[1];
            DriverInterface[] drv = new DriverInterface[1];
            Supplicant core = new Supplicant(loop, sta, List.of(network), SupplicantTiming.DEFAULT, SupplicantListener.of((from, to) -> {
                double ms = (System.nanoTime() - t0[0]) / 1e6;
                lines.add(new Stamp(ms, "State: " + from + " -> " + to));
                if (to == SupplicantState.COMPLETED && completed.getCount() > 0) {
                    completedAt[0] = ms;
                    lines.add(new Stamp(ms, "(EAPOL frames the core dropped so far: " + self[0].eapolDropped() + ")"));
                    completed.countDown();
                }
            }, line -> {
                double ms = (System.nanoTime() - t0[0]) / 1e6;
                lines.add(new Stamp(ms, line));
                if (line.startsWith("CTRL-EVENT-NETWORK-NOT-FOUND")) {
                    String dump;
                    try {
                        dump = drv[0].getScanResults2().results().stream().map(r -> r.bssid() + " age " + r.ageMs() + " ms").toList().toString();
                    } catch (Exception e) {
                        dump = e.toString();
                    }
                    lines.add(new Stamp(ms, "(the core's BSS table: " + String.join(" | ", self[0].scanResults()) + "; the kernel's scan results: " + dump + ")"));
                }
            }));
            self[0] = core;
            t0[0] = System.nanoTime();
            DriverInterface driver = stack.driver(sta).open(sta, e -> {
                // as the core gets them (it runs them on its loop), with when the backend delivered them
                lines.add(new Stamp((System.nanoTime() - t0[0]) / 1e6, "  driver event " + e.type()
                        + (e instanceof DriverEvent.ScanResults r ? " aborted=" + r.aborted() + " freqs=" + r.freqs() : "")));
                loop.execute(() -> core.onEvent(e));
            });
            drv[0] = driver;
            double openMs = (System.nanoTime() - t0[0]) / 1e6;
            lines.add(new Stamp(openMs, "(driver open; attach)"));
            loop.execute(() -> core.attach(driver));
            boolean ok = completed.await(60, TimeUnit.SECONDS);
            loop.call(() -> {
                core.disconnect();
                return null;
            });
            awaitDropped(apIf, staMac);
            driver.close();
            return new Attempt(ok, completedAt[0], openMs, List.copyOf(lines));
        }
    }

    private static Attempt wpaSupplicant(String sta, String staMac, String apIf, Path conf, String run, boolean debug) throws Exception {
        sh("ip link set " + sta + " down");
        Path log = Path.of("/tmp/wpa_supplicant-sae-bench-" + run + ".log");
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of("wpa_supplicant", "-t", "-D", "nl80211", "-i", sta, "-c", conf.toString(), "-f", log.toString()));
        if (debug) {
            command.add("-d");
        }
        Instant start = Instant.now();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long startMicros = start.getEpochSecond() * 1_000_000L + start.getNano() / 1000;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<Stamp> lines = List.of();
        double completedAt = Double.NaN;
        while (System.nanoTime() < deadline && Double.isNaN(completedAt)) {
            Thread.sleep(10);
            lines = parse(log, startMicros);
            completedAt = lines.stream().filter(s -> s.line().contains("CTRL-EVENT-CONNECTED")).map(Stamp::ms).findFirst().orElse(Double.NaN);
        }
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
        awaitDropped(apIf, staMac);
        return new Attempt(!Double.isNaN(completedAt), completedAt, 0, lines);
    }

    /** wpa_supplicant's {@code -t} lines ("SECONDS.MICROS: text") with their time since {@code startMicros} (ms). */
    private static List<Stamp> parse(Path log, long startMicros) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        List<Stamp> out = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = WPAS_LINE.matcher(line);
            if (m.matches()) {
                long micros = Long.parseLong(m.group(1)) * 1_000_000L + Long.parseLong(m.group(2));
                out.add(new Stamp((micros - startMicros) / 1000.0, m.group(3)));
            }
        }
        return out;
    }

    // ---- hostapd in its namespace (as KernelSupport.hostapdInNetns in the real-kernel tests) ---------

    private static void startHostapd(String apIf, Network net) throws Exception {
        Path conf = Path.of("/tmp/hostapd-sae-bench.conf");
        Files.writeString(conf, "interface=" + apIf + "\ndriver=nl80211\nctrl_interface=/var/run/hostapd\nssid=" + SSID
                + "\nhw_mode=g\nchannel=1\nwpa=2\n" + net.hostapdLines());
        sh("rm -f /tmp/hostapd-sae-bench.log; mkdir -p /var/run/hostapd && ip netns exec " + NETNS + " hostapd -B -P /tmp/hostapd-sae-bench.pid -f /tmp/hostapd-sae-bench.log " + conf);
        await(() -> sh("ip netns exec " + NETNS + " hostapd_cli -i " + apIf + " status 2>/dev/null || true").contains("state=ENABLED"), 60,
                () -> "hostapd enabled; the end of its log:\n" + tail("/tmp/hostapd-sae-bench.log"));
    }

    private static String tail(String log) {
        try {
            return sh("tail -20 " + log + " 2>&1");
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static void stopHostapd() throws Exception {
        sh("kill $(cat /tmp/hostapd-sae-bench.pid) 2>/dev/null; sleep 0.5; true");
    }

    /** Waits until hostapd no longer lists the station (it left with a deauthentication). */
    private static void awaitDropped(String apIf, String staMac) throws Exception {
        String list = "ip netns exec " + NETNS + " hostapd_cli -i " + apIf + " all_sta 2>/dev/null || true";
        long deadline = System.currentTimeMillis() + 10_000;
        while (sh(list).toLowerCase().contains(staMac)) {
            if (System.currentTimeMillis() > deadline) {
                report.println("  (hostapd still listed " + staMac + " 10 s after the station left; deauthenticated from hostapd_cli)");
                sh("ip netns exec " + NETNS + " hostapd_cli -i " + apIf + " deauthenticate " + staMac + " >/dev/null 2>&1; sleep 1; true");
                return;
            }
            Thread.sleep(100);
        }
    }
}
