package wpa4j.ndis.oid;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Validate;

/**
 * NDIS_802_11_KEY (OID_802_11_ADD_KEY): Length@0, KeyIndex@4, KeyLength@8, BSSID@12, 6 octets of padding,
 * KeyRSC@24 (ULONGLONG, 8-aligned), KeyMaterial@32. KeyIndex bit 31 = transmit key, bit 30 = pairwise,
 * bit 29 = KeyRSC valid. Key material is never printed.
 *
 * @param keyIndex key index 0..3 (the low bits)
 * @param transmit bit 31
 * @param pairwise bit 30
 * @param rscValid bit 29
 * @param bssid the BSSID (or the peer for a pairwise key; broadcast when unknown)
 * @param keyRsc the receive sequence counter
 * @param keyMaterial the key as the driver wants it (TKIP: TK, then RX MIC key, then TX MIC key)
 */
public record NdisKey(int keyIndex, boolean transmit, boolean pairwise, boolean rscValid, MacAddress bssid, long keyRsc, Bytes keyMaterial) {
    public static final int OFFSET_KEY_RSC = 24;
    public static final int OFFSET_KEY_MATERIAL = 32;
    static final long TRANSMIT = 1L << 31;
    static final long PAIRWISE = 1L << 30;
    static final long RSC_VALID = 1L << 29;

    public NdisKey {
        Validate.range("keyIndex", keyIndex, 0, 3);
        Validate.nonNull("bssid", bssid);
        Validate.length("keyMaterial", keyMaterial, 1, 64);
    }

    public byte[] encode() {
        FrameWriter w = new FrameWriter(OFFSET_KEY_MATERIAL + keyMaterial.length());
        long index = keyIndex | (transmit ? TRANSMIT : 0) | (pairwise ? PAIRWISE : 0) | (rscValid ? RSC_VALID : 0);
        w.u32le(OFFSET_KEY_MATERIAL + keyMaterial.length()).u32le(index).u32le(keyMaterial.length()).mac(bssid);
        NdisCodec.pad(w, 8);
        w.u64le(keyRsc).bytes(keyMaterial);
        return w.toArray();
    }

    public static NdisKey decode(byte[] buf) throws MalformedFrameException {
        FrameReader r = new FrameReader(buf);
        long length = r.u32le("Length");
        if (length != buf.length) {
            throw new MalformedFrameException(0, "Length " + length + " is not the buffer's " + buf.length);
        }
        long index = r.u32le("KeyIndex");
        long keyLength = r.u32le("KeyLength");
        MacAddress bssid = r.mac("BSSID");
        r.skip(6, "padding");
        long rsc = r.u64le("KeyRSC");
        if (keyLength != r.remaining() || keyLength == 0) {
            throw new MalformedFrameException(8, "KeyLength " + keyLength + " does not match the " + r.remaining() + " octets of KeyMaterial");
        }
        return new NdisKey(NdisCodec.keyIndex(index, 4), (index & TRANSMIT) != 0, (index & PAIRWISE) != 0, (index & RSC_VALID) != 0, bssid, rsc,
                r.rest());
    }

    @Override
    public String toString() {
        return "NdisKey[index=" + keyIndex + ", tx=" + transmit + ", pairwise=" + pairwise + ", rscValid=" + rscValid + ", bssid=" + bssid
                + ", rsc=" + keyRsc + ", <" + keyMaterial.length() + "-octet key>]";
    }
}
