package wpa4j.nl80211.cmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import wpa4j.common.codec.Fuzz;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.ScanResult;
import wpa4j.driver.types.ScanResultFlag;
import wpa4j.linux.netlink.NlAttr;
import wpa4j.linux.netlink.NlMessage;
import wpa4j.linux.netlink.NlWriter;
import wpa4j.nl80211.uapi.Uapi;

/** nl80211 replies built as the kernel builds them, parsed into API records. */
class Nl80211ParseTest {
    private static final Bytes IES = Bytes.fromHex("00047465737430140100000fac040100000fac040100000fac020000");

    static byte[] bssMessage() {
        return NlWriter.genl(Uapi.NL80211_CMD_NEW_SCAN_RESULTS, 1).u32(Uapi.NL80211_ATTR_IFINDEX, 3).nestStart(Uapi.NL80211_ATTR_BSS)
                .attr(Uapi.NL80211_BSS_BSSID, MacAddress.parse("02:00:00:00:00:00").octets()).u32(Uapi.NL80211_BSS_FREQUENCY, 2412)
                .attr(Uapi.NL80211_BSS_TSF, new byte[] {1, 0, 0, 0, 0, 0, 0, 0}).u16(Uapi.NL80211_BSS_BEACON_INTERVAL, 100)
                .u16(Uapi.NL80211_BSS_CAPABILITY, 0x0411).attr(Uapi.NL80211_BSS_INFORMATION_ELEMENTS, IES)
                .u32(Uapi.NL80211_BSS_SIGNAL_MBM, -3000 & 0xffffffffL).u32(Uapi.NL80211_BSS_SEEN_MS_AGO, 120)
                .attr(Uapi.NL80211_BSS_BEACON_IES, IES).nestEnd().build(0x1c, 2, 1, 0);
    }

    @Test
    void aBssBecomesAScanResult() throws Exception {
        byte[] m = bssMessage();
        List<NlAttr> bss = NlAttr.find(NlMessage.parseAll(m, m.length).get(0).genlAttrs(), Uapi.NL80211_ATTR_BSS).orElseThrow().nested();
        ScanResult r = Nl80211.parseBss(bss).orElseThrow();
        assertEquals(MacAddress.parse("02:00:00:00:00:00"), r.bssid());
        assertEquals(2412, r.freq());
        assertEquals(-30, r.level());
        assertTrue(r.flags().contains(ScanResultFlag.LEVEL_DBM));
        assertEquals(100, r.beaconInt());
        assertEquals(0x0411, r.caps());
        assertEquals(1, r.tsf());
        assertEquals(120, r.ageMs());
        assertEquals("test", r.ssid().orElseThrow().toPrintable());
        assertEquals(IES, r.beaconIes());
    }

    @Test
    void wiphyPartsMergeAndMapToCapabilities() throws Exception {
        byte[] part1 = NlWriter.genl(Uapi.NL80211_CMD_NEW_WIPHY, 1).u32(Uapi.NL80211_ATTR_WIPHY, 0).string(Uapi.NL80211_ATTR_WIPHY_NAME, "phy0")
                .attr(Uapi.NL80211_ATTR_CIPHER_SUITES, Bytes.fromHex("01ac0f0005ac0f0002ac0f0004ac0f00")).u8(Uapi.NL80211_ATTR_MAX_NUM_SCAN_SSIDS, 255)
                .nestStart(Uapi.NL80211_ATTR_SUPPORTED_IFTYPES).flag(Uapi.NL80211_IFTYPE_STATION).flag(Uapi.NL80211_IFTYPE_AP).nestEnd()
                .build(0x1c, 2, 1, 0);
        byte[] part2 = NlWriter.genl(Uapi.NL80211_CMD_NEW_WIPHY, 1).u32(Uapi.NL80211_ATTR_WIPHY, 0).nestStart(Uapi.NL80211_ATTR_SUPPORTED_COMMANDS)
                .u32(1, Uapi.NL80211_CMD_AUTHENTICATE).u32(2, Uapi.NL80211_CMD_START_AP).nestEnd().nestStart(Uapi.NL80211_ATTR_WIPHY_BANDS).nestStart(0)
                .nestStart(Uapi.NL80211_BAND_ATTR_FREQS).nestStart(0).u32(Uapi.NL80211_FREQUENCY_ATTR_FREQ, 2412).nestEnd().nestStart(1)
                .u32(Uapi.NL80211_FREQUENCY_ATTR_FREQ, 2484).flag(Uapi.NL80211_FREQUENCY_ATTR_DISABLED).nestEnd().nestEnd().nestEnd().nestEnd()
                .build(0x1c, 2, 1, 0);
        WiphyInfo w = WiphyInfo.parse(List.of(NlMessage.parseAll(part1, part1.length).get(0).genlAttrs(),
                NlMessage.parseAll(part2, part2.length).get(0).genlAttrs()));
        assertEquals("phy0", w.name());
        assertEquals(4, w.cipherSuites().size());
        assertTrue(w.iftypes().contains(Uapi.NL80211_IFTYPE_AP));
        assertTrue(w.commands().contains(Uapi.NL80211_CMD_AUTHENTICATE));
        assertEquals(2, w.bands().get(0).channels().size());
        assertTrue(w.bands().get(0).channels().get(1).disabled());
    }

    @Test
    void malformedRepliesOnlyEverThrowMalformed() {
        Fuzz.onlyMalformed(b -> {
            byte[] a = b.toArray();
            for (NlMessage m : NlMessage.parseAll(a, a.length)) {
                var bss = NlAttr.find(m.genlAttrs(), Uapi.NL80211_ATTR_BSS);
                if (bss.isPresent()) {
                    Nl80211.parseBss(bss.get().nested());
                }
            }
            return null;
        }, Bytes.of(bssMessage()), 101, 3000);
    }
}
