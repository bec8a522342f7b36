package wpa4j.ktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Issue #15 on the real kernel for the AP, in the default configuration (EAPOL over the nl80211 control port: the
 * backend's command socket owns the BSS): the gateway's AP keeps Debian's wpa_supplicant associated through 20
 * consecutive updates of the nl80211 bundle, pinged every 50 ms both ways, with group rekeys every 3 s falling into
 * the updates; the station never sees a deauthentication, a new association or a new 4-way handshake. Then nl80211 is
 * stopped for good: no other backend can run an AP, the BSS outlives the stop for the handover grace, then custody
 * stops it (the documented cost), and starting nl80211 again brings the station back. Prints its figures.
 */
class GatewayApUpgradeKernelTest {
    private static final String AP_IF = "wlan0";
    private static final String STA_IF = "wlan1";
    private static final String SSID = "wpa4j-ap-upgrade";
    private static final String PASS = "ap-upgrade-passphrase";
    private static final String WAITING = AP_IF + ": no driver left for " + AP_IF + ": waiting for one";
    /** The AP core carrying its BSS and its one station over to a newly bound driver (hostapd-bundle Hostapd.attach). */
    private static final String RESYNC = AP_IF + ": AP-DRIVER-RESYNC driver=nl80211 stations=1";

    /** Lines of wpa_supplicant's log (-f) containing {@code text}. */
    private static long staLines(String text) {
        return KernelSupport.wpaSupplicantLog(STA_IF).lines().filter(l -> l.contains(text)).count();
    }

    private static boolean completed(Netns sta) {
        return KernelSupport.wpaCli(sta, STA_IF, "status").contains("wpa_state=COMPLETED");
    }

    private static String gatewayOutput(KernelGateway gw) {
        try {
            return gw.output();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** A ping from our AP gets through to wpa_supplicant's side. */
    private static void awaitPing(String what) throws Exception {
        KernelSupport.await(() -> {
            try {
                return KernelSupport.sh("ping -c 1 -W 1 10.97.1.2").contains("1 received");
            } catch (Exception e) {
                return false;
            }
        }, what);
    }

    /** Our AP with SAE and PMF required, Debian's wpa_supplicant as its client: five updates, no new SAE exchange, no deauthentication. */
    @Test
    void updatesKeepAnSaeBssWithManagementFrameProtection() throws Exception {
        List<Path> builds = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            builds.add(LiveUpgrades.nl80211Build(n));
        }
        Path ctrl = Files.createTempDirectory(Path.of("/tmp"), "apu-ctrl");
        Netns sta = Netns.moveInto("apusae", STA_IF);
        try (KernelGateway gw = new KernelGateway(Map.of("wpa4j.hostapd-up.cfg", "ifname=" + AP_IF + "\nssid=" + SSID
                + "\nchannel=1\n.passphrase=" + PASS + "\nkeyMgmt=SAE\nieee80211w=2\ngroupRekey=3\nctrlInterface=" + ctrl + "\n"))) {
            gw.awaitLines(AP_IF + ": AP-ENABLED", 1);
            KernelSupport.sh("ip addr add 10.97.1.1/24 dev " + AP_IF);
            KernelSupport.sh(sta.exec("ip addr add 10.97.1.2/24 dev " + STA_IF));
            KernelSupport.startWpaSupplicantWith(sta, STA_IF, "sae_pwe=0", "ssid=\"" + SSID + "\"\npsk=\"" + PASS
                    + "\"\nkey_mgmt=SAE\nieee80211w=2\nscan_freq=2412\n");
            KernelSupport.await(() -> completed(sta), () -> "wpa_supplicant COMPLETED with our SAE AP\n" + KernelSupport.wpaSupplicantLog(STA_IF));
            String status = KernelSupport.wpaCli(sta, STA_IF, "status");
            assertTrue(status.contains("key_mgmt=SAE") && status.contains("pmf=2"), status);
            awaitPing("SAE link up before the updates");
            long connects = staLines("CTRL-EVENT-CONNECTED");
            long disconnects = staLines("CTRL-EVENT-DISCONNECTED");
            long saeAuths = staLines("SME: Trying to authenticate");
            long rekeys0 = staLines("WPA: Group rekeying completed with");
            long started0 = gw.lines(AP_IF + ": WPA-GROUP-REKEY");

            LiveUpgrades.Pinger fromAp = new LiveUpgrades.Pinger("the AP", "", "10.97.1.2");
            LiveUpgrades.Pinger fromSta = new LiveUpgrades.Pinger("the station", sta.exec(""), "10.97.1.1");
            long updatesFrom = System.nanoTime();
            LiveUpgrades.Figures f = LiveUpgrades.updates(gw, builds, AP_IF, RESYNC, fromAp, fromSta);
            long elapsedMs = (System.nanoTime() - updatesFrom) / 1_000_000;
            long rekeys = staLines("WPA: Group rekeying completed with") - rekeys0;
            long started = gw.lines(AP_IF + ": WPA-GROUP-REKEY") - started0;
            String staLog = KernelSupport.wpaSupplicantLog(STA_IF);
            System.out.printf("%d nl80211 updates under our SAE AP with PMF required: %s; %d group rekeys started by our AP, %d completed by wpa_supplicant meanwhile%n",
                    builds.size(), f.describe(fromAp, fromSta), started, rekeys);
            assertEquals(0, f.lost(), "no ping lost across the updates:\n" + gw.output() + "\n" + staLog);
            assertEquals(saeAuths, staLines("SME: Trying to authenticate"), "no new SAE authentication:\n" + staLog);
            assertEquals(connects, staLines("CTRL-EVENT-CONNECTED"), staLog);
            assertEquals(disconnects, staLines("CTRL-EVENT-DISCONNECTED"), staLog);
            assertRekeysKept(gw, started0, started, elapsedMs, builds.size());

            // a changed configuration restarts our AP core within the grace: it stops the BSS, the interface goes back to
            // station and becomes an AP again, so the frame registrations the lease held are gone and must be made anew
            long enabled = gw.lines(AP_IF + ": AP-ENABLED");
            Path cfg = gw.dir.resolve("etc/wpa4j.hostapd-up.cfg");
            Path next = gw.dir.resolve("wpa4j.hostapd-up.cfg.new");
            Files.writeString(next, Files.readString(cfg).replace("groupRekey=3", "groupRekey=5"));
            Files.move(next, cfg, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            gw.awaitLines(AP_IF + ": AP-ENABLED", enabled + 1);
            KernelSupport.await(() -> staLines("CTRL-EVENT-CONNECTED") > connects && completed(sta),
                    () -> "wpa_supplicant joins the restarted AP (its Authentication must reach the new core)\n" + KernelSupport.wpaSupplicantLog(STA_IF)
                            + "\n" + gatewayOutput(gw));
            awaitPing("data after the AP's restart");
        } finally {
            KernelSupport.stopWpaSupplicant(sta, STA_IF);
            KernelSupport.sh("ip addr flush dev " + AP_IF + "; true");
            sta.close();
        }
    }

    @Test
    void twentyNl80211UpdatesKeepTheOwnedBssThenAStopEndsItAfterTheGrace() throws Exception {
        List<Path> builds = new ArrayList<>();
        for (int n = 1; n <= GatewayUpgradeKernelTest.UPDATES; n++) {
            builds.add(LiveUpgrades.nl80211Build(n));
        }
        Path ctrl = Files.createTempDirectory(Path.of("/tmp"), "apu-ctrl");
        Netns sta = Netns.moveInto("apusta", STA_IF);
        try (KernelGateway gw = new KernelGateway(Map.of("wpa4j.hostapd-up.cfg", "ifname=" + AP_IF
                + "\nssid=" + SSID + "\nchannel=1\n.passphrase=" + PASS + "\ngroupRekey=3\nctrlInterface=" + ctrl + "\n"))) {
            gw.awaitLines(AP_IF + ": driver nl80211 1\\.0\\.0\\.SNAPSHOT .* bound", 1);
            gw.awaitLines(AP_IF + ": AP-ENABLED", 1);
            KernelSupport.sh("ip addr add 10.97.1.1/24 dev " + AP_IF);
            KernelSupport.sh(sta.exec("ip addr add 10.97.1.2/24 dev " + STA_IF));
            KernelSupport.startWpaSupplicant(sta, STA_IF, SSID, PASS);
            KernelSupport.await(() -> completed(sta), () -> "wpa_supplicant COMPLETED with our AP\n" + KernelSupport.wpaSupplicantLog(STA_IF));
            awaitPing("link up before the updates");
            assertEquals(0, KernelSupport.eapolPacketSockets(), "EAPOL over the control port: no PF_PACKET socket");
            long connects = staLines("CTRL-EVENT-CONNECTED");
            long disconnects = staLines("CTRL-EVENT-DISCONNECTED");
            long apDisconnects = gw.lines(AP_IF + ": AP-STA-DISCONNECTED");
            long rekeys0 = staLines("WPA: Group rekeying completed with");
            long started0 = gw.lines(AP_IF + ": WPA-GROUP-REKEY");

            // no standby for an AP (wext cannot run one): straight to the new nl80211, which carries the BSS and its station on
            LiveUpgrades.Pinger fromAp = new LiveUpgrades.Pinger("the AP", "", "10.97.1.2");
            LiveUpgrades.Pinger fromSta = new LiveUpgrades.Pinger("the station", sta.exec(""), "10.97.1.1");
            long updatesFrom = System.nanoTime();
            LiveUpgrades.Figures f = LiveUpgrades.updates(gw, builds, AP_IF, RESYNC, fromAp, fromSta);
            long elapsedMs = (System.nanoTime() - updatesFrom) / 1_000_000;
            long rekeys = staLines("WPA: Group rekeying completed with") - rekeys0;
            long started = gw.lines(AP_IF + ": WPA-GROUP-REKEY") - started0;
            System.out.printf("%d nl80211 updates under our AP, eapol=AUTO (control port): %s; %d group rekeys started by our AP, %d completed by wpa_supplicant meanwhile%n",
                    GatewayUpgradeKernelTest.UPDATES, f.describe(fromAp, fromSta), started, rekeys);
            String staLog = KernelSupport.wpaSupplicantLog(STA_IF);
            assertEquals(0, f.lost(), "no ping lost across the updates:\n" + gw.output() + "\n" + staLog);
            assertEquals(disconnects, staLines("CTRL-EVENT-DISCONNECTED"), "wpa_supplicant was never disconnected:\n" + staLog);
            assertEquals(connects, staLines("CTRL-EVENT-CONNECTED"), "no new association or 4-way handshake:\n" + staLog);
            assertEquals(apDisconnects, gw.lines(AP_IF + ": AP-STA-DISCONNECTED"), "our AP saw no disconnect:\n" + gw.output());
            assertRekeysKept(gw, started0, started, elapsedMs, builds.size());
            assertEquals(0, KernelSupport.eapolPacketSockets(), "still over the control port");

            // nl80211 stopped for good: no backend left for the AP; custody keeps the BSS for the grace, then stops it
            long waits = gw.lines(WAITING);
            long binds = gw.lines(AP_IF + ": driver .* bound");
            long t0 = System.nanoTime();
            gw.command("stop wpa4j.nl80211");
            gw.awaitLines(WAITING, waits + 1);
            KernelSupport.await(() -> staLines("CTRL-EVENT-DISCONNECTED") > disconnects, () -> "wpa_supplicant loses the link\n"
                    + KernelSupport.wpaSupplicantLog(STA_IF));
            long downMs = (System.nanoTime() - t0) / 1_000_000;
            KernelSupport.await(() -> {
                try {
                    return KernelSupport.sh("iw dev " + AP_IF + " info").contains("type managed");
                } catch (Exception e) {
                    return false;
                }
            }, "custody gives " + AP_IF + " back as a station");
            assertEquals(binds, gw.lines(AP_IF + ": driver .* bound"), "no other backend took the AP over:\n" + gw.output());
            long connected = staLines("CTRL-EVENT-CONNECTED");
            long t1 = System.nanoTime();
            LiveUpgrades.startBundle(gw, "wpa4j.nl80211");
            gw.awaitLines(AP_IF + ": driver nl80211 1\\.0\\.0\\.up" + GatewayUpgradeKernelTest.UPDATES + " .* bound", 2);
            KernelSupport.await(() -> staLines("CTRL-EVENT-CONNECTED") > connected && completed(sta), () -> "wpa_supplicant back with our AP\n"
                    + KernelSupport.wpaSupplicantLog(STA_IF));
            long upMs = (System.nanoTime() - t1) / 1_000_000;
            System.out.printf("nl80211 stopped under our AP: wpa_supplicant disconnected after %d ms (handover grace 10000 ms, the default); nl80211 started again,"
                    + " wpa_supplicant COMPLETED after %d ms%n", downMs, upMs);
            assertTrue(downMs >= 8000, "the BSS outlived the stop for the grace: " + downMs + " ms");
            assertTrue(!gw.output().contains(PASS), "the passphrase never appears in the output");
        } finally {
            KernelSupport.stopWpaSupplicant(sta, STA_IF);
            KernelSupport.sh("ip addr flush dev " + AP_IF + "; true");
            sta.close();
        }
    }

    /**
     * The group rekeys (every 3 s) of our AP while the updates ran: about as many as the time allows (one that falls
     * due while no instance is bound runs on the next, re-arming the period: a few fewer, not one per update), none
     * timed out, and each reached the station (its WPA-GROUP-KEY-COMPLETED on the same console) unless an update
     * interrupted it and the next rekey replaced it, as hostapd's wpa_group_setkeys replaces a rekey still under way:
     * the station then has the newer keys, and the AP transmits with those. Waits for the last one to complete.
     */
    private static void assertRekeysKept(KernelGateway gw, long started0, long started, long elapsedMs, int updates) throws Exception {
        // a liveness bound: each update may push the period back by the time no instance was bound (up to a second)
        assertTrue(started >= (elapsedMs - 1000L * updates) / 3000 - 1,
                started + " group rekeys started in " + elapsedMs + " ms of " + updates + " updates\n" + gw.output());
        KernelSupport.await(() -> rekeys(output(gw), started0).lastCompleted(), () -> "the last group rekey reached the station:\n" + output(gw));
        Rekeys r = rekeys(gw.output(), started0);
        assertEquals(List.of(), r.replacedWithoutUpdate(), "rekeys replaced while no update interrupted them:\n" + gw.output());
        assertTrue(r.replacedByUpdate() <= updates, r.replacedByUpdate() + " rekeys replaced in " + updates + " updates:\n" + gw.output());
        System.out.printf("%d group rekeys interrupted by an update and replaced by the next one%n", r.replacedByUpdate());
        assertEquals(0, gw.lines("group key handshake timed out"), "no group key handshake timed out:\n" + gw.output());
    }

    /** What became of the AP's group rekeys after the first {@code skip}, read in console order. */
    private record Rekeys(boolean lastCompleted, int replacedByUpdate, List<String> replacedWithoutUpdate) {}

    private static final Pattern REKEY = Pattern.compile(AP_IF + ": WPA-GROUP-REKEY keyid=(\\d)");
    private static final Pattern COMPLETED = Pattern.compile(AP_IF + ": WPA-GROUP-KEY-COMPLETED \\S+ keyid=(\\d)");
    private static final Pattern UNBOUND = Pattern.compile(AP_IF + ": driver .* unbound");

    private static Rekeys rekeys(String console, long skip) {
        String pending = null;
        boolean interrupted = false;
        int replacedByUpdate = 0;
        List<String> replacedWithoutUpdate = new ArrayList<>();
        long seen = 0;
        for (String line : console.lines().toList()) {
            Matcher m;
            if ((m = REKEY.matcher(line)).find()) {
                if (++seen <= skip) {
                    continue;
                }
                if (pending != null && interrupted) {
                    replacedByUpdate++;
                } else if (pending != null) {
                    replacedWithoutUpdate.add(pending);
                }
                pending = line;
                interrupted = false;
            } else if (pending != null && (m = COMPLETED.matcher(line)).find() && pending.endsWith("keyid=" + m.group(1))) {
                pending = null;
            } else if (pending != null && UNBOUND.matcher(line).find()) {
                interrupted = true;
            }
        }
        return new Rekeys(pending == null, replacedByUpdate, replacedWithoutUpdate);
    }

    private static String output(KernelGateway gw) {
        try {
            return gw.output();
        } catch (java.io.IOException e) {
            return "(the gateway's output unreadable: " + e + ")";
        }
    }
}
