package wpa4j.linux.netlink;

import java.util.function.Consumer;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.linux.uapi.Uapi;

/** rtnetlink (NETLINK_ROUTE) for link state: an interface up or down (RTM_NEWLINK with IFF_UP). */
public final class Rtnetlink {
    private Rtnetlink() {}

    /** Sets IFF_UP of {@code ifindex}. */
    public static void setUp(int ifindex, boolean up) throws NetlinkException {
        newLink(ifindex, up ? Uapi.IFF_UP : 0, Uapi.IFF_UP, w -> { }, up ? " up" : " down");
    }

    /**
     * Link mode DORMANT keeps the operational state at "dormant" after association until the supplicant
     * reports the port authorized, so DHCP clients wait for the key handshake (RFC 2863, as driver_nl80211).
     */
    public static void setLinkModeDormant(int ifindex, boolean dormant) throws NetlinkException {
        newLink(ifindex, 0, 0, w -> w.u8(Uapi.IFLA_LINKMODE, dormant ? Uapi.IF_LINK_MODE_DORMANT : 0), " linkmode");
    }

    /** IFLA_OPERSTATE: IF_OPER_UP once authorized, IF_OPER_DORMANT before. */
    public static void setOperstate(int ifindex, boolean up) throws NetlinkException {
        newLink(ifindex, 0, 0, w -> w.u8(Uapi.IFLA_OPERSTATE, up ? Uapi.IF_OPER_UP : Uapi.IF_OPER_DORMANT), " operstate");
    }

    /**
     * The RTM_NEWLINK request that gives a link back in default mode, as driver_nl80211's deinit: link mode
     * default, operational state up (sequence number and port id left 0, for whoever sends it later).
     */
    public static byte[] defaultModeRequest(int ifindex) {
        return newLinkRequest(ifindex, 0, 0, w -> w.u8(Uapi.IFLA_LINKMODE, 0).u8(Uapi.IFLA_OPERSTATE, Uapi.IF_OPER_UP))
                .build(Uapi.RTM_NEWLINK, Uapi.NLM_F_REQUEST | Uapi.NLM_F_ACK, 0, 0);
    }

    /** The RTM_NEWLINK request of {@link #setUp} (sequence number and port id left 0), for whoever sends it later. */
    public static byte[] setUpRequest(int ifindex, boolean up) {
        return newLinkRequest(ifindex, up ? Uapi.IFF_UP : 0, Uapi.IFF_UP, w -> { }).build(Uapi.RTM_NEWLINK, Uapi.NLM_F_REQUEST | Uapi.NLM_F_ACK, 0, 0);
    }

    /** struct ifinfomsg (family, pad, type, index, flags, change), then {@code attrs}. */
    private static NlWriter newLinkRequest(int ifindex, int flags, int change, Consumer<NlWriter> attrs) {
        byte[] ifinfo = new byte[16];
        put32(ifinfo, 4, ifindex);
        put32(ifinfo, 8, flags);
        put32(ifinfo, 12, change);
        NlWriter w = new NlWriter().raw(ifinfo);
        attrs.accept(w);
        return w;
    }

    /** RTM_NEWLINK on a socket of its own; waits for the ack. */
    private static void newLink(int ifindex, int flags, int change, Consumer<NlWriter> attrs, String what) throws NetlinkException {
        try (NetlinkSocket s = NetlinkSocket.open(Uapi.NETLINK_ROUTE)) {
            s.receiveTimeout(5000);
            s.send(newLinkRequest(ifindex, flags, change, attrs).build(Uapi.RTM_NEWLINK, Uapi.NLM_F_REQUEST | Uapi.NLM_F_ACK, 1, s.portId()));
            byte[] buf = new byte[8192];
            int n = s.receive(buf);
            if (n < 0) {
                throw new NetlinkException("RTM_NEWLINK " + ifindex + what + ": no answer", 110, "");
            }
            for (NlMessage m : NlMessage.parseAll(buf, n)) {
                if (m.isError()) {
                    NetlinkException e = m.error("RTM_NEWLINK " + ifindex + what);
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
