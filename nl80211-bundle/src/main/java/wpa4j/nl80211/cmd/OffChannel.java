package wpa4j.nl80211.cmd;

import java.util.List;
import java.util.Optional;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.linux.netlink.NetlinkException;
import wpa4j.linux.netlink.NlAttr;
import wpa4j.linux.netlink.NlMessage;
import wpa4j.linux.netlink.NlWriter;
import wpa4j.nl80211.uapi.Uapi;

/** Off-channel work: remain-on-channel and management (action) frames on another channel, with their cookies. */
public final class OffChannel {
    private final Nl80211 nl;

    public OffChannel(Nl80211 nl) {
        this.nl = nl;
    }

    /** NL80211_CMD_REMAIN_ON_CHANNEL; the kernel's cookie. Ready/expired come as notifications on mlme. */
    public long remainOnChannel(int ifindex, int freq, int durationMs) throws NetlinkException {
        return cookie(nl.request(NlWriter.genl(Uapi.NL80211_CMD_REMAIN_ON_CHANNEL, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex)
                .u32(Uapi.NL80211_ATTR_WIPHY_FREQ, freq).u32(Uapi.NL80211_ATTR_DURATION, durationMs), 0, "NL80211_CMD_REMAIN_ON_CHANNEL"),
                "NL80211_CMD_REMAIN_ON_CHANNEL");
    }

    public void cancelRemainOnChannel(int ifindex, long cookie) throws NetlinkException {
        nl.request(NlWriter.genl(Uapi.NL80211_CMD_CANCEL_REMAIN_ON_CHANNEL, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex)
                .u64(Uapi.NL80211_ATTR_COOKIE, cookie), 0, "NL80211_CMD_CANCEL_REMAIN_ON_CHANNEL");
    }

    /** NL80211_CMD_FRAME on {@code freq} (off-channel allowed), waiting {@code waitMs} there for a response; the cookie. */
    public long sendAction(int ifindex, int freq, int waitMs, Bytes frame, boolean noCck) throws NetlinkException {
        NlWriter w = NlWriter.genl(Uapi.NL80211_CMD_FRAME, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex).u32(Uapi.NL80211_ATTR_WIPHY_FREQ, freq)
                .flag(Uapi.NL80211_ATTR_OFFCHANNEL_TX_OK).attr(Uapi.NL80211_ATTR_FRAME, frame);
        if (waitMs > 0) {
            w.u32(Uapi.NL80211_ATTR_DURATION, waitMs);
        }
        if (noCck) {
            w.flag(Uapi.NL80211_ATTR_TX_NO_CCK_RATE);
        }
        return cookie(nl.request(w, 0, "NL80211_CMD_FRAME"), "NL80211_CMD_FRAME");
    }

    /** NL80211_CMD_FRAME_WAIT_CANCEL: stop waiting on the channel of the frame with {@code cookie}. */
    public void cancelWait(int ifindex, long cookie) throws NetlinkException {
        nl.request(NlWriter.genl(Uapi.NL80211_CMD_FRAME_WAIT_CANCEL, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex).u64(Uapi.NL80211_ATTR_COOKIE, cookie),
                0, "NL80211_CMD_FRAME_WAIT_CANCEL");
    }

    static long cookie(List<NlMessage> reply, String what) throws NetlinkException {
        try {
            Optional<NlAttr> c = reply.isEmpty() ? Optional.empty() : NlAttr.find(reply.get(0).genlAttrs(), Uapi.NL80211_ATTR_COOKIE);
            if (c.isEmpty()) {
                throw new NetlinkException(what + ": no cookie in the reply", 71, "");
            }
            return c.get().u64();
        } catch (MalformedFrameException e) {
            throw new NetlinkException(what + ": malformed reply " + e.reason(), 71, "");
        }
    }
}
