package wpa4j.linux.custody.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wpa4j.linux.custody.internal.Collector.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import wpa4j.linux.custody.Channel;
import wpa4j.linux.custody.ChannelOptions;
import wpa4j.linux.custody.Lease;

/** A held AF_PACKET socket over the fake kernel: one datagram is one frame, held and queued across a takeover. */
class PacketChannelTest {
    private static final int ETH_P_PAE = 0x888e;

    private final FakeKernel kernel = new FakeKernel();
    private final Custody custody = new Custody(kernel);

    @AfterEach
    void closeCustody() {
        custody.close();
    }

    /** An EAPOL frame whose first octets would be a nonsensical netlink length: a packet channel must not parse them. */
    private static byte[] frame(int marker) {
        byte[] f = new byte[14 + 4];
        for (int i = 0; i < 6; i++) {
            f[i] = (byte) 0xff;
            f[6 + i] = (byte) (0x02 + i);
        }
        f[12] = (byte) 0x88;
        f[13] = (byte) 0x8e;
        f[17] = (byte) marker;
        return f;
    }

    @Test
    void framesQueueAcrossATakeoverAndArriveWholeInOrder() throws Exception {
        Lease first = custody.lease("nl80211/3", "first");
        Channel c = first.openPacket("eapol", 3, ETH_P_PAE, ChannelOptions.defaults());
        assertEquals(0, c.portId());
        BlockingQueue<byte[]> got = new LinkedBlockingQueue<>();
        c.attach(got::add);
        FakeKernel.Socket s = kernel.socket(0);
        s.deliverRaw(frame(1));
        assertArrayEquals(frame(1), got.poll(5, TimeUnit.SECONDS));

        // the predecessor goes; what comes meanwhile waits for the successor
        first.release(Duration.ofSeconds(10), List.of());
        s.deliverRaw(frame(2));
        s.deliverRaw(frame(3));
        await(() -> ((ChannelHandle) c).held().inbox().queued() == 2, "two frames queued");
        Lease second = custody.lease("nl80211/3", "second");
        Channel taken = second.channel("eapol").orElseThrow();
        assertSame(((ChannelHandle) c).held(), ((ChannelHandle) taken).held(), "the same socket");
        BlockingQueue<byte[]> next = new LinkedBlockingQueue<>();
        taken.attach(next::add);
        assertArrayEquals(frame(2), next.poll(5, TimeUnit.SECONDS));
        assertArrayEquals(frame(3), next.poll(5, TimeUnit.SECONDS));
        assertEquals(1, kernel.sockets.size(), "no second socket was opened");
    }

    @Test
    void aDatagramShorterThanAnEthernetHeaderIsCountedNotDelivered() throws Exception {
        Channel c = custody.lease("nl80211/3", "test").openPacket("eapol", 3, ETH_P_PAE, ChannelOptions.defaults());
        BlockingQueue<byte[]> got = new LinkedBlockingQueue<>();
        c.attach(got::add);
        FakeKernel.Socket s = kernel.socket(0);
        s.deliverRaw(new byte[13]);
        s.deliverRaw(frame(4));
        byte[] first = got.poll(5, TimeUnit.SECONDS);
        assertNotNull(first);
        assertArrayEquals(frame(4), first);
        assertEquals(1, ((ChannelHandle) c).held().malformed());
    }

    @Test
    void framesGoOutAsTheyAreAndNetlinkCallsAreRefused() throws Exception {
        Channel c = custody.lease("nl80211/3", "test").openPacket("eapol", 3, ETH_P_PAE, ChannelOptions.defaults());
        c.send(frame(5));
        assertArrayEquals(frame(5), kernel.socket(0).sentHere.get(0));
        assertEquals(List.of("0:frame"), kernel.sent);
        assertThrows(IllegalArgumentException.class, () -> c.send(new byte[10]));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> c.request(frame(6), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("packet channel eapol"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> c.joinGroup(1));
        assertThrows(IllegalArgumentException.class, () -> custody.lease("nl80211/4", "test").openPacket("eapol", 0, ETH_P_PAE, ChannelOptions.defaults()));
    }
}
