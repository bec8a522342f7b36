package wpa4j.linux.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.linux.uapi.Uapi;

/**
 * One netlink message (struct nlmsghdr: u32 len, u16 type, u16 flags, u32 seq, u32 pid, then the payload).
 *
 * @param type message type (a generic netlink family id, or NLMSG_*)
 * @param flags NLM_F_*
 * @param seq sequence number
 * @param pid port id
 * @param payload what follows the header
 */
public record NlMessage(int type, int flags, int seq, int pid, Bytes payload) {
    public static final int HEADER = 16;

    /** Every message of one datagram; a length field that overruns it is malformed. */
    public static List<NlMessage> parseAll(byte[] buf, int len) throws MalformedFrameException {
        List<NlMessage> msgs = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(buf, 0, len).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 0;
        while (len - pos >= HEADER) {
            int mlen = b.getInt(pos);
            if (mlen < HEADER || mlen > len - pos) {
                throw new MalformedFrameException(pos, "nlmsg length " + mlen + " outside the " + (len - pos) + " octets left");
            }
            msgs.add(new NlMessage(b.getShort(pos + 4) & 0xffff, b.getShort(pos + 6) & 0xffff, b.getInt(pos + 8), b.getInt(pos + 12),
                    Bytes.of(buf, pos + HEADER, mlen - HEADER)));
            pos += NlAttr.align(mlen);
        }
        return msgs;
    }

    /** The generic netlink command of this message. */
    public int genlCmd() throws MalformedFrameException {
        if (payload.length() < 4) {
            throw new MalformedFrameException(HEADER, "generic netlink message without its 4-octet header");
        }
        return payload.u8(0);
    }

    /** The attributes after the generic netlink header. */
    public List<NlAttr> genlAttrs() throws MalformedFrameException {
        genlCmd();
        byte[] a = payload.toArray();
        return NlAttr.parse(a, 4, a.length - 4);
    }

    public boolean isError() {
        return type == Uapi.NLMSG_ERROR;
    }

    public boolean isDone() {
        return type == Uapi.NLMSG_DONE;
    }

    /**
     * For NLMSG_ERROR: the (positive) errno, 0 for an ACK, and the extended-ack message if the kernel
     * sent one (NLM_F_ACK_TLVS).
     */
    public NetlinkException error(String what) throws MalformedFrameException {
        if (payload.length() < 4) {
            throw new MalformedFrameException(HEADER, "NLMSG_ERROR without its error code");
        }
        byte[] a = payload.toArray();
        int errno = -ByteBuffer.wrap(a).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        String msg = "";
        if ((flags & Uapi.NLM_F_ACK_TLVS) != 0 && a.length >= 4 + HEADER) {
            int origLen = ByteBuffer.wrap(a).order(ByteOrder.LITTLE_ENDIAN).getInt(4);
            int tlvStart = 4 + ((flags & Uapi.NLM_F_CAPPED) != 0 ? HEADER : NlAttr.align(Math.max(HEADER, origLen)));
            if (tlvStart <= a.length) {
                msg = NlAttr.find(NlAttr.parse(a, tlvStart, a.length - tlvStart), Uapi.NLMSGERR_ATTR_MSG).map(NlAttr::string).orElse("");
            }
        }
        return new NetlinkException(what, errno, msg);
    }
}
