package wpa4j.ktest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The gateway jar run as an operator runs it, in a fresh directory with the given {@code etc/} files, its
 * Gogo console on a pipe and its output in a log that tests wait on.
 */
final class KernelGateway implements AutoCloseable {
    final Path dir;
    final Path log;
    private final Process process;
    private final OutputStream console;

    KernelGateway(Map<String, String> etcFiles) throws IOException {
        dir = Files.createTempDirectory("gw");
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.createDirectories(dir.resolve("load"));
        for (Map.Entry<String, String> f : etcFiles.entrySet()) {
            Files.writeString(etc.resolve(f.getKey()), f.getValue());
        }
        log = dir.resolve("gateway.log");
        process = new ProcessBuilder("java", "-Djava.io.tmpdir=/tmp", "-jar", System.getProperty("gateway.jar")).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        console = process.getOutputStream();
    }

    /** A Gogo command, as typed at the console. */
    void command(String line) throws IOException {
        console.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        console.flush();
    }

    /** The gateway JVM's process id. */
    long pid() {
        return process.pid();
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    long lines(String regex) throws IOException {
        Pattern p = Pattern.compile(regex);
        return output().lines().filter(l -> p.matcher(l).find()).count();
    }

    /** Waits until {@code count} output lines match {@code regex} (a hang guard of 90 s, not a timing assertion). */
    void awaitLines(String regex, long count) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (lines(regex) < count) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                threadDump();
                throw new AssertionError(count + " x '" + regex + "' not in the gateway output (alive=" + process.isAlive() + "); its link events:\n"
                        + linkEvents() + "\n--- peers and gateways running now:\n" + peers() + "\n--- the whole output:\n" + output());
            }
            Thread.sleep(50);
        }
    }

    /**
     * The last output lines about links, drivers and custody: what a failure message shows first, because the CI
     * log keeps only the head of a long one.
     */
    String linkEvents() {
        Pattern p = Pattern.compile("CTRL-EVENT|State: |driver \\S+ .* bound|lease |custody|nl80211: |wext: |WARNING|SEVERE|Exception");
        try {
            java.util.List<String> hits = output().lines().filter(l -> p.matcher(l).find()).toList();
            return String.join("\n", hits.subList(Math.max(0, hits.size() - 40), hits.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The JVM's threads into its output (SIGQUIT): a gateway that went quiet shows where its loops wait. */
    private void threadDump() {
        if (process.isAlive()) {
            KernelSupport.shForDiagnosis("kill -QUIT " + process.pid() + "; sleep 1");
        }
    }

    /** The real peers and gateway JVMs running (one left by an earlier test would act on the same radios). */
    static String peers() {
        return KernelSupport.shForDiagnosis("ps -eo pid,etimes,args | grep -E '[w]pa_supplicant|[h]ostapd|[w]pa4j.jar' || true");
    }

    @Override
    public void close() throws Exception {
        console.close();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
