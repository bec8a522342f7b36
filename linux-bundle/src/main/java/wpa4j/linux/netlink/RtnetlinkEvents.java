package wpa4j.linux.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.linux.uapi.Uapi;

/**
 * The link notifications of rtnetlink (RTNLGRP_LINK): RTM_NEWLINK / RTM_DELLINK with the interface name and,
 * from Wireless Extensions drivers, IFLA_WIRELESS (an iw_event stream). Read on their own thread; messages
 * that do not decode are counted and dropped.
 */
public final class RtnetlinkEvents implements AutoCloseable {
    /** struct ifinfomsg: family, pad, type (u16), index (s32), flags (u32), change (u32). */
    private static final int IFINFOMSG = 16;

    /**
     * One link notification.
     *
     * @param removed RTM_DELLINK
     * @param wireless the IFLA_WIRELESS payload, empty when the message has none
     */
    public record LinkEvent(boolean removed, int ifindex, int flags, String ifname, Bytes wireless) {}

    private final GenlClient client;
    private volatile long malformed;

    private RtnetlinkEvents(GenlClient client) {
        this.client = client;
    }

    public static RtnetlinkEvents open(Consumer<LinkEvent> handler) throws NetlinkException {
        NetlinkSocket s = NetlinkSocket.open(Uapi.NETLINK_ROUTE);
        try {
            s.joinGroup(Uapi.RTNLGRP_LINK);
        } catch (NetlinkException e) {
            s.close();
            throw e;
        }
        RtnetlinkEvents events = new RtnetlinkEvents(new GenlClient(s));
        events.client.startReader(m -> events.dispatch(m, handler), "wpa4j-rtnetlink");
        return events;
    }

    private void dispatch(NlMessage m, Consumer<LinkEvent> handler) {
        try {
            decode(m).ifPresent(handler);
        } catch (MalformedFrameException e) {
            malformed++;
        }
    }

    /** A link event from an RTM_NEWLINK/RTM_DELLINK message; other message types give none. */
    public static Optional<LinkEvent> decode(NlMessage m) throws MalformedFrameException {
        if (m.type() != Uapi.RTM_NEWLINK && m.type() != Uapi.RTM_DELLINK) {
            return Optional.empty();
        }
        byte[] p = m.payload().toArray();
        if (p.length < IFINFOMSG) {
            throw new MalformedFrameException(0, "ifinfomsg: " + p.length + " octets, " + IFINFOMSG + " needed");
        }
        ByteBuffer b = ByteBuffer.wrap(p).order(ByteOrder.nativeOrder());
        List<NlAttr> attrs = NlAttr.parse(p, IFINFOMSG, p.length - IFINFOMSG);
        String name = NlAttr.find(attrs, Uapi.IFLA_IFNAME).map(NlAttr::string).orElse("");
        Bytes wireless = NlAttr.find(attrs, Uapi.IFLA_WIRELESS).map(NlAttr::value).orElse(Bytes.EMPTY);
        return Optional.of(new LinkEvent(m.type() == Uapi.RTM_DELLINK, b.getInt(4), b.getInt(8), name, wireless));
    }

    /** Notifications dropped because they did not decode (plus the reader's own count). */
    public long malformed() {
        return malformed + client.malformed();
    }

    @Override
    public void close() {
        client.close();
    }
}
