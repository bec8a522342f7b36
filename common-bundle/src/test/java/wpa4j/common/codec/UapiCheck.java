package wpa4j.common.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** For the backends' tests: a committed, generated Uapi.java is what the installed kernel headers say. */
public final class UapiCheck {
    private UapiCheck() {}

    /** Runs the module's {@code tools/gen-uapi-constants.sh} into {@code dir} and compares with {@code committed}. */
    public static void generatedMatches(String header, String committed, Path dir) throws Exception {
        boolean headers = Files.exists(Path.of(header));
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(headers, "CI installs linux-libc-dev");
        }
        assumeTrue(headers, "linux-libc-dev not installed");
        Path out = dir.resolve("Uapi.java");
        Process p = new ProcessBuilder("bash", "tools/gen-uapi-constants.sh", out.toString()).inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertEquals(Files.readString(Path.of(committed)), Files.readString(out));
    }
}
