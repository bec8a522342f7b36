package wpa4j.nl80211;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import wpa4j.driver.BackendStatus;

class WiphyProbeTest {
    @TempDir
    Path sys;

    @Test
    void findsWiphysAndOnlyTheInterfacesBoundToOne() throws Exception {
        Files.createDirectories(sys.resolve("class/ieee80211/phy0"));
        Files.createDirectories(sys.resolve("class/ieee80211/phy1"));
        Files.createDirectories(sys.resolve("class/net/wlan0/phy80211"));
        Files.createDirectories(sys.resolve("class/net/eth0"));
        WiphyProbe.Result r = new WiphyProbe(sys).probe();
        assertEquals(List.of("phy0", "phy1"), r.wiphys());
        assertEquals(List.of("wlan0"), r.interfaces());
        BackendStatus s = Nl80211Backend.status("1.0.0", r);
        assertFalse(s.active(), "no netlink driver yet: must not claim to be active");
        assertTrue(s.reason().contains("phy0"), s.reason());
    }

    @Test
    void missingSysfsMeansNoWiphy() {
        WiphyProbe.Result r = new WiphyProbe(sys.resolve("nonexistent")).probe();
        assertTrue(r.wiphys().isEmpty());
        BackendStatus s = Nl80211Backend.status("1.0.0", r);
        assertFalse(s.active());
        assertTrue(s.reason().startsWith("no cfg80211 wiphy"), s.reason());
    }
}
