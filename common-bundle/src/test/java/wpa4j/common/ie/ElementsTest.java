package wpa4j.common.ie;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import wpa4j.common.codec.Fuzz;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.Ssid;

class ElementsTest {
    private static final int ROUNDS = 300;

    /** hostapd's RSN element for wpa=2 wpa_key_mgmt=WPA-PSK rsn_pairwise=CCMP (as seen in its beacons). */
    private static final Bytes HOSTAPD_RSN = Bytes.fromHex("30140100000fac040100000fac040100000fac020000");

    static Bytes random(Random r, int min, int max) {
        byte[] b = new byte[min + r.nextInt(max - min + 1)];
        r.nextBytes(b);
        return Bytes.of(b);
    }

    static List<Suite> suites(Random r, int max) {
        List<Suite> l = new ArrayList<>();
        for (int i = r.nextInt(max + 1); i > 0; i--) {
            l.add(new Suite(r.nextInt()));
        }
        return l;
    }

    static RsnElement randomRsn(Random r) {
        int present = r.nextInt(7);
        return new RsnElement(1, present > 0 ? new Suite(r.nextInt()) : null, present > 1 ? suites(r, 4) : null,
                present > 2 ? suites(r, 4) : null, present > 3 ? r.nextInt(0x10000) : null,
                present > 4 ? List.of(random(r, 16, 16), random(r, 16, 16)).subList(0, r.nextInt(3)) : null,
                present > 5 ? new Suite(r.nextInt()) : null);
    }

    static IeList randomIes(Random r) {
        List<InformationElement> l = new ArrayList<>();
        for (int i = r.nextInt(8); i > 0; i--) {
            l.add(new InformationElement(r.nextInt(256), random(r, 0, 40)));
        }
        return new IeList(l);
    }

    @Test
    void realHostapdRsnElementDecodes() throws Exception {
        IeList ies = IeList.decode(HOSTAPD_RSN);
        RsnElement rsn = ies.rsn().orElseThrow();
        assertEquals(Suite.RSN_CCMP, rsn.groupCipher());
        assertEquals(List.of(Suite.RSN_CCMP), rsn.pairwiseCiphers());
        assertEquals(List.of(Suite.AKM_PSK), rsn.akms());
        assertEquals(0, rsn.capabilities());
        assertEquals(Cipher.CCMP, rsn.pairwiseCiphers().get(0).cipher().orElseThrow());
        assertEquals(KeyMgmt.PSK, rsn.akms().get(0).akm().orElseThrow());
        assertEquals(HOSTAPD_RSN, IeList.of(rsn.toElement()).encode());
        assertEquals(HOSTAPD_RSN, IeList.of(RsnElement.psk(Suite.RSN_CCMP, Suite.RSN_CCMP, 0).toElement()).encode());
    }

    @Test
    void rsnRoundTripsWithAnyTruncationOfOptionalFields() throws Exception {
        Random r = new Random(1);
        for (int i = 0; i < ROUNDS; i++) {
            RsnElement rsn = randomRsn(r);
            Bytes body = rsn.encodeBody();
            assertEquals(rsn, RsnElement.decode(body));
            assertEquals(body, RsnElement.decode(body).encodeBody());
        }
    }

    @Test
    void rsnMalformed() {
        assertEquals("rsn version 2, only 1 is defined", assertThrows(MalformedFrameException.class,
                () -> RsnElement.decode(Bytes.fromHex("0200"))).reason());
        assertTrue(assertThrows(MalformedFrameException.class, () -> RsnElement.decode(Bytes.fromHex("0100000fac04ff00000fac04"))).reason()
                .startsWith("rsn pairwise cipher list of 255"));
        assertThrows(MalformedFrameException.class, () -> RsnElement.decode(Bytes.fromHex("0100000fac")));
        assertTrue(Fuzz.onlyMalformed(RsnElement::decode, HOSTAPD_RSN.slice(2, 20), 7, 3000) > 100);
        assertThrows(IllegalArgumentException.class, () -> new RsnElement(1, null, List.of(), null, null, null, null));
    }

    @Test
    void wpaRoundTripAndMalformed() throws Exception {
        Random r = new Random(2);
        for (int i = 0; i < ROUNDS; i++) {
            int present = r.nextInt(5);
            WpaElement wpa = new WpaElement(1, present > 0 ? Suite.WPA_TKIP : null, present > 1 ? suites(r, 3) : null,
                    present > 2 ? List.of(Suite.WPA_AKM_PSK) : null, present > 3 ? r.nextInt(0x10000) : null);
            InformationElement e = wpa.toElement();
            assertTrue(e.isVendor(Suite.WPA_OUI, WpaElement.OUI_TYPE));
            assertEquals(wpa, WpaElement.decode(e.body()));
        }
        Bytes real = Bytes.fromHex("0050f20101000050f20201000050f20201000050f202");
        assertEquals(Suite.WPA_TKIP, WpaElement.decode(real).groupCipher());
        Fuzz.onlyMalformed(WpaElement::decode, real, 8, 2000);
        assertThrows(MalformedFrameException.class, () -> WpaElement.decode(Bytes.fromHex("0050f20401000050f202")));
    }

    @Test
    void ieListIsLossless() throws Exception {
        Random r = new Random(3);
        for (int i = 0; i < ROUNDS; i++) {
            IeList ies = randomIes(r);
            Bytes enc = ies.encode();
            assertEquals(ies, IeList.decode(enc));
            assertEquals(enc, IeList.decode(enc).encode());
        }
        assertEquals("element 0 body: needs 5 octets, 2 left",
                assertThrows(MalformedFrameException.class, () -> IeList.decode(Bytes.fromHex("00056869"))).reason());
        assertThrows(MalformedFrameException.class, () -> IeList.decode(Bytes.fromHex("00")));
        Fuzz.onlyMalformed(IeList::decode, randomIes(new Random(4)).encode(), 9, 3000);
        assertEquals(Ssid.ofUtf8("hi"), IeList.decode(Bytes.fromHex("00026869")).ssid().orElseThrow());
    }

    @Test
    void ratesDsTimCountryHtRoundTrip() throws Exception {
        Random r = new Random(5);
        for (int i = 0; i < ROUNDS; i++) {
            Rates rates = Rates.decode(random(r, 1, 12));
            assertEquals(rates, Rates.decode(rates.encodeBody()));
            DsParameterSet ds = new DsParameterSet(r.nextInt(256));
            assertEquals(ds, DsParameterSet.decode(ds.toElement().body()));
            Tim tim = new Tim(r.nextInt(256), 1 + r.nextInt(255), r.nextInt(256), random(r, 1, 20));
            assertEquals(tim, Tim.decode(tim.toElement().body()));
            List<Country.Triplet> t = new ArrayList<>();
            for (int k = r.nextInt(5); k > 0; k--) {
                t.add(new Country.Triplet(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            }
            Country c = new Country(random(r, 3, 3), t, t.size() % 2 == 0);
            assertEquals(c, Country.decode(c.toElement().body()));
            HtCapabilities ht = new HtCapabilities(r.nextInt(0x10000), r.nextInt(256), random(r, 16, 16), r.nextInt(0x10000),
                    r.nextLong() & 0xffffffffL, r.nextInt(256));
            assertEquals(ht, HtCapabilities.decode(ht.toElement().body()));
            HtOperation op = new HtOperation(r.nextInt(256), random(r, 5, 5), random(r, 16, 16));
            assertEquals(op, HtOperation.decode(op.toElement().body()));
        }
    }

    @Test
    void typedElementsRejectBadBodies() {
        assertThrows(MalformedFrameException.class, () -> Rates.decode(Bytes.EMPTY));
        assertThrows(MalformedFrameException.class, () -> DsParameterSet.decode(Bytes.fromHex("0102")));
        assertThrows(MalformedFrameException.class, () -> Tim.decode(Bytes.fromHex("000100")));
        assertThrows(MalformedFrameException.class, () -> Tim.decode(Bytes.fromHex("00000000")));
        // a 255-octet element body leaves 252 bitmap octets, one more than a TIM can hold
        assertEquals(251, assertDoesNotThrow(() -> Tim.decode(Bytes.fromHex("000100" + "00".repeat(251)))).partialVirtualBitmap().length());
        assertEquals("tim partial virtual bitmap of 252 octets, at most 251",
                assertThrows(MalformedFrameException.class, () -> Tim.decode(Bytes.fromHex("000100" + "00".repeat(252)))).reason());
        assertThrows(MalformedFrameException.class, () -> Country.decode(Bytes.fromHex("444520010d")));
        assertThrows(MalformedFrameException.class, () -> Country.decode(Bytes.fromHex("444520010d1401")));
        assertThrows(MalformedFrameException.class, () -> HtCapabilities.decode(Bytes.of(new byte[25])));
        assertThrows(MalformedFrameException.class, () -> HtOperation.decode(Bytes.of(new byte[23])));
        Fuzz.onlyMalformed(Tim::decode, Bytes.fromHex("00010002ff"), 10, 500);
        Fuzz.onlyMalformed(Country::decode, Bytes.fromHex("44452001" + "0d14" + "00"), 11, 500);
    }

    @Test
    void ratesSplitIntoSupportedAndExtended() {
        Rates r = Rates.of(List.of(2, 4, 11, 22, 12, 18, 24, 36, 48, 72, 96, 108), List.of(2, 4, 11, 22));
        List<InformationElement> e = r.toElements();
        assertEquals(Bytes.fromHex("82848b960c121824"), e.get(0).body());
        assertEquals(Bytes.fromHex("3048606c"), e.get(1).body());
        assertEquals(List.of(10, 20, 55, 110), r.basicRates100k());
    }

    @Test
    void theSaeH2eOnlySelectorFollowsTheRatesAndIsNoRate() {
        Rates r = Rates.of(List.of(2, 4, 11, 22, 12, 18, 24, 36, 48, 72, 96, 108), List.of(2, 4, 11, 22)).withSelector(Rates.SELECTOR_SAE_H2E_ONLY);
        List<InformationElement> e = r.toElements();
        assertEquals(Bytes.fromHex("82848b960c121824"), e.get(0).body(), "hostapd 2.10: the 13th octet goes to Extended Supported Rates");
        assertEquals(Bytes.fromHex("3048606cfb"), e.get(1).body());
        assertTrue(r.saeH2eOnly());
        assertEquals(List.of(10, 20, 55, 110), r.basicRates100k(), "0xFB is no basic rate of 61.5 Mbps");
        assertEquals(12, r.rates100k().size());
        assertTrue(Rates.isMembershipSelector(0xfb) && Rates.isMembershipSelector(0xff));
        assertTrue(!Rates.isMembershipSelector(0xec) && !Rates.isMembershipSelector(0x7b), "54 Mbps basic, and 123 without the basic bit");
        assertTrue(!Rates.of(List.of(2, 4), List.of(2)).saeH2eOnly());
        assertTrue(Rates.requiresSaeH2e(new IeList(e)), "found in Extended Supported Rates");
        assertTrue(Rates.requiresSaeH2e(IeList.of(Rates.of(List.of(2, 4), List.of(2)).withSelector(123).toElements().get(0))), "and in Supported Rates");
        assertTrue(!Rates.requiresSaeH2e(new IeList(Rates.of(List.of(2, 4, 11, 22, 12, 18, 24, 36, 48), List.of(2)).toElements())));
    }

    @Test
    void timeoutIntervalAndRsnxHelpers() throws Exception {
        InformationElement ti = TimeoutInterval.assocComeback(1000).toElement();
        assertEquals(ElementId.TIMEOUT_INTERVAL, ti.id());
        assertEquals(Bytes.fromHex("03e8030000"), ti.body());
        assertEquals(1000L, TimeoutInterval.assocComebackTu(IeList.of(ti)).orElseThrow());
        assertTrue(TimeoutInterval.assocComebackTu(IeList.of(new TimeoutInterval(2, 1000).toElement())).isEmpty(), "a key lifetime");
        assertTrue(TimeoutInterval.assocComebackTu(IeList.of(new InformationElement(56, Bytes.fromHex("03e80300")))).isEmpty(), "cut short");
        assertTrue(TimeoutInterval.assocComebackTu(IeList.EMPTY).isEmpty());
        assertThrows(MalformedFrameException.class, () -> TimeoutInterval.decode(Bytes.fromHex("03e803000000")));

        assertEquals(new InformationElement(ElementId.RSNX, Bytes.fromHex("20")), Rsnx.saeH2e());
        assertTrue(Rsnx.hasSaeH2e(IeList.of(Rsnx.saeH2e())));
        assertTrue(!Rsnx.hasSaeH2e(IeList.of(new InformationElement(ElementId.RSNX, Bytes.fromHex("10")))), "protected TWT only");
        assertTrue(!Rsnx.hasSaeH2e(Bytes.EMPTY) && !Rsnx.hasSaeH2e(IeList.EMPTY));
    }

    /** Extended Capabilities: bit 84 (Beacon Protection Enabled) lands in octet 10, bit 4; shorter bodies read as 0. */
    @Test
    void extendedCapabilitiesBeaconProtectionBit() {
        InformationElement e = ExtendedCapabilities.of(ExtendedCapabilities.BEACON_PROTECTION);
        assertEquals(127, e.id());
        assertEquals("0000000000000000000010", e.body().toHex());
        assertTrue(ExtendedCapabilities.has(IeList.of(e), ExtendedCapabilities.BEACON_PROTECTION));
        assertTrue(!ExtendedCapabilities.has(Bytes.fromHex("0400"), ExtendedCapabilities.BEACON_PROTECTION));
        assertTrue(!ExtendedCapabilities.has(IeList.of(), ExtendedCapabilities.BEACON_PROTECTION));
        assertThrows(IllegalArgumentException.class, () -> ExtendedCapabilities.of(2040));
    }

    /** The in-place check agrees with decode on every prefix of a real element list and on random octets. */
    @Test
    void theInPlaceCheckAgreesWithDecode() throws Exception {
        byte[] ies = IeList.of(new InformationElement(0, Bytes.of("net".getBytes())), new InformationElement(1, Bytes.of(new byte[] {(byte) 0x82, 4})))
                .encode().toArray();
        Random random = new Random(5);
        List<byte[]> inputs = new ArrayList<>();
        for (int n = 0; n <= ies.length; n++) {
            inputs.add(java.util.Arrays.copyOf(ies, n));
        }
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[random.nextInt(12)];
            random.nextBytes(b);
            inputs.add(b);
        }
        for (byte[] in : inputs) {
            boolean decodes;
            try {
                IeList.decode(Bytes.of(in));
                decodes = true;
            } catch (MalformedFrameException e) {
                decodes = false;
            }
            byte[] framed = new byte[3 + in.length];
            System.arraycopy(in, 0, framed, 3, in.length);
            if (decodes) {
                assertDoesNotThrow(() -> IeList.requireWellFormed(framed, 3));
            } else {
                assertThrows(MalformedFrameException.class, () -> IeList.requireWellFormed(framed, 3));
            }
        }
    }
}
