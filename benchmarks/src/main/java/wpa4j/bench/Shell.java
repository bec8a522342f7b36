package wpa4j.bench;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Commands and waits of the real-kernel harnesses (run in the hwsim VM as root). */
final class Shell {
    private Shell() {}

    /** A condition polled by {@link #await}; may run commands. */
    interface Check {
        boolean ok() throws Exception;
    }

    /** {@code command} through {@code sh -c}: its output and error output together. */
    static String sh(String command) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    static void await(Check c, int seconds, String what) throws Exception {
        await(c, seconds, () -> what);
    }

    /** Polls {@code c} every 20 ms; after {@code seconds}, fails with {@code what} (computed then: it may read a log). */
    static void await(Check c, int seconds, Supplier<String> what) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (!c.ok()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out: " + what.get());
            }
            Thread.sleep(20);
        }
    }

    static String firstLine(String s) {
        return s.lines().findFirst().orElse("?").trim();
    }
}
