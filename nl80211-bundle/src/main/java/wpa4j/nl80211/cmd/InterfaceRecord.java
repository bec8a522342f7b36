package wpa4j.nl80211.cmd;

import java.util.List;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.MacAddress;
import wpa4j.linux.netlink.NlAttr;
import wpa4j.nl80211.uapi.Uapi;

/**
 * A network interface as NL80211_CMD_GET_INTERFACE reports it.
 *
 * @param ifindex NL80211_ATTR_IFINDEX
 * @param ifname NL80211_ATTR_IFNAME
 * @param wiphy NL80211_ATTR_WIPHY
 * @param iftype NL80211_ATTR_IFTYPE
 * @param mac NL80211_ATTR_MAC
 * @param freq NL80211_ATTR_WIPHY_FREQ: the channel the interface operates on (connected or beaconing), 0 when none
 */
public record InterfaceRecord(int ifindex, String ifname, int wiphy, int iftype, MacAddress mac, int freq) {
    static InterfaceRecord parse(List<NlAttr> a) throws MalformedFrameException {
        return new InterfaceRecord((int) req(a, Uapi.NL80211_ATTR_IFINDEX).u32(), req(a, Uapi.NL80211_ATTR_IFNAME).string(),
                (int) req(a, Uapi.NL80211_ATTR_WIPHY).u32(), NlAttr.find(a, Uapi.NL80211_ATTR_IFTYPE).map(NlAttrs::u32OrZero).orElse(0L).intValue(),
                MacAddress.of(req(a, Uapi.NL80211_ATTR_MAC).value()), NlAttr.find(a, Uapi.NL80211_ATTR_WIPHY_FREQ).map(NlAttrs::u32OrZero).orElse(0L).intValue());
    }

    static NlAttr req(List<NlAttr> a, int type) throws MalformedFrameException {
        return NlAttr.find(a, type).orElseThrow(() -> new MalformedFrameException(0, "nl80211 reply without attribute " + type));
    }
}
