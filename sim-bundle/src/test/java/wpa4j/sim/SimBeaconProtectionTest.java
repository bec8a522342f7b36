package wpa4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static wpa4j.sim.SimBss.AP;
import static wpa4j.sim.SimBss.EVIL;
import static wpa4j.sim.SimBss.SSID;
import static wpa4j.sim.SimBss.awaitCount;
import static wpa4j.sim.SimBss.counters;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import wpa4j.common.crypto.Bip;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.DriverFlag;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Mfp;
import wpa4j.driver.types.ScanResult;

/**
 * Beacon protection (BIGTK) on the sim medium through the driver ops, as mac80211 does it: the AP's default beacon key
 * adds an MME to every Beacon; a station with a BIGTK drops the Beacons of its BSS that lack a valid one before its
 * scan results see them, and counts them; other BSSs' Beacons are not checked.
 */
class SimBeaconProtectionTest {
    private static final byte[] BIGTK = filled(0x66, 16);
    /** A vendor element only forged Beacons carry, to see whether one reached the scan results. */
    private static final InformationElement MARKER = new InformationElement(221, Bytes.fromHex("0a0b0c0d"));

    private static byte[] filled(int v, int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) v);
        return b;
    }

    /** The AP's default beacon key at 6, and the station's copy with the BIPN the AP reports (as the BIGTK KDE carries it). */
    private static long installBigtk(SimBss b) throws DriverException {
        b.ap.setKey(KeyParams.group(KeyAlg.IGTK, 6, true, Bytes.of(new byte[6]), Bytes.of(BIGTK)));
        Bytes bipn = b.ap.getSeqnum("sim0", MacAddress.BROADCAST, 6).slice(0, 6);
        b.sta.setKey(KeyParams.group(KeyAlg.IGTK, 6, false, bipn, Bytes.of(BIGTK)));
        return le(bipn);
    }

    private static long le(Bytes b) {
        long v = 0;
        for (int i = Math.min(b.length(), 8) - 1; i >= 0; i--) {
            v = v << 8 | b.u8(i);
        }
        return v;
    }

    /** A Beacon in {@code bssid}'s name with Timestamp 0 (so its BIP MIC is that of the masked Timestamp) and the marker. */
    private static Bytes forgedBeacon(MacAddress bssid) {
        MgmtHeader h = MgmtHeader.of(MgmtSubtype.BEACON, MacAddress.BROADCAST, bssid, bssid);
        return new MgmtFrame.Beacon(h, 0, 100, 0x0011, IeList.of(new InformationElement(0, SSID.octets()), MARKER)).encode();
    }

    private static Optional<ScanResult> bss(DriverInterface sta, MacAddress bssid) throws DriverException {
        return sta.getScanResults2().results().stream().filter(r -> r.bssid().equals(bssid)).findFirst();
    }

    private static boolean marked(Optional<ScanResult> r) {
        return r.isPresent() && r.get().beaconIes().toHex().contains("dd04" + MARKER.body().toHex());
    }

    /** Whether the Beacon's elements end in an MME, as Bip sees a frame (a 24-octet header, then the body). */
    private static boolean endsInMme(Bytes beaconIes) {
        byte[] frame = new byte[24 + beaconIes.length()];
        System.arraycopy(beaconIes.toArray(), 0, frame, 24, beaconIes.length());
        return Bip.hasMmie(Bytes.of(frame));
    }

    private static void awaitBipn(DriverInterface ap, int idx, long atLeast) throws Exception {
        long deadline = System.currentTimeMillis() + 5000;
        while (le(ap.getSeqnum("sim0", MacAddress.BROADCAST, idx)) < atLeast) {
            if (System.currentTimeMillis() > deadline) {
                fail("the AP sent no protected Beacon up to BIPN " + atLeast);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void theSimDriverOffersBeaconProtectionAsApAndAsStation() throws Exception {
        try (SimBss b = new SimBss()) {
            assertTrue(b.ap.getCapa().has(DriverFlag.BEACON_PROTECTION));
            assertTrue(b.sta.getCapa().has(DriverFlag.BEACON_PROTECTION_CLIENT));
        }
    }

    @Test
    void theApsBeaconsCarryARisingBipnAndAStationWithTheBigtkVerifiesThem() throws Exception {
        try (SimBss b = new SimBss().connect(Mfp.REQUIRED)) {
            long installed = installBigtk(b);
            awaitBipn(b.ap, 6, installed + 3);
            assertEquals(0, counters(b.staRadio).rxUnprotectedBeacons(), "every Beacon of the AP verified");
            Optional<ScanResult> ap = bss(b.sta, AP);
            assertTrue(ap.isPresent() && ap.get().ageMs() < 1000, "the AP's Beacons reach the scan results");
            assertFalse(endsInMme(ap.get().beaconIes()), "without the MME");

            // a copy of a BIPN the AP already used: only a station that verified (and counted) the AP's Beacons sees a replay
            long replayed = counters(b.staRadio).rxReplayed();
            b.evilRadio.sendMlme(Bip.protect(SecretKeyBytes.copyOf(BIGTK), 6, installed + 1, forgedBeacon(AP)), true);
            awaitCount(() -> counters(b.staRadio).rxReplayed(), replayed, "replayed BIPN");
            assertEquals(1, counters(b.staRadio).rxUnprotectedBeacons());
            assertFalse(marked(bss(b.sta, AP)), "the replayed Beacon did not reach the scan results");
            assertEquals(Optional.of(AP), b.sta.getBssid());
        }
    }

    @Test
    void aForgedOrWronglyKeyedBeaconOfOurBssIsDroppedAndCountedOneOfAnotherBssIsNot() throws Exception {
        try (SimBss b = new SimBss().connect(Mfp.REQUIRED)) {
            installBigtk(b);
            long dropped = counters(b.staRadio).rxUnprotectedBeacons();
            b.evilRadio.sendMlme(forgedBeacon(AP), true);
            awaitCount(() -> counters(b.staRadio).rxUnprotectedBeacons(), dropped, "unprotected Beacon");
            assertFalse(marked(bss(b.sta, AP)));

            long failed = counters(b.staRadio).rxDecryptFailed();
            b.evilRadio.sendMlme(Bip.protect(SecretKeyBytes.copyOf(filled(0x77, 16)), 6, 1L << 40, forgedBeacon(AP)), true);
            awaitCount(() -> counters(b.staRadio).rxDecryptFailed(), failed, "wrongly keyed Beacon");
            assertEquals(dropped + 2, counters(b.staRadio).rxUnprotectedBeacons());
            assertFalse(marked(bss(b.sta, AP)));

            // only the BSS we are associated with is checked: another one's unprotected Beacon is taken, and kept, as always
            b.evilRadio.sendMlme(forgedBeacon(EVIL), true);
            long deadline = System.currentTimeMillis() + 5000;
            while (!marked(bss(b.sta, EVIL)) && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(marked(bss(b.sta, EVIL)), "another BSS's Beacon is in the scan results");
            assertEquals(dropped + 2, counters(b.staRadio).rxUnprotectedBeacons());
            assertEquals(Optional.of(AP), b.sta.getBssid(), "forged Beacons do not touch the link");
        }
    }

    @Test
    void withoutABigtkTheStationStripsTheMmeAndTakesEveryBeacon() throws Exception {
        try (SimBss b = new SimBss().connect(Mfp.REQUIRED)) {
            b.ap.setKey(KeyParams.group(KeyAlg.IGTK, 7, true, Bytes.of(new byte[6]), Bytes.of(BIGTK)));
            awaitBipn(b.ap, 7, 2);
            // the AP stops beaconing, so the forged Beacon below is the last one heard in its name
            b.ap.deinitAp();
            Optional<ScanResult> ap = bss(b.sta, AP);
            assertTrue(ap.isPresent());
            assertFalse(endsInMme(ap.get().beaconIes()), "the AP's MME is stripped");
            b.evilRadio.sendMlme(forgedBeacon(AP), true);
            long deadline = System.currentTimeMillis() + 5000;
            while (!marked(bss(b.sta, AP)) && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(marked(bss(b.sta, AP)), "nothing to check it with: taken as before beacon protection");
            assertEquals(0, counters(b.staRadio).rxUnprotectedBeacons());
        }
    }
}
