package wpa4j.common.eapol;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Validate;

/**
 * An EAPOL-Key frame body (descriptor types 2 = RSN and 254 = WPA), with a 16-octet MIC.
 *
 * @param descriptorType 2 (RSN) or 254 (WPA)
 * @param keyInfo key information
 * @param keyLength length of the pairwise temporal key (16 for CCMP, 32 for TKIP), 0 in group messages of RSN
 * @param replayCounter the 64-bit replay counter
 * @param nonce 32-octet ANonce/SNonce (zero where unused)
 * @param iv 16-octet EAPOL-Key IV
 * @param rsc 8-octet key receive sequence counter (little-endian PN/TSC)
 * @param reserved 8-octet reserved field (key ID in WPA)
 * @param mic 16-octet MIC (zero while computing it)
 * @param keyData the key data (encrypted when the key information says so)
 */
public record EapolKey(int descriptorType, KeyInfo keyInfo, int keyLength, long replayCounter, Bytes nonce, Bytes iv, Bytes rsc,
        Bytes reserved, Bytes mic, Bytes keyData) {
    public static final int DESCRIPTOR_RSN = 2;
    public static final int DESCRIPTOR_WPA = 254;
    public static final int FIXED_LENGTH = 95;
    public static final Bytes ZERO_NONCE = Bytes.of(new byte[32]);
    public static final Bytes ZERO_16 = Bytes.of(new byte[16]);
    public static final Bytes ZERO_8 = Bytes.of(new byte[8]);
    /** Offset of the MIC field within the body. */
    public static final int MIC_OFFSET = 77;

    public EapolKey {
        if (descriptorType != DESCRIPTOR_RSN && descriptorType != DESCRIPTOR_WPA) {
            throw new IllegalArgumentException("descriptorType: " + descriptorType + " is neither 2 (RSN) nor 254 (WPA)");
        }
        Validate.nonNull("keyInfo", keyInfo);
        Validate.u16("keyLength", keyLength);
        Validate.exactLength("nonce", nonce, 32);
        Validate.exactLength("iv", iv, 16);
        Validate.exactLength("rsc", rsc, 8);
        Validate.exactLength("reserved", reserved, 8);
        Validate.exactLength("mic", mic, 16);
        Validate.length("keyData", keyData, 0, 0xffff - FIXED_LENGTH);
    }

    public static EapolKey decode(Bytes body) throws MalformedFrameException {
        FrameReader r = FrameReader.of(body);
        int type = r.u8("descriptor type");
        if (type != DESCRIPTOR_RSN && type != DESCRIPTOR_WPA) {
            throw new MalformedFrameException(0, "descriptor type " + type + " is neither 2 (RSN) nor 254 (WPA)");
        }
        KeyInfo info = new KeyInfo(r.u16be("key information"));
        int keyLength = r.u16be("key length");
        long replay = r.u64be("replay counter");
        Bytes nonce = r.bytes(32, "key nonce");
        Bytes iv = r.bytes(16, "key iv");
        Bytes rsc = r.bytes(8, "key rsc");
        Bytes reserved = r.bytes(8, "reserved");
        Bytes mic = r.bytes(16, "key mic");
        int dataLength = r.u16be("key data length");
        Bytes data = r.bytes(dataLength, "key data");
        r.expectEnd("eapol-key");
        return new EapolKey(type, info, keyLength, replay, nonce, iv, rsc, reserved, mic, data);
    }

    /** Decodes an EAPOL PDU that must carry an EAPOL-Key frame. */
    public static EapolKey fromPdu(Bytes pdu) throws MalformedFrameException {
        EapolFrame f = EapolFrame.decode(pdu);
        if (f.type() != EapolFrame.TYPE_KEY) {
            throw new MalformedFrameException(1, "eapol type " + f.type() + " is not EAPOL-Key");
        }
        return decode(f.body());
    }

    public Bytes encode() {
        FrameWriter w = new FrameWriter(FIXED_LENGTH + keyData.length());
        w.u8(descriptorType).u16be(keyInfo.value()).u16be(keyLength).u64be(replayCounter).bytes(nonce).bytes(iv).bytes(rsc)
                .bytes(reserved).bytes(mic).u16be(keyData.length()).bytes(keyData);
        return w.toBytes();
    }

    /** The whole EAPOL PDU carrying this frame: what the MIC is computed over (with {@link #mic()} zero). */
    public Bytes toPdu(int eapolVersion) {
        return new EapolFrame(eapolVersion, EapolFrame.TYPE_KEY, encode()).encode();
    }

    public EapolKey withMic(Bytes newMic) {
        return new EapolKey(descriptorType, keyInfo, keyLength, replayCounter, nonce, iv, rsc, reserved, newMic, keyData);
    }

    public EapolKey withKeyData(Bytes data) {
        return new EapolKey(descriptorType, keyInfo, keyLength, replayCounter, nonce, iv, rsc, reserved, mic, data);
    }

    @Override
    public String toString() {
        // key data may hold a (wrapped) GTK: only its length is shown
        return "EapolKey[type=" + descriptorType + ", " + keyInfo + ", keyLength=" + keyLength + ", replayCounter=" + replayCounter
                + ", keyData=<" + keyData.length() + " octets>]";
    }
}
