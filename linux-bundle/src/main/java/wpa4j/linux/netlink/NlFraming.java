package wpa4j.linux.netlink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import wpa4j.linux.uapi.Uapi;

/** The netlink header as transports see it: sequence number, port id, and where one message ends in a datagram. */
public final class NlFraming {
    static final int HEADER = 16;

    private NlFraming() {
    }

    public static int seq(byte[] m) {
        return le32(m, 8);
    }

    public static int type(byte[] m) {
        return (m[4] & 0xff) | (m[5] & 0xff) << 8;
    }

    /** NLMSG_ERROR (an ack too) or NLMSG_DONE: the last message answering a request. */
    public static boolean ends(byte[] m) {
        int t = type(m);
        return t == Uapi.NLMSG_ERROR || t == Uapi.NLMSG_DONE;
    }

    /** A copy of {@code m} with {@code seq} and {@code pid} in its header. */
    public static byte[] addressed(byte[] m, int seq, int pid) {
        byte[] c = m.clone();
        put32(c, 8, seq);
        put32(c, 12, pid);
        return c;
    }

    /** The whole messages of a datagram; a length that breaks the framing ends it with an error. */
    public static List<byte[]> split(byte[] buf, int n, String what) throws NetlinkException {
        List<byte[]> out = new ArrayList<>();
        int off = 0;
        while (off + HEADER <= n) {
            int len = le32(buf, off);
            if (len < HEADER || off + len > n) {
                throw new NetlinkException(what + ": netlink message length " + len + " at " + off + " of " + n, 71, "");
            }
            out.add(Arrays.copyOfRange(buf, off, off + len));
            off += (len + 3) & ~3;
        }
        return out;
    }

    private static int le32(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    private static void put32(byte[] b, int off, int v) {
        for (int i = 0; i < 4; i++) {
            b[off + i] = (byte) (v >> (8 * i));
        }
    }
}
