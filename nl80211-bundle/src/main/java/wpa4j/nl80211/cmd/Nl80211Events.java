package wpa4j.nl80211.cmd;

import java.util.List;
import java.util.function.Consumer;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.linux.netlink.GenlClient;
import wpa4j.linux.netlink.NetlinkException;
import wpa4j.linux.netlink.NetlinkSocket;
import wpa4j.linux.netlink.NlAttr;
import wpa4j.linux.netlink.NlMessage;
import wpa4j.nl80211.uapi.Uapi;

/**
 * An event socket: joined to nl80211 multicast groups (scan, mlme, config), read on its own thread;
 * every nl80211 notification goes to the handler (which only enqueues). Malformed messages are counted
 * and dropped. The same reader serves a socket registered for management frames (unicast CMD_FRAME).
 */
public final class Nl80211Events implements AutoCloseable {
    /** One notification: the command and its attributes. */
    public record Notification(int cmd, List<NlAttr> attrs) {
        /** NL80211_ATTR_IFINDEX, or -1. */
        public int ifindex() {
            return NlAttr.find(attrs, Uapi.NL80211_ATTR_IFINDEX).map(a -> (int) NlAttrs.u32OrZero(a)).orElse(-1);
        }
    }

    private final GenlClient client;

    /** A socket of its own joined to {@code groups} of the family (the stack's: config only; each interface holds its own for mlme and scan). */
    public Nl80211Events(GenlClient.Family family, List<String> groups, Consumer<Notification> handler) throws NetlinkException {
        this(new GenlClient(joined(family, groups)), family.id(), handler, "wpa4j-nl80211-events");
    }

    private Nl80211Events(GenlClient client, int familyId, Consumer<Notification> handler, String threadName) {
        this.client = client;
        client.startReader(notifications(familyId, handler), threadName);
    }

    /** Reads nl80211 messages that arrive on the transport of {@code client} (multicast or unicast to it), which this now owns. */
    public static Nl80211Events listen(GenlClient client, int familyId, Consumer<Notification> handler, String threadName) {
        return new Nl80211Events(client, familyId, handler, threadName);
    }

    /** The nl80211 messages of a reader as notifications; one that does not parse is thrown, so the reader counts it. */
    static Consumer<NlMessage> notifications(int familyId, Consumer<Notification> handler) {
        return m -> {
            if (m.type() == familyId) {
                try {
                    handler.accept(new Notification(m.genlCmd(), m.genlAttrs()));
                } catch (MalformedFrameException e) {
                    throw new IllegalArgumentException("malformed notification: " + e.reason(), e);
                }
            }
        };
    }

    private static NetlinkSocket joined(GenlClient.Family family, List<String> groups) throws NetlinkException {
        NetlinkSocket s = NetlinkSocket.open(Uapi.NETLINK_GENERIC);
        try {
            for (String g : groups) {
                Integer id = family.groups().get(g);
                if (id != null) {
                    s.joinGroup(id);
                }
            }
            return s;
        } catch (NetlinkException e) {
            s.close();
            throw e;
        }
    }

    public long malformed() {
        return client.malformed();
    }

    @Override
    public void close() {
        client.close();
    }
}
