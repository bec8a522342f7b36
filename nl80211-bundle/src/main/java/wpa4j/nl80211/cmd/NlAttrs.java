package wpa4j.nl80211.cmd;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.linux.netlink.NlAttr;

/** Lenient accessors for optional attributes. */
public final class NlAttrs {
    private NlAttrs() {}

    public static long u32OrZero(NlAttr a) {
        try {
            return a.u32();
        } catch (MalformedFrameException e) {
            return 0;
        }
    }

    public static int u8OrZero(NlAttr a) {
        try {
            return a.u8();
        } catch (MalformedFrameException e) {
            return 0;
        }
    }
}
