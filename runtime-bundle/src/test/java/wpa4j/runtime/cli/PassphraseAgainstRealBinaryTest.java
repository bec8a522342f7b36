package wpa4j.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The passphrase command against Debian's real {@code /usr/bin/wpa_passphrase} (package wpasupplicant):
 * the same stdout, stderr and exit code for every input. The real binary is the specification; CI installs
 * it, and there its absence is a failure, not a skip.
 */
class PassphraseAgainstRealBinaryTest {
    private static final Path REAL = Path.of("/usr/bin/wpa_passphrase");

    record Outcome(int exit, byte[] out, byte[] err) {
        @Override
        public String toString() {
            return "exit=" + exit + " out=" + new String(out, StandardCharsets.ISO_8859_1) + " err=" + new String(err, StandardCharsets.ISO_8859_1);
        }
    }

    @BeforeAll
    static void realBinaryPresent() {
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(Files.isExecutable(REAL), REAL + " missing in CI (apt-get install wpasupplicant)");
        }
        assumeTrue(Files.isExecutable(REAL), REAL + " not installed: apt-get install wpasupplicant");
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] raw(int... octets) {
        byte[] b = new byte[octets.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) octets[i];
        }
        return b;
    }

    /** bash ANSI-C quoting with every octet as \ooo: exact octets, trailing newlines included. */
    static String quote(byte[] arg) {
        StringBuilder sb = new StringBuilder("$'");
        for (byte x : arg) {
            sb.append(String.format("\\%03o", x & 0xff));
        }
        return sb.append('\'').toString();
    }

    static Outcome real(List<byte[]> args, byte[] stdin) throws Exception {
        StringBuilder cmd = new StringBuilder("exec " + REAL);
        args.forEach(a -> cmd.append(' ').append(quote(a)));
        Process p = new ProcessBuilder("bash", "-c", cmd.toString()).start();
        try (var in = p.getOutputStream()) {
            in.write(stdin);
        } catch (java.io.IOException closedEarly) {
            // the binary does not read stdin when it has its passphrase argument
        }
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        return new Outcome(p.waitFor(), out, err);
    }

    static Outcome ours(List<byte[]> args, byte[] stdin) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin);
        int exit = PassphraseCommand.run(args, in, out, err);
        return new Outcome(exit, out.toByteArray(), err.toByteArray());
    }

    static void same(List<byte[]> args, byte[] stdin) throws Exception {
        Outcome real = real(args, stdin);
        Outcome ours = ours(args, stdin);
        String what = "args " + args.stream().map(PassphraseAgainstRealBinaryTest::quote).toList() + " stdin " + quote(stdin);
        assertEquals(real.exit(), ours.exit(), what + "\nreal: " + real + "\nours: " + ours);
        assertArrayEquals(real.out(), ours.out(), what + "\nreal: " + real + "\nours: " + ours);
        assertArrayEquals(real.err(), ours.err(), what + "\nreal: " + real + "\nours: " + ours);
    }

    @Test
    void edgeCases() throws Exception {
        byte[] none = new byte[0];
        List<List<byte[]>> cases = List.of(
                List.of(),
                List.of(b("test"), b("password")),
                List.of(b(""), b("password")),
                List.of(b("x".repeat(32)), b("12345678")),
                List.of(b("x".repeat(33)), b("12345678")),
                List.of(b("x".repeat(200)), b("12345678")),
                List.of(b("a\"b\\c'd"), b("12345678")),
                List.of(b("line\nbreak\n"), b("12345678")),
                List.of(b("tab\tssid"), b("12345678")),
                List.of(b("café"), b("pässwörd1")),
                List.of(b("日本語のネットワーク"), b("パスワード１２３")),
                List.of(b("emoji 📶"), b("🔑🔑🔑🔑")),
                List.of(raw(0xff, 0xfe, 0x80, 0x01), b("12345678")),
                List.of(b("test"), raw(0xff, 0xfe, 0xfd, 0xfc, 0xc3, 0x28, 0xa0, 0xa1)),
                List.of(b("test"), b("1234567")),
                List.of(b("test"), b("12345678")),
                List.of(b("test"), b("x".repeat(63))),
                List.of(b("test"), b("x".repeat(64))),
                List.of(b("test"), b("ééééééé")),
                List.of(b("test"), b("é".repeat(31) + "x")),
                List.of(b("test"), b("é".repeat(32))),
                List.of(b("test"), b("pass\tword")),
                List.of(b("test"), b("pass\u001fword")),
                List.of(b("test"), b("pass\u007fword")),
                List.of(b("test"), b("pass word ~!@#$%^&*()")),
                List.of(b("test"), b("pass\"word\\")),
                List.of(b("a"), b("b"), b("c")),
                List.of(b("a"), b("12345678"), b("extra")));
        for (List<byte[]> args : cases) {
            same(args, none);
        }
    }

    @Test
    void passphraseFromStdin() throws Exception {
        List<byte[]> stdins = List.of(b("password\n"), b("password"), b(""), b("\n"), b("abcdefgh\rzzz\n"), b("password\r\n"),
                b("x".repeat(63) + "\n"), b("x".repeat(70) + "\n"), b("x".repeat(62) + "é\n"), b("1234567\n"), b("pass\tword\n"),
                b("first line\nsecond line\n"), raw('a', 'b', 'c', 'd', 0, 'e', 'f', 'g', 'h', '\n'), b("é".repeat(4) + "\n"),
                b("pässwörd\n"));
        for (byte[] stdin : stdins) {
            same(List.of(b("test")), stdin);
            same(List.of(b("ssid \u00e9")), stdin);
        }
    }

    @Test
    void randomInputs() throws Exception {
        Random r = new Random(31);
        for (int i = 0; i < 60; i++) {
            List<byte[]> args = new ArrayList<>();
            args.add(randomArg(r, 0, 40));
            args.add(randomArg(r, 5, 70));
            same(args, new byte[0]);
        }
    }

    /** Random octets without NUL (argv cannot carry it), biased to printable and UTF-8. */
    private static byte[] randomArg(Random r, int min, int max) {
        byte[] a = new byte[min + r.nextInt(max - min + 1)];
        for (int i = 0; i < a.length; i++) {
            int kind = r.nextInt(10);
            a[i] = (byte) (kind < 6 ? 32 + r.nextInt(95) : kind < 9 ? 0x80 + r.nextInt(0x80) : 1 + r.nextInt(31));
        }
        return Arrays.copyOf(a, a.length);
    }
}
