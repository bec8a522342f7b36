package wpa4j.nl80211.uapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed constants are what the installed kernel headers (Debian linux-libc-dev) say. */
class UapiConstantsTest {
    @TempDir
    Path dir;

    @Test
    void committedConstantsMatchTheHeaders() throws Exception {
        boolean headers = Files.exists(Path.of("/usr/include/linux/nl80211.h"));
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(headers, "CI installs linux-libc-dev");
        }
        assumeTrue(headers, "linux-libc-dev not installed");
        Path out = dir.resolve("Uapi.java");
        Process p = new ProcessBuilder("bash", "tools/gen-uapi-constants.sh", out.toString()).inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertEquals(Files.readString(Path.of("src/main/java/wpa4j/nl80211/uapi/Uapi.java")), Files.readString(out));
    }
}
