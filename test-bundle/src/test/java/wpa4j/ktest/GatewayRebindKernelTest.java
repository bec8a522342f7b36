package wpa4j.ktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

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
        Netns ap = KernelSupport.hostapdInNetns("apg", AP_IF, SSID, PASS, "", "10.97.0.1/24");
        try (KernelGateway gw = new KernelGateway(Map.of("wpa4j.supplicant-kt.cfg",
                "ifname=" + STA_IF + "\nssid=" + SSID + "\nkeyMgmt=WPA-PSK\n.passphrase=" + PASS + "\nscanFreq=2412\n"))) {
            gw.awaitLines(STA_IF + ": driver nl80211 .* bound", 1);
            gw.awaitLines(STA_IF + ": CTRL-EVENT-CONNECTED", 1);
            assertEquals(0, gw.lines(STA_IF + ": driver wext .* bound"), "wext ranks below nl80211 on the same interface");
            assertTrue(gw.output().contains("backend wext"), gw.output());

            gw.command("stop wpa4j.nl80211");
            gw.awaitLines(STA_IF + ": driver wext .* bound", 1);
            // nl80211's socket owned the connection (control port): the kernel drops it, the core reconnects over wext
            gw.awaitLines(STA_IF + ": CTRL-EVENT-CONNECTED", 2);
            String iwconfig = KernelSupport.sh("iwconfig " + STA_IF);
            assertTrue(iwconfig.contains("Access Point: 02:00:00:00:02:00") && iwconfig.contains("ESSID:\"" + SSID + "\""), iwconfig);
            KernelSupport.sh("ip addr add 10.97.0.2/24 dev " + STA_IF);
            assertTrue(KernelSupport.sh("ping -c 3 -W 3 10.97.0.1").contains("3 received"), "data over the wext-driven link");
            assertTrue(!gw.output().contains(PASS), "the passphrase never appears in the output");
        } finally {
            KernelSupport.stopHostapdInNetns(ap, AP_IF, STA_IF);
        }
    }
}
