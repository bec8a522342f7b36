package wpa4j.common.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

class FrameReaderTest {
    @Test
    void readsBothByteOrdersAndStopsAtTheWindow() throws Exception {
        byte[] b = Bytes.fromHex("0102030405060708090a0b0c0d0e0f10").toArray();
        FrameReader r = new FrameReader(b, 1, 10);
        assertEquals(0x0302, r.u16le("x"));
        assertEquals(0x0405, r.u16be("x"));
        assertEquals(MacAddress.parse("06:07:08:09:0a:0b"), r.mac("x"));
        assertEquals(10, r.position());
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> r.u8("tail"));
        assertEquals(10, e.offset());
        assertEquals("tail: needs 1 octets, 0 left", e.reason());
    }

    @Test
    void aLengthFieldLargerThanTheInputIsRejectedBeforeAllocating() {
        FrameReader r = new FrameReader(new byte[4]);
        assertThrows(MalformedFrameException.class, () -> r.bytes(Integer.MAX_VALUE, "huge"));
        assertThrows(MalformedFrameException.class, () -> r.bytes(-1, "negative"));
    }

    @Test
    void writerAndReaderAgree() throws Exception {
        FrameWriter w = new FrameWriter(1).u8(1).u16le(0x0203).u16be(0x0405).u32le(0x06070809L).u32be(0x0a0b0c0d).u64le(42).u64be(-1);
        FrameReader r = new FrameReader(w.toArray());
        assertEquals(1, r.u8(""));
        assertEquals(0x0203, r.u16le(""));
        assertEquals(0x0405, r.u16be(""));
        assertEquals(0x06070809L, r.u32le(""));
        assertEquals(0x0a0b0c0d, r.u32be(""));
        assertEquals(42, r.u64le(""));
        assertEquals(-1, r.u64be(""));
        r.expectEnd("all");
    }
}
