package wpa4j.sim.medium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wpa4j.sim.medium.Air.AP;
import static wpa4j.sim.medium.Air.FREQ;
import static wpa4j.sim.medium.Air.OTHER;
import static wpa4j.sim.medium.Air.RSNE;
import static wpa4j.sim.medium.Air.STA;
import static wpa4j.sim.medium.Air.counters;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import wpa4j.common.crypto.Ccmp;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.driver.DriverException;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Mfp;
import wpa4j.driver.types.StaAddParams;
import wpa4j.driver.types.StaFlag;

/**
 * One radio: its event buffer, the keys it holds and what it does with frames it cannot use (counted, dropped).
 * Crypto expectations come from IEEE 802.11 Annex M vectors or from frames the toolkit's tested {@link Ccmp} made.
 */
class RadioTest {
    private static final byte[] TK = filled(0x11, 16);
    private static final Bytes IP = Bytes.fromHex("4500001c0000000040110000c0a80001c0a80002");
    private static final Bytes NONE6 = Bytes.of(new byte[6]);
    private static final Bytes ZERO_SEQ = Bytes.fromHex("0000000000000000");

    private static byte[] filled(int v, int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) v);
        return b;
    }

    /** A data frame from a station to its AP as 802.11 puts it on the air: ToDS, BSSID/SA/DA, LLC/SNAP, the EtherType. */
    static byte[] toAp(MacAddress bssid, MacAddress sa, MacAddress da, int ethertype, Bytes payload) {
        return Bytes.fromHex("08010000" + bssid.toString().replace(":", "") + sa.toString().replace(":", "") + da.toString().replace(":", "")
                + "1000" + "aaaa03000000" + String.format("%04x", ethertype) + payload.toHex()).toArray();
    }

    private static List<String> listen(Radio r) {
        List<String> got = new CopyOnWriteArrayList<>();
        r.addDataListener((src, dst, type, payload) -> got.add(src + ">" + dst + " " + Integer.toHexString(type) + " " + payload.toHex()));
        return got;
    }

    private static KeyParams ptk(MacAddress peer, byte[] tk) {
        return KeyParams.pairwise(KeyAlg.CCMP, peer, Bytes.EMPTY, Bytes.of(tk.clone()));
    }

    private static KeyParams noKey(MacAddress peer) {
        return new KeyParams(null, KeyAlg.NONE, peer, 0, false, Bytes.EMPTY, Bytes.EMPTY);
    }

    private record Bss(Air.FakeHostapd ap, Radio sta) {}

    /** An AP (answering as hostapd) and an associated station in an open BSS. */
    private static Bss openBss(Air air) throws Exception {
        Air.FakeHostapd ap = air.ap("sim0", AP);
        ap.start(65535, Bytes.EMPTY);
        Air.Node sta = air.node("sim1", STA);
        Air.connect(ap, sta, Bytes.EMPTY, Mfp.NO);
        return new Bss(ap, sta.radio());
    }

    @Test
    void eventsWhileNoSinkIsAttachedAreKeptAndHandedOverInOrder() throws Exception {
        try (Air air = new Air()) {
            Radio r = air.medium.addRadio("sim1", STA);
            r.deauthenticate(AP, 3);
            r.disassociate(AP, 8);
            Air.Events first = new Air.Events();
            r.attach(first);
            assertEquals(List.of(new DriverEvent.Deauth(AP, 3, Bytes.EMPTY, true), new DriverEvent.Disassoc(AP, 8, Bytes.EMPTY, true)), first.all);

            r.detach();
            r.deauthenticate(AP, 1);
            assertEquals(2, first.all.size(), "nothing for a detached sink");
            Air.Events second = new Air.Events();
            r.attach(second);
            assertEquals(List.of(new DriverEvent.Deauth(AP, 1, Bytes.EMPTY, true)), second.all, "only what came while detached");
        }
    }

    @Test
    void anEventTheSinkThrowsOnIsLostAndCounted() throws Exception {
        try (Air air = new Air()) {
            Radio r = air.medium.addRadio("sim1", STA);
            r.attach(e -> {
                throw new IllegalStateException("a driver bug");
            });
            r.deauthenticate(AP, 3);
            assertEquals(1, counters(r).eventsDropped());
        }
    }

    @Test
    void aPairwiseKeyEncryptsDataAndOnlyAPeerHoldingItReadsIt() throws Exception {
        try (Air air = new Air()) {
            Bss bss = openBss(air);
            Air.FakeHostapd ap = bss.ap();
            Radio sta = bss.sta();
            List<String> apGot = listen(ap.radio);
            List<String> staGot = listen(sta);

            sta.setKey(ptk(AP, TK));
            sta.sendData(OTHER, 0x0800, IP);
            air.settle();
            assertEquals(List.of(), apGot, "the AP has no key yet");
            assertEquals(1, counters(ap.radio).rxDecryptFailed());

            ap.radio.setKey(ptk(STA, filled(0x12, 16)));
            sta.sendData(OTHER, 0x0800, IP);
            air.settle();
            assertEquals(2, counters(ap.radio).rxDecryptFailed(), "a different key");

            ap.radio.setKey(ptk(STA, TK));
            sta.sendData(OTHER, 0x0800, IP);
            ap.radio.sendData(STA, 0x86dd, IP);
            air.settle();
            assertEquals(List.of(STA + ">" + OTHER + " 800 " + IP.toHex()), apGot);
            assertEquals(List.of(AP + ">" + STA + " 86dd " + IP.toHex()), staGot);
            assertEquals(Bytes.fromHex("0300000000000000"), sta.seqnum(AP, 0), "get_seqnum: the last PN sent with the key");
            assertEquals(Bytes.fromHex("0100000000000000"), ap.radio.seqnum(STA, 0));
            assertEquals(List.of(1L, 1L), List.of(counters(ap.radio).rxData(), counters(sta).rxData()));
        }
    }

    @Test
    void aGroupKeysSeqnumIsReadWithoutTheAirYetAfterTheRadiosOwnQueuedKeyChange() throws Exception {
        try (Air air = new Air()) {
            Radio ap = openBss(air).ap().radio;
            ap.setKey(KeyParams.group(KeyAlg.CCMP, 1, true, Bytes.of(new byte[6]), Bytes.of(TK.clone())));
            ap.sendData(MacAddress.BROADCAST, 0x0800, IP);
            ap.sendData(MacAddress.BROADCAST, 0x0800, IP);
            air.settle();
            CountDownLatch release = new CountDownLatch(1);
            try {
                air.medium.air().execute(() -> awaitQuietly(release));
                // the air is held: a read that waited for it would not come back in the loop's 30 s
                assertEquals(Bytes.fromHex("0200000000000000"), ap.seqnum(MacAddress.BROADCAST, 1), "the last PN sent with the group key");

                ap.setKey(KeyParams.group(KeyAlg.CCMP, 1, true, Bytes.of(new byte[6]), Bytes.of(filled(0x12, 16))));
                new Thread(() -> {
                    sleepQuietly(200);
                    release.countDown();
                }).start();
                assertEquals(ZERO_SEQ, ap.seqnum(MacAddress.BROADCAST, 1), "the rekeyed group key's: the queued set_key comes first");
            } finally {
                release.countDown();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void withItsKeyRemovedARadioSendsInTheClearAndAPeerStillHoldingOneRefusesThat() throws Exception {
        try (Air air = new Air()) {
            Bss bss = openBss(air);
            Air.FakeHostapd ap = bss.ap();
            Radio sta = bss.sta();
            List<String> apGot = listen(ap.radio);
            sta.setKey(ptk(AP, TK));
            ap.radio.setKey(ptk(STA, TK));
            sta.sendData(OTHER, 0x0800, IP);

            sta.setKey(noKey(AP));
            assertEquals(ZERO_SEQ, sta.seqnum(AP, 0), "no key, no packet number");
            sta.sendData(OTHER, 0x0800, IP);
            air.settle();
            assertEquals(1, apGot.size());
            assertEquals(1, counters(ap.radio).rxUnauthorized(), "plaintext from a peer whose key is installed");

            ap.radio.setKey(noKey(STA));
            sta.sendData(OTHER, 0x0800, IP);
            air.settle();
            assertEquals(2, apGot.size(), "an open BSS again");
            assertEquals(0, counters(ap.radio).rxDecryptFailed());
        }
    }

    @Test
    void theReceivePathDecryptsTheAnnexMCcmpVectorAndKeepsItsPacketNumber() throws Exception {
        // IEEE 802.11-2012 M.6.4: group-addressed A1, A2 the transmitter, key ID 0, PN 0xb5039776e70c
        byte[] tk = Bytes.fromHex("c97c1f67ce371185514a8a19f2bdd52f").toArray();
        byte[] encrypted = Bytes.fromHex("0848c32c0fd2e128a57c5030f1844408abaea5b8fcba80330ce70020769703b5f3d0a2fe9a3dbf2342a643e43246e80c"
                + "3c04d0197845ce0b16f97623").toArray();
        MacAddress transmitter = MacAddress.parse("50:30:f1:84:44:08");
        try (Air air = new Air()) {
            Air.FakeHostapd ap = air.ap("sim0", AP);
            ap.start(65535, Bytes.EMPTY);
            ap.radio.staAdd(new StaAddParams(transmitter, 1, 0x0011, List.of(2), 10, Bytes.EMPTY, Set.of(StaFlag.AUTHORIZED), false, 0));

            ap.radio.setKey(KeyParams.group(KeyAlg.CCMP, 0, false, NONE6, Bytes.of(filled(0x11, 16))));
            air.inject(ap.radio, encrypted);
            assertEquals(1, counters(ap.radio).rxDecryptFailed(), "another key");

            ap.radio.setKey(KeyParams.group(KeyAlg.CCMP, 0, false, NONE6, Bytes.of(tk)));
            air.inject(ap.radio, encrypted);
            RadioCounters c = counters(ap.radio);
            assertEquals(1, c.rxDecryptFailed(), "the MIC verified");
            // the vector's plaintext is no LLC/SNAP frame between station and AP
            assertEquals(1, c.rxMalformed());
            air.inject(ap.radio, encrypted);
            assertEquals(1, counters(ap.radio).rxReplayed(), "its PN was taken");

            // set_key's RSC is the last PN received, little-endian
            ap.radio.setKey(KeyParams.group(KeyAlg.CCMP, 0, false, Bytes.fromHex("0ce7769703b5"), Bytes.of(tk)));
            air.inject(ap.radio, encrypted);
            assertEquals(2, counters(ap.radio).rxReplayed());
            ap.radio.setKey(KeyParams.group(KeyAlg.CCMP, 0, false, Bytes.fromHex("0be7769703b5"), Bytes.of(tk)));
            air.inject(ap.radio, encrypted);
            assertEquals(List.of(1L, 2L, 2L), List.of(counters(ap.radio).rxDecryptFailed(), counters(ap.radio).rxReplayed(),
                    counters(ap.radio).rxMalformed()));
        }
    }

    @Test
    void framesTheToolkitsCcmpEncryptedArriveOnceInPnOrderAndNeverTampered() throws Exception {
        try (Air air = new Air(); SecretKeyBytes key = SecretKeyBytes.copyOf(TK)) {
            Air.FakeHostapd ap = openBss(air).ap();
            List<String> apGot = listen(ap.radio);
            ap.radio.setKey(ptk(STA, TK));
            Ccmp ccmp = new Ccmp(key);
            byte[] plain = toAp(AP, STA, OTHER, 0x0800, IP);

            air.inject(ap.radio, ccmp.encrypt(plain, 5, 0));
            assertEquals(List.of(STA + ">" + OTHER + " 800 " + IP.toHex()), apGot);
            air.inject(ap.radio, ccmp.encrypt(plain, 5, 0));
            air.inject(ap.radio, ccmp.encrypt(plain, 4, 0));
            assertEquals(2, counters(ap.radio).rxReplayed(), "the same PN, and a lower one");

            byte[] tampered = ccmp.encrypt(plain, 6, 0);
            tampered[tampered.length - 9] ^= 1;
            air.inject(ap.radio, tampered);
            assertEquals(1, counters(ap.radio).rxDecryptFailed());
            air.inject(ap.radio, ccmp.encrypt(plain, 6, 0));
            assertEquals(2, apGot.size(), "a tampered frame does not use up its PN");
        }
    }

    @Test
    void theAnnexMBipVectorEndsAnMfpAssociationOnceAndItsUnprotectedFormOnlyGetsReported() throws Exception {
        // IEEE 802.11-2012 M.9.1: broadcast Deauthentication (reason 2) from 02:00:00:00:00:00, IGTK key ID 4, IPN 4
        Bytes igtk = Bytes.fromHex("4ea9543e09cf2b1eca66ffc58bdecbcf");
        byte[] deauth = Bytes.fromHex("c0000000ffffffffffff02000000000002000000000009000200").toArray();
        byte[] withMme = Bytes.fromHex("c0000000ffffffffffff02000000000002000000000009000200" + "4c10" + "0400" + "040000000000" + "48dfbfa7b8278872")
                .toArray();
        try (Air air = new Air()) {
            Air.FakeHostapd ap = air.ap("sim0", AP);
            ap.staFlags = Set.of(StaFlag.AUTHORIZED, StaFlag.MFP);
            ap.start(65535, RSNE);
            Air.Node sta = air.node("sim1", STA);
            Air.connect(ap, sta, RSNE, Mfp.REQUIRED);
            sta.radio().setKey(ptk(AP, TK));
            ap.radio.setKey(ptk(STA, TK));

            sta.radio().setKey(KeyParams.group(KeyAlg.IGTK, 4, false, Bytes.fromHex("040000000000"), igtk));
            air.transmit(ap.radio, withMme, FREQ);
            air.transmit(ap.radio, deauth, FREQ);
            air.settle();
            assertEquals(1, counters(sta.radio()).rxReplayed(), "IPN 4 is not above the RSC 4");
            assertEquals(1, counters(sta.radio()).rxUnprotectedMgmt());
            assertEquals(List.of(new DriverEvent.UnprotDeauth(AP, MacAddress.BROADCAST, 2)), sta.events().of(DriverEvent.UnprotDeauth.class));
            assertEquals(Optional.of(AP), sta.radio().bssid(), "still associated");

            sta.radio().setKey(KeyParams.group(KeyAlg.IGTK, 4, false, Bytes.fromHex("030000000000"), igtk));
            air.transmit(ap.radio, withMme, FREQ);
            air.settle();
            assertEquals(List.of(new DriverEvent.Deauth(AP, 2, Bytes.EMPTY, false)), sta.events().of(DriverEvent.Deauth.class));
            assertEquals(Optional.empty(), sta.radio().bssid());
        }
    }

    @Test
    void onlyCcmpAndBipKeysAreTaken() throws Exception {
        try (Air air = new Air()) {
            Radio r = air.medium.addRadio("sim1", STA);
            DriverException tkip = assertThrows(DriverException.class,
                    () -> r.setKey(KeyParams.group(KeyAlg.TKIP, 1, true, Bytes.EMPTY, Bytes.of(new byte[32]))));
            assertTrue(tkip.getMessage().contains("not TKIP"), tkip.getMessage());
            assertEquals(95, assertThrows(DriverException.class, () -> r.setKey(KeyParams.pairwise(KeyAlg.GCMP, AP, Bytes.EMPTY, Bytes.of(TK))))
                    .errno(), "EOPNOTSUPP");
        }
    }

    @Test
    void framesThatAreNotForItOrDoNotDecodeAreLeftOrCounted() throws Exception {
        try (Air air = new Air()) {
            Air.Node n = air.node("sim1", STA);
            Radio r = n.radio();
            air.inject(r, new byte[10]);
            assertEquals(1, counters(r).rxMalformed());
            air.inject(r, Air.probeRequest(AP, OTHER));
            assertEquals(0, counters(r).rxFrames(), "addressed to another radio");
            air.inject(r, Air.probeRequest(AP, STA));
            assertEquals(1, counters(r).rxFrames());
            byte[] cutShort = Arrays.copyOf(wpa4j.common.frame.LeaveFrames.deauth(AP, STA, 3).toArray(), 24);
            air.inject(r, cutShort);
            assertEquals(List.of(2L, 2L), List.of(counters(r).rxFrames(), counters(r).rxMalformed()), "a Deauthentication without its reason");
            assertEquals(List.of(), n.events().all);
        }
    }

    @Test
    void anApTakesEapolBeforeThePortIsAuthorizedAndOtherDataOnlyAfter() throws Exception {
        try (Air air = new Air()) {
            Air.FakeHostapd ap = air.ap("sim0", AP);
            ap.staFlags = Set.of();
            ap.start(65535, Bytes.EMPTY);
            Air.Node sta = air.node("sim1", STA);
            Air.connect(ap, sta, Bytes.EMPTY, Mfp.NO);
            List<String> apGot = listen(ap.radio);

            Bytes pdu = Bytes.fromHex("0203005f02");
            sta.radio().sendEapol(AP, pdu, false);
            sta.radio().sendData(OTHER, 0x0800, IP);
            air.settle();
            assertEquals(List.of(new DriverEvent.EapolRx(STA, pdu)), ap.of(DriverEvent.EapolRx.class));
            assertEquals(List.of(), apGot);
            assertEquals(List.of(1L, 1L), List.of(counters(ap.radio).rxEapol(), counters(ap.radio).rxUnauthorized()));

            ap.radio.staSetFlags(STA, Set.of(StaFlag.AUTHORIZED), EnumSet.allOf(StaFlag.class));
            sta.radio().sendData(OTHER, 0x0800, IP);
            air.settle();
            assertEquals(1, apGot.size());
        }
    }

    @Test
    void anApReportsDataFromAStationItDoesNotKnow() throws Exception {
        try (Air air = new Air()) {
            Air.FakeHostapd ap = air.ap("sim0", AP);
            ap.start(65535, Bytes.EMPTY);
            Air.Node stranger = air.node("sim2", OTHER);
            air.transmit(stranger.radio(), toAp(AP, OTHER, STA, 0x0800, IP), FREQ);
            air.settle();
            assertEquals(List.of(new DriverEvent.RxFromUnknown(AP, OTHER, false)), ap.of(DriverEvent.RxFromUnknown.class));
            assertEquals(0, counters(ap.radio).rxData());
        }
    }

    @Test
    void aStationTakesDataOnlyFromItsApAndSendsOnlyWhenAssociated() throws Exception {
        try (Air air = new Air()) {
            Radio lone = air.medium.addRadio("sim2", OTHER);
            assertEquals(107, assertThrows(DriverException.class, () -> lone.sendData(AP, 0x0800, IP)).errno(), "ENOTCONN");

            Bss bss = openBss(air);
            Air.FakeHostapd ap = bss.ap();
            List<String> staGot = listen(bss.sta());
            byte[] fromStranger = Bytes.fromHex("08020000" + "020000000100" + "020000000200" + "020000000200" + "1000" + "aaaa030000000800" + IP.toHex())
                    .toArray();
            air.transmit(lone, fromStranger, FREQ);
            ap.radio.sendData(STA, 0x0800, IP);
            air.settle();
            assertEquals(List.of(AP + ">" + STA + " 800 " + IP.toHex()), staGot);
        }
    }

    @Test
    void aStationWithABigtkCountsAndDropsBeaconsOfItsBssThatCarryNoMme() throws Exception {
        try (Air air = new Air()) {
            Air.FakeHostapd ap = air.ap("sim0", AP);
            ap.start(15, Bytes.EMPTY); // a Beacon every 15 TU, without beacon protection
            Air.Node sta = air.node("sim1", STA);
            Air.connect(ap, sta, Bytes.EMPTY, Mfp.NO);
            sta.radio().setKey(KeyParams.group(KeyAlg.IGTK, 6, false, NONE6, Bytes.of(filled(0x33, 16))));
            Air.await(() -> counters(sta.radio()).rxUnprotectedBeacons() >= 3, () -> "Beacons counted as unprotected");
            assertEquals(0, counters(sta.radio()).rxDecryptFailed(), "no MME at all: no MIC failed");
        }
    }
}
