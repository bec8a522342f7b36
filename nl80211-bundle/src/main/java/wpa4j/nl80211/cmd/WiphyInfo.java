package wpa4j.nl80211.cmd;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.linux.netlink.NlAttr;
import wpa4j.nl80211.uapi.Uapi;

/**
 * What NL80211_CMD_GET_WIPHY (split dump, all parts merged) says of a wiphy.
 *
 * @param index the wiphy index
 * @param name e.g. phy0
 * @param cipherSuites NL80211_ATTR_CIPHER_SUITES selectors
 * @param iftypes NL80211_ATTR_SUPPORTED_IFTYPES
 * @param commands NL80211_ATTR_SUPPORTED_COMMANDS
 * @param maxScanSsids NL80211_ATTR_MAX_NUM_SCAN_SSIDS
 * @param maxSchedScanSsids NL80211_ATTR_MAX_NUM_SCHED_SCAN_SSIDS
 * @param maxMatchSets NL80211_ATTR_MAX_MATCH_SETS
 * @param maxRemainOnChannel NL80211_ATTR_MAX_REMAIN_ON_CHANNEL_DURATION in ms
 * @param featureFlags NL80211_ATTR_FEATURE_FLAGS
 * @param apSme NL80211_ATTR_DEVICE_AP_SME present (the device does AP MLME itself)
 * @param bands the bands with their channels and rates
 */
public record WiphyInfo(int index, String name, Set<Long> cipherSuites, Set<Integer> iftypes, Set<Integer> commands, int maxScanSsids,
        int maxSchedScanSsids, int maxMatchSets, long maxRemainOnChannel, long featureFlags, boolean apSme, List<Band> bands, Bytes extFeatures) {

    /** Bit {@code feature} (NL80211_EXT_FEATURE_*) of NL80211_ATTR_EXT_FEATURES: bit n is octet n/8, bit n%8. */
    public boolean extFeature(int feature) {
        return feature / 8 < extFeatures.length() && (extFeatures.u8(feature / 8) & (1 << (feature % 8))) != 0;
    }

    /** One band: channels (MHz, disabled flag, max power in mBm) and rates (100 kbps). */
    public record Band(int band, List<Channel> channels, List<Integer> rates) {}

    public record Channel(int freq, boolean disabled, int maxTxPowerMbm) {}

    /** Merges the attributes of all messages of a split dump. */
    static WiphyInfo parse(List<List<NlAttr>> parts) throws MalformedFrameException {
        int index = -1;
        String name = "";
        Set<Long> ciphers = new LinkedHashSet<>();
        Set<Integer> iftypes = new LinkedHashSet<>();
        Set<Integer> commands = new LinkedHashSet<>();
        int maxScan = 0;
        int maxSched = 0;
        int maxMatch = 0;
        long maxRoc = 0;
        long features = 0;
        boolean apSme = false;
        Bytes ext = Bytes.EMPTY;
        List<Band> bands = new ArrayList<>();
        for (List<NlAttr> attrs : parts) {
            for (NlAttr a : attrs) {
                int t = a.type();
                if (t == Uapi.NL80211_ATTR_WIPHY) {
                    index = (int) a.u32();
                } else if (t == Uapi.NL80211_ATTR_WIPHY_NAME) {
                    name = a.string();
                } else if (t == Uapi.NL80211_ATTR_CIPHER_SUITES) {
                    for (int i = 0; i + 4 <= a.value().length(); i += 4) {
                        ciphers.add(new NlAttr(0, a.value().slice(i, 4)).u32());
                    }
                } else if (t == Uapi.NL80211_ATTR_SUPPORTED_IFTYPES) {
                    a.nested().forEach(x -> iftypes.add(x.type()));
                } else if (t == Uapi.NL80211_ATTR_SUPPORTED_COMMANDS) {
                    for (NlAttr c : a.nested()) {
                        commands.add((int) c.u32());
                    }
                } else if (t == Uapi.NL80211_ATTR_MAX_NUM_SCAN_SSIDS) {
                    maxScan = a.u8();
                } else if (t == Uapi.NL80211_ATTR_MAX_NUM_SCHED_SCAN_SSIDS) {
                    maxSched = a.u8();
                } else if (t == Uapi.NL80211_ATTR_MAX_MATCH_SETS) {
                    maxMatch = a.u8();
                } else if (t == Uapi.NL80211_ATTR_MAX_REMAIN_ON_CHANNEL_DURATION) {
                    maxRoc = a.u32();
                } else if (t == Uapi.NL80211_ATTR_FEATURE_FLAGS) {
                    features = a.u32();
                } else if (t == Uapi.NL80211_ATTR_EXT_FEATURES) {
                    ext = a.value();
                } else if (t == Uapi.NL80211_ATTR_DEVICE_AP_SME) {
                    apSme = true;
                } else if (t == Uapi.NL80211_ATTR_WIPHY_BANDS) {
                    for (NlAttr band : a.nested()) {
                        mergeBand(bands, band);
                    }
                }
            }
        }
        return new WiphyInfo(index, name, ciphers, iftypes, commands, maxScan, maxSched, maxMatch, maxRoc, features, apSme, bands, ext);
    }

    /** Split dumps send a band's channels and rates in separate messages: merge them by band index. */
    private static void mergeBand(List<Band> bands, NlAttr band) throws MalformedFrameException {
        List<Channel> channels = new ArrayList<>();
        List<Integer> rates = new ArrayList<>();
        for (NlAttr b : band.nested()) {
            if (b.type() == Uapi.NL80211_BAND_ATTR_FREQS) {
                for (NlAttr f : b.nested()) {
                    List<NlAttr> fa = f.nested();
                    NlAttr freq = NlAttr.find(fa, Uapi.NL80211_FREQUENCY_ATTR_FREQ).orElse(null);
                    if (freq != null) {
                        channels.add(new Channel((int) freq.u32(), NlAttr.find(fa, Uapi.NL80211_FREQUENCY_ATTR_DISABLED).isPresent(),
                                NlAttr.find(fa, Uapi.NL80211_FREQUENCY_ATTR_MAX_TX_POWER).map(NlAttrs::u32OrZero).orElse(0L).intValue()));
                    }
                }
            } else if (b.type() == Uapi.NL80211_BAND_ATTR_RATES) {
                for (NlAttr r : b.nested()) {
                    NlAttr rate = NlAttr.find(r.nested(), Uapi.NL80211_BITRATE_ATTR_RATE).orElse(null);
                    if (rate != null) {
                        rates.add((int) rate.u32());
                    }
                }
            }
        }
        for (int i = 0; i < bands.size(); i++) {
            Band old = bands.get(i);
            if (old.band() == band.type()) {
                List<Channel> c = new ArrayList<>(old.channels());
                c.addAll(channels);
                List<Integer> r = new ArrayList<>(old.rates());
                r.addAll(rates);
                bands.set(i, new Band(band.type(), c, r));
                return;
            }
        }
        bands.add(new Band(band.type(), channels, rates));
    }
}
