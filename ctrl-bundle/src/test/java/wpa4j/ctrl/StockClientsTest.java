package wpa4j.ctrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Debian's own wpa_cli and hostapd_cli against a CtrlServer: the protocol is what they accept. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StockClientsTest {
    private static final Path WPA_CLI = Path.of("/usr/sbin/wpa_cli");
    private static final Path HOSTAPD_CLI = Path.of("/usr/sbin/hostapd_cli");
    private static final Duration T = Duration.ofSeconds(10);

    @TempDir
    Path tmp;
    private final ToyEndpoint toy = new ToyEndpoint();
    private final List<Process> processes = new ArrayList<>();
    private CtrlServer server;

    @BeforeEach
    void open() throws IOException {
        server = CtrlServer.open(tmp.resolve("run"), "wlan0", Optional.empty(), toy);
    }

    @AfterEach
    void close() throws InterruptedException {
        for (Process p : processes) {
            stop(p);
        }
        server.close();
    }

    private String[] command(Path binary, String... args) {
        assumeTrue(Files.isExecutable(binary), binary + " is installed");
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "-p", server.path().getParent().toString(), "-i", "wlan0"));
        cmd.addAll(List.of(args));
        return cmd.toArray(String[]::new);
    }

    /** Runs a client to its end (bounded) and returns what it printed. */
    private String run(Path binary, String... args) throws IOException, InterruptedException {
        Path out = tmp.resolve("out.txt");
        Process p = start(new ProcessBuilder(command(binary, args)).redirectErrorStream(true).redirectOutput(out.toFile()));
        if (!p.waitFor(T.toMillis(), TimeUnit.MILLISECONDS)) {
            fail(binary + " did not end within " + T);
        }
        return Files.readString(out, StandardCharsets.ISO_8859_1);
    }

    private Process start(ProcessBuilder pb) throws IOException {
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void wpaCliPing() throws Exception {
        assertEquals("PONG", run(WPA_CLI, "ping").strip());
    }

    @Test
    void wpaCliStatus() throws Exception {
        assertEquals("wpa_state=COMPLETED", run(WPA_CLI, "status").strip());
    }

    @Test
    void hostapdCliPing() throws Exception {
        assertEquals("PONG", run(HOSTAPD_CLI, "ping").strip());
    }

    /** wpa_cli -a: ATTACHes, PINGs every 5 s, runs the script as "IFNAME CONNECTED|DISCONNECTED", DETACHes on SIGTERM. */
    @Test
    void wpaCliActionScript() throws Exception {
        Path log = tmp.resolve("actions.txt");
        Path script = tmp.resolve("action.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$@\" >> '" + log + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Process cli = start(new ProcessBuilder(command(WPA_CLI, "-a", script.toString())).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("cli.txt").toFile()));
        Waits.await("wpa_cli attached", T, () -> server.monitors() == 1);

        toy.event(CtrlEvents.MSG_INFO, "CTRL-EVENT-CONNECTED - Connection to 02:00:00:00:00:00 completed [id=0 id_str=]");
        toy.event(CtrlEvents.MSG_INFO, "CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:00 reason=3");
        Waits.await("both actions run", T, () -> lines(log).size() >= 2);
        assertEquals(List.of("wlan0 CONNECTED", "wlan0 DISCONNECTED"), lines(log));

        cli.destroy(); // SIGTERM: wpa_cli detaches on its way out
        assertTrue(cli.waitFor(5, TimeUnit.SECONDS), "wpa_cli ends on SIGTERM");
        Waits.await("wpa_cli detached", T, () -> server.monitors() == 0);
        assertTrue(toy.requests.stream().allMatch("PING"::equals), "only PINGs reach the endpoint: " + toy.requests);
    }

    private static List<String> lines(Path p) {
        try {
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
