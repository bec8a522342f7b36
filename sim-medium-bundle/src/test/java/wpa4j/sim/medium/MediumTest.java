package wpa4j.sim.medium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wpa4j.sim.medium.Air.AP;
import static wpa4j.sim.medium.Air.FREQ;
import static wpa4j.sim.medium.Air.OTHER;
import static wpa4j.sim.medium.Air.STA;
import static wpa4j.sim.medium.Air.ack;
import static wpa4j.sim.medium.Air.counters;
import static wpa4j.sim.medium.Air.probeRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.InterfaceChange;
import wpa4j.driver.types.MacAddress;

/**
 * The air: which radios a frame reaches (other radios on its channel, addressee filtering), acknowledgement with
 * retries, per-link loss, latency and RSSI with seeded randomness, and radios that come and go.
 */
class MediumTest {
    private static final MacAddress NOBODY = MacAddress.parse("02:00:00:00:09:00");

    private static long rx(Air.Node n) {
        return counters(n.radio()).rxFrames();
    }

    /** A group-addressed frame every radio takes in: a broadcast Public Action frame (a probe request would reach APs only). */
    private static byte[] group(MacAddress from) {
        MgmtHeader h = MgmtHeader.of(MgmtSubtype.ACTION, MacAddress.BROADCAST, from, MacAddress.BROADCAST);
        return new MgmtFrame.Action(h, 4, Bytes.of(new byte[] {0})).encode().toArray();
    }

    @Test
    void aBroadcastProbeRequestReachesTheAccessPointsOnlyAndUnicastOnlyItsAddressee() throws Exception {
        try (Air air = new Air()) {
            Air.Node a = air.node("sim0", AP);
            Air.Node b = air.node("sim1", STA);
            Air.Node c = air.node("sim2", OTHER);
            a.radio().setAp(Air.apParams(AP, 65535, Bytes.EMPTY));
            air.settle();
            long bBefore = rx(b);
            long cBefore = rx(c); // the AP's first beacon

            air.transmit(b.radio(), probeRequest(STA, MacAddress.BROADCAST), FREQ);
            air.settle();
            assertEquals(List.of(1L, cBefore), List.of(rx(a), rx(c)), "a station drops a probe request unread: it is not sent it");

            air.transmit(a.radio(), probeRequest(AP, STA), FREQ);
            air.settle();
            assertEquals(List.of(bBefore + 1, cBefore), List.of(rx(b), rx(c)));
            assertEquals(0, counters(c.radio()).rxMalformed());
        }
    }

    @Test
    void radiosComeAndGoByNameAndListenersHearOfIt() throws Exception {
        try (Air air = new Air()) {
            Medium m = air.medium;
            List<Radio> added = new CopyOnWriteArrayList<>();
            List<Radio> removed = new CopyOnWriteArrayList<>();
            Consumer<Radio> onAdd = added::add;
            Consumer<Radio> onRemove = removed::add;
            m.onRadioAdded(onAdd);
            m.onRadioRemoved(onRemove);

            Radio a = m.addRadio("sim0", AP);
            Radio b = m.addRadio("sim1", STA);
            assertEquals(List.of(a, b), m.radios());
            assertSame(b, m.radio("sim1"));
            assertEquals("sim1", b.ifname());
            assertEquals(STA, b.mac());
            assertThrows(IllegalArgumentException.class, () -> m.addRadio("sim0", OTHER), "name taken");
            assertThrows(IllegalArgumentException.class, () -> m.addRadio("sim2", AP), "MAC taken");
            assertThrows(IllegalArgumentException.class, () -> m.addRadio("sim/2", OTHER), "not an interface name");
            assertEquals(List.of(a, b), added, "refused radios are not announced");

            m.removeRadio("sim0");
            m.removeRadio("sim0");
            m.removeRadio("nosuch");
            assertNull(m.radio("sim0"));
            assertEquals(List.of(b), m.radios());
            assertEquals(List.of(a), removed, "announced once");

            m.removeListeners(onAdd, onRemove);
            Radio again = m.addRadio("sim0", AP);
            m.removeRadio("sim1");
            assertEquals(List.of(a, b), added);
            assertEquals(List.of(a), removed);
            assertEquals(List.of(again), m.radios(), "name and MAC of a removed radio are free again");
        }
    }

    @Test
    void aRemovedRadioIsToldAndThenHearsNothing() throws Exception {
        try (Air air = new Air()) {
            Air.Node a = air.node("sim0", AP);
            Air.Node b = air.node("sim1", STA);
            air.medium.removeRadio("sim1");
            assertEquals(List.of(new DriverEvent.InterfaceStatus("sim1", InterfaceChange.REMOVED)), b.events().all);

            assertFalse(ack(air.transmit(a.radio(), probeRequest(AP, STA), FREQ)), "nobody acknowledges for it");
            air.transmit(a.radio(), group(AP), FREQ);
            air.settle();
            assertEquals(0, rx(b));
        }
    }

    @Test
    void aFrameReachesEveryOtherRadioOnItsChannelAndNoneElsewhere() throws Exception {
        try (Air air = new Air()) {
            Air.Node a = air.node("sim0", AP);
            Air.Node b = air.node("sim1", STA);
            Air.Node c = air.node("sim2", OTHER);
            c.radio().setFreq(2437);

            air.transmit(a.radio(), group(AP), FREQ);
            air.settle();
            assertEquals(List.of(0L, 1L, 0L), List.of(rx(a), rx(b), rx(c)), "not back to the sender, not to channel 6");

            air.transmit(a.radio(), group(AP), 2437);
            air.settle();
            assertEquals(List.of(0L, 1L, 1L), List.of(rx(a), rx(b), rx(c)), "a frame goes out on the channel it is sent on");
            assertEquals(2, counters(a.radio()).txFrames());
        }
    }

    @Test
    void unicastFramesAreAcknowledgedByTheirAddresseeAndCountedOnlyThere() throws Exception {
        try (Air air = new Air()) {
            Air.Node a = air.node("sim0", AP);
            Air.Node b = air.node("sim1", STA);
            Air.Node c = air.node("sim2", OTHER);

            assertTrue(ack(air.transmit(a.radio(), probeRequest(AP, STA), FREQ)));
            assertEquals(1, rx(b));
            assertEquals(0, rx(c), "overheard, not addressed to it: not counted");

            assertFalse(ack(air.transmit(a.radio(), probeRequest(AP, NOBODY), FREQ)), "no such radio");
            assertFalse(ack(air.transmit(a.radio(), group(AP), FREQ)), "group-addressed frames are never acknowledged");
            assertEquals(2, rx(b));

            c.radio().setFreq(2437);
            assertFalse(ack(air.transmit(a.radio(), probeRequest(AP, OTHER), FREQ)), "addressee on another channel");
            assertEquals(1, rx(c), "only the group frame before");
        }
    }

    @Test
    void aLinkThatLosesEverythingDoesSoBothWaysAndOnlyBetweenItsTwoRadios() throws Exception {
        try (Air air = new Air()) {
            Air.Node a = air.node("sim0", AP);
            Air.Node b = air.node("sim1", STA);
            Air.Node c = air.node("sim2", OTHER);
            air.medium.setLink(AP, STA, new LinkParams(100, 0, -40));

            assertFalse(ack(air.transmit(a.radio(), probeRequest(AP, STA), FREQ)), "lost on every retry");
            air.transmit(a.radio(), group(AP), FREQ);
            air.transmit(b.radio(), group(STA), FREQ);
            air.settle();
            assertEquals(0, rx(a));
            assertEquals(0, rx(b));
            assertEquals(2, rx(c));

            air.medium.setLink(STA, AP, LinkParams.DEFAULT);
            assertTrue(ack(air.transmit(a.radio(), probeRequest(AP, STA), FREQ)));
        }
    }

    @Test
    void retriesCarryUnicastFramesThroughLossThatGroupFramesSuffer() throws Exception {
        try (Air air = new Air(7, Air.TIMING)) {
            Air.Node a = air.node("sim0", AP);
            Air.Node b = air.node("sim1", STA);
            air.medium.setDefaultLink(new LinkParams(50, 0, -40));
            int n = 200;
            for (int i = 0; i < n; i++) {
                air.transmit(a.radio(), group(AP), FREQ);
            }
            air.settle();
            long groupFrames = rx(b);
            // one attempt each at 50 %: about 100 (a binomial with sd 7)
            assertTrue(groupFrames > 60 && groupFrames < 140, "group frames through: " + groupFrames);

            int acked = 0;
            for (int i = 0; i < n; i++) {
                if (ack(air.transmit(a.radio(), probeRequest(AP, STA), FREQ))) {
                    acked++;
                }
            }
            // 1 + 7 attempts each: 1 - 0.5^8 = 99.6 % get through
            assertTrue(acked >= 190, "unicast frames acknowledged: " + acked);
            assertEquals(groupFrames + acked, rx(b), "each acknowledged frame arrived once, no unacknowledged one did");
        }
    }

    private static List<Boolean> acks(long seed) throws Exception {
        try (Air air = new Air(seed, Air.TIMING)) {
            Air.Node a = air.node("sim0", AP);
            air.node("sim1", STA);
            air.medium.setDefaultLink(new LinkParams(90, 0, -40));
            List<Boolean> acks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                acks.add(ack(air.transmit(a.radio(), probeRequest(AP, STA), FREQ)));
            }
            return acks;
        }
    }

    @Test
    void theSeedDecidesWhichFramesAreLost() throws Exception {
        List<Boolean> first = acks(42);
        assertTrue(first.contains(true) && first.contains(false), first.toString());
        assertEquals(first, acks(42), "the same seed, the same losses");
        assertNotEquals(first, acks(43));
    }

    @Test
    void latencyDelaysDeliveryPerLinkAndTheAckFollowsTheDelivery() throws Exception {
        try (Air air = new Air()) {
            Air.Node a = air.node("sim0", AP);
            Air.Node b = air.node("sim1", STA);
            Air.Node c = air.node("sim2", OTHER);
            air.medium.setLink(AP, STA, new LinkParams(0, 30_000, -40));
            air.medium.setLink(AP, OTHER, new LinkParams(0, 30, -40));

            air.transmit(a.radio(), group(AP), FREQ);
            Air.await(() -> rx(c) == 1, () -> "the frame after 30 ms");
            assertEquals(0, rx(b), "still 30 s away");

            air.medium.removeRadio("sim1"); // its slow link would hold the ack back (see theAckOfAUnicastFrameFollowsItsAddresseesLink)
            CompletableFuture<Long> atAck = new CompletableFuture<>();
            air.medium.call(() -> {
                a.radio().transmit(probeRequest(AP, OTHER), FREQ, OTHER, ok -> atAck.complete(ok ? c.radio().counters.rxFrames : -1));
                return null;
            });
            assertEquals(2, atAck.get(10, TimeUnit.SECONDS), "acknowledged, and delivered before the ack was reported");
        }
    }

    @Test
    void aFrameInFlightIsLostWhenItsReceiverChangesChannelOrItsSenderGoes() throws Exception {
        try (Air air = new Air()) {
            Air.Node a = air.node("sim0", AP);
            Air.Node b = air.node("sim1", STA);
            Air.Node c = air.node("sim2", OTHER);
            air.medium.setDefaultLink(new LinkParams(0, 40, -40));

            CompletableFuture<Boolean> done = new CompletableFuture<>();
            air.medium.call(() -> {
                a.radio().transmit(group(AP), FREQ, MacAddress.BROADCAST, done::complete);
                b.radio().setFreq(2437); // before the frame arrives
                return null;
            });
            ack(done); // reported after the delivery time
            assertEquals(0, rx(b));
            assertEquals(1, rx(c), "the receiver that stayed got it");

            CompletableFuture<Boolean> gone = new CompletableFuture<>();
            air.medium.call(() -> {
                a.radio().transmit(group(AP), FREQ, MacAddress.BROADCAST, gone::complete);
                air.medium.removeRadio("sim0");
                return null;
            });
            ack(gone);
            assertEquals(1, rx(c), "the sender went before its frame arrived");
        }
    }

    @Test
    void theReceiverMeasuresTheRssiOfItsLink() throws Exception {
        try (Air air = new Air()) {
            Air.Node a = air.node("sim0", AP);
            Air.Node b = air.node("sim1", STA);
            Air.Node c = air.node("sim2", OTHER);
            byte[] beacon = Air.beacon(AP, 1, 100, IeList.of(new InformationElement(0, Air.SSID.octets())));
            air.medium.setLink(AP, STA, new LinkParams(0, 0, -67));
            air.transmit(a.radio(), beacon, FREQ);
            air.settle();
            assertEquals(-67, b.radio().scanResults().results().get(0).level());
            assertEquals(-40, c.radio().scanResults().results().get(0).level(), "the default link");

            air.medium.setDefaultLink(new LinkParams(0, 0, -81));
            air.transmit(a.radio(), beacon, FREQ);
            air.settle();
            assertEquals(-81, c.radio().scanResults().results().get(0).level());
            assertEquals(-67, b.radio().scanResults().results().get(0).level(), "a link of its own keeps its parameters");
        }
    }

    @Test
    void closingTheMediumRemovesEveryRadio() throws Exception {
        Air air = new Air();
        Air.Node a = air.node("sim0", AP);
        Air.Node b = air.node("sim1", STA);
        air.close();
        assertEquals(List.of(new DriverEvent.InterfaceStatus("sim0", InterfaceChange.REMOVED)), a.events().all);
        assertEquals(List.of(new DriverEvent.InterfaceStatus("sim1", InterfaceChange.REMOVED)), b.events().all);
    }

    /*
     * Medium.transmit schedules onAck after the largest latency among all radios that got the frame, overhearing ones
     * included: a slow link to a bystander holds back the TX status of every unicast frame the sender sends.
     */
    @Test
    @Disabled("bug: the ack of a unicast frame is reported after the slowest link of every radio that overhears it, not after the addressee's")
    void theAckOfAUnicastFrameFollowsItsAddresseesLink() throws Exception {
        try (Air air = new Air()) {
            Air.Node a = air.node("sim0", AP);
            Air.Node c = air.node("sim2", OTHER);
            air.node("sim1", STA);
            air.medium.setLink(AP, STA, new LinkParams(0, 30_000, -40));
            CompletableFuture<Boolean> f = air.transmit(a.radio(), probeRequest(AP, OTHER), FREQ);
            Air.await(() -> rx(c) == 1, () -> "the frame at its addressee");
            assertTrue(ack(f), "acknowledged by OTHER at once (the hang guard of 10 s is far below the bystander's 30 s)");
        }
    }

    /*
     * Medium keys its links by a.value() * 31 + b.value() * 1_000_003: (a + 1_000_003, b - 31) has the key of (a, b), so
     * setting the link of one pair sets that of another. The pair below needs no radio of its own.
     */
    @Test
    @Disabled("bug: Medium keys links by a hash of the two MACs, so a link set for one pair also applies to a colliding pair")
    void theLinkOfOnePairLeavesEveryOtherPairAlone() throws Exception {
        try (Air air = new Air()) {
            MacAddress x = STA;
            MacAddress y = new MacAddress(OTHER.value() + 31);
            Air.Node a = air.node("sim0", x);
            air.node("sim1", y);
            air.medium.setLink(new MacAddress(x.value() + 1_000_003), new MacAddress(y.value() - 31), new LinkParams(100, 0, -40));
            assertTrue(ack(air.transmit(a.radio(), probeRequest(x, y), FREQ)), "x-y has the default link, nothing was set for it");
        }
    }
}
