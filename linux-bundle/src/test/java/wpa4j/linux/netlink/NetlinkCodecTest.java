package wpa4j.linux.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import wpa4j.common.codec.Fuzz;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.linux.uapi.Uapi;

class NetlinkCodecTest {
    @Test
    void aGenericNetlinkRequestIsLaidOutAsTheKernelExpects() {
        byte[] m = NlWriter.genl(Uapi.CTRL_CMD_GETFAMILY, 1).string(Uapi.CTRL_ATTR_FAMILY_NAME, "nl80211").build(Uapi.GENL_ID_CTRL,
                Uapi.NLM_F_REQUEST | Uapi.NLM_F_ACK, 7, 1234);
        // nlmsghdr(16) + genlmsghdr(4) + nlattr(4 + "nl80211\0" = 12)
        assertEquals("20000000" + "1000" + "0500" + "07000000" + "d2040000" + "03010000" + "0c00" + "0200" + "6e6c383032313100",
                Bytes.of(m).toHex());
    }

    @Test
    void messagesAndNestedAttributesRoundTrip() throws Exception {
        byte[] one = NlWriter.genl(5, 0).u32(3, 0xdeadbeefL).nestStart(9).u8(1, 7).u16(2, 0x0102).nestEnd().flag(10).build(0x1c, 2, 1, 0);
        byte[] two = NlWriter.genl(6, 0).attr(4, new byte[] {1, 2, 3}).build(0x1c, 2, 2, 0);
        byte[] both = Bytes.fromHex(Bytes.of(one).toHex() + Bytes.of(two).toHex()).toArray();
        List<NlMessage> msgs = NlMessage.parseAll(both, both.length);
        assertEquals(2, msgs.size());
        assertEquals(5, msgs.get(0).genlCmd());
        List<NlAttr> attrs = msgs.get(0).genlAttrs();
        assertEquals(0xdeadbeefL, NlAttr.find(attrs, 3).orElseThrow().u32());
        List<NlAttr> nested = NlAttr.find(attrs, 9).orElseThrow().nested();
        assertEquals(7, NlAttr.find(nested, 1).orElseThrow().u8());
        assertEquals(0x0102, NlAttr.find(nested, 2).orElseThrow().u16());
        assertEquals(0, NlAttr.find(attrs, 10).orElseThrow().value().length());
        assertEquals(Bytes.of(new byte[] {1, 2, 3}), NlAttr.find(msgs.get(1).genlAttrs(), 4).orElseThrow().value());
    }

    @Test
    void errorsCarryErrnoAndTheExtendedAckMessage() throws Exception {
        // NLMSG_ERROR, capped, with NLMSGERR_ATTR_MSG: error -22 + original header + TLV
        byte[] inner = NlWriter.genl(0, 0).build(0x1c, 0, 5, 0);
        byte[] orig = java.util.Arrays.copyOf(inner, 16);
        NlWriter w = new NlWriter();
        w.raw(new byte[] {(byte) 0xea, (byte) 0xff, (byte) 0xff, (byte) 0xff}).raw(orig).string(Uapi.NLMSGERR_ATTR_MSG, "invalid channel");
        byte[] msg = w.build(Uapi.NLMSG_ERROR, Uapi.NLM_F_CAPPED | Uapi.NLM_F_ACK_TLVS, 5, 0);
        NetlinkException e = NlMessage.parseAll(msg, msg.length).get(0).error("set_freq");
        assertEquals(22, e.errno());
        assertEquals("invalid channel", e.kernelMessage());
        assertEquals("set_freq: errno 22 (invalid channel)", e.getMessage());
    }

    @Test
    void malformedLengthsAreRejected() {
        byte[] m = NlWriter.genl(5, 0).u32(3, 1).build(0x1c, 0, 1, 0);
        byte[] bad = m.clone();
        bad[0] = (byte) 0xff;
        assertThrows(MalformedFrameException.class, () -> NlMessage.parseAll(bad, bad.length));
        byte[] badAttr = m.clone();
        badAttr[20] = 2;
        assertThrows(MalformedFrameException.class, () -> NlMessage.parseAll(badAttr, badAttr.length).get(0).genlAttrs());
        Fuzz.onlyMalformed(b -> {
            byte[] a = b.toArray();
            for (NlMessage x : NlMessage.parseAll(a, a.length)) {
                for (NlAttr at : x.genlAttrs()) {
                    at.nested();
                }
            }
            return null;
        }, Bytes.of(NlWriter.genl(5, 0).nestStart(1).u32(2, 3).string(3, "x").nestEnd().build(0x1c, 0, 1, 0)), 91, 3000);
    }
}
