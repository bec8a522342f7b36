package wpa4j.common.codec;

import java.util.Arrays;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

/** A growable octet buffer with the little- and big-endian writes the 802.11 codecs need. */
public final class FrameWriter {
    private byte[] buf;
    private int len;

    public FrameWriter() {
        this(64);
    }

    public FrameWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    public int length() {
        return len;
    }

    public FrameWriter u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    public FrameWriter u16le(int v) {
        ensure(2);
        buf[len++] = (byte) v;
        buf[len++] = (byte) (v >>> 8);
        return this;
    }

    public FrameWriter u16be(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public FrameWriter u32le(long v) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            buf[len++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    public FrameWriter u32be(int v) {
        ensure(4);
        for (int i = 3; i >= 0; i--) {
            buf[len++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    public FrameWriter u64le(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[len++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    public FrameWriter u64be(long v) {
        ensure(8);
        for (int i = 7; i >= 0; i--) {
            buf[len++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    public FrameWriter mac(MacAddress m) {
        ensure(MacAddress.LENGTH);
        m.writeTo(buf, len);
        len += MacAddress.LENGTH;
        return this;
    }

    public FrameWriter bytes(Bytes b) {
        ensure(b.length());
        b.asReadOnlyBuffer().get(buf, len, b.length());
        len += b.length();
        return this;
    }

    public FrameWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    /** Overwrites a 16-bit big-endian value written earlier (e.g. a length known only at the end). */
    public FrameWriter putU16beAt(int offset, int v) {
        buf[offset] = (byte) (v >>> 8);
        buf[offset + 1] = (byte) v;
        return this;
    }

    public byte[] toArray() {
        return Arrays.copyOf(buf, len);
    }

    public Bytes toBytes() {
        return Bytes.of(buf, 0, len);
    }
}
