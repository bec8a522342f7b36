package wpa4j.common.codec;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

/**
 * A cursor over a window of a byte array that never reads outside the window: every read checks the
 * remaining length first and throws {@link MalformedFrameException} with the absolute offset. Nothing it
 * allocates is sized by a length field beyond what the window really holds.
 */
public final class FrameReader {
    private final byte[] data;
    private final int base;
    private final int end;
    private int pos;

    public FrameReader(byte[] data) {
        this(data, 0, data.length);
    }

    public FrameReader(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IllegalArgumentException("window " + offset + "+" + length + " outside " + data.length + " bytes");
        }
        this.data = data;
        this.base = offset;
        this.pos = offset;
        this.end = offset + length;
    }

    public static FrameReader of(Bytes bytes) {
        return new FrameReader(bytes.toArray());
    }

    /** Offset from the start of the window. */
    public int position() {
        return pos - base;
    }

    public int remaining() {
        return end - pos;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    /** Throws unless at least {@code n} octets remain. */
    public void require(int n, String what) throws MalformedFrameException {
        if (n < 0 || n > end - pos) {
            throw new MalformedFrameException(position(), what + ": needs " + n + " octets, " + (end - pos) + " left");
        }
    }

    public int u8(String what) throws MalformedFrameException {
        require(1, what);
        return data[pos++] & 0xff;
    }

    public int u16le(String what) throws MalformedFrameException {
        require(2, what);
        int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8;
        pos += 2;
        return v;
    }

    public int u16be(String what) throws MalformedFrameException {
        require(2, what);
        int v = (data[pos] & 0xff) << 8 | (data[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    public long u32le(String what) throws MalformedFrameException {
        return littleEndian(4, what);
    }

    /** Big-endian 32-bit value; suite selectors (OUI + type) are read this way. */
    public int u32be(String what) throws MalformedFrameException {
        return (int) bigEndian(4, what);
    }

    public long u64le(String what) throws MalformedFrameException {
        return littleEndian(8, what);
    }

    public long u64be(String what) throws MalformedFrameException {
        return bigEndian(8, what);
    }

    private long littleEndian(int n, String what) throws MalformedFrameException {
        require(n, what);
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = v << 8 | (data[pos + i] & 0xff);
        }
        pos += n;
        return v;
    }

    private long bigEndian(int n, String what) throws MalformedFrameException {
        require(n, what);
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 8 | (data[pos + i] & 0xff);
        }
        pos += n;
        return v;
    }

    public MacAddress mac(String what) throws MalformedFrameException {
        require(MacAddress.LENGTH, what);
        MacAddress m = MacAddress.of(data, pos);
        pos += MacAddress.LENGTH;
        return m;
    }

    public Bytes bytes(int n, String what) throws MalformedFrameException {
        require(n, what);
        Bytes b = Bytes.of(data, pos, n);
        pos += n;
        return b;
    }

    /** All octets left in the window. */
    public Bytes rest() {
        Bytes b = Bytes.of(data, pos, end - pos);
        pos = end;
        return b;
    }

    /** A reader over the next {@code n} octets, which this reader skips. */
    public FrameReader sub(int n, String what) throws MalformedFrameException {
        require(n, what);
        FrameReader r = new FrameReader(data, pos, n);
        pos += n;
        return r;
    }

    public void skip(int n, String what) throws MalformedFrameException {
        require(n, what);
        pos += n;
    }

    /** Throws unless the window is fully consumed. */
    public void expectEnd(String what) throws MalformedFrameException {
        if (pos != end) {
            throw new MalformedFrameException(position(), what + ": " + (end - pos) + " unexpected trailing octets");
        }
    }
}
