package wpa4j.ndis.oid;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Ssid;

/** NDIS_802_11_SSID: ULONG SsidLength (offset 0), UCHAR Ssid[32] (offset 4); 36 octets. */
public final class NdisSsid {
    public static final int SIZE = 36;

    private NdisSsid() {}

    public static byte[] encode(Ssid ssid) {
        FrameWriter w = new FrameWriter(SIZE);
        w.u32le(ssid.length()).bytes(ssid.octets());
        while (w.length() < SIZE) {
            w.u8(0);
        }
        return w.toArray();
    }

    static Ssid read(FrameReader r) throws MalformedFrameException {
        int start = r.position();
        long len = r.u32le("SsidLength");
        if (len > Ssid.MAX_LENGTH) {
            throw new MalformedFrameException(start, "SsidLength " + len + " exceeds 32");
        }
        Bytes all = r.bytes(32, "Ssid");
        return new Ssid(all.slice(0, (int) len));
    }

    public static Ssid decode(byte[] buf) throws MalformedFrameException {
        return read(new FrameReader(buf));
    }
}
