package wpa4j.sim.medium;

import java.util.Set;

import wpa4j.common.frame.FrameControl;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.driver.types.MacAddress;

/**
 * Which management frames 802.11w protects (IEEE 802.11-2020 12.6.19, Table 9-51): Deauthentication,
 * Disassociation and Action frames of robust categories. Reads the raw header, so an encrypted or
 * unparseable body never matters.
 */
final class RobustFrames {
    /** Action categories that are not robust, as mac80211's _ieee80211_is_robust_mgmt_frame lists them. */
    private static final Set<Integer> NOT_ROBUST = Set.of(4, 7, 11, 15, 20, 21, 22, 127);

    private RobustFrames() {}

    static MgmtSubtype subtype(byte[] frame) {
        return FrameControl.peek(frame).mgmtSubtype();
    }

    static boolean isProtected(byte[] frame) {
        return FrameControl.peek(frame).isProtected();
    }

    static MacAddress da(byte[] frame) {
        return MacAddress.of(frame, 4);
    }

    static MacAddress sa(byte[] frame) {
        return MacAddress.of(frame, 10);
    }

    static MacAddress bssid(byte[] frame) {
        return MacAddress.of(frame, 16);
    }

    /** 24 octets, or 28 with the HT Control field the Order bit announces. */
    static int headerLength(byte[] frame) {
        return FrameControl.peek(frame).order() ? MgmtHeader.LENGTH + 4 : MgmtHeader.LENGTH;
    }

    /** The Category of an Action frame, or -1 when the body has none. */
    static int category(byte[] frame) {
        int at = headerLength(frame);
        return subtype(frame) == MgmtSubtype.ACTION && frame.length > at ? frame[at] & 0xff : -1;
    }

    /** Deauthentication, Disassociation or an Action frame of a robust category (of a decrypted frame for Action). */
    static boolean isRobust(byte[] frame) {
        MgmtSubtype s = subtype(frame);
        return s == MgmtSubtype.DEAUTH || s == MgmtSubtype.DISASSOC || category(frame) >= 0 && !NOT_ROBUST.contains(category(frame));
    }

    static boolean isLeave(byte[] frame) {
        MgmtSubtype s = subtype(frame);
        return s == MgmtSubtype.DEAUTH || s == MgmtSubtype.DISASSOC;
    }
}
