package wpa4j.linux.custody.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wpa4j.linux.custody.internal.Collector.await;
import static wpa4j.linux.custody.internal.Messages.event;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import wpa4j.linux.custody.Channel;
import wpa4j.linux.custody.ChannelOptions;
import wpa4j.linux.custody.ChannelOptions.Overflow;

/** One channel over the fake kernel: queueing, delivery, request routing, the reader's robustness. */
class ChannelTest {
    private static final Duration SECONDS = Duration.ofSeconds(5);

    private final FakeKernel kernel = new FakeKernel();
    private final Custody custody = new Custody(kernel);

    @AfterEach
    void closeCustody() {
        custody.close();
    }

    private Channel open(ChannelOptions options) throws IOException {
        return custody.lease("nl80211/3", "test").openNetlink("events", 16, options);
    }

    private static HeldChannel held(Channel c) {
        return ((ChannelHandle) c).held();
    }

    private static void awaitQueued(Channel c, int n) throws InterruptedException {
        await(() -> held(c).inbox().queued() == n, n + " queued");
    }

    @Test
    void queuedMessagesArriveInOrderThenLiveOnes() throws Exception {
        Channel c = open(ChannelOptions.defaults());
        FakeKernel.Socket s = kernel.socket(0);
        s.deliver(event(1), event(2));
        s.deliver(event(3));
        awaitQueued(c, 3);
        Collector r = new Collector();
        c.attach(r);
        assertEquals(0, held(c).inbox().queued());
        s.deliver(event(4));
        assertEquals(List.of(1, 2, 3, 4), r.markers(4));
    }

    @Test
    void aFullQueueDropsTheNewestAndCountsIt() throws Exception {
        Channel c = open(new ChannelOptions(2, 4096, Overflow.DROP_NEWEST));
        FakeKernel.Socket s = kernel.socket(0);
        for (int i = 1; i <= 4; i++) {
            s.deliver(event(i));
        }
        s.overrun(); // the kernel's buffer overran: one more drop
        await(() -> c.dropped() == 3, "3 dropped");
        Collector r = new Collector();
        c.attach(r);
        assertEquals(List.of(1, 2), r.markers(2));
        r.assertNothingWithin(50);
    }

    @Test
    void aFullQueueDropsTheOldestAndCountsIt() throws Exception {
        Channel c = open(new ChannelOptions(2, 4096, Overflow.DROP_OLDEST));
        FakeKernel.Socket s = kernel.socket(0);
        for (int i = 1; i <= 4; i++) {
            s.deliver(event(i));
        }
        await(() -> c.dropped() == 2, "2 dropped");
        Collector r = new Collector();
        c.attach(r);
        assertEquals(List.of(3, 4), r.markers(2));
        assertEquals(2, custody.leases().get(0).dropped());
    }

    @Test
    void aThrowingReceiverIsCountedAndTheNextMessageStillArrives() throws Exception {
        Channel c = open(ChannelOptions.defaults());
        Collector r = new Collector();
        c.attach(m -> {
            if (Messages.marker(m) == 1) {
                throw new IllegalStateException("lessee bug");
            }
            r.receive(m);
        });
        kernel.socket(0).deliver(event(1));
        kernel.socket(0).deliver(event(2));
        assertEquals(List.of(2), r.markers(1));
        assertEquals(1, held(c).inbox().failures());
    }

    @Test
    void messagesOfADatagramAreSplitInOrder() throws Exception {
        Channel c = open(ChannelOptions.defaults());
        Collector r = new Collector();
        c.attach(r);
        byte[] odd = Messages.message(0x20, 0, 5); // 21 octets: the next message starts after 3 octets of padding
        odd[16] = 2;
        kernel.socket(0).deliver(event(1), odd, event(3));
        assertEquals(List.of(1, 2, 3), r.markers(3));
    }

    @Test
    void malformedLengthsSkipTheRestOfTheirDatagramOnly() throws Exception {
        Channel c = open(ChannelOptions.defaults());
        Collector r = new Collector();
        c.attach(r);
        FakeKernel.Socket s = kernel.socket(0);
        byte[] shortLength = event(7);
        Nlmsg.putU32(shortLength, 0, 8);
        byte[] pastTheEnd = event(8);
        Nlmsg.putU32(pastTheEnd, 0, 400);
        byte[] huge = event(9);
        Nlmsg.putU32(huge, 0, 0xfffffff0); // negative as a Java int
        s.deliverRaw(shortLength);
        s.deliverRaw(pastTheEnd);
        s.deliverRaw(huge);
        s.deliverRaw(Messages.concat(event(1), new byte[10])); // a whole message, then a stub shorter than a header
        s.deliver(event(2));
        assertEquals(List.of(1, 2), r.markers(2));
        assertEquals(4, held(c).malformed());
        assertTrue(held(c).isOpen());
    }

    @Test
    void aRequestGetsItsAnswersByItsSeqAndEventsMeanwhileGoToTheReceiver() throws Exception {
        Channel c = open(ChannelOptions.defaults());
        Collector r = new Collector();
        c.attach(r);
        kernel.answer = m -> {
            byte[] reply = Messages.message(0x1c, Nlmsg.seq(m), 4);
            return List.of(event(9), reply, FakeKernel.ack(m, 0));
        };
        byte[] request = Messages.message(0x1c, 0, 4);
        List<byte[]> answer = c.request(request, SECONDS);

        byte[] sent = kernel.socket(0).sentHere.get(0);
        int seq = Nlmsg.seq(sent);
        assertTrue(seq > 0, "custody's seq " + seq);
        assertEquals(c.portId(), Nlmsg.u32(sent, 12));
        assertEquals(0, Nlmsg.seq(request), "the caller's message stays as it was");
        assertEquals(List.of(0x1c, Nlmsg.NLMSG_ERROR), answer.stream().map(Nlmsg::type).toList());
        assertTrue(answer.stream().allMatch(m -> Nlmsg.seq(m) == seq));
        assertEquals(List.of(9), r.markers(1));

        c.request(request, SECONDS);
        assertEquals(seq + 1, Nlmsg.seq(kernel.socket(0).sentHere.get(1)), "the next request has the next seq");
    }

    @Test
    void aMulticastMessageNeverAnswersARequestEvenWithItsSeq() throws Exception {
        Channel c = open(ChannelOptions.defaults());
        Collector r = new Collector();
        c.attach(r);
        kernel.answer = m -> {
            byte[] echo = event(5);
            Nlmsg.putU32(echo, 8, Nlmsg.seq(m)); // rtnetlink notifications carry the requester's seq
            kernel.socket(0).deliverMulticast(1, echo);
            return List.of(FakeKernel.ack(m, 0));
        };
        List<byte[]> answer = c.request(Messages.message(0x10, 0, 4), SECONDS);
        assertEquals(List.of(Nlmsg.NLMSG_ERROR), answer.stream().map(Nlmsg::type).toList());
        assertEquals(List.of(5), r.markers(1));
    }

    @Test
    void concurrentRequestsEachGetTheirOwnAnswer() throws Exception {
        Channel c = open(ChannelOptions.defaults());
        kernel.answer = m -> {
            byte[] reply = Messages.message(0x1c, Nlmsg.seq(m), 4);
            reply[16] = m[16]; // the request's marker, so each caller can recognise its answer
            return List.of(reply, FakeKernel.ack(m, 0));
        };
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<byte[]>>> answers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                byte[] request = Messages.message(0x1c, 0, 4);
                request[16] = (byte) i;
                answers.add(pool.submit(() -> c.request(request, SECONDS)));
            }
            for (int i = 0; i < 32; i++) {
                List<byte[]> answer = answers.get(i).get();
                assertEquals(2, answer.size());
                assertEquals(i, Messages.marker(answer.get(0)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRequestWithoutAnEndTimesOut() throws Exception {
        Channel c = open(ChannelOptions.defaults());
        kernel.answer = m -> List.of(Messages.message(0x1c, Nlmsg.seq(m), 4)); // a reply, but no ack or done
        assertThrows(SocketTimeoutException.class, () -> c.request(Messages.message(0x1c, 0, 4), Duration.ofMillis(100)));
    }

    @Test
    void closingTheChannelFailsAWaitingRequest() throws Exception {
        Channel c = open(ChannelOptions.defaults());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<List<byte[]>> waiting = pool.submit(() -> c.request(Messages.message(0x1c, 0, 4), SECONDS));
            await(() -> !kernel.socket(0).sentHere.isEmpty(), "the request sent");
            c.close();
            ExecutionException e = assertThrows(ExecutionException.class, waiting::get);
            assertEquals(IOException.class, e.getCause().getClass());
            assertEquals("channel events closed", e.getCause().getMessage());
            assertTrue(kernel.socket(0).closed);
            assertTrue(kernel.socket(0).closedBy.getName().equals("wpa4j-custody-nl80211/3-events"), "the reader closes the socket");
            assertThrows(IOException.class, () -> c.send(Messages.message(0x1c, 0, 4)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theReaderRunsWithCustodysClassLoader() throws Exception {
        open(ChannelOptions.defaults());
        Thread reader = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("wpa4j-custody-nl80211/3-events")).findFirst()
                .orElseThrow();
        assertTrue(reader.isDaemon());
        assertEquals(Custody.class.getClassLoader(), reader.getContextClassLoader());
    }

    @Test
    void sendAndJoinGoToTheSocketAsTheyAre() throws Exception {
        Channel c = open(ChannelOptions.defaults());
        byte[] m = Messages.message(0x1c, 77, 4);
        c.send(m);
        c.joinGroup(4);
        assertArrayEquals(m, kernel.socket(0).sentHere.get(0));
        assertEquals(List.of(4), kernel.socket(0).groups);
        assertThrows(IllegalArgumentException.class, () -> c.send(Arrays.copyOf(m, 8)));
    }
}
