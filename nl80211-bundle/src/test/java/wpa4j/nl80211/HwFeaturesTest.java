package wpa4j.nl80211;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.ChannelData;
import wpa4j.driver.types.ChannelFlag;
import wpa4j.driver.types.HwFeatures;
import wpa4j.driver.types.HwModeType;
import wpa4j.driver.types.MacAddress;
import wpa4j.nl80211.cmd.InterfaceRecord;
import wpa4j.nl80211.cmd.WiphyInfo;
import wpa4j.nl80211.uapi.Uapi;

/** get_hw_feature_data from the wiphy's bands: channel numbers through FreqParams.frequencyToChannel, on no socket. */
class HwFeaturesTest {
    private static WiphyInfo.Channel ch(int freq) {
        return new WiphyInfo.Channel(freq, false, 2000);
    }

    @Test
    void bandsBecomeModesWithTheirChannelNumbers() {
        List<WiphyInfo.Band> bands = List.of(
                new WiphyInfo.Band(0, List.of(ch(2412), ch(2472), new WiphyInfo.Channel(2484, true, 2000), ch(2477)), List.of(10, 20, 540)),
                new WiphyInfo.Band(1, List.of(ch(4920), ch(5180), ch(5825), ch(5955)), List.of(60, 540)),
                new WiphyInfo.Band(2, List.of(ch(58320), ch(60480)), List.of(60)));
        WiphyInfo wiphy = new WiphyInfo(0, "phy0", Set.of(), Set.of(Uapi.NL80211_IFTYPE_STATION), Set.of(), 4, 0, 0, 5000, 0, false, bands,
                Bytes.EMPTY);
        Nl80211Interface i = Wpa3BackendTest.onNoSocket(new InterfaceRecord(3, "wlan0", 0, Uapi.NL80211_IFTYPE_STATION,
                MacAddress.parse("02:00:00:00:01:00"), 2412), wiphy, e -> { });

        HwFeatures hw = i.getHwFeatureData();

        // off-grid 2477, 4.9 GHz, 6 GHz and the whole 60 GHz band have no channel here and are left out
        assertEquals(2, hw.modes().size());
        assertEquals(HwModeType.IEEE80211G, hw.modes().get(0).mode());
        assertEquals(List.of(new ChannelData(1, 2412, EnumSet.noneOf(ChannelFlag.class), 20), new ChannelData(13, 2472, EnumSet.noneOf(ChannelFlag.class), 20),
                new ChannelData(14, 2484, EnumSet.of(ChannelFlag.DISABLED), 20)), hw.modes().get(0).channels());
        assertEquals(HwModeType.IEEE80211A, hw.modes().get(1).mode());
        assertEquals(List.of(36, 165), hw.modes().get(1).channels().stream().map(ChannelData::chan).toList());
    }
}
