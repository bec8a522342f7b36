package wpa4j.ktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import wpa4j.itest.Jars;

/**
 * Issue #7 on the real kernel: the gateway's station on nl80211 (EAPOL over PF_PACKET, so no socket owns the
 * connection) carries a ping every 50 ms from hostapd's side while the nl80211 bundle is replaced by a new
 * build of itself from the Gogo console; then the station is switched to wext live. Prints what it measured.
 */
class GatewayUpgradeKernelTest {
    private static final String AP_IF = "wlan2";
    private static final String STA_IF = "wlan1";
    private static final String SSID = "wpa4j-upgrade";
    private static final String PASS = "upgrade-passphrase";
    private static final Pattern PING = Pattern.compile("(\\d+) packets transmitted, (\\d+) received");

    /** A ping every 50 ms for {@code seconds} from the AP's namespace to the station, in the background. */
    private static Path startPing(Netns ap, int seconds, String name) throws Exception {
        Path out = Path.of("/tmp/ping-" + name + ".txt");
        KernelSupport.sh("(" + ap.exec("ping -i 0.05 -w " + seconds + " 10.96.0.2") + " > " + out + " 2>&1 &)");
        return out;
    }

    /** {transmitted, received} once the ping has ended. */
    private static int[] pingResult(Path out) throws Exception {
        KernelSupport.await(() -> {
            try {
                return PING.matcher(Files.readString(out)).find();
            } catch (Exception e) {
                return false;
            }
        }, "ping summary in " + out);
        Matcher m = PING.matcher(Files.readString(out));
        assertTrue(m.find());
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    private static long connectedTime(Netns ap) throws Exception {
        Matcher m = Pattern.compile("connected_time=(\\d+)").matcher(KernelSupport.sh(ap.exec("hostapd_cli -i " + AP_IF + " all_sta")));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static long hostapdDisconnects() throws Exception {
        return Files.readString(Path.of("/tmp/hostapd-" + AP_IF + ".log")).lines().filter(l -> l.contains("AP-STA-DISCONNECTED")).count();
    }

    @Test
    void nl80211ReplacedByANewBuildOfItselfUnderPingThenSwitchedToWext() throws Exception {
        Path newBuild = Path.of("/tmp/nl80211-up1.jar");
        try (InputStream in = Jars.withVersion(System.getProperty("nl80211.jar"), "1.0.0.up1")) {
            Files.copy(in, newBuild, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        // hostapd rekeys the group every 4 s: an instance that took the link over must still answer EAPOL
        Netns ap = KernelSupport.hostapdInNetns("apu", AP_IF, SSID, PASS, "wpa_group_rekey=4\n", "10.96.0.1/24");
        try (KernelGateway gw = new KernelGateway(Map.of("wpa4j.nl80211.cfg", "eapol=PACKET\n", "wpa4j.supplicant-up.cfg",
                "ifname=" + STA_IF + "\nssid=" + SSID + "\nkeyMgmt=WPA-PSK\n.passphrase=" + PASS + "\nscanFreq=2412\n"))) {
            gw.awaitLines(STA_IF + ": driver nl80211 1\\.0\\.0\\.SNAPSHOT .* bound", 1);
            gw.awaitLines(STA_IF + ": CTRL-EVENT-CONNECTED", 1);
            KernelSupport.sh("ip addr add 10.96.0.2/24 dev " + STA_IF);
            // the eapol=PACKET configuration may reach nl80211 after it first activated (control port): then it is
            // reactivated, the station reconnects once. Wait for the PF_PACKET path and a working link.
            try {
                KernelSupport.await(() -> {
                    try {
                        return KernelSupport.eapolPacketSockets() >= 1 && KernelSupport.sh(ap.exec("ping -c 1 -W 1 10.96.0.2")).contains("1 received");
                    } catch (Exception e) {
                        return false;
                    }
                }, "link up over PF_PACKET before the upgrade");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + gw.output(), e);
            }
            long disconnects = gw.lines(STA_IF + ": CTRL-EVENT-DISCONNECTED");
            long resyncs0 = gw.lines(STA_IF + ": CTRL-EVENT-DRIVER-RESYNC");
            long apDisconnects = hostapdDisconnects();
            long before = connectedTime(ap);

            Path ping = startPing(ap, 12, "upgrade");
            Thread.sleep(3000);
            long t0 = System.nanoTime();
            gw.command("update wpa4j.nl80211 file:" + newBuild);
            gw.awaitLines(STA_IF + ": driver nl80211 1\\.0\\.0\\.up1 .* bound", 1);
            gw.awaitLines(STA_IF + ": CTRL-EVENT-DRIVER-RESYNC", resyncs0 + 1);
            long swapMs = (System.nanoTime() - t0) / 1_000_000;
            int[] upgrade = pingResult(ping);
            System.out.printf("nl80211 -> nl80211 1.0.0.up1: update command to re-synced %d ms; ping every 50 ms: %d sent, %d received%n", swapMs,
                    upgrade[0], upgrade[1]);
            assertEquals(upgrade[0], upgrade[1], "no ping lost across the nl80211 upgrade:\n" + gw.output());
            assertEquals(disconnects, gw.lines(STA_IF + ": CTRL-EVENT-DISCONNECTED"), gw.output());
            long after = connectedTime(ap);
            assertTrue(after >= before + 5, "hostapd kept the station (connected_time " + before + " -> " + after + ")");
            assertEquals(apDisconnects, hostapdDisconnects(), "hostapd saw no disconnect");
            long rekeys = gw.lines(STA_IF + ": State: GROUP_HANDSHAKE -> COMPLETED");
            gw.awaitLines(STA_IF + ": State: GROUP_HANDSHAKE -> COMPLETED", rekeys + 1);

            // nl80211 -> wext: the kernel keeps the association; wext re-syncs from SIOCGIWAP
            // the update went nl80211 -> wext (standby) -> nl80211 1.0.0.up1: a re-sync at each step
            long resyncs = gw.lines(STA_IF + ": CTRL-EVENT-DRIVER-RESYNC");
            ping = startPing(ap, 10, "wext");
            Thread.sleep(3000);
            long wextBinds = gw.lines(STA_IF + ": driver wext .* bound");
            gw.command("stop wpa4j.nl80211");
            gw.awaitLines(STA_IF + ": driver wext .* bound", wextBinds + 1);
            int[] toWext = pingResult(ping);
            System.out.printf("nl80211 -> wext: ping every 50 ms: %d sent, %d received; %d disconnects; %d re-syncs%n", toWext[0], toWext[1],
                    gw.lines(STA_IF + ": CTRL-EVENT-DISCONNECTED") - disconnects, gw.lines(STA_IF + ": CTRL-EVENT-DRIVER-RESYNC") - resyncs0);
            assertEquals(resyncs + 1, gw.lines(STA_IF + ": CTRL-EVENT-DRIVER-RESYNC"), "wext took the link over without reassociation:\n" + gw.output());
            assertEquals(disconnects, gw.lines(STA_IF + ": CTRL-EVENT-DISCONNECTED"), gw.output());
            assertEquals(toWext[0], toWext[1], "no ping lost switching nl80211 -> wext");
            long rekeysOverWext = gw.lines(STA_IF + ": State: GROUP_HANDSHAKE -> COMPLETED");
            gw.awaitLines(STA_IF + ": State: GROUP_HANDSHAKE -> COMPLETED", rekeysOverWext + 1);
            assertEquals(disconnects, gw.lines(STA_IF + ": CTRL-EVENT-DISCONNECTED"), "group rekeys over wext keep the link:\n" + gw.output());
            assertTrue(!gw.output().contains(PASS), "the passphrase never appears in the output");

            // a swap keeps the link, but the gateway shutting down (SIGTERM: the framework stops) ends it
            gw.close();
            KernelSupport.await(() -> {
                try {
                    return hostapdDisconnects() > apDisconnects;
                } catch (Exception e) {
                    return false;
                }
            }, "hostapd sees the station leave when the gateway stops");
        } finally {
            KernelSupport.stopHostapdInNetns(ap, AP_IF, STA_IF);
        }
    }
}
