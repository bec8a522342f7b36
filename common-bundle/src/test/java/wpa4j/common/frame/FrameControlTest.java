package wpa4j.common.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

class FrameControlTest {
    private static final MacAddress AP = MacAddress.parse("02:00:00:00:00:00");
    private static final MacAddress STA = MacAddress.parse("02:00:00:00:01:00");

    @Test
    void eachFieldHasItsBits() {
        FrameControl v = new FrameControl(0x0003);
        assertEquals(3, v.protocolVersion());
        assertEquals(0, v.type());
        assertEquals(0, v.subtype());
        assertEquals(2, new FrameControl(0x0008).type());
        assertEquals(3, new FrameControl(0x000c).type());
        assertEquals(15, new FrameControl(0x00f0).subtype());
        assertTrue(new FrameControl(FrameControl.TO_DS).toDs());
        assertTrue(new FrameControl(FrameControl.FROM_DS).fromDs());
        assertTrue(new FrameControl(FrameControl.RETRY).retry());
        assertTrue(new FrameControl(FrameControl.PROTECTED).isProtected());
        assertTrue(new FrameControl(FrameControl.ORDER).order());
        FrameControl none = new FrameControl(0x00ff);
        assertFalse(none.toDs() || none.fromDs() || none.retry() || none.isProtected() || none.order());
        FrameControl all = new FrameControl(0xff00);
        assertTrue(all.toDs() && all.fromDs() && all.retry() && all.isProtected() && all.order());
        assertEquals(0, all.protocolVersion() + all.type() + all.subtype());
    }

    @Test
    void beaconIs0x0080() {
        FrameControl b = FrameControl.peek(Bytes.of((byte) 0x80, (byte) 0x00));
        assertEquals(0, b.protocolVersion());
        assertTrue(b.isManagement());
        assertEquals(8, b.subtype());
        assertEquals(MgmtSubtype.BEACON, b.mgmtSubtype());
        assertFalse(b.isData());
        assertFalse(b.isQosData(), "subtype bit 3 means QoS only in a data frame");
        assertEquals(b, FrameControl.management(MgmtSubtype.BEACON));
        assertEquals(b, FrameControl.peek(MgmtFrameTest.BEACON));
    }

    @Test
    void protectedDataFrameToTheAp() {
        // 0x4108: data, subtype 0, ToDS, Protected, as a station's CCMP frame starts "08 41"
        FrameControl d = FrameControl.peek(new byte[] {0x08, 0x41, 0, 0});
        assertEquals(0x4108, d.value());
        assertTrue(d.isData());
        assertEquals(0, d.subtype());
        assertTrue(d.toDs());
        assertFalse(d.fromDs());
        assertTrue(d.isProtected());
        assertFalse(d.isQosData());
        assertFalse(d.isManagement());
    }

    @Test
    void qosDataFromTheAp() {
        FrameControl q = new FrameControl(0x0288);
        assertTrue(q.isData());
        assertEquals(8, q.subtype());
        assertTrue(q.isQosData());
        assertTrue(q.fromDs());
        assertFalse(q.toDs());
        assertTrue(new FrameControl(0x00c8).isQosData(), "QoS Null");
    }

    @Test
    void encodedFieldsReadBack() {
        for (int type = 0; type < 4; type++) {
            for (int subtype = 0; subtype < 16; subtype++) {
                FrameControl f = FrameControl.of(type, subtype, FrameControl.FROM_DS | FrameControl.PROTECTED);
                assertEquals(0, f.protocolVersion());
                assertEquals(type, f.type());
                assertEquals(subtype, f.subtype());
                assertTrue(f.fromDs() && f.isProtected());
                assertFalse(f.toDs() || f.retry() || f.order());
                assertEquals(f, FrameControl.peek(new byte[] {(byte) f.value(), (byte) (f.value() >> 8)}));
            }
        }
        assertEquals(0x4188, FrameControl.of(FrameControl.TYPE_DATA, 8, FrameControl.TO_DS | FrameControl.PROTECTED).value());
    }

    @Test
    void outOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FrameControl(0x10000));
        assertThrows(IllegalArgumentException.class, () -> new FrameControl(-1));
        assertThrows(IllegalArgumentException.class, () -> FrameControl.of(4, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> FrameControl.of(0, 16, 0));
        assertThrows(IllegalArgumentException.class, () -> FrameControl.of(0, 0, 0x0080), "flags may not touch the subtype");
        assertThrows(IndexOutOfBoundsException.class, () -> FrameControl.peek(new byte[] {0x08}));
        assertThrows(IndexOutOfBoundsException.class, () -> FrameControl.peek(Bytes.of((byte) 0x08)));
    }

    @Test
    void headerPeekReadsAnyTypeAndVersion() throws Exception {
        Bytes deauth = LeaveFrames.deauth(AP, STA, 2);
        MgmtHeader.Peek p = MgmtHeader.peek(deauth);
        assertEquals(MgmtSubtype.DEAUTH, p.subtype());
        assertEquals(STA, p.da());
        assertEquals(AP, p.sa());
        assertEquals(AP, p.bssid());
        byte[] odd = deauth.toArray();
        odd[0] |= 0x0b; // protocol version 3, data type: MgmtHeader.decode refuses it, the peek does not
        odd[1] |= (byte) 0xc0; // Protected and Order, no HT Control
        MgmtHeader.Peek q = MgmtHeader.peek(Bytes.of(odd));
        assertEquals(3, q.frameControl().protocolVersion());
        assertTrue(q.frameControl().isData() && q.frameControl().isProtected() && q.frameControl().order());
        assertEquals(STA, q.da());
        assertThrows(MalformedFrameException.class, () -> MgmtHeader.peek(deauth.slice(0, MgmtHeader.LENGTH - 1)));
    }
}
