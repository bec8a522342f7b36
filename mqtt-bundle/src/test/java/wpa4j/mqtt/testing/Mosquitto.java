package wpa4j.mqtt.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's real Mosquitto broker on loopback, for the tests: its own directory, configuration, persistence (so a
 * stop and start keeps sessions and queued QoS 1 messages, as a production broker does), optionally a password file
 * and a TLS listener with a CA the test made. Stopped with SIGTERM, as an operator or systemd would.
 */
public final class Mosquitto implements AutoCloseable {
    public static final String BINARY = "/usr/sbin/mosquitto";

    private final Path dir;
    private final int port;
    private final int tlsPort;
    private Process process;

    private Mosquitto(Path dir, int port, int tlsPort) {
        this.dir = dir;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    public static boolean installed() {
        return new File(BINARY).canExecute();
    }

    /** A broker that accepts anyone. */
    public static Mosquitto open(Path dir) throws Exception {
        return configure(dir, null, null, false);
    }

    /** A broker that accepts only {@code user}/{@code password}; with {@code tls}, also a TLS listener signed by {@link #caFile()}. */
    public static Mosquitto configure(Path dir, String user, String password, boolean tls) throws Exception {
        Files.createDirectories(dir);
        Mosquitto m = new Mosquitto(dir, freePort(), tls ? freePort() : -1);
        List<String> conf = new ArrayList<>(List.of("user root", "persistence true", "persistence_location " + dir + "/", "autosave_interval 1",
                // a console that falls behind a burst keeps all of it (the default drops beyond 1000 queued per client)
                "max_queued_messages 0",
                "log_dest file " + dir.resolve("mosquitto.log"), "log_type all", "per_listener_settings false",
                "listener " + m.port + " 127.0.0.1"));
        if (user != null) {
            exec("mosquitto_passwd", "-c", "-b", dir.resolve("passwd").toString(), user, password);
            conf.add("allow_anonymous false");
            conf.add("password_file " + dir.resolve("passwd"));
        } else {
            conf.add("allow_anonymous true");
        }
        if (tls) {
            Certificates.make(dir);
            conf.add("listener " + m.tlsPort + " 127.0.0.1");
            conf.add("cafile " + m.caFile());
            conf.add("certfile " + dir.resolve("server.crt"));
            conf.add("keyfile " + dir.resolve("server.key"));
        }
        Files.write(dir.resolve("mosquitto.conf"), conf);
        m.start();
        return m;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public String tlsUrl() {
        return "ssl://localhost:" + tlsPort;
    }

    public Path caFile() {
        return dir.resolve("ca.crt");
    }

    public Path log() {
        return dir.resolve("mosquitto.log");
    }

    public void start() throws Exception {
        process = new ProcessBuilder(BINARY, "-c", dir.resolve("mosquitto.conf").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!accepts(port)) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("mosquitto did not start: " + Files.readString(dir.resolve("stdout.log")));
            }
            Thread.sleep(20);
        }
    }

    /** SIGTERM: the broker saves its persistence and exits. */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    /** SIGSTOP: the broker takes nothing more off its sockets, so what is sent now stays unacknowledged. */
    public void pause() throws Exception {
        exec("kill", "-STOP", String.valueOf(process.pid()));
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() throws Exception {
        exec("kill", "-CONT", String.valueOf(process.pid()));
    }

    /** SIGKILL: the broker dies with what it had not saved, as on a power cut. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void exec(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
