package wpa4j.linux.custody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import wpa4j.linux.custody.plain.PlainCustody;

/** A real NETLINK_ROUTE socket under custody on the kernel the build runs on (no wireless needed). */
class CustodyOnThisKernelTest {
    private static final int NETLINK_ROUTE = 0;
    private static final int RTM_NEWLINK = 16;
    private static final int RTM_GETLINK = 18;
    private static final int NLMSG_DONE = 3;
    private static final int NLM_F_REQUEST_DUMP = 0x301;

    @Test
    void aLinkDumpOverAHeldChannelEndsWithDoneAndListsTheLoopback() throws Exception {
        try (SocketCustody.Owned custody = PlainCustody.create()) {
            Lease lease = custody.lease("test/route", "CustodyOnThisKernelTest");
            Channel route;
            try {
                route = lease.openNetlink("route", NETLINK_ROUTE, ChannelOptions.defaults());
            } catch (IOException | LinkageError e) {
                Assumptions.abort("no netlink here: " + e);
                return;
            }
            assertTrue(route.portId() != 0, "the kernel assigned a port id");
            // nlmsghdr (seq and pid are custody's) + struct ifinfomsg (16 octets, family AF_UNSPEC)
            byte[] dump = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).putInt(32).putShort((short) RTM_GETLINK)
                    .putShort((short) NLM_F_REQUEST_DUMP).array();
            List<byte[]> answer = route.request(dump, Duration.ofSeconds(5));

            assertEquals(NLMSG_DONE, type(answer.get(answer.size() - 1)));
            assertTrue(answer.stream().anyMatch(m -> type(m) == RTM_NEWLINK && ifindex(m) == 1), "the loopback (ifindex 1) is listed");
            assertEquals(List.of("route"), List.copyOf(custody.leases().get(0).queued().keySet()));
        }
    }

    /** An Ethernet frame sent on the loopback through a held AF_PACKET socket comes back to it, whole. */
    @Test
    void aPacketChannelOnTheLoopbackReceivesTheFrameItSent() throws Exception {
        int localExperimental = 0x88b5;
        try (SocketCustody.Owned custody = PlainCustody.create()) {
            Lease lease = custody.lease("test/packet", "CustodyOnThisKernelTest");
            Channel lo;
            try {
                lo = lease.openPacket("lo", 1, localExperimental, ChannelOptions.defaults());
            } catch (IOException | LinkageError e) {
                Assumptions.abort("no AF_PACKET here (CAP_NET_RAW needed): " + e);
                return;
            }
            java.util.concurrent.BlockingQueue<byte[]> got = new java.util.concurrent.LinkedBlockingQueue<>();
            lo.attach(got::add);
            byte[] frame = ByteBuffer.allocate(14 + 6).put(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}).putShort((short) localExperimental)
                    .put("wpa4j!".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).array();
            lo.send(frame);
            byte[] back = got.poll(5, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(back != null && java.util.Arrays.equals(frame, java.util.Arrays.copyOf(back, frame.length)),
                    "the frame came back: " + (back == null ? "nothing" : java.util.HexFormat.of().formatHex(back)));
        }
    }

    private static int type(byte[] m) {
        return ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN).getShort(4) & 0xffff;
    }

    /** ifinfomsg: family u8, pad u8, type u16, index s32 (at 16 + 4). */
    private static int ifindex(byte[] m) {
        return ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN).getInt(20);
    }
}
