package wpa4j.itest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The gateway jar run as bin/wpa4j runs it, in a work directory with the shipped etc/, its output in a log. */
final class GatewayProcess {
    private GatewayProcess() {}

    /** Copies the shipped etc/ and makes what bin/wpa4j makes for the demo: secrets/demo.passphrase, mode 0600. */
    static void prepare(Path workDir) throws IOException {
        Files.createDirectories(workDir.resolve("load"));
        Path etc = Files.createDirectories(workDir.resolve("etc"));
        try (var configs = Files.list(Path.of(System.getProperty("gateway.etc")))) {
            for (Path c : configs.toList()) {
                Files.copy(c, etc.resolve(c.getFileName()));
            }
        }
        Path secrets = Files.createDirectories(workDir.resolve("secrets"));
        Files.writeString(secrets.resolve("demo.passphrase"), "wpa4j-demo-passphrase\n");
        Files.setPosixFilePermissions(secrets.resolve("demo.passphrase"), PosixFilePermissions.fromString("rw-------"));
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits for {@code text} in the log (a hang guard of 60 s, not a timing assertion). */
    static void awaitLog(Process p, Path log, String text) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.readString(log).contains(text)) {
            if (!p.isAlive() || System.currentTimeMillis() > deadline) {
                throw new AssertionError("no '" + text + "' in the gateway output (alive=" + p.isAlive() + "):\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    /** A Gogo command typed at the console. */
    static void command(OutputStream console, String line) throws IOException {
        console.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        console.flush();
    }
}
