package wpa4j.nl80211.netlink;

import java.util.List;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.nl80211.uapi.Uapi;

/** rtnetlink (NETLINK_ROUTE) for link state: an interface up or down (RTM_NEWLINK with IFF_UP). */
public final class Rtnetlink {
    private Rtnetlink() {}

    /** Sets IFF_UP of {@code ifindex} (struct ifinfomsg: family, pad, type, index, flags, change). */
    public static void setUp(int ifindex, boolean up) throws NetlinkException {
        try (NetlinkSocket s = NetlinkSocket.open(Uapi.NETLINK_ROUTE)) {
            s.receiveTimeout(5000);
            byte[] ifinfo = new byte[16];
            put32(ifinfo, 4, ifindex);
            put32(ifinfo, 8, up ? Uapi.IFF_UP : 0);
            put32(ifinfo, 12, Uapi.IFF_UP);
            NlWriter w = new NlWriter().raw(ifinfo);
            s.send(w.build(Uapi.RTM_NEWLINK, Uapi.NLM_F_REQUEST | Uapi.NLM_F_ACK, 1, s.portId()));
            byte[] buf = new byte[8192];
            int n = s.receive(buf);
            if (n < 0) {
                throw new NetlinkException("RTM_NEWLINK " + ifindex + ": no answer", 110, "");
            }
            List<NlMessage> msgs = NlMessage.parseAll(buf, n);
            for (NlMessage m : msgs) {
                if (m.isError()) {
                    NetlinkException e = m.error("RTM_NEWLINK " + ifindex + (up ? " up" : " down"));
                    if (e.errno() != 0) {
                        throw e;
                    }
                }
            }
        } catch (MalformedFrameException e) {
            throw new NetlinkException("RTM_NEWLINK: malformed reply " + e.reason(), 71, "");
        }
    }

    private static void put32(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >> (8 * i));
        }
    }
}
