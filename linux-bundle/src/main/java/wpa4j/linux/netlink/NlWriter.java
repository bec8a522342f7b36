package wpa4j.linux.netlink;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

import wpa4j.driver.types.Bytes;

/**
 * Builds one netlink message: nlmsghdr (16 octets), an optional generic netlink header, attributes
 * (nested ones with NLA_F_NESTED), all padded to 4 and in host byte order.
 */
public final class NlWriter {
    private byte[] buf = new byte[256];
    private int len = 16;
    private final Deque<Integer> nests = new ArrayDeque<>();

    /** A generic netlink request: header for {@code family}, then cmd and version. */
    public static NlWriter genl(int cmd, int version) {
        NlWriter w = new NlWriter();
        w.raw(new byte[] {(byte) cmd, (byte) version, 0, 0});
        return w;
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    public NlWriter raw(byte[] b) {
        ensure(NlAttr.align(b.length));
        System.arraycopy(b, 0, buf, len, b.length);
        len += NlAttr.align(b.length);
        return this;
    }

    public NlWriter attr(int type, byte[] value) {
        int total = NlAttr.HEADER + value.length;
        ensure(NlAttr.align(total));
        putU16(len, total);
        putU16(len + 2, type);
        System.arraycopy(value, 0, buf, len + NlAttr.HEADER, value.length);
        len += NlAttr.align(total);
        return this;
    }

    public NlWriter attr(int type, Bytes value) {
        return attr(type, value.toArray());
    }

    public NlWriter u8(int type, int v) {
        return attr(type, new byte[] {(byte) v});
    }

    public NlWriter u16(int type, int v) {
        return attr(type, new byte[] {(byte) v, (byte) (v >> 8)});
    }

    public NlWriter u32(int type, long v) {
        return attr(type, new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)});
    }

    public NlWriter u64(int type, long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >> (8 * i));
        }
        return attr(type, b);
    }

    public NlWriter flag(int type) {
        return attr(type, new byte[0]);
    }

    /** A NUL-terminated string. */
    public NlWriter string(int type, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return attr(type, Arrays.copyOf(b, b.length + 1));
    }

    public NlWriter nestStart(int type) {
        ensure(NlAttr.HEADER);
        nests.push(len);
        putU16(len + 2, type | 0x8000);
        len += NlAttr.HEADER;
        return this;
    }

    public NlWriter nestEnd() {
        int start = nests.pop();
        putU16(start, len - start);
        return this;
    }

    /** The finished message: nlmsghdr filled in. */
    public byte[] build(int type, int flags, int seq, int pid) {
        if (!nests.isEmpty()) {
            throw new IllegalStateException("unclosed nested attribute");
        }
        putU32(0, len);
        putU16(4, type);
        putU16(6, flags);
        putU32(8, seq);
        putU32(12, pid);
        return Arrays.copyOf(buf, len);
    }

    private void putU16(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >> 8);
    }

    private void putU32(int at, long v) {
        for (int i = 0; i < 4; i++) {
            buf[at + i] = (byte) (v >> (8 * i));
        }
    }
}
