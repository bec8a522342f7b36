package wpa4j.hostapd.core;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.driver.types.Bytes;

/**
 * A management frame as the driver handed it over. A robust frame that was protected on the air arrives decrypted
 * with the Protected bit still set (as mac80211 delivers it); the bit is cleared here to read the body and kept as
 * {@code wasProtected}, which is what PMF decisions look at.
 */
record ReceivedMgmt(MgmtFrame frame, boolean wasProtected) {
    static ReceivedMgmt decode(Bytes raw) throws MalformedFrameException {
        if (raw.length() < 2 || (raw.u8(1) << 8 & MgmtHeader.FC_PROTECTED) == 0) {
            return new ReceivedMgmt(MgmtFrame.decode(raw), false);
        }
        byte[] clear = raw.toArray();
        clear[1] &= (byte) ~(MgmtHeader.FC_PROTECTED >> 8);
        return new ReceivedMgmt(MgmtFrame.decode(Bytes.of(clear)), true);
    }
}
