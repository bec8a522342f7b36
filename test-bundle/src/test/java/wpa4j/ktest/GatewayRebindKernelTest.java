package wpa4j.ktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The gateway jar on the real kernel with both Linux backends: the station binds nl80211 (ranked higher); when
 * the nl80211 bundle is stopped from the Gogo console, the station rebinds to wext and is connected again; started
 * again, nl80211 takes the link over live. Then the interface is deleted and re-created (hot-plug).
 */
class GatewayRebindKernelTest {
    private static final String AP_IF = "wlan2";
    private static final String STA_IF = "wlan1";
    private static final String SSID = "wpa4j-rebind";
    private static final String PASS = "rebind-passphrase";

    @Test
    void stationBindsNl80211RebindsToWextAndBackAndFollowsTheInterfaceThroughHotPlug() throws Exception {
        Netns ap = KernelSupport.hostapdInNetns("apg", AP_IF, SSID, PASS, "wpa_group_rekey=4\n", "10.97.0.1/24");
        try (KernelGateway gw = new KernelGateway(Map.of("wpa4j.nl80211.cfg", "handoverGraceMs=10000\n", "wpa4j.supplicant-kt.cfg",
                "ifname=" + STA_IF + "\nssid=" + SSID + "\nkeyMgmt=WPA-PSK\n.passphrase=" + PASS + "\nscanFreq=2412\n"))) {
            gw.awaitLines(STA_IF + ": driver nl80211 .* bound", 1);
            gw.awaitLines(STA_IF + ": CTRL-EVENT-CONNECTED", 1);
            assertEquals(0, gw.lines(STA_IF + ": driver wext .* bound"), "wext ranks below nl80211 on the same interface");
            assertTrue(gw.output().contains("backend wext"), gw.output());

            gw.command("stop wpa4j.nl80211");
            gw.awaitLines(STA_IF + ": driver wext .* bound", 1);
            // nl80211's socket owned the connection (control port): custody keeps it for the handover grace (10 s, the default: the update of a PF_PACKET link below
            // must fit in it, and an update takes 1.5-6.5 s on the VM; a fresh-clone CI saw a 3 s grace lapse there), then
            // the kernel drops it and the core reconnects over wext
            gw.awaitLines(STA_IF + ": CTRL-EVENT-CONNECTED", 2);
            String iwconfig = KernelSupport.sh("iwconfig " + STA_IF);
            assertTrue(iwconfig.contains("Access Point: 02:00:00:00:02:00") && iwconfig.contains("ESSID:\"" + SSID + "\""), iwconfig);
            KernelSupport.sh("ip addr add 10.97.0.2/24 dev " + STA_IF);
            assertTrue(KernelSupport.sh("ping -c 3 -W 3 10.97.0.1").contains("3 received"), "data over the wext-driven link");
            // a group rekey completed over wext before nl80211 adopts the link: its EAPOL path works. (Seen twice in a
            // full suite: hostapd's rekey right after the wext reconnect went unanswered, hostapd ended the link with
            // reason 16 a few seconds later and the station reconnected; not yet understood, reported below.)
            long wextRekeys = gw.lines(STA_IF + ": State: GROUP_HANDSHAKE -> COMPLETED");
            gw.awaitLines(STA_IF + ": State: GROUP_HANDSHAKE -> COMPLETED", wextRekeys + 1);
            long groupTimeouts = gw.lines(STA_IF + ": CTRL-EVENT-DISCONNECTED .*reason=16");
            if (groupTimeouts > 0) {
                System.out.println("GatewayRebindKernelTest: hostapd ended the wext link with reason 16 (group key handshake timeout) "
                        + groupTimeouts + " time(s)\n" + hostapdLog());
            }
            long connected = gw.lines(STA_IF + ": CTRL-EVENT-CONNECTED");

            // nl80211 back: it ranks higher, takes the link over from wext live (no reconnect)
            long resyncs = gw.lines(STA_IF + ": CTRL-EVENT-DRIVER-RESYNC");
            LiveUpgrades.startBundle(gw, "wpa4j.nl80211");
            gw.awaitLines(STA_IF + ": driver nl80211 .* bound", 2);
            gw.awaitLines(STA_IF + ": CTRL-EVENT-DRIVER-RESYNC", resyncs + 1);
            assertEquals(connected, gw.lines(STA_IF + ": CTRL-EVENT-CONNECTED"), "wext -> nl80211 without reconnecting:\n" + gw.output());
            assertTrue(KernelSupport.sh("ping -c 3 -W 3 10.97.0.1").contains("3 received"), "data after wext -> nl80211");

            // an update of nl80211 now: the link was adopted from wext (EAPOL over PF_PACKET, no socket owns it); the next
            // instance takes it over with that path, so hostapd's group rekeys (every 4 s) still complete
            long rekeys = gw.lines(STA_IF + ": State: GROUP_HANDSHAKE -> COMPLETED");
            // one PF_PACKET socket, custody's (wext's closed when it unbound): the update must keep that very socket
            KernelSupport.await(() -> eapolPackets(gw).size() == 1, () -> "one PF_PACKET EAPOL socket of the gateway before the update: "
                    + eapolPackets(gw) + " of\n" + KernelSupport.shForDiagnosis("cat /proc/net/packet") + "\n" + output(gw) + "\n--- peers and gateways:\n" + KernelGateway.peers() + "\n" + hostapdLog());
            java.util.Set<String> held = eapolPackets(gw);
            gw.command("update wpa4j.nl80211 file:" + LiveUpgrades.nl80211Build(1));
            gw.awaitLines(STA_IF + ": driver nl80211 1\\.0\\.0\\.up1 .* bound", 1);
            gw.awaitLines(STA_IF + ": State: GROUP_HANDSHAKE -> COMPLETED", rekeys + 2);
            assertEquals(connected, gw.lines(STA_IF + ": CTRL-EVENT-CONNECTED"), "a PF_PACKET link kept through an update:\n" + gw.output());
            KernelSupport.await(() -> held.equals(eapolPackets(gw)), () -> "custody held the PF_PACKET socket through the update: inode " + held
                    + ", now " + eapolPackets(gw));

            // hot-plug: the netdev goes (both backends lose their service), the core says so and waits; a new
            // netdev under the same name gets services again and the station connects on it
            String phy = KernelSupport.sh("cat /sys/class/net/" + STA_IF + "/phy80211/name").trim();
            try {
                KernelSupport.sh("iw dev " + STA_IF + " del");
                // (the kernel deauthenticates first, so the link may already be reported ended)
                gw.awaitLines(STA_IF + ": interface " + STA_IF + " is gone.*: waiting for it", 1);
                gw.awaitLines(STA_IF + ": State: \\w+ -> INTERFACE_DISABLED", 1);
                gw.awaitLines(STA_IF + ": no driver left for " + STA_IF + ": waiting for one", 1);
                KernelSupport.sh("iw phy " + phy + " interface add " + STA_IF + " type managed");
                gw.awaitLines(STA_IF + ": driver nl80211 .* bound", 4);
                gw.awaitLines(STA_IF + ": CTRL-EVENT-CONNECTED", connected + 1);
                // deleted and re-created at once: the dump after DEL_INTERFACE may already list the new netdev
                // under the same name; nl80211 must still end up registered (and bound) for it. (The core's
                // "is gone" is not asserted here: in one CI run of this back-to-back case it was not reported,
                // the kernel's deauthentication was, and the core reconnected all the same; not yet understood.)
                KernelSupport.sh("iw dev " + STA_IF + " del && iw phy " + phy + " interface add " + STA_IF + " type managed");
                gw.awaitLines(STA_IF + ": driver nl80211 .* bound", 5);
                gw.awaitLines(STA_IF + ": CTRL-EVENT-CONNECTED", connected + 2);
            } finally {
                KernelSupport.sh("[ -e /sys/class/net/" + STA_IF + " ] || iw phy " + phy + " interface add " + STA_IF + " type managed");
            }
            KernelSupport.sh("ip addr add 10.97.0.2/24 dev " + STA_IF);
            KernelSupport.await(() -> {
                try {
                    return KernelSupport.sh("ping -c 1 -W 1 10.97.0.1 || true").contains("1 received");
                } catch (Exception e) {
                    return false;
                }
            }, "data over the re-created interface");
            assertTrue(!gw.output().contains(PASS), "the passphrase never appears in the output");
        } finally {
            KernelSupport.stopHostapdInNetns(ap, AP_IF, STA_IF);
        }
    }

    /** hostapd's lines about the station's handshakes and its leaving (it logs with -d). */
    private static String hostapdLog() {
        return "--- hostapd:\n" + KernelSupport.shForDiagnosis("grep -E 'EAPOL-Key|entering state|deauth|disassoc|reason|timeout' /tmp/hostapd-" + AP_IF
                + ".log | grep -v 'ap_handle_timer' | tail -80 || true");
    }

    private static String output(KernelGateway gw) {
        try {
            return gw.output();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static java.util.Set<String> eapolPackets(KernelGateway gw) {
        try {
            return KernelSupport.eapolPacketInodes(gw.pid());
        } catch (Exception e) {
            return java.util.Set.of();
        }
    }
}
