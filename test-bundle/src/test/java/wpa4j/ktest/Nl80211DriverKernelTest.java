package wpa4j.ktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import wpa4j.common.ie.IeList;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.OperationNotSupportedException;
import wpa4j.driver.WifiDriver;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.CountryCode;
import wpa4j.driver.types.DriverFlag;
import wpa4j.driver.types.IfAddParams;
import wpa4j.driver.types.IfType;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.PmkidEntry;
import wpa4j.driver.types.ScanParams;
import wpa4j.driver.types.ScanResult;
import wpa4j.nl80211.Nl80211Driver;
import wpa4j.nl80211.Nl80211Stack;
import wpa4j.nl80211.cmd.Nl80211;

/** The nl80211 WifiDriver's ops on real radios, with Debian's hostapd as the AP to find. */
class Nl80211DriverKernelTest {
    private static Nl80211Stack stack;

    @BeforeAll
    static void startRealHostapd() throws Exception {
        KernelSupport.startHostapd("wlan0", "wpa4j-kernel", "kernel-test-passphrase");
        stack = Nl80211Stack.open(null);
    }

    @AfterAll
    static void stop() throws Exception {
        stack.close();
        KernelSupport.stopHostapd("wlan0");
    }

    @Test
    void capabilitiesFromGetWiphy() throws Exception {
        Nl80211Driver d = stack.driver("wlan1");
        assertNotNull(d, "a driver for wlan1: " + stack.drivers());
        // what the wiphy can do; "station"/"ap" tags follow once associate/set_ap are implemented over nl80211
        assertTrue(d.capabilities().tags().containsAll(List.of("sme", "ap-mlme", "scan", "ccmp")), d.capabilities().tags().toString());
        assertTrue(d.capabilities().has(DriverFlag.AP) && d.capabilities().has(DriverFlag.SME));
        try (DriverInterface di = d.open("wlan1", e -> { })) {
            assertEquals(MacAddress.parse("02:00:00:00:01:00"), di.getMacAddr());
            assertTrue(di.getCapa().supports("scan2") && di.getCapa().supports("get_scan_results2"));
            assertTrue(di.getHwFeatureData().modes().stream().flatMap(m -> m.channels().stream()).anyMatch(c -> c.freq() == 2412));
        }
    }

    @Test
    void scanOnChannelOneSeesRealHostapdWithItsRsnElement() throws Exception {
        List<DriverEvent> events = new CopyOnWriteArrayList<>();
        try (DriverInterface di = stack.driver("wlan1").open("wlan1", events::add)) {
            di.scan2(ScanParams.active(List.of(2412)));
            KernelSupport.await(() -> events.stream().anyMatch(e -> e instanceof DriverEvent.ScanResults), "EVENT_SCAN_RESULTS");
            ScanResult ap = di.getScanResults2().results().stream().filter(r -> r.bssid().equals(MacAddress.parse("02:00:00:00:00:00")))
                    .findFirst().orElseThrow(() -> new AssertionError("hostapd's BSS not in the scan results"));
            assertEquals(2412, ap.freq());
            assertEquals("wpa4j-kernel", ap.ssid().orElseThrow().toPrintable());
            RsnElement rsn = IeList.decode(ap.ies()).rsn().orElseThrow();
            assertEquals(List.of(Suite.AKM_PSK), rsn.akms());
            assertEquals(List.of(Suite.RSN_CCMP), rsn.pairwiseCiphers());
            assertTrue(ap.level() < 0, "signal in dBm: " + ap.level());
        }
    }

    @Test
    void setCountryChangesTheRegulatoryDomain() throws Exception {
        try (DriverInterface di = stack.driver("wlan1").open("wlan1", e -> { }); Nl80211 nl = Nl80211.open()) {
            di.setCountry(new CountryCode("DE"));
            KernelSupport.await(() -> {
                try {
                    return nl.regulatory().equals("DE");
                } catch (Exception e) {
                    return false;
                }
            }, "regulatory domain DE");
        }
    }

    @Test
    void opsTheWiphyLacksAreNamedUnsupportedNotSentToTheKernel() throws Exception {
        // mac80211 has no PMKSA cache commands: cfg80211 leaves SET_PMKSA out of SUPPORTED_COMMANDS
        WifiDriver d = stack.driver("wlan1");
        assertFalse(d.capabilities().supportedOps().contains("add_pmkid"), d.capabilities().supportedOps().toString());
        assertTrue(d.capabilities().supportedOps().contains("remain_on_channel"));
        try (DriverInterface di = d.open("wlan1", e -> { })) {
            OperationNotSupportedException e = assertThrows(OperationNotSupportedException.class,
                    () -> di.addPmkid(new PmkidEntry(MacAddress.parse("02:00:00:00:02:00"), Bytes.of(new byte[16]))));
            assertEquals("add_pmkid is not supported by the nl80211 backend", e.getMessage());
        }
    }

    @Test
    void scheduledScanRunsWhereTheWiphyHasItAndIsNamedUnsupportedElsewhere() throws Exception {
        Nl80211Driver d = stack.driver("wlan1");
        List<DriverEvent> events = new CopyOnWriteArrayList<>();
        try (DriverInterface di = d.open("wlan1", events::add)) {
            ScanParams p = new ScanParams(List.of(), Bytes.EMPTY, List.of(2412), List.of(), 0, false);
            if (d.capabilities().supportedOps().contains("sched_scan")) {
                di.schedScan(p, 1000);
                KernelSupport.await(() -> events.stream().anyMatch(e -> e instanceof DriverEvent.ScanResults), "scheduled scan results: " + events);
                di.stopSchedScan();
            } else {
                assertEquals("sched_scan is not supported by the nl80211 backend",
                        assertThrows(OperationNotSupportedException.class, () -> di.schedScan(p, 1000)).getMessage());
            }
        }
    }

    @Test
    void rtsAndFragmentationThresholdsReachTheWiphy() throws Exception {
        try (DriverInterface di = stack.driver("wlan1").open("wlan1", e -> { })) {
            String phy = "phy" + KernelSupport.sh("iw dev wlan1 info | awk '/wiphy/ {print $2}'").trim();
            di.setRts(500);
            di.setFrag(1000);
            String info = KernelSupport.sh("iw phy " + phy + " info");
            assertTrue(info.contains("RTS threshold: 500") && info.contains("Fragmentation threshold: 1000"), info);
            di.setRts(-1);
            di.setFrag(-1);
            info = KernelSupport.sh("iw phy " + phy + " info");
            assertFalse(info.contains("RTS threshold:") || info.contains("Fragmentation threshold:"), "both off again: " + info);
        }
    }

    @Test
    void ifAddAndIfRemoveAVirtualInterface() throws Exception {
        try (DriverInterface di = stack.driver("wlan2").open("wlan2", e -> { })) {
            assertEquals("wpa4jv0", di.ifAdd(new IfAddParams(IfType.STATION, "wpa4jv0", null, null)).ifname());
            KernelSupport.await(() -> stack.driver("wpa4jv0") != null, "hot-plug: a driver for the new interface");
            assertTrue(KernelSupport.sh("iw dev").contains("wpa4jv0"));
            di.ifRemove(IfType.STATION, "wpa4jv0");
            KernelSupport.await(() -> stack.driver("wpa4jv0") == null, "hot-plug: the driver gone with the interface");
            assertNull(stack.driver("wpa4jv0"));
        }
    }
}
