package wpa4j.itest;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One gateway process of a fleet test: the shipped etc/ (the sim demo: an AP on sim0, a station on sim1), its own
 * control socket directories (several gateways share the machine), a {@code wpa4j.mqtt} configuration, and the
 * JVM options bin/wpa4j uses. The Gogo console is the process's stdin.
 */
final class FleetGateway implements AutoCloseable {
    final String id;
    final Path dir;
    final Path log;
    final Process process;

    private FleetGateway(String id, Path dir, Path log, Process process) {
        this.id = id;
        this.dir = dir;
        this.log = log;
        this.process = process;
    }

    /** {@code mqtt}: the lines of etc/wpa4j.mqtt.cfg (none: no MQTT); {@code extraConfigs}: file name, then its lines, for more of etc/. */
    static FleetGateway start(Path dir, String id, List<String> mqtt, List<List<String>> extraConfigs) throws IOException {
        return start(dir, id, mqtt, extraConfigs, java.util.Map.of());
    }

    /** {@code secrets}: files of secrets/ (name to first line), written before the gateway starts. */
    static FleetGateway start(Path dir, String id, List<String> mqtt, List<List<String>> extraConfigs, java.util.Map<String, String> secrets)
            throws IOException {
        GatewayProcess.prepare(dir);
        for (java.util.Map.Entry<String, String> e : secrets.entrySet()) {
            Files.writeString(dir.resolve("secrets").resolve(e.getKey()), e.getValue() + "\n");
        }
        Path etc = dir.resolve("etc");
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(etc.resolve("wpa4j.supplicant-demo.cfg"), "\nctrlInterface=" + run.resolve("wpa_supplicant") + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(etc.resolve("wpa4j.hostapd-demo.cfg"), "\nctrlInterface=" + run.resolve("hostapd") + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        if (!mqtt.isEmpty()) {
            Files.write(etc.resolve("wpa4j.mqtt.cfg"), mqtt);
        }
        // many gateways on one machine: no status page unless a test asks for one (its own port)
        Files.writeString(etc.resolve("org.apache.felix.http.cfg"), "org.apache.felix.http.enable=false\n");
        for (List<String> c : extraConfigs) {
            Files.write(etc.resolve(c.get(0)), c.subList(1, c.size()));
        }
        Path log = dir.resolve("gateway.log");
        Process p = new ProcessBuilder(GatewayProcess.javaBin(), "-XX:+UseSerialGC", "-Xms16m", "-Xmx256m", "-jar",
                Path.of(System.getProperty("gateway.jar")).toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new FleetGateway(id, dir, log, p);
    }

    void awaitLog(String text) throws IOException, InterruptedException {
        GatewayProcess.awaitLog(process, log, text);
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    /** A Gogo command typed at the console. */
    void command(String line) throws IOException {
        OutputStream console = process.getOutputStream();
        GatewayProcess.command(console, line);
    }

    /** SIGKILL: a crash, or the power cut. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static boolean hasJar() {
        return new File(System.getProperty("gateway.jar", "")).isFile();
    }
}
