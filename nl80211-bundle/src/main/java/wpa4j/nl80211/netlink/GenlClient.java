package wpa4j.nl80211.netlink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.nl80211.uapi.Uapi;

/**
 * Requests over one generic netlink socket: sequence numbers, dumps (NLM_F_MULTI until NLMSG_DONE), acks
 * and errors (NLMSG_ERROR with errno and extended-ack message), and family resolution through nlctrl.
 */
public final class GenlClient implements AutoCloseable {
    private static final int TIMEOUT_MS = 5000;

    private final NetlinkSocket socket;
    private final AtomicInteger seq = new AtomicInteger((int) (System.nanoTime() & 0x7fffffff));
    private final byte[] buf = new byte[256 * 1024];

    /** A generic netlink family: its id and multicast groups by name. */
    public record Family(String name, int id, Map<String, Integer> groups) {}

    public GenlClient(NetlinkSocket socket) {
        this.socket = socket;
        socket.receiveTimeout(TIMEOUT_MS);
    }

    public static GenlClient open() throws NetlinkException {
        return new GenlClient(NetlinkSocket.open(Uapi.NETLINK_GENERIC));
    }

    public NetlinkSocket socket() {
        return socket;
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

    /** Sends a request and collects the replies: one message, or all parts of a dump; an ack ends it too. */
    public synchronized List<NlMessage> request(int family, NlWriter msg, int extraFlags, String what) throws NetlinkException {
        int s = seq.incrementAndGet();
        boolean dump = (extraFlags & Uapi.NLM_F_DUMP) == Uapi.NLM_F_DUMP;
        socket.send(msg.build(family, Uapi.NLM_F_REQUEST | Uapi.NLM_F_ACK | extraFlags, s, socket.portId()));
        List<NlMessage> replies = new ArrayList<>();
        while (true) {
            int n = socket.receive(buf);
            if (n < 0) {
                throw new NetlinkException(what + ": no answer within " + TIMEOUT_MS + " ms", 110, "");
            }
            List<NlMessage> msgs;
            try {
                msgs = NlMessage.parseAll(buf, n);
            } catch (MalformedFrameException e) {
                throw new NetlinkException(what + ": malformed reply " + e.reason(), 71, "");
            }
            for (NlMessage m : msgs) {
                if (m.seq() != s) {
                    continue; // a late reply to an earlier request
                }
                if (m.isError()) {
                    try {
                        NetlinkException err = m.error(what);
                        if (err.errno() != 0) {
                            throw err;
                        }
                    } catch (MalformedFrameException e) {
                        throw new NetlinkException(what + ": malformed error " + e.reason(), 71, "");
                    }
                    return replies;
                }
                if (m.isDone()) {
                    return replies;
                }
                replies.add(m);
                if (!dump && (m.flags() & Uapi.NLM_F_MULTI) == 0) {
                    // a single reply; its ack follows
                    continue;
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
