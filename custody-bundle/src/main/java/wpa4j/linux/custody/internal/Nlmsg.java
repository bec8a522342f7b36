package wpa4j.linux.custody.internal;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The netlink message header (u32 len, u16 type, u16 flags, u32 seq, u32 pid; host order, which custody
 * requires to be little-endian): all custody ever reads of a message.
 */
final class Nlmsg {
    static final int HEADER = 16;
    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;
    static final int NLM_F_ACK = 0x4;

    private Nlmsg() {
    }

    static int length(byte[] b, int off) {
        return u32(b, off);
    }

    static int type(byte[] m) {
        return (m[4] & 0xff) | (m[5] & 0xff) << 8;
    }

    static int seq(byte[] m) {
        return u32(m, 8);
    }

    /** NLMSG_ERROR (the ack) and NLMSG_DONE (the end of a dump) end the answer to a request. */
    static boolean endsAnswer(byte[] m) {
        int t = type(m);
        return t == NLMSG_ERROR || t == NLMSG_DONE;
    }

    /** The errno an NLMSG_ERROR or NLMSG_DONE carries (0: success); 0 for any other message. */
    static int errno(byte[] m) {
        return endsAnswer(m) && m.length >= HEADER + 4 ? -u32(m, HEADER) : 0;
    }

    /** A copy of {@code message} with its sequence number and port id set. */
    static byte[] addressed(byte[] message, int seq, int portId) {
        byte[] m = requireHeader(message).clone();
        putU32(m, 8, seq);
        putU32(m, 12, portId);
        return m;
    }

    /** A copy of {@code message} that asks for the kernel's ack. */
    static byte[] withAck(byte[] message) {
        byte[] m = requireHeader(message).clone();
        m[6] |= NLM_F_ACK;
        return m;
    }

    static byte[] requireHeader(byte[] message) {
        if (message.length < HEADER) {
            throw new IllegalArgumentException("a netlink message has a 16-octet header, got " + message.length + " octets");
        }
        return message;
    }

    /**
     * Hands each message of the datagram {@code buf[0, n)} to {@code out} as an exact-length copy.
     *
     * @return false when a length that is too short or runs past the datagram cut the rest off
     */
    static boolean split(byte[] buf, int n, Consumer<byte[]> out) {
        int off = 0;
        while (off < n) {
            if (n - off < HEADER) {
                return false;
            }
            int len = length(buf, off);
            // unsigned lengths above 2^31 read as negative and fail the first test
            if (len < HEADER || len > n - off) {
                return false;
            }
            out.accept(Arrays.copyOfRange(buf, off, off + len));
            off += (len + 3) & ~3;
        }
        return true;
    }

    static int u32(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    static void putU32(byte[] b, int off, int v) {
        for (int i = 0; i < 4; i++) {
            b[off + i] = (byte) (v >> (8 * i));
        }
    }
}
