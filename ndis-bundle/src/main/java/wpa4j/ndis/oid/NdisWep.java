package wpa4j.ndis.oid;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Validate;

/**
 * NDIS_802_11_WEP (OID_802_11_ADD_WEP): Length@0, KeyIndex@4 (bit 31 = transmit key), KeyLength@8,
 * KeyMaterial@12. Key material is never printed.
 *
 * @param keyIndex 0..3
 * @param transmit bit 31
 * @param keyMaterial 5, 13 or 16 octets
 */
public record NdisWep(int keyIndex, boolean transmit, Bytes keyMaterial) {
    public static final int OFFSET_KEY_MATERIAL = 12;

    public NdisWep {
        Validate.range("keyIndex", keyIndex, 0, 3);
        Validate.length("keyMaterial", keyMaterial, 1, 32);
    }

    public byte[] encode() {
        return new FrameWriter(OFFSET_KEY_MATERIAL + keyMaterial.length()).u32le(OFFSET_KEY_MATERIAL + keyMaterial.length())
                .u32le(keyIndex | (transmit ? NdisKey.TRANSMIT : 0)).u32le(keyMaterial.length()).bytes(keyMaterial).toArray();
    }

    public static NdisWep decode(byte[] buf) throws MalformedFrameException {
        FrameReader r = new FrameReader(buf);
        long length = r.u32le("Length");
        long index = r.u32le("KeyIndex");
        long keyLength = r.u32le("KeyLength");
        if (length != buf.length || keyLength != r.remaining() || keyLength == 0) {
            throw new MalformedFrameException(0, "NDIS_802_11_WEP Length " + length + "/KeyLength " + keyLength + " do not match " + buf.length + " octets");
        }
        return new NdisWep(NdisCodec.keyIndex(index, 4), (index & NdisKey.TRANSMIT) != 0, r.rest());
    }

    @Override
    public String toString() {
        return "NdisWep[index=" + keyIndex + ", tx=" + transmit + ", <" + keyMaterial.length() + "-octet key>]";
    }
}
