package wpa4j.config;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's real {@code wpa_supplicant} or {@code hostapd} on a configuration file, only to learn whether
 * it accepts the file: on an interface that does not exist ({@code wpa4jnone0}) the daemon parses the file,
 * then fails to set up the driver and exits, touching nothing. CI installs both, and there their absence
 * is a failure, not a skip.
 */
public final class RealDaemon {
    public static final Path WPA_SUPPLICANT = Path.of("/usr/sbin/wpa_supplicant");
    public static final Path HOSTAPD = Path.of("/usr/sbin/hostapd");
    public static final String NO_SUCH_INTERFACE = "wpa4jnone0";

    private RealDaemon() {}

    public static void require(Path binary) {
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(Files.isExecutable(binary), binary + " missing in CI (apt-get install wpasupplicant hostapd)");
        }
        assumeTrue(Files.isExecutable(binary), binary + " not installed");
    }

    /** The daemon's output for {@code conf}, run in {@code dir} (hostapd resolves MAC list files from there). */
    public static String run(Path dir, Path conf, Path binary) throws Exception {
        List<String> cmd = binary.equals(HOSTAPD) ? List.of(binary.toString(), conf.toString())
                : List.of(binary.toString(), "-c", conf.toString(), "-i", NO_SUCH_INTERFACE, "-D", "nl80211");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(binary + " did not exit");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /** Whether the daemon's configuration parser accepted the file (it got as far as the driver). */
    public static boolean accepts(Path dir, String content, Path binary) throws Exception {
        Path conf = dir.resolve(binary.getFileName() + ".conf");
        Files.writeString(conf, content, StandardCharsets.ISO_8859_1);
        String out = run(dir, conf, binary);
        boolean rejected = out.contains("Failed to read or parse configuration") || out.contains("errors found in configuration file");
        boolean reachedDriver = out.contains("driver") || out.contains(NO_SUCH_INTERFACE);
        assertTrue(rejected || reachedDriver, "unexpected output: " + out);
        return !rejected;
    }
}
