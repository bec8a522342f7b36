package wpa4j.ktest;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import wpa4j.itest.Jars;

/**
 * What the live-upgrade kernel tests share: new builds of the nl80211 bundle (the same jar under versions
 * 1.0.0.up1, up2, ...) and pings every 50 ms whose loss and longest gap between replies are read back.
 */
final class LiveUpgrades {
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) packets transmitted, (\\d+) received");
    /** ping -D: "[1700000000.123456] 64 bytes from ...: icmp_seq=12 ..." */
    private static final Pattern REPLY = Pattern.compile("^\\[(\\d+\\.\\d+)\\] \\d+ bytes from");

    /**
     * Pings per side and update: 7 s at one per 50 ms, a second of it before the update command, so that they outlast
     * the re-sync (an update took 1.1 - 5.5 s in the VM, 2026-12-06; 80 pings had ended before the slowest ones did).
     */
    static final int PINGS = 140;

    private LiveUpgrades() {
    }

    /** The nl80211 bundle as a new build {@code 1.0.0.up<n>}. */
    static Path nl80211Build(int n) throws Exception {
        return newBuild("nl80211.jar", "nl80211-up" + n, n);
    }

    /** The custody bundle as a new build {@code 1.0.0.up1}. */
    static Path custodyBuild() throws Exception {
        return newBuild("custody.jar", "custody-up1", 1);
    }

    private static Path newBuild(String property, String name, int n) throws Exception {
        Path jar = Path.of("/tmp/" + name + ".jar");
        try (InputStream in = Jars.withVersion(System.getProperty(property), "1.0.0.up" + n)) {
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        return jar;
    }

    /** A ping every 50 ms, {@code count} of them, from {@code prefix} (a netns exec prefix, or "" for this namespace), in the background. */
    static Path startPing(String prefix, String target, int count, String name) throws Exception {
        Path out = Path.of("/tmp/ping-" + name + ".txt");
        Files.deleteIfExists(out);
        KernelSupport.sh("(" + prefix + "ping -D -i 0.05 -W 1 -c " + count + " " + target + " > " + out + " 2>&1 &)");
        return out;
    }

    /** What a ping saw: sent, received, the longest time between two replies, and when its last reply came (epoch ms). */
    record Pings(int sent, int received, long longestGapMs, long lastReplyMs) {
        int lost() {
            return sent - received;
        }

        @Override
        public String toString() {
            return sent + " sent, " + received + " received, longest gap " + longestGapMs + " ms";
        }
    }

    /**
     * Waits for the ping's summary and reads it. The longest gap counts the replies from {@code sinceMs} (epoch ms, the
     * update command) on, the gap across that moment included: the pings' own start, a second earlier, forks three
     * processes from this JVM on the VM's one vCPU, which delayed one of the first six replies of a ping already running
     * by up to 344 ms although no update was under way (seen in the replies' timestamps, 2026-12-06).
     */
    static Pings result(Path out, long sinceMs) throws Exception {
        KernelSupport.await(() -> {
            try {
                return SUMMARY.matcher(Files.readString(out)).find();
            } catch (Exception e) {
                return false;
            }
        }, "ping summary in " + out);
        String text = Files.readString(out);
        Matcher m = SUMMARY.matcher(text);
        m.find();
        List<Double> at = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher r = REPLY.matcher(line);
            if (r.find()) {
                at.add(Double.parseDouble(r.group(1)));
            }
        }
        long gap = 0;
        for (int i = 1; i < at.size(); i++) {
            if (at.get(i) * 1000 >= sinceMs) {
                gap = Math.max(gap, Math.round((at.get(i) - at.get(i - 1)) * 1000));
            }
        }
        long last = at.isEmpty() ? 0 : Math.round(at.get(at.size() - 1) * 1000);
        return new Pings(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), gap, last);
    }

    /**
     * Starts the installed bundle {@code symbolicName} again (after a {@code stop}): Gogo's {@code start} takes a bundle id
     * or a location to install, not a name, so the id is read from {@code lb -s} first.
     */
    static void startBundle(KernelGateway gw, String symbolicName) throws Exception {
        String listed = "(\\d+)\\|Resolved\\s*\\|\\s*\\d+\\|" + Pattern.quote(symbolicName) + "\\b";
        long seen = gw.lines(listed);
        gw.command("lb -s " + symbolicName);
        gw.awaitLines(listed, seen + 1);
        Matcher m = Pattern.compile(listed).matcher(gw.output());
        String id = null;
        while (m.find()) {
            id = m.group(1);
        }
        gw.command("start " + id);
    }

    /** One side's ping: where it runs (a netns exec prefix, or "" here) and whom it pings. */
    record Pinger(String name, String prefix, String target) {}

    /**
     * What the updates cost: the time from each update command to the core's re-sync, pings sent and lost, the longest
     * gap per side from the update commands on, and how many updates outlasted their pings (their end went unmeasured).
     */
    record Figures(List<Long> updateMs, int sent, int lost, long longestGapA, long longestGapB, long longestGapLoopback, int uncovered) {
        String describe(Pinger a, Pinger b) {
            return "update to re-synced " + spread(updateMs) + "; pings " + sent + " sent, " + lost + " lost; longest gap from an update command on "
                    + longestGapA + " ms from " + a.name() + ", " + longestGapB + " ms from " + b.name()
                    + " (a loopback ping meanwhile, no radio involved: " + longestGapLoopback + " ms); "
                    + (uncovered == 0 ? "the pings outlasted every re-sync" : uncovered + " updates outlasted their pings");
        }
    }

    /**
     * Updates the nl80211 bundle to each of {@code builds} in turn from the console, each under {@link #PINGS} pings
     * (every 50 ms) both ways, waiting for the new build to be bound to {@code ifname} and for one more
     * {@code resync} line of the core; prints a line per update.
     */
    static Figures updates(KernelGateway gw, List<Path> builds, String ifname, String resync, Pinger a, Pinger b) throws Exception {
        List<Long> ms = new ArrayList<>();
        int sent = 0;
        int lost = 0;
        long gapA = 0;
        long gapB = 0;
        long gapLo = 0;
        int uncovered = 0;
        for (int n = 1; n <= builds.size(); n++) {
            // named per interface and update, so that a suite's ping logs can be read side by side with the gateway's
            Path pa = startPing(a.prefix(), a.target(), PINGS, ifname + "-" + a.name().replace(' ', '-') + "-" + n);
            Path pb = startPing(b.prefix(), b.target(), PINGS, ifname + "-" + b.name().replace(' ', '-') + "-" + n);
            // the control: the same ping over the loopback shows what the VM's one busy vCPU alone costs a ping
            Path pl = startPing("", "127.0.0.1", PINGS, ifname + "-loopback-" + n);
            Thread.sleep(1000);
            long resyncs = gw.lines(resync);
            long since = System.currentTimeMillis();
            long t0 = System.nanoTime();
            gw.command("update wpa4j.nl80211 file:" + builds.get(n - 1));
            gw.awaitLines(ifname + ": driver nl80211 1\\.0\\.0\\.up" + n + " .* bound", 1);
            gw.awaitLines(resync, resyncs + 1);
            long resynced = System.currentTimeMillis();
            ms.add((System.nanoTime() - t0) / 1_000_000);
            Pings ra = result(pa, since);
            Pings rb = result(pb, since);
            Pings rl = result(pl, since);
            boolean covered = Math.min(ra.lastReplyMs(), rb.lastReplyMs()) >= resynced;
            uncovered += covered ? 0 : 1;
            System.out.printf("%s update %d: %d ms; from %s %s; from %s %s; loopback longest gap %d ms%s%n", ifname, n, ms.get(n - 1), a.name(), ra,
                    b.name(), rb, rl.longestGapMs(), covered ? "" : "; the pings ended before the re-sync");
            sent += ra.sent() + rb.sent();
            lost += ra.lost() + rb.lost();
            gapA = Math.max(gapA, ra.longestGapMs());
            gapB = Math.max(gapB, rb.longestGapMs());
            gapLo = Math.max(gapLo, rl.longestGapMs());
        }
        return new Figures(ms, sent, lost, gapA, gapB, gapLo, uncovered);
    }

    /** The median and the largest of {@code ms}. */
    static String spread(List<Long> ms) {
        List<Long> s = new ArrayList<>(ms);
        s.sort(null);
        return "median " + s.get(s.size() / 2) + " ms, max " + s.get(s.size() - 1) + " ms";
    }
}
