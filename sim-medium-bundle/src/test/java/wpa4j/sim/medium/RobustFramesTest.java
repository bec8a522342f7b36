package wpa4j.sim.medium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import wpa4j.common.frame.LeaveFrames;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.ie.IeList;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

class RobustFramesTest {
    private static final MacAddress AP = MacAddress.parse("02:00:00:00:00:00");
    private static final MacAddress STA = MacAddress.parse("02:00:00:00:01:00");

    @Test
    void deauthDisassocAndRobustActionCategoriesAreRobust() {
        assertTrue(RobustFrames.isRobust(LeaveFrames.deauth(AP, STA, 2).toArray()));
        assertTrue(RobustFrames.isRobust(LeaveFrames.disassoc(AP, STA, 2).toArray()));
        assertTrue(RobustFrames.isRobust(action(8)), "SA Query");
        assertTrue(RobustFrames.isRobust(action(10)), "WNM");
        assertFalse(RobustFrames.isRobust(action(4)), "Public");
        assertFalse(RobustFrames.isRobust(action(127)), "vendor-specific");
        byte[] auth = new MgmtFrame.Authentication(MgmtHeader.of(MgmtSubtype.AUTH, AP, STA, AP), 3, 1, 0, IeList.EMPTY).encode().toArray();
        assertFalse(RobustFrames.isRobust(auth));
    }

    @Test
    void theProtectedBitIsReadFromTheHeader() {
        byte[] f = LeaveFrames.deauth(AP, STA, 2).toArray();
        assertFalse(RobustFrames.isProtected(f));
        f[1] |= 0x40;
        assertTrue(RobustFrames.isProtected(f));
        assertEquals(MgmtSubtype.DEAUTH, RobustFrames.subtype(f));
    }

    private static byte[] action(int category) {
        return new MgmtFrame.Action(MgmtHeader.of(MgmtSubtype.ACTION, STA, AP, AP), category, Bytes.of((byte) 0, (byte) 1, (byte) 2)).encode().toArray();
    }
}
