package wpa4j.ndis.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import wpa4j.common.codec.MalformedFrameException;

class NdisuioTest {
    @Test
    void oidBuffersPutTheDataAfterTheUlongOid() throws Exception {
        byte[] q = Ndisuio.queryOidBuffer(0x0d010101, 6);
        assertEquals(10, q.length);
        assertEquals(0x0d010101, ByteBuffer.wrap(q).order(ByteOrder.LITTLE_ENDIAN).getInt(0));
        q[4] = 2;
        assertArrayEquals(new byte[] {2, 0, 0, 0, 0, 0}, Ndisuio.queryOidResult(q, 10));
        assertThrows(MalformedFrameException.class, () -> Ndisuio.queryOidResult(q, 11));
        assertThrows(MalformedFrameException.class, () -> Ndisuio.queryOidResult(q, 3));
        byte[] s = Ndisuio.setOidBuffer(0x0d010108, new byte[] {1, 0, 0, 0});
        assertArrayEquals(new byte[] {8, 1, 1, 13, 1, 0, 0, 0}, s);
    }

    @Test
    void bindingsCarryUtf16NamesByOffset() throws Exception {
        String name = "\\DEVICE\\{7EE3EFE5-C165-472F-986D-F6FBEDFE8C8D}";
        String desc = "Intel(R) Wireless";
        byte[] n = name.getBytes(StandardCharsets.UTF_16LE);
        byte[] d = (desc + "\0").getBytes(StandardCharsets.UTF_16LE);
        ByteBuffer b = ByteBuffer.allocate(20 + n.length + d.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0).putInt(20).putInt(n.length).putInt(20 + n.length).putInt(d.length).put(n).put(d);
        NdisTransport.Adapter a = Ndisuio.parseBinding(b.array(), b.capacity());
        assertEquals(name, a.deviceName());
        assertEquals(desc, a.description());
        byte[] bad = b.array().clone();
        bad[8] = (byte) 0xff;
        assertThrows(MalformedFrameException.class, () -> Ndisuio.parseBinding(bad, bad.length));
        assertArrayEquals(name.getBytes(StandardCharsets.UTF_16LE), Ndisuio.openDeviceBuffer(name));
    }
}
