package wpa4j.ktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The gateway jar on the real kernel with both Linux backends: the station binds nl80211 (ranked higher); when
 * the nl80211 bundle is stopped from the Gogo console, the station rebinds to wext and is connected again.
 */
class GatewayRebindKernelTest {
    private static final String AP_IF = "wlan2";
    private static final String STA_IF = "wlan1";
    private static final String SSID = "wpa4j-rebind";
    private static final String PASS = "rebind-passphrase";

    @Test
    void stationBindsNl80211AndRebindsToWextWhenNl80211Stops() throws Exception {
        Path work = Files.createTempDirectory("gw-rebind");
        Path etc = Files.createDirectories(work.resolve("etc"));
        Files.createDirectories(work.resolve("load"));
        Files.writeString(etc.resolve("wpa4j.supplicant-kt.cfg"),
                "ifname=" + STA_IF + "\nssid=" + SSID + "\nkeyMgmt=WPA-PSK\n.passphrase=" + PASS + "\nscanFreq=2412\n");
        Path log = work.resolve("gateway.log");
        try (Netns ap = KernelSupport.hostapdInNetns("apg", AP_IF, SSID, PASS, "", "10.97.0.1/24")) {
            Process p = new ProcessBuilder("java", "-Djava.io.tmpdir=/tmp", "-jar", System.getProperty("gateway.jar"))
                    .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try (OutputStream console = p.getOutputStream()) {
                awaitLine(p, log, STA_IF + ": driver nl80211 .* bound", 1);
                awaitLine(p, log, STA_IF + ": CTRL-EVENT-CONNECTED", 1);
                assertEquals(0, lines(log, STA_IF + ": driver wext .* bound"), "wext ranks below nl80211 on the same interface");
                assertTrue(Files.readString(log).contains("backend wext"), Files.readString(log));

                console.write("stop wpa4j.nl80211\n".getBytes(StandardCharsets.US_ASCII));
                console.flush();
                awaitLine(p, log, STA_IF + ": driver wext .* bound", 1);
                // nl80211's socket owned the connection (control port): the kernel drops it, the core reconnects over wext
                awaitLine(p, log, STA_IF + ": CTRL-EVENT-CONNECTED", 2);
                String iwconfig = KernelSupport.sh("iwconfig " + STA_IF);
                assertTrue(iwconfig.contains("Access Point: 02:00:00:00:02:00") && iwconfig.contains("ESSID:\"" + SSID + "\""), iwconfig);
                KernelSupport.sh("ip addr add 10.97.0.2/24 dev " + STA_IF);
                assertTrue(KernelSupport.sh("ping -c 3 -W 3 10.97.0.1").contains("3 received"), "data over the wext-driven link");
                assertTrue(!Files.readString(log).contains(PASS), "the passphrase never appears in the output");
            } finally {
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
                p.destroyForcibly();
                KernelSupport.stopHostapd(AP_IF);
                KernelSupport.sh("ip addr flush dev " + STA_IF);
            }
        }
    }

    private static long lines(Path log, String regex) throws IOException {
        Pattern pat = Pattern.compile(regex);
        return Files.readString(log).lines().filter(l -> pat.matcher(l).find()).count();
    }

    private static void awaitLine(Process p, Path log, String regex, int count) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (lines(log, regex) < count) {
            if (!p.isAlive() || System.currentTimeMillis() > deadline) {
                throw new AssertionError(count + " x '" + regex + "' not in the gateway output (alive=" + p.isAlive() + "):\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }
}
