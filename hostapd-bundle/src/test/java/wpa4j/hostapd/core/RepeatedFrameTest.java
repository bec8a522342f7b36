package wpa4j.hostapd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.common.frame.FrameControl;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.ie.IeList;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Mfp;

/** A frame a station's MAC retransmitted because the AP's ACK was lost is handled once, as hostapd drops "repeated" frames. */
class RepeatedFrameTest {
    private static final MacAddress STA = MacAddress.parse("02:00:00:00:01:00");

    @Test
    void aRetransmissionWithTheLastSequenceControlIsDroppedAndANewFrameIsNot() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.NO))) {
            h.inject(auth(0x0120, false));
            int answered = h.driver.mlme.size();
            long dropped = h.get(h.ap::mgmtDropped);

            h.inject(auth(0x0120, true));
            assertEquals(answered, h.driver.mlme.size(), "the retransmission is not answered again");
            assertEquals(dropped + 1, h.get(h.ap::mgmtDropped));

            h.inject(auth(0x0130, true));
            assertEquals(answered + 1, h.driver.mlme.size(), "Retry bit, but a new sequence number: a new frame");
            h.inject(auth(0x0130, false));
            assertEquals(answered + 2, h.driver.mlme.size(), "the same sequence number without the Retry bit: sent anew");
            assertEquals(dropped + 1, h.get(h.ap::mgmtDropped));
        }
    }

    private static DriverEvent.RxMgmt auth(int seqCtrl, boolean retry) {
        int fc = FrameControl.management(MgmtSubtype.AUTH).value() | (retry ? FrameControl.RETRY : 0);
        MgmtHeader h = new MgmtHeader(fc, 0, FakeApDriver.AP, STA, FakeApDriver.AP, seqCtrl, null);
        return new DriverEvent.RxMgmt(new MgmtFrame.Authentication(h, 0, 1, 0, IeList.EMPTY).encode(), 0, 2412, -40);
    }
}
