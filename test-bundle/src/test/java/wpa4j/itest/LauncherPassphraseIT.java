package wpa4j.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code distribution/bin/wpa4j passphrase} as a user runs it, against Debian's {@code wpa_passphrase}:
 * both get the same octets through bash (including octets that are not UTF-8) and must print the same
 * stdout and stderr and exit with the same code.
 */
class LauncherPassphraseIT {
    private static final Path REAL = Path.of("/usr/bin/wpa_passphrase");

    @TempDir
    Path dir;

    /** Each case: bash words for the arguments, and what goes to stdin. */
    record Case(String args, String stdin) {}

    @Test
    void matchesTheRealBinary() throws Exception {
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(Files.isExecutable(REAL), "CI installs wpasupplicant");
        }
        assumeTrue(Files.isExecutable(REAL), "wpasupplicant not installed");
        Path launcher = Path.of(System.getProperty("launcher"));
        List<Case> cases = List.of(
                new Case("", ""),
                new Case("test password", ""),
                new Case("$'\\377\\376\\200' 12345678", ""),
                new Case("$'caf\\303\\251 \\342\\230\\225' $'p\\303\\244sswort'", ""),
                new Case("test short", ""),
                new Case("test $'tab\\tbed12'", ""),
                new Case("'' 12345678", ""),
                new Case("test", "password\\n"),
                new Case("test", "abcdefgh\\r\\n"),
                new Case("test", ""),
                new Case("$'\\n\\\"x\\\\'", "0123456789012345678901234567890123456789012345678901234567890123456789\\n"));
        for (Case c : cases) {
            String real = run(REAL + " " + c.args(), c.stdin(), "real");
            String ours = run(launcher + " passphrase " + c.args(), c.stdin(), "ours");
            assertEquals(real, ours, "args: " + c.args() + " stdin: " + c.stdin());
        }
    }

    private String run(String command, String stdin, String name) throws Exception {
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        String script = "printf '" + stdin + "' | " + command + " >" + out + " 2>" + err + "; echo $?";
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String exit = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        p.waitFor();
        return "exit=" + exit + "\nstdout=" + hex(out) + "\nstderr=" + new String(Files.readAllBytes(err), StandardCharsets.ISO_8859_1);
    }

    private static String hex(Path p) throws Exception {
        return java.util.HexFormat.of().formatHex(Files.readAllBytes(p));
    }
}
