package wpa4j.ndis.oid;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Validate;

/**
 * NDIS_802_11_REMOVE_KEY (OID_802_11_REMOVE_KEY): Length@0, KeyIndex@4 (bit 30 = pairwise), BSSID@8,
 * padded to 16 octets (sizeof).
 *
 * @param keyIndex key index 0..3
 * @param pairwise bit 30
 * @param bssid BSSID or peer
 */
public record NdisRemoveKey(int keyIndex, boolean pairwise, MacAddress bssid) {
    public static final int SIZE = 16;

    public NdisRemoveKey {
        Validate.range("keyIndex", keyIndex, 0, 3);
        Validate.nonNull("bssid", bssid);
    }

    public byte[] encode() {
        FrameWriter w = new FrameWriter(SIZE);
        w.u32le(SIZE).u32le(keyIndex | (pairwise ? NdisKey.PAIRWISE : 0)).mac(bssid);
        NdisCodec.pad(w, 4);
        return w.toArray();
    }

    public static NdisRemoveKey decode(byte[] buf) throws MalformedFrameException {
        FrameReader r = new FrameReader(buf);
        long length = r.u32le("Length");
        if (length != SIZE || buf.length != SIZE) {
            throw new MalformedFrameException(0, "NDIS_802_11_REMOVE_KEY of " + buf.length + " octets, Length " + length + " (16 expected)");
        }
        long index = r.u32le("KeyIndex");
        return new NdisRemoveKey(NdisCodec.keyIndex(index, 4), (index & NdisKey.PAIRWISE) != 0, r.mac("BSSID"));
    }
}
