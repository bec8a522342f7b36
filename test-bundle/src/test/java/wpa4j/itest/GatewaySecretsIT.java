package wpa4j.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import wpa4j.common.crypto.Psk;
import wpa4j.driver.types.Ssid;

/**
 * No secret anywhere an operator or a backup can read it: a full run of the gateway jar, with the console commands that
 * print configurations and components, wpa_cli/hostapd_cli, and the log; then its output and every file it stored
 * (Felix's cache with Config Admin's store included) are searched for the passphrases and PSKs. Only secrets/ (0600)
 * holds them.
 */
class GatewaySecretsIT {
    private static final String DEMO = "wpa4j-demo-passphrase";
    private static final String TYPED = "typed-secret-4711";

    @TempDir
    Path workDir;

    @Test
    void noPassphraseOrPskInOutputCommandsOrStoredFiles() throws Exception {
        GatewayProcess.prepare(workDir);
        Path log = workDir.resolve("gateway.log");
        Process p = new ProcessBuilder(GatewayProcess.javaBin(), "-jar", System.getProperty("gateway.jar")).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        OutputStream console = p.getOutputStream();
        List<String> cli = new ArrayList<>();
        try {
            GatewayProcess.awaitLog(p, log, "sim1: CTRL-EVENT-CONNECTED");
            for (String c : List.of("wifi:status", "wifi:ap", "wifi:stations", "wifi:drivers", "scr:list", "scr:info wpa4j.hostapd.internal.HostapdComponent",
                    "scr:info wpa4j.supplicant.internal.StationManager", "wifi:connect sim7 other-network " + TYPED, "wifi:ap sim8 other-ap " + TYPED,
                    "log 1000 debug")) {
                GatewayProcess.command(console, c);
            }
            GatewayProcess.awaitLog(p, log, "sim8: access point");
            cli.add(run("/usr/sbin/wpa_cli", "-p", "/var/run/wpa_supplicant", "-i", "sim1", "status"));
            cli.add(run("/usr/sbin/wpa_cli", "-p", "/var/run/wpa_supplicant", "-i", "sim1", "get_network", "0", "psk"));
            cli.add(run("/usr/sbin/wpa_cli", "-p", "/var/run/wpa_supplicant", "-i", "sim1", "status-verbose"));
            cli.add(run("/usr/sbin/hostapd_cli", "-p", "/var/run/hostapd", "-i", "sim0", "get_config"));
            GatewayProcess.command(console, "log 1000 debug");
            Thread.sleep(1000);
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.ISO_8859_1);
        assertTrue(out.contains("wifi.driver") || out.contains("HostapdComponent"), "the console commands ran:\n" + out);
        String demoPsk = HexFormat.of().formatHex(Psk.fromPassphrase(DEMO.getBytes(StandardCharsets.UTF_8), Ssid.ofUtf8("wpa4j-demo")).copy());
        List<String> secrets = List.of(DEMO, TYPED, demoPsk);
        for (String secret : secrets) {
            assertTrue(!out.contains(secret), "a secret in the console or log output:\n" + out);
            cli.forEach(o -> assertTrue(!o.contains(secret), "a secret in wpa_cli/hostapd_cli output: " + o));
        }
        Path secretsDir = workDir.resolve("secrets");
        List<Path> stored;
        try (var files = Files.walk(workDir)) {
            stored = files.filter(Files::isRegularFile).filter(f -> !f.startsWith(secretsDir)).toList();
        }
        assertTrue(stored.stream().anyMatch(f -> f.toString().contains("felix-cache")), "the framework stored its state: " + stored);
        for (Path f : stored) {
            String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                assertTrue(!content.contains(secret), "a secret stored in " + f);
            }
        }
        // where the typed secrets went: files only their owner reads
        try (var files = Files.list(secretsDir)) {
            for (Path f : files.toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
            }
        }
        assertTrue(new File(secretsDir.toFile(), "wpa4j.supplicant-sim7.psk").isFile());
    }

    private static String run(String... cmd) throws Exception {
        if (!new File(cmd[0]).canExecute()) {
            return "";
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
