package wpa4j.nl80211.cmd;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.nl80211.netlink.NlAttr;

/** Lenient accessors for optional attributes. */
final class NlAttrs {
    private NlAttrs() {}

    static long u32OrZero(NlAttr a) {
        try {
            return a.u32();
        } catch (MalformedFrameException e) {
            return 0;
        }
    }

    static int u8OrZero(NlAttr a) {
        try {
            return a.u8();
        } catch (MalformedFrameException e) {
            return 0;
        }
    }
}
