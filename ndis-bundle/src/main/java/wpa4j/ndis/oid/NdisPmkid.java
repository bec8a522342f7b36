package wpa4j.ndis.oid;

import java.util.ArrayList;
import java.util.List;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.PmkidEntry;

/**
 * NDIS_802_11_PMKID (OID_802_11_PMKID): Length@0, BSSIDInfoCount@4, then BSSID_INFO entries of 22 octets
 * (BSSID, PMKID[16]) from offset 8. An empty list flushes the driver's cache.
 */
public final class NdisPmkid {
    public static final int ENTRY_SIZE = 22;

    private NdisPmkid() {}

    public static byte[] encode(List<PmkidEntry> entries) {
        FrameWriter w = new FrameWriter(8 + ENTRY_SIZE * entries.size());
        w.u32le(8 + ENTRY_SIZE * entries.size()).u32le(entries.size());
        entries.forEach(e -> w.mac(e.bssid()).bytes(e.pmkid()));
        return w.toArray();
    }

    public static List<PmkidEntry> decode(byte[] buf) throws MalformedFrameException {
        FrameReader r = new FrameReader(buf);
        long length = r.u32le("Length");
        long count = r.u32le("BSSIDInfoCount");
        if (length != buf.length || count * ENTRY_SIZE != r.remaining()) {
            throw new MalformedFrameException(0, "NDIS_802_11_PMKID Length " + length + " with " + count + " entries does not match " + buf.length + " octets");
        }
        List<PmkidEntry> list = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            list.add(new PmkidEntry(r.mac("BSSID"), r.bytes(16, "PMKID")));
        }
        return list;
    }
}
