package wpa4j.linux.custody.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wpa4j.linux.custody.internal.Collector.await;
import static wpa4j.linux.custody.internal.Messages.event;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import wpa4j.linux.custody.Channel;
import wpa4j.linux.custody.ChannelOptions;
import wpa4j.linux.custody.Lease;
import wpa4j.linux.custody.LeaseInfo;
import wpa4j.linux.custody.Will;

/** The lease life cycle over the fake kernel: release, takeover, expiry with wills, end. */
class LeaseTest {
    private static final String KEY = "nl80211/7";
    private static final Duration LONG = Duration.ofMinutes(1);
    private static final Duration SECONDS = Duration.ofSeconds(5);

    private final FakeKernel kernel = new FakeKernel();
    private final Custody custody = new Custody(kernel);

    @AfterEach
    void closeCustody() {
        custody.close();
    }

    private static byte[] command(int type) {
        return Messages.message(type, 0, 4);
    }

    @Test
    void aReleasedReceiverGetsNothingMoreAndMayNotAttachAgain() throws Exception {
        Lease a = custody.lease(KEY, "a");
        Channel c = a.openNetlink("events", 16, ChannelOptions.defaults());
        Collector r = new Collector();
        c.attach(r);
        kernel.socket(0).deliver(event(1));
        assertEquals(List.of(1), r.markers(1));

        a.release(LONG, List.of());
        kernel.socket(0).deliver(event(2));
        await(() -> custody.leases().get(0).queued().get("events") == 1, "queued after release");
        r.assertNothingWithin(50);
        assertThrows(IllegalStateException.class, () -> c.attach(new Collector()));
        assertTrue(custody.leases().get(0).released());
    }

    @Test
    void aReleasedLeaseStillSendsAndRequestsUntilATakeover() throws Exception {
        kernel.answer = m -> List.of(FakeKernel.ack(m, 0));
        Lease a = custody.lease(KEY, "a");
        Channel c = a.openNetlink("cmd", 16, ChannelOptions.defaults());
        a.release(LONG, List.of());
        c.send(command(0x1c));
        assertEquals(1, c.request(command(0x1c), SECONDS).size());
        c.joinGroup(3);
        a.note("state", "finished its event");

        custody.lease(KEY, "b");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.send(command(0x1c)));
        assertEquals("lease nl80211/7 was taken over by b", e.getMessage());
        assertThrows(IllegalStateException.class, () -> c.request(command(0x1c), SECONDS));
        assertThrows(IllegalStateException.class, () -> c.joinGroup(3));
        assertThrows(IllegalStateException.class, () -> c.attach(new Collector()));
        assertEquals(2, kernel.socket(0).sentHere.size());
    }

    @Test
    void aTakeoverRevokesTheOldHandlesAndKeepsChannelsAndNotes() throws Exception {
        Lease a = custody.lease(KEY, "a");
        Channel cmd = a.openNetlink("cmd", 16, ChannelOptions.defaults());
        Collector old = new Collector();
        cmd.attach(old);
        a.note("bssid", "02:00:00:00:01:00");
        a.note("role", "station");
        a.note("role", null);

        Lease b = custody.lease(KEY, "b"); // a never released: a live takeover
        assertEquals(Map.of("bssid", "02:00:00:00:01:00"), b.notes());
        Channel held = b.channel("cmd").orElseThrow();
        assertEquals(cmd.portId(), held.portId());
        assertTrue(b.channel("events").isEmpty());
        assertThrows(IllegalStateException.class, a::notes);
        assertThrows(IllegalStateException.class, () -> a.note("x", "y"));
        assertThrows(IllegalStateException.class, () -> a.openNetlink("events", 16, ChannelOptions.defaults()));

        kernel.socket(0).deliver(event(1)); // the old receiver is detached: this queues for b
        await(() -> custody.leases().get(0).queued().get("cmd") == 1, "queued for b");
        old.assertNothingWithin(20);
        Collector r = new Collector();
        held.attach(r);
        assertEquals(List.of(1), r.markers(1));

        a.close(); // a revoked handle's close ends nothing
        cmd.close();
        a.release(Duration.ZERO, List.of(new Will("cmd", 16, command(0x30))));
        assertFalse(kernel.socket(0).closed);
        assertEquals(List.of(), kernel.sent);
        assertEquals(List.of(new LeaseInfo(KEY, "b", false, Map.of("cmd", 0), 0)), custody.leases());
        assertEquals(1, kernel.sockets.size());
    }

    @Test
    void withoutASuccessorTheWillsRunInOrderThenEverySocketCloses() throws Exception {
        kernel.answer = m -> List.of(FakeKernel.ack(m, Nlmsg.type(m) == 0x30 ? 1 : 0)); // the first will is refused (EPERM)
        Lease a = custody.lease(KEY, "a");
        Channel cmd = a.openNetlink("cmd", 16, ChannelOptions.defaults());
        a.openNetlink("events", 16, ChannelOptions.defaults());
        a.release(Duration.ofMillis(100), List.of(new Will("cmd", 16, command(0x30)), new Will(null, 0, command(0x31)),
                new Will("gone", 0, command(0x32)), new Will("cmd", 16, command(0x33))));

        await(() -> kernel.socket(0).closed && kernel.socket(1).closed, "the held sockets closed");
        int port = cmd.portId();
        int once = kernel.socket(2).portId;
        int twice = kernel.socket(3).portId;
        assertEquals(List.of(port + ":48", once + ":49", twice + ":50", port + ":51"), kernel.sent);
        assertTrue(kernel.socket(2).closed && kernel.socket(3).closed, "the will's own sockets closed");
        assertEquals(0, kernel.socket(2).protocol);
        assertTrue(kernel.socket(0).sentHere.stream().allMatch(m -> (m[6] & Nlmsg.NLM_F_ACK) != 0), "wills ask for the ack");
        assertEquals(List.of(), custody.leases());
        assertEquals("lease nl80211/7 ended", assertThrows(IllegalStateException.class, a::notes).getMessage());

        Lease b = custody.lease(KEY, "b");
        assertTrue(b.channel("cmd").isEmpty());
        assertEquals(Map.of(), b.notes());
    }

    @Test
    void aLesseeComingDuringAnExpiryWaitsUntilTheOldSocketsAreClosed() throws Exception {
        java.util.concurrent.CountDownLatch willSent = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch kernelAnswers = new java.util.concurrent.CountDownLatch(1);
        kernel.answer = m -> {
            willSent.countDown();
            try {
                kernelAnswers.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(FakeKernel.ack(m, 0));
        };
        Lease a = custody.lease(KEY, "a");
        a.openNetlink("frames", 16, ChannelOptions.defaults());
        a.release(Duration.ofMillis(50), List.of(new Will("frames", 16, command(0x30))));
        assertTrue(willSent.await(5, java.util.concurrent.TimeUnit.SECONDS));
        java.util.concurrent.CompletableFuture<Lease> b = java.util.concurrent.CompletableFuture.supplyAsync(() -> custody.lease(KEY, "b"));
        Thread.sleep(200);
        assertFalse(b.isDone(), "b waits while a's will runs: its sockets still hold their registrations");
        kernelAnswers.countDown();
        Lease fresh = b.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(kernel.socket(0).closed, "a's socket closed before b got the key");
        assertTrue(fresh.channel("frames").isEmpty());
    }

    @Test
    void aLeaseWithinTheGraceCancelsTheExpiry() throws Exception {
        Lease a = custody.lease(KEY, "a");
        a.openNetlink("cmd", 16, ChannelOptions.defaults());
        a.note("bssid", "x");
        a.release(Duration.ofMillis(250), List.of(new Will("cmd", 16, command(0x30))));
        Lease b = custody.lease(KEY, "b");
        Thread.sleep(500); // twice the grace
        assertFalse(kernel.socket(0).closed);
        assertEquals(List.of(), kernel.sent);
        assertEquals(Map.of("bssid", "x"), b.notes());
        assertEquals("b", custody.leases().get(0).lessee());
        assertFalse(custody.leases().get(0).released());
    }

    @Test
    void aZeroGraceExpiresAtOnce() throws Exception {
        kernel.answer = m -> List.of(FakeKernel.ack(m, 0));
        Lease a = custody.lease(KEY, "a");
        a.openNetlink("cmd", 16, ChannelOptions.defaults());
        a.release(Duration.ZERO, List.of(new Will("cmd", 16, command(0x30))));
        assertTrue(kernel.socket(0).closed);
        assertEquals(1, kernel.sent.size());
        assertEquals(List.of(), custody.leases());
    }

    @Test
    void closingALeaseClosesItsSocketsAndFreesTheKey() throws Exception {
        Lease a = custody.lease(KEY, "a");
        a.openNetlink("cmd", 16, ChannelOptions.defaults());
        a.openNetlink("events", 16, ChannelOptions.defaults());
        assertThrows(IllegalStateException.class, () -> a.openNetlink("cmd", 16, ChannelOptions.defaults()));
        a.close();
        assertTrue(kernel.socket(0).closed && kernel.socket(1).closed);
        assertEquals(List.of(), custody.leases());
        assertTrue(custody.lease(KEY, "b").channel("cmd").isEmpty());
    }

    @Test
    void closingOneChannelFreesItsName() throws Exception {
        Lease a = custody.lease(KEY, "a");
        Channel probe = a.openNetlink("probe", 16, ChannelOptions.defaults());
        probe.close();
        assertTrue(kernel.socket(0).closed);
        assertTrue(a.channel("probe").isEmpty());
        a.openNetlink("probe", 16, ChannelOptions.defaults());
        assertFalse(kernel.socket(1).closed);
    }

    @Test
    void closingTheCustodyClosesEverySocketWithoutWills() throws Exception {
        kernel.answer = m -> List.of(FakeKernel.ack(m, 0));
        Lease a = custody.lease(KEY, "a");
        a.openNetlink("cmd", 16, ChannelOptions.defaults());
        a.release(LONG, List.of(new Will("cmd", 16, command(0x30))));
        custody.lease("nl80211/8", "c").openNetlink("cmd", 16, ChannelOptions.defaults());
        custody.close();
        assertTrue(kernel.socket(0).closed && kernel.socket(1).closed);
        assertEquals(List.of(), kernel.sent);
        assertThrows(IllegalStateException.class, () -> custody.lease(KEY, "b"));
    }
}
