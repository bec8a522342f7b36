package wpa4j.common.frame;

import wpa4j.common.ie.IeList;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

/** The Deauthentication and Disassociation frames sta_deauth/sta_disassoc send, as the AP side sends them (mac80211 and the sim medium alike). */
public final class LeaveFrames {
    private LeaveFrames() {}

    public static Bytes deauth(MacAddress own, MacAddress sta, int reason) {
        return new MgmtFrame.Deauthentication(MgmtHeader.of(MgmtSubtype.DEAUTH, sta, own, own), reason, IeList.EMPTY).encode();
    }

    public static Bytes disassoc(MacAddress own, MacAddress sta, int reason) {
        return new MgmtFrame.Disassociation(MgmtHeader.of(MgmtSubtype.DISASSOC, sta, own, own), reason, IeList.EMPTY).encode();
    }
}
