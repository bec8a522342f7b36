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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import wpa4j.runtime.binding.CoreDriverSlot;
import wpa4j.runtime.binding.DriverBinder;
import wpa4j.runtime.binding.DriverRequirement;
import wpa4j.common.crypto.Psk;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.driver.WifiDriver;
import wpa4j.driver.types.Ssid;
import wpa4j.linux.custody.SocketCustody;
import wpa4j.linux.custody.plain.PlainCustody;
import wpa4j.nl80211.EapolMode;
import wpa4j.nl80211.Nl80211Stack;
import wpa4j.supplicant.SupplicantState;
import wpa4j.supplicant.core.NetworkConfig;
import wpa4j.supplicant.core.Supplicant;
import wpa4j.supplicant.core.SupplicantListener;
import wpa4j.supplicant.core.SupplicantTiming;
import wpa4j.wext.WextStack;

/**
 * The real-kernel swap harness (run in the hwsim VM by benchmarks/run.sh vm; hostapd already runs in
 * namespace "ap" at 10.95.0.1): wpa4j's station on nl80211 in the default configuration (EAPOL over the
 * control port: the command socket owns the link, held in socket custody) has its backend replaced N times as
 * a bundle update replaces it (the old instance hands its sockets over and goes, a new one takes them), then
 * switched to wext, under a ping every 10 ms; then Debian's wpa_supplicant is restarted with the other -D
 * driver, as changing its driver requires, and Debian's hostapd is restarted under it, under the same ping.
 */
public final class KernelSwapHarness {
    private static final String SSID = "wpa4j-bench";
    private static final String PASS = "benchmark passphrase";
    private static final String STA_IP = "10.95.0.2";
    private static final java.time.Duration GRACE = java.time.Duration.ofSeconds(3);
    private static PrintStream report;

    private KernelSwapHarness() {}

    public static void main(String[] args) throws Exception {
        String ifname = args[0];
        int swaps = Integer.parseInt(args[1]);
        report = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        report.println("wpa4j real-kernel swap harness (mac80211_hwsim in QEMU, one vCPU under TCG), ping every 10 ms AP -> station");
        ours(ifname, swaps);
        wpaSupplicant(ifname, Math.max(4, swaps / 2));
        hostapd(ifname, Math.max(4, swaps / 4));
        sh("wpa_cli -i " + ifname + " terminate >/dev/null 2>&1; true");
    }

    /** What the gateway's nl80211 component does on an update: hand over and go; the new one opens on the same custody. */
    private static Nl80211Stack update(Nl80211Stack old, SocketCustody custody) throws Exception {
        old.handOver();
        old.close();
        return Nl80211Stack.open(null, EapolMode.AUTO, custody, GRACE);
    }

    private static Map<String, Object> props(long id, WifiDriver d, int ranking, String version) {
        Map<String, Object> p = new HashMap<>();
        p.put("service.id", id);
        p.put("service.ranking", ranking);
        p.put(WifiDriver.PROP_IFNAME, d.ifname());
        p.put(WifiDriver.PROP_DRIVER, d.name());
        p.put(WifiDriver.PROP_DRIVER_VERSION, version);
        p.put(WifiDriver.PROP_CAPABILITIES, d.capabilities().tags().toArray(new String[0]));
        return p;
    }

    private static void ours(String ifname, int swaps) throws Exception {
        Ssid ssid = Ssid.ofUtf8(SSID);
        List<String> events = new CopyOnWriteArrayList<>();
        BlockingQueue<Long> resyncs = new LinkedBlockingQueue<>();
        BlockingQueue<Long> connects = new LinkedBlockingQueue<>();
        try (SocketCustody.Owned custody = PlainCustody.create(); WextStack wext = WextStack.open(null); EventLoop loop = new EventLoop("bench-sta")) {
            Supplicant core = new Supplicant(loop, ifname, List.of(new NetworkConfig(0, ssid, Psk.fromPassphrase(PASS.getBytes(StandardCharsets.UTF_8), ssid),
                    false, 0, List.of(2412))), SupplicantTiming.DEFAULT, SupplicantListener.of((f, t) -> { }, line -> {
                        events.add(line);
                        if (line.startsWith("CTRL-EVENT-DRIVER-RESYNC")) {
                            resyncs.add(System.nanoTime());
                        } else if (line.startsWith("CTRL-EVENT-CONNECTED")) {
                            connects.add(System.nanoTime());
                        }
                    }));
            DriverBinder binder = new DriverBinder();
            binder.start(new DriverRequirement(ifname, "", List.of("station")), loop, new CoreDriverSlot(ifname, loop, core, (c, sink) -> c.driver().open(ifname, sink)));
            long id = 1;
            Nl80211Stack stack = Nl80211Stack.open(null, EapolMode.AUTO, custody, GRACE);
            Map<String, Object> current = props(id++, stack.driver(ifname), 120, "1.0.0");
            binder.add(stack.driver(ifname), current);
            await(() -> loop.query(core::state) == SupplicantState.COMPLETED, 60, "COMPLETED: " + events);
            connects.clear();
            sh("ip addr add " + STA_IP + "/24 dev " + ifname);
            await(() -> sh("ip netns exec ap ping -c 1 -W 1 " + STA_IP).contains("1 received"), 30, "ping through");

            Ping ping = new Ping("ap", STA_IP, 0.01, 600);
            Thread.sleep(1000);
            List<Double> latency = new ArrayList<>();
            for (int i = 1; i <= swaps; i++) {
                long t0 = System.nanoTime();
                Nl80211Stack next = update(stack, custody);
                binder.remove(current);
                current = props(id++, next.driver(ifname), 120, "1.0." + i);
                binder.add(next.driver(ifname), current);
                stack = next;
                Long t1 = resyncs.poll(20, TimeUnit.SECONDS);
                if (t1 == null) {
                    throw new IllegalStateException("no re-sync after swap " + i + ": " + events);
                }
                latency.add((t1 - t0) / 1e6);
                Thread.sleep(200);
            }
            Thread.sleep(1000);
            ping.stop();
            Ping.Result r = ping.await();
            long disconnects = events.stream().filter(l -> l.startsWith("CTRL-EVENT-DISCONNECTED")).count();
            report.printf("wpa4j, nl80211 -> nl80211 (a new backend instance on the same socket custody, as a bundle update), eapol=AUTO (control"
                    + " port), %d swaps:%n", swaps);
            report.println("  swap latency (old instance hands over -> new driver bound and re-synced): " + Stats.of(latency));
            report.printf("  disconnects %d, new associations %d; ping: %d sent, %d lost, longest gap %.0f ms%n", disconnects, connects.size(), r.sent(),
                    r.lost(), r.longestGapMs());

            ping = new Ping("ap", STA_IP, 0.01, 600);
            Thread.sleep(1000);
            long t0 = System.nanoTime();
            stack.handOver();
            stack.close();
            binder.remove(current);
            binder.add(wext.driver(ifname), props(id++, wext.driver(ifname), 55, "1.0.0"));
            Long t1 = resyncs.poll(20, TimeUnit.SECONDS);
            // the control port hands EAPOL to the owner socket only: wext cannot keep the link; it ends with the grace at the latest
            Long again = connects.poll(GRACE.toMillis() + 30_000, TimeUnit.MILLISECONDS);
            Thread.sleep(1000);
            ping.stop();
            r = ping.await();
            report.printf("wpa4j, nl80211 -> wext for good (handover grace %d ms): %s, %s; ping: %d sent, %d lost, longest gap %.0f ms%n",
                    GRACE.toMillis(), t1 == null ? "no re-sync" : String.format("re-synced in %.1f ms", (t1 - t0) / 1e6),
                    again == null ? "not reconnected" : String.format("reconnected over wext after %.0f ms", (again - t0) / 1e6), r.sent(), r.lost(),
                    r.longestGapMs());
            loop.call(() -> {
                core.disconnect();
                return null;
            });
            binder.stop();
        }
    }

    /** Debian's wpa_supplicant, restarted with the other -D driver each time; downtime is what the ping saw. */
    private static void wpaSupplicant(String ifname, int restarts) throws Exception {
        Path conf = Path.of("/tmp/wpa_supplicant-bench.conf");
        Files.writeString(conf, "ctrl_interface=/var/run/wpa_supplicant\nnetwork={\n ssid=\"" + SSID + "\"\n psk=\"" + PASS
                + "\"\n key_mgmt=WPA-PSK\n proto=RSN\n pairwise=CCMP\n group=CCMP\n scan_freq=2412\n}\n");
        String driver = "nl80211";
        startWpaSupplicant(ifname, driver, conf);
        Map<String, List<Double>> reconnect = new HashMap<>();
        Map<String, List<Double>> gaps = new HashMap<>();
        Map<String, int[]> lost = new HashMap<>();
        for (int i = 0; i < restarts; i++) {
            String next = driver.equals("nl80211") ? "wext" : "nl80211";
            Ping ping = new Ping("ap", STA_IP, 0.01, 600);
            Thread.sleep(1000);
            long t0 = System.nanoTime();
            sh("wpa_cli -i " + ifname + " terminate >/dev/null 2>&1; sleep 0.2; true");
            startWpaSupplicant(ifname, next, conf);
            double ms = (System.nanoTime() - t0) / 1e6;
            Thread.sleep(1500);
            ping.stop();
            Ping.Result r = ping.await();
            String key = driver + " -> " + next;
            reconnect.computeIfAbsent(key, k -> new ArrayList<>()).add(ms);
            gaps.computeIfAbsent(key, k -> new ArrayList<>()).add(r.longestGapMs());
            int[] l = lost.computeIfAbsent(key, k -> new int[2]);
            l[0] += r.sent();
            l[1] += r.lost();
            driver = next;
        }
        for (String key : reconnect.keySet().stream().sorted().toList()) {
            report.printf("Debian wpa_supplicant restarted %s, %d times:%n", key, reconnect.get(key).size());
            report.println("  terminate -> COMPLETED again: " + Stats.of(reconnect.get(key)));
            report.println("  link downtime (longest ping gap): " + Stats.of(gaps.get(key)));
            report.printf("  ping: %d sent, %d lost%n", lost.get(key)[0], lost.get(key)[1]);
        }
    }

    /** Debian's hostapd restarted under Debian's wpa_supplicant (as changing anything of hostapd's requires): downtime is what the ping saw. */
    private static void hostapd(String ifname, int restarts) throws Exception {
        List<Double> reconnect = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        int sent = 0;
        int lost = 0;
        for (int i = 0; i < restarts; i++) {
            Ping ping = new Ping("ap", STA_IP, 0.01, 600);
            Thread.sleep(1000);
            long t0 = System.nanoTime();
            // the old process must be gone before the new one takes the interface (its frame registrations die with it)
            // SIGTERM, as a service manager stops it (Debian's hostapd_cli has no working "terminate" here)
            sh("pkill -TERM -x hostapd; for i in $(seq 100); do pgrep -x hostapd >/dev/null || break;"
                    + " sleep 0.05; done; ip netns exec ap hostapd -B -f /tmp/hostapd-bench.log /tmp/hostapd-bench.conf");
            // hostapd deauthenticates its stations as it stops: wait (briefly) until wpa_supplicant has noticed
            for (int t = 0; t < 100 && sh("wpa_cli -i " + ifname + " status 2>/dev/null || true").contains("wpa_state=COMPLETED"); t++) {
                Thread.sleep(100);
            }
            try {
                await(() -> sh("wpa_cli -i " + ifname + " status 2>/dev/null || true").contains("wpa_state=COMPLETED"), 60,
                        "wpa_supplicant back after hostapd's restart");
            } catch (IllegalStateException e) {
                throw new IllegalStateException(e.getMessage() + "\n" + sh("tail -5 /tmp/hostapd-bench.log; tail -5 /tmp/wpa_supplicant-bench.log"), e);
            }
            reconnect.add((System.nanoTime() - t0) / 1e6);
            Thread.sleep(1500);
            ping.stop();
            Ping.Result r = ping.await();
            gaps.add(r.longestGapMs());
            sent += r.sent();
            lost += r.lost();
        }
        report.printf("Debian hostapd restarted under Debian wpa_supplicant, %d times:%n", restarts);
        report.println("  terminate -> station COMPLETED again: " + Stats.of(reconnect));
        report.println("  link downtime (longest ping gap): " + Stats.of(gaps));
        report.printf("  ping: %d sent, %d lost%n", sent, lost);
    }

    private static void startWpaSupplicant(String ifname, String driver, Path conf) throws Exception {
        sh("wpa_supplicant -B -D " + driver + " -i " + ifname + " -c " + conf + " -f /tmp/wpa_supplicant-bench.log");
        await(() -> sh("wpa_cli -i " + ifname + " status 2>/dev/null || true").contains("wpa_state=COMPLETED"), 60, "wpa_supplicant -D " + driver + " COMPLETED");
    }
}
