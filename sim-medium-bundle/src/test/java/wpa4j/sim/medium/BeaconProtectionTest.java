package wpa4j.sim.medium;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.crypto.Bip;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.common.frame.LeaveFrames;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;

/**
 * Beacon protection in one radio's MgmtProtection, as mac80211 does it: the AP's default beacon key (BIGTK) adds
 * a BIP MME to each Beacon with the next BIPN, the MIC taken with the Timestamp masked; a station with a BIGTK
 * checks the Beacons of its BSS and drops (counts) those without a valid MME; every other Beacon only loses its MME.
 */
class BeaconProtectionTest {
    private static final MacAddress AP = MacAddress.parse("02:00:00:00:00:00");
    private static final MacAddress OTHER = MacAddress.parse("02:00:00:00:02:00");
    private static final byte[] BIGTK = filled(0x33, 16);

    private final KeyTable apKeys = new KeyTable();
    private final MgmtProtection ap = new MgmtProtection(apKeys, new Counters(), peer -> false, () -> null);
    private final KeyTable staKeys = new KeyTable();
    private final Counters staCounters = new Counters();
    private MacAddress associated = AP;
    private final MgmtProtection sta = new MgmtProtection(staKeys, staCounters, peer -> peer.equals(associated), () -> associated);

    static byte[] beacon(MacAddress bssid, long tsf) {
        MgmtHeader h = MgmtHeader.of(MgmtSubtype.BEACON, MacAddress.BROADCAST, bssid, bssid);
        return new MgmtFrame.Beacon(h, tsf, 100, 0x0011, IeList.of(new InformationElement(0, Bytes.fromHex("77706133")))).encode().toArray();
    }

    private static byte[] filled(int v, int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) v);
        return b;
    }

    private static KeyParams bigtk(int idx, boolean setTx, long bipn, byte[] key) {
        byte[] seq = new byte[6];
        for (int i = 0; i < 6; i++) {
            seq[i] = (byte) (bipn >>> (8 * i));
        }
        return KeyParams.group(KeyAlg.IGTK, idx, setTx, Bytes.of(seq), Bytes.of(key.clone()));
    }

    private static byte[] withTimestamp(byte[] frame, long tsf) {
        byte[] f = frame.clone();
        for (int i = 0; i < 8; i++) {
            f[24 + i] = (byte) (tsf >>> (8 * i));
        }
        return f;
    }

    private static byte[] accepted(MgmtProtection.Verdict v) {
        return assertInstanceOf(MgmtProtection.Verdict.Accept.class, v).frame();
    }

    @Test
    void withoutADefaultBeaconKeyBeaconsGoOutAsTheyAre() throws Exception {
        byte[] b = beacon(AP, 7);
        assertArrayEquals(b, ap.protectBeacon(b));
        apKeys.set(bigtk(6, false, 0, BIGTK));
        assertArrayEquals(b, ap.protectBeacon(b), "a BIGTK that is not the default beacon key protects nothing");
    }

    @Test
    void theDefaultBeaconKeyAddsAnMmeWithTheNextBipnAndTheMicSkipsTheTimestamp() throws Exception {
        apKeys.set(bigtk(7, true, 0, BIGTK));
        byte[] b = beacon(AP, 0x1122334455667788L);
        for (long bipn = 1; bipn <= 3; bipn++) {
            byte[] out = ap.protectBeacon(b);
            assertEquals(b.length + Bip.MME_LENGTH, out.length);
            assertArrayEquals(b, Arrays.copyOf(out, b.length), "header, real Timestamp and body unchanged");
            assertEquals(7, Bip.keyId(Bytes.of(out)));
            assertEquals(bipn, Bip.verify(SecretKeyBytes.copyOf(BIGTK), Bytes.of(out)));
            assertEquals(bipn, Bip.verify(SecretKeyBytes.copyOf(BIGTK), Bytes.of(withTimestamp(out, 42))), "the Timestamp is not in the MIC");
        }
        assertEquals(Bytes.fromHex("0300000000000000"), apKeys.seqnum(MacAddress.BROADCAST, 7), "get_seqnum: the last BIPN sent");
        assertEquals(Bytes.fromHex("0000000000000000"), apKeys.seqnum(MacAddress.BROADCAST, 4), "the IGTK's IPN is its own");
    }

    @Test
    void aStationWithABigtkAcceptsValidBeaconsOfItsBssWithoutTheMme() throws Exception {
        apKeys.set(bigtk(6, true, 0, BIGTK));
        staKeys.set(bigtk(6, false, 0, BIGTK));
        byte[] b = beacon(AP, 1000);
        byte[] first = ap.protectBeacon(b);
        assertArrayEquals(b, accepted(sta.receive(first)));
        // the radio stamps a new TSF on every Beacon: it is outside the MIC
        byte[] later = withTimestamp(ap.protectBeacon(b), 2000);
        assertArrayEquals(withTimestamp(b, 2000), accepted(sta.receive(later)));
        assertEquals(0, staCounters.rxUnprotectedBeacons);
    }

    @Test
    void beaconsOfItsBssWithoutAValidMmeAreDroppedAndCounted() throws Exception {
        apKeys.set(bigtk(6, true, 0, BIGTK));
        staKeys.set(bigtk(6, false, 0, BIGTK));
        byte[] b = beacon(AP, 1000);

        assertInstanceOf(MgmtProtection.Verdict.Drop.class, sta.receive(b), "no MME");
        assertEquals(1, staCounters.rxUnprotectedBeacons);

        KeyTable evil = new KeyTable();
        evil.set(bigtk(6, true, 0, filled(0x44, 16)));
        assertInstanceOf(MgmtProtection.Verdict.Drop.class, sta.receive(new MgmtProtection(evil, new Counters(), p -> false, () -> null).protectBeacon(b)),
                "wrong key");
        assertEquals(2, staCounters.rxUnprotectedBeacons);
        assertEquals(1, staCounters.rxDecryptFailed);

        byte[] valid = ap.protectBeacon(b);
        accepted(sta.receive(valid));
        assertInstanceOf(MgmtProtection.Verdict.Drop.class, sta.receive(valid), "the same BIPN again");
        assertEquals(3, staCounters.rxUnprotectedBeacons);
        assertEquals(1, staCounters.rxReplayed);

        byte[] tampered = ap.protectBeacon(b);
        tampered[40] ^= 1;
        assertInstanceOf(MgmtProtection.Verdict.Drop.class, sta.receive(tampered), "a changed element");

        KeyTable seven = new KeyTable();
        seven.set(bigtk(7, true, 0, BIGTK));
        assertInstanceOf(MgmtProtection.Verdict.Drop.class, sta.receive(new MgmtProtection(seven, new Counters(), p -> false, () -> null).protectBeacon(b)),
                "key ID 7, not installed");
        assertEquals(5, staCounters.rxUnprotectedBeacons);
    }

    @Test
    void otherBeaconsOnlyLoseTheirMme() throws Exception {
        apKeys.set(bigtk(6, true, 0, BIGTK));
        byte[] b = beacon(AP, 1000);
        assertArrayEquals(b, accepted(sta.receive(ap.protectBeacon(b))), "no BIGTK installed: stripped, accepted");
        assertArrayEquals(b, accepted(sta.receive(b)));

        staKeys.set(bigtk(6, false, 0, BIGTK));
        byte[] other = beacon(OTHER, 5);
        assertArrayEquals(other, accepted(sta.receive(other)), "another BSS's Beacon is not checked");
        KeyTable otherAp = new KeyTable();
        otherAp.set(bigtk(6, true, 0, filled(0x55, 16)));
        assertArrayEquals(other, accepted(sta.receive(new MgmtProtection(otherAp, new Counters(), p -> false, () -> null).protectBeacon(other))));
        associated = null;
        assertArrayEquals(b, accepted(sta.receive(b)), "not associated: nothing is checked");
        assertEquals(0, staCounters.rxUnprotectedBeacons);
    }

    @Test
    void aBigtkNeverVerifiesAGroupAddressedRobustFrame() throws Exception {
        staKeys.set(bigtk(6, false, 0, BIGTK));
        byte[] deauth = Bip.protect(SecretKeyBytes.copyOf(BIGTK), 6, 1, LeaveFrames.deauth(AP, MacAddress.BROADCAST, 3)).toArray();
        assertInstanceOf(MgmtProtection.Verdict.Drop.class, sta.receive(deauth));
        assertEquals(1, staCounters.rxDecryptFailed);
        assertEquals(0, staCounters.rxUnprotectedBeacons);
        assertTrue(staKeys.hasBigtk());
        staKeys.clear();
        assertTrue(!staKeys.hasBigtk() && staKeys.bigtk(6) == null);
    }
}
