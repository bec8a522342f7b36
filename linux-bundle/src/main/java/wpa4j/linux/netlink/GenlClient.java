package wpa4j.linux.netlink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.linux.uapi.Uapi;

/**
 * Requests over one generic netlink transport: dumps (NLM_F_MULTI until NLMSG_DONE), acks and errors
 * (NLMSG_ERROR with errno and extended-ack message), and family resolution through nlctrl. Where the
 * socket lives (its own, or one held in custody) is the transport's business.
 */
public final class GenlClient implements AutoCloseable {
    private static final int TIMEOUT_MS = 5000;

    private final NetlinkTransport transport;
    private final AtomicLong malformed = new AtomicLong();

    /** A generic netlink family: its id and multicast groups by name. */
    public record Family(String name, int id, Map<String, Integer> groups) {}

    public GenlClient(NetlinkTransport transport) {
        this.transport = transport;
    }

    public GenlClient(NetlinkSocket socket) {
        this(new SocketTransport(socket));
    }

    public static GenlClient open() throws NetlinkException {
        return new GenlClient(SocketTransport.open(Uapi.NETLINK_GENERIC));
    }

    public int portId() {
        return transport.portId();
    }

    /** CTRL_CMD_GETFAMILY: the family's id and multicast groups; ENOENT (2) when the kernel has no such family. */
    public Family resolve(String name) throws NetlinkException {
        NlWriter w = NlWriter.genl(Uapi.CTRL_CMD_GETFAMILY, 1).string(Uapi.CTRL_ATTR_FAMILY_NAME, name);
        List<NlMessage> replies = request(Uapi.GENL_ID_CTRL, w, 0, "resolve family " + name);
        try {
            List<NlAttr> attrs = replies.get(0).genlAttrs();
            int id = NlAttr.find(attrs, Uapi.CTRL_ATTR_FAMILY_ID).orElseThrow(() -> new MalformedFrameException(0, "no family id")).u16();
            Map<String, Integer> groups = new HashMap<>();
            for (NlAttr g : NlAttr.find(attrs, Uapi.CTRL_ATTR_MCAST_GROUPS).map(a -> safeNested(a)).orElse(List.of())) {
                List<NlAttr> ga = g.nested();
                NlAttr gName = NlAttr.find(ga, Uapi.CTRL_ATTR_MCAST_GRP_NAME).orElse(null);
                NlAttr gId = NlAttr.find(ga, Uapi.CTRL_ATTR_MCAST_GRP_ID).orElse(null);
                if (gName != null && gId != null) {
                    groups.put(gName.string(), (int) gId.u32());
                }
            }
            return new Family(name, id, groups);
        } catch (MalformedFrameException e) {
            throw new NetlinkException("resolve family " + name + ": malformed reply " + e.reason(), 71, "");
        }
    }

    private static List<NlAttr> safeNested(NlAttr a) {
        try {
            return a.nested();
        } catch (MalformedFrameException e) {
            return List.of();
        }
    }

    /**
     * From now on every message that answers no request (multicast events, unicast notifications such as
     * control-port frames for the socket owner) goes to {@code unsolicited}, on the transport's thread.
     * Malformed input, and a handler that throws, are counted and dropped.
     */
    public void startReader(Consumer<NlMessage> unsolicited, String threadName) {
        transport.listen(octets -> {
            try {
                for (NlMessage m : NlMessage.parseAll(octets, octets.length)) {
                    unsolicited.accept(m);
                }
            } catch (MalformedFrameException | RuntimeException e) {
                // bad input or a handler bug must not end the reader
                malformed.incrementAndGet();
            }
        }, threadName);
    }

    /** Messages the reader dropped as malformed. */
    public long malformed() {
        return malformed.get();
    }

    /** Sends a request and collects the replies: one message, or all parts of a dump; an ack ends it too. */
    public List<NlMessage> request(int family, NlWriter msg, int extraFlags, String what) throws NetlinkException {
        List<NlMessage> replies = new ArrayList<>();
        for (byte[] octets : transport.exchange(msg.build(family, Uapi.NLM_F_REQUEST | Uapi.NLM_F_ACK | extraFlags, 0, 0), TIMEOUT_MS, what)) {
            try {
                for (NlMessage m : NlMessage.parseAll(octets, octets.length)) {
                    if (m.isError()) {
                        NetlinkException err = m.error(what);
                        if (err.errno() != 0) {
                            throw err;
                        }
                        return replies;
                    }
                    if (m.isDone()) {
                        return replies;
                    }
                    // a dump part, or a single reply whose ack follows
                    replies.add(m);
                }
            } catch (MalformedFrameException e) {
                throw new NetlinkException(what + ": malformed reply " + e.reason(), 71, "");
            }
        }
        return replies;
    }

    @Override
    public void close() {
        transport.close();
    }
}
