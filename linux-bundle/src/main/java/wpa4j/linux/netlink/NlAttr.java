package wpa4j.linux.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;

/**
 * One netlink attribute (struct nlattr: u16 len, u16 type, payload padded to 4), type without the
 * NLA_F_NESTED / NLA_F_NET_BYTEORDER flags. Values are in host byte order (little-endian on the
 * platforms wpa4j supports).
 *
 * @param type attribute type
 * @param value payload
 */
public record NlAttr(int type, Bytes value) {
    static final int HEADER = 4;
    private static final int TYPE_MASK = 0x3fff;

    /** Parses the attributes in {@code buf[off, off+len)}; a length that overruns the window is malformed. */
    public static List<NlAttr> parse(byte[] buf, int off, int len) throws MalformedFrameException {
        List<NlAttr> attrs = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(buf, off, len).order(ByteOrder.LITTLE_ENDIAN);
        int end = off + len;
        int pos = off;
        while (end - pos >= HEADER) {
            int alen = b.getShort(pos) & 0xffff;
            int type = b.getShort(pos + 2) & TYPE_MASK;
            if (alen < HEADER || alen > end - pos) {
                throw new MalformedFrameException(pos, "nlattr length " + alen + " outside the " + (end - pos) + " octets left");
            }
            attrs.add(new NlAttr(type, Bytes.of(buf, pos + HEADER, alen - HEADER)));
            pos += align(alen);
        }
        return attrs;
    }

    public static List<NlAttr> parse(Bytes b) throws MalformedFrameException {
        byte[] a = b.toArray();
        return parse(a, 0, a.length);
    }

    static int align(int n) {
        return (n + 3) & ~3;
    }

    public List<NlAttr> nested() throws MalformedFrameException {
        return parse(value);
    }

    public int u8() throws MalformedFrameException {
        need(1);
        return value.u8(0);
    }

    public int u16() throws MalformedFrameException {
        need(2);
        return value.u8(0) | value.u8(1) << 8;
    }

    public long u32() throws MalformedFrameException {
        need(4);
        return (value.u8(0) | value.u8(1) << 8 | value.u8(2) << 16 | (long) value.u8(3) << 24);
    }

    public long u64() throws MalformedFrameException {
        need(8);
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | value.u8(i);
        }
        return v;
    }

    /** A NUL-terminated (or not) string. */
    public String string() {
        byte[] a = value.toArray();
        int n = 0;
        while (n < a.length && a[n] != 0) {
            n++;
        }
        return new String(a, 0, n, StandardCharsets.UTF_8);
    }

    private void need(int n) throws MalformedFrameException {
        if (value.length() < n) {
            throw new MalformedFrameException(0, "attribute " + type + " of " + value.length() + " octets, " + n + " needed");
        }
    }

    /** The first attribute of {@code type}. */
    public static Optional<NlAttr> find(List<NlAttr> attrs, int type) {
        return attrs.stream().filter(a -> a.type == type).findFirst();
    }
}
