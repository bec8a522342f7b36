package wpa4j.sim.medium;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

/**
 * An Authentication frame with its body after the fixed fields left as octets: an SAE commit or confirm is
 * no element list, so it must not be decoded as one.
 *
 * @param sa the transmitter
 * @param algorithm authentication algorithm number (3: SAE)
 * @param transaction transaction sequence number
 * @param status status code
 * @param body what follows the three fixed fields (elements, or the SAE fields)
 */
record AuthFrame(MacAddress sa, int algorithm, int transaction, int status, Bytes body) {
    static final int ALG_SAE = 3;

    static AuthFrame parse(byte[] frame) throws MalformedFrameException {
        FrameReader r = new FrameReader(frame);
        r.skip(10, "frame control, duration, address 1");
        MacAddress sa = r.mac("address 2");
        r.skip(RobustFrames.headerLength(frame) - 16, "rest of the header");
        return new AuthFrame(sa, r.u16le("auth algorithm"), r.u16le("auth transaction"), r.u16le("status code"), r.rest());
    }

    /**
     * An SAE Authentication frame from nl80211's SAE_DATA (transaction, status and SAE fields, exactly the
     * frame body after the algorithm number) and the extra elements after it, as mac80211 builds it.
     */
    static byte[] sae(MgmtHeader h, Bytes saeData, Bytes ies) {
        FrameWriter w = new FrameWriter(8 + saeData.length() + ies.length());
        w.u16le(ALG_SAE).bytes(saeData).bytes(ies);
        return new MgmtFrame.Opaque(h, w.toBytes()).encode().toArray();
    }
}
