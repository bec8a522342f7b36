package wpa4j.nl80211.cmd;

import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.fuzz.Parse;
import wpa4j.linux.netlink.NlAttr;
import wpa4j.linux.netlink.NlMessage;
import wpa4j.linux.netlink.RtnetlinkEvents;
import wpa4j.nl80211.uapi.Uapi;

/**
 * What the kernel's netlink sockets deliver, as the backends read it: netlink messages, generic netlink attributes,
 * and the nl80211 records built from them (interface, wiphy dump, scan BSS, station), and rtnetlink link events with
 * their IFLA_WIRELESS payload. A message the kernel never sends must be refused, never crash the reader.
 */
class Nl80211FuzzTest {
    @FuzzTest(maxDuration = "10s")
    void netlinkMessages(@NotNull byte[] data) {
        List<NlMessage> messages;
        try {
            messages = NlMessage.parseAll(data, data.length);
        } catch (MalformedFrameException refused) {
            return;
        }
        List<List<NlAttr>> wiphyParts = new ArrayList<>();
        for (NlMessage m : messages) {
            Parse.orRefuse(() -> RtnetlinkEvents.decode(m));
            List<NlAttr> attrs;
            try {
                attrs = m.genlAttrs();
            } catch (MalformedFrameException refused) {
                continue;
            }
            wiphyParts.add(attrs);
            Parse.orRefuse(() -> InterfaceRecord.parse(attrs));
            Parse.orRefuse(() -> {
                for (NlAttr a : attrs) {
                    if (a.type() == Uapi.NL80211_ATTR_BSS) {
                        Nl80211.parseBss(a.nested());
                    } else if (a.type() == Uapi.NL80211_ATTR_STA_INFO) {
                        StationRecord.parse(a.nested());
                    }
                }
            });
        }
        Parse.orRefuse(() -> WiphyInfo.parse(wiphyParts));
    }
}
