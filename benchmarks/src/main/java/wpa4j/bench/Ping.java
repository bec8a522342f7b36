package wpa4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code ping -D} running in the background from the AP's namespace to the station, and what it saw: packets
 * sent and answered, and the longest time without an answer (the link's downtime as traffic sees it).
 */
final class Ping {
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) packets transmitted, (\\d+) received");
    private static final Pattern REPLY = Pattern.compile("^\\[(\\d+\\.\\d+)\\] \\d+ bytes from");

    record Result(int sent, int received, double longestGapMs) {
        int lost() {
            return sent - received;
        }
    }

    private final Process process;
    private final Path out;

    Ping(String netns, String target, double intervalS, int seconds) throws IOException {
        out = Files.createTempFile("ping", ".txt");
        process = new ProcessBuilder("ip", "netns", "exec", netns, "ping", "-D", "-i", Double.toString(intervalS), "-w", Integer.toString(seconds), target)
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

    /** Ends the ping now (SIGINT, so it prints its summary). */
    void stop() throws Exception {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    }

    Result await() throws Exception {
        process.waitFor();
        List<Double> replies = new ArrayList<>();
        int sent = 0;
        int received = 0;
        for (String line : Files.readAllLines(out)) {
            Matcher r = REPLY.matcher(line);
            if (r.find()) {
                replies.add(Double.parseDouble(r.group(1)));
            }
            Matcher s = SUMMARY.matcher(line);
            if (s.find()) {
                sent = Integer.parseInt(s.group(1));
                received = Integer.parseInt(s.group(2));
            }
        }
        double gap = 0;
        for (int i = 1; i < replies.size(); i++) {
            gap = Math.max(gap, (replies.get(i) - replies.get(i - 1)) * 1000);
        }
        return new Result(sent, received, gap);
    }
}
