package wpa4j.sim;

import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.ie.IeList;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

/** The Deauthentication and Disassociation frames sta_deauth/sta_disassoc send, as nl80211 builds them. */
final class LeaveFrames {
    private LeaveFrames() {}

    static Bytes deauth(MacAddress own, MacAddress sta, int reason) {
        return new MgmtFrame.Deauthentication(MgmtHeader.of(MgmtSubtype.DEAUTH, sta, own, own), reason, IeList.EMPTY).encode();
    }

    static Bytes disassoc(MacAddress own, MacAddress sta, int reason) {
        return new MgmtFrame.Disassociation(MgmtHeader.of(MgmtSubtype.DISASSOC, sta, own, own), reason, IeList.EMPTY).encode();
    }
}
