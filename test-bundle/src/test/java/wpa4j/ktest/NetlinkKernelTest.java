package wpa4j.ktest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import wpa4j.driver.types.MacAddress;
import wpa4j.nl80211.cmd.InterfaceRecord;
import wpa4j.nl80211.cmd.Nl80211;
import wpa4j.nl80211.cmd.WiphyInfo;
import wpa4j.linux.netlink.NetlinkException;
import wpa4j.nl80211.uapi.Uapi;

/** The netlink layer against real cfg80211 with three mac80211_hwsim radios. */
class NetlinkKernelTest {
    @Test
    void familyAndMulticastGroupsResolve() throws Exception {
        try (Nl80211 nl = Nl80211.open()) {
            assertTrue(nl.family().id() >= 16, "a dynamic generic netlink id");
            assertTrue(nl.family().groups().keySet().containsAll(List.of("scan", "mlme", "regulatory", "config")), nl.family().groups().toString());
        }
    }

    @Test
    void interfaceDumpListsTheHwsimRadios() throws Exception {
        try (Nl80211 nl = Nl80211.open()) {
            List<InterfaceRecord> ifs = nl.interfaces();
            for (int i = 0; i < 3; i++) {
                int n = i;
                InterfaceRecord r = ifs.stream().filter(x -> x.ifname().equals("wlan" + n)).findFirst().orElseThrow(() -> new AssertionError(ifs));
                assertEquals(MacAddress.parse(String.format("02:00:00:00:%02x:00", n)), r.mac());
                assertEquals(Uapi.NL80211_IFTYPE_STATION, r.iftype());
            }
        }
    }

    @Test
    void wiphySplitDumpIsMergedAndParsed() throws Exception {
        try (Nl80211 nl = Nl80211.open()) {
            InterfaceRecord wlan0 = nl.interfaces().stream().filter(x -> x.ifname().equals("wlan0")).findFirst().orElseThrow();
            WiphyInfo w = nl.wiphy(wlan0.wiphy());
            assertEquals(wlan0.wiphy(), w.index());
            assertTrue(w.name().startsWith("phy"), w.name());
            assertTrue(w.cipherSuites().contains(0x000fac04L), "CCMP: " + w.cipherSuites());
            assertTrue(w.iftypes().containsAll(List.of(Uapi.NL80211_IFTYPE_STATION, Uapi.NL80211_IFTYPE_AP)), w.iftypes().toString());
            assertTrue(w.commands().contains(Uapi.NL80211_CMD_AUTHENTICATE) && w.commands().contains(Uapi.NL80211_CMD_START_AP));
            assertTrue(w.bands().stream().flatMap(b -> b.channels().stream()).anyMatch(c -> c.freq() == 2412), "channel 1");
            assertTrue(w.maxScanSsids() > 0);
        }
    }

    @Test
    void kernelErrorsComeBackWithTheirErrno() throws Exception {
        try (Nl80211 nl = Nl80211.open()) {
            NetlinkException e = assertThrows(NetlinkException.class, () -> nl.iface(99999));
            assertEquals(19, e.errno(), "ENODEV: " + e.getMessage());
            NetlinkException bad = assertThrows(NetlinkException.class, () -> nl.setRegulatory("?!"));
            assertEquals(22, bad.errno(), "EINVAL: " + bad.getMessage());
        }
    }
}
