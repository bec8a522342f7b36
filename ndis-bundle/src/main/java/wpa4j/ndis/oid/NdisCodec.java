package wpa4j.ndis.oid;

import wpa4j.common.codec.FrameWriter;

/** Small shared pieces of the OID codecs. */
final class NdisCodec {
    private NdisCodec() {}

    /** A ULONG (little-endian u32) buffer, as the enum OIDs carry. */
    static byte[] ulong(long v) {
        return new FrameWriter(4).u32le(v).toArray();
    }

    /** Zero octets to pad to {@code alignment}. */
    static void pad(FrameWriter w, int alignment) {
        while (w.length() % alignment != 0) {
            w.u8(0);
        }
    }

    /** The key index in the low bits of KeyIndex (the flag bits 29..31 removed), which must be 0..3. */
    static int keyIndex(long index, int offset) throws wpa4j.common.codec.MalformedFrameException {
        long low = index & 0x1fffffffL;
        if (low > 3) {
            throw new wpa4j.common.codec.MalformedFrameException(offset, "KeyIndex " + low + " out of range 0..3");
        }
        return (int) low;
    }
}
