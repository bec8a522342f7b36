package wpa4j.common.eapol;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Validate;

/**
 * An EAPOL PDU (IEEE 802.1X-2004 7.5): protocol version, packet type, body. Octets after the declared
 * body length (Ethernet padding) are ignored, as wpa_supplicant and hostapd do.
 *
 * @param version protocol version (1 or 2; 3 for 802.1X-2010)
 * @param type packet type
 * @param body the packet body
 */
public record EapolFrame(int version, int type, Bytes body) {
    public static final int ETHERTYPE = 0x888e;
    public static final int TYPE_EAP_PACKET = 0;
    public static final int TYPE_START = 1;
    public static final int TYPE_LOGOFF = 2;
    public static final int TYPE_KEY = 3;
    public static final int HEADER_LENGTH = 4;

    public EapolFrame {
        Validate.range("version", version, 1, 3);
        Validate.u8("type", type);
        Validate.length("body", body, 0, 0xffff);
    }

    public static EapolFrame decode(Bytes pdu) throws MalformedFrameException {
        FrameReader r = FrameReader.of(pdu);
        int version = r.u8("eapol version");
        if (version < 1 || version > 3) {
            throw new MalformedFrameException(0, "eapol version " + version);
        }
        int type = r.u8("eapol type");
        int length = r.u16be("eapol body length");
        return new EapolFrame(version, type, r.bytes(length, "eapol body"));
    }

    public Bytes encode() {
        return new FrameWriter(HEADER_LENGTH + body.length()).u8(version).u8(type).u16be(body.length()).bytes(body).toBytes();
    }
}
