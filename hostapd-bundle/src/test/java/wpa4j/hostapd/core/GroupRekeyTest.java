package wpa4j.hostapd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.common.eapol.KeyData;
import wpa4j.common.eapol.KeyInfo;
import wpa4j.driver.Capabilities;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.Mfp;

/**
 * The group keys' sequence counters and the group rekey's switch point, as hostapd: the RSC in message 3 is the
 * driver's at that moment, and a rekey's keys transmit once every station has them or has started over.
 */
class GroupRekeyTest {
    /** A station joining after the GTK has carried frames gets its current RSC, so it accepts no replay of them. */
    @Test
    void message3CarriesTheGtksCurrentRsc() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.NO))) {
            h.driver.seqnums.put(1, Bytes.fromHex("2a01000000000000"));
            TestStation sta = TestStation.joined(h, "02:00:00:00:01:00", Akm.PSK, 0);
            assertEquals(Bytes.fromHex("2a01000000000000"), sta.message3.rsc());
        }
    }

    /** A station that authenticates anew during a rekey (hostapd's WPA_REAUTH) no longer holds the new keys back. */
    @Test
    void aStationStartingOverReleasesThePendingRekey() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.NO))) {
            TestStation a = TestStation.joined(h, "02:00:00:00:01:00", Akm.PSK, 0);
            TestStation b = TestStation.joined(h, "02:00:00:00:03:00", Akm.PSK, 0);
            h.run(h.ap::rekeyGroup);
            a.groupHandshake(KeyInfo.VERSION_HMAC_SHA1_AES);
            ApHarness.await(() -> h.events.contains("WPA-GROUP-KEY-COMPLETED " + a.addr + " keyid=2"), h.events::toString);
            b.nextEapol();
            h.run(() -> { });
            assertTrue(h.driver.keys.stream().noneMatch(k -> !k.isPairwise() && k.keyIdx() == 2), "b has not the new GTK yet: " + h.driver.keys);
            assertEquals(0, b.authenticate());
            ApHarness.await(() -> h.driver.keys.stream().anyMatch(k -> !k.isPairwise() && k.keyIdx() == 2 && k.setTx()), h.driver.keys::toString);
        }
    }

    /**
     * A key message that falls due while no driver is bound (a backend update) spends no retry: the station was not
     * asked. It goes out on the next driver, and the station stays however long the update took.
     */
    @Test
    void aKeyMessageDueWhileNoDriverIsBoundWaitsForTheNextDriver() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.NO), Capabilities.none(), new ApTiming(1000, 1000, 2))) {
            TestStation a = TestStation.joined(h, "02:00:00:00:01:00", Akm.PSK, 0);
            h.run(h.ap::rekeyGroup);
            // group message 1 is not answered before the driver goes
            a.nextEapol();
            h.run(h.ap::detach);
            // past the whole retry window (1000 + 1000 ms): with retries spent on no driver, the station would be gone
            Thread.sleep(2500);
            h.run(() -> h.ap.attach(h.driver));
            assertTrue(h.events.stream().noneMatch(e -> e.contains("timed out")), h.events.toString());
            assertTrue(h.events.stream().anyMatch(e -> e.startsWith("AP-DRIVER-RESYNC") && e.endsWith(" stations=1")), h.events.toString());
            // the retransmission on the new driver completes the rekey
            a.groupHandshake(KeyInfo.VERSION_HMAC_SHA1_AES);
            ApHarness.await(() -> h.events.contains("WPA-GROUP-KEY-COMPLETED " + a.addr + " keyid=2"), h.events::toString);
        }
    }

    /** A rekey that falls due while no driver is bound (a backend update) is not skipped: it runs on the next driver. */
    @Test
    void aRekeyDueWhileNoDriverIsBoundRunsOnTheNextDriver() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.NO))) {
            TestStation a = TestStation.joined(h, "02:00:00:00:01:00", Akm.PSK, 0);
            h.run(h.ap::detach);
            h.run(h.ap::rekeyGroup);
            assertTrue(rekeys(h).isEmpty(), "no driver, no rekey yet: " + h.events);
            h.run(() -> h.ap.attach(h.driver));
            assertTrue(h.events.contains("WPA-GROUP-REKEY keyid=2"), "the missed rekey on the new driver: " + h.events);
            a.groupHandshake(KeyInfo.VERSION_HMAC_SHA1_AES);
            ApHarness.await(() -> h.events.contains("WPA-GROUP-KEY-COMPLETED " + a.addr + " keyid=2"), h.events::toString);
            h.run(h.ap::detach);
            h.run(() -> h.ap.attach(h.driver));
            assertEquals(1, rekeys(h).size(), "once: " + h.events);
        }
    }

    /** A missed rekey does not cut short one still in progress at the update: that one completes first, then it runs. */
    @Test
    void aMissedRekeyWaitsForTheOneInProgress() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.NO))) {
            TestStation a = TestStation.joined(h, "02:00:00:00:01:00", Akm.PSK, 0);
            h.run(h.ap::rekeyGroup);
            a.nextEapol(); // group message 1 of keyid 2, not answered before the driver goes
            h.run(h.ap::detach);
            h.run(h.ap::rekeyGroup);
            h.run(() -> h.ap.attach(h.driver));
            assertEquals(List.of("WPA-GROUP-REKEY keyid=2"), rekeys(h),
                    "the rekey in progress goes on alone: " + h.events);
            a.groupHandshake(KeyInfo.VERSION_HMAC_SHA1_AES);
            ApHarness.await(() -> h.events.contains("WPA-GROUP-KEY-COMPLETED " + a.addr + " keyid=2"), h.events::toString);
            ApHarness.await(() -> h.events.contains("WPA-GROUP-REKEY keyid=1"), () -> "then the missed one: " + h.events);
            a.groupHandshake(KeyInfo.VERSION_HMAC_SHA1_AES);
            ApHarness.await(() -> h.events.contains("WPA-GROUP-KEY-COMPLETED " + a.addr + " keyid=1"), h.events::toString);
            assertTrue(h.driver.keys.stream().anyMatch(k -> !k.isPairwise() && k.keyIdx() == 1 && k.setTx()), "keyid 1 transmits: " + h.driver.keys);
        }
    }

    /** A station's reply that the old driver delivered after it was detached is handled once the next driver is bound. */
    @Test
    void aReplyThatCameWhileNoDriverWasBoundIsHandledOnTheNextDriver() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.NO))) {
            TestStation a = TestStation.joined(h, "02:00:00:00:01:00", Akm.PSK, 0);
            h.run(h.ap::rekeyGroup);
            h.run(h.ap::detach);
            a.groupHandshake(KeyInfo.VERSION_HMAC_SHA1_AES);
            h.run(() -> { });
            assertTrue(h.events.stream().noneMatch(e -> e.startsWith("WPA-GROUP-KEY-COMPLETED")), h.events.toString());
            h.run(() -> h.ap.attach(h.driver));
            assertTrue(h.events.contains("WPA-GROUP-KEY-COMPLETED " + a.addr + " keyid=2"), h.events.toString());
        }
    }

    /**
     * A rekey that falls due while the last one still waits for a station replaces it: the waiting keys never transmit
     * (the station may not have them), new ones at the same index go out, and what transmits is what the station got.
     */
    @Test
    void aRekeyReplacesOneStillInProgressWhoseKeysNeverTransmit() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.NO))) {
            TestStation a = TestStation.joined(h, "02:00:00:00:01:00", Akm.PSK, 0);
            h.run(h.ap::rekeyGroup);
            a.nextEapol(); // group message 1 of keyid 2: not answered in time
            h.run(h.ap::rekeyGroup);
            assertEquals(List.of("WPA-GROUP-REKEY keyid=2", "WPA-GROUP-REKEY keyid=2"), rekeys(h));
            assertTrue(h.driver.keys.stream().noneMatch(k -> !k.isPairwise() && k.keyIdx() == 2), "the replaced keys never transmitted: " + h.driver.keys);
            KeyData got = a.groupHandshake(KeyInfo.VERSION_HMAC_SHA1_AES);
            ApHarness.await(() -> h.events.contains("WPA-GROUP-KEY-COMPLETED " + a.addr + " keyid=2"), h.events::toString);
            ApHarness.await(() -> h.driver.keys.stream().anyMatch(k -> !k.isPairwise() && k.keyIdx() == 2 && k.setTx()), h.driver.keys::toString);
            KeyParams transmitting = h.driver.keys.stream().filter(k -> !k.isPairwise() && k.keyIdx() == 2).findFirst().orElseThrow();
            assertEquals(got.gtk().orElseThrow().gtk(), transmitting.key(), "the GTK that transmits is the one the station has");
        }
    }
    /** The replacing rekeys do not restart a silent station's retries: it times out and the rekey completes without it. */
    @Test
    void aStationThatNeverAnswersTimesOutThoughRekeysComeFasterThanItsRetries() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.NO), Capabilities.none(), new ApTiming(300, 300, 3))) {
            TestStation.joined(h, "02:00:00:00:01:00", Akm.PSK, 0);
            for (int i = 0; i < 20 && h.events.stream().noneMatch(e -> e.contains("group key handshake timed out")); i++) {
                h.run(h.ap::rekeyGroup);
                Thread.sleep(200);
            }
            assertTrue(h.events.stream().anyMatch(e -> e.contains("group key handshake timed out")), h.events::toString);
            ApHarness.await(() -> h.driver.keys.stream().anyMatch(k -> !k.isPairwise() && k.keyIdx() == 2 && k.setTx()),
                    () -> "with the station gone, the rekey completes: " + h.driver.keys);
        }
    }

    /** The AP's WPA-GROUP-REKEY lines so far, in order. */
    private static List<String> rekeys(ApHarness h) {
        return h.events.stream().filter(e -> e.startsWith("WPA-GROUP-REKEY")).toList();
    }
}
