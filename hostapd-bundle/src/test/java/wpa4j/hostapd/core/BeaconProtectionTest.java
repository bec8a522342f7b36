package wpa4j.hostapd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.common.eapol.KeyData;
import wpa4j.common.eapol.KeyInfo;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.ie.ElementId;
import wpa4j.common.ie.ExtendedCapabilities;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;
import wpa4j.driver.Capabilities;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.DriverFlag;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Mfp;
import wpa4j.driver.types.Ssid;

/**
 * Beacon protection (beacon_prot=1) as hostapd 2.10 does it: a BIGTK at 6/7 installed as the default beacon key and
 * rekeyed with the GTK and IGTK, handed out after the IGTK to stations with PMF, and bit 84 in Extended Capabilities.
 */
class BeaconProtectionTest {
    private static final int MFPC = RsnElement.CAP_MFPC;
    private static final Capabilities CAN_PROTECT_BEACONS = capa(EnumSet.of(DriverFlag.BEACON_PROTECTION));
    private static final Bytes BIPN_SEQ = Bytes.fromHex("0500000000000000");

    private static Capabilities capa(Set<DriverFlag> flags) {
        Capabilities n = Capabilities.none();
        return new Capabilities(n.keyMgmt(), n.enc(), n.auth(), flags, n.maxScanSsids(), n.maxSchedScanSsids(), n.schedScanSupported(),
                n.maxMatchSets(), n.maxRemainOnChan(), n.maxStations(), n.probeRespOffloads(), n.supportedOps());
    }

    private static ApConfig config(Set<Akm> akms, Mfp mfp, int saePwe, boolean beaconProt) {
        ApSecurity s = PmfConfigs.security(akms, mfp, saePwe, SaQueryTiming.DEFAULT);
        return PmfConfigs.config(new ApSecurity(s.akms(), s.ieee80211w(), s.sae(), s.saQuery(), beaconProt));
    }

    private static List<KeyParams> installed(ApHarness h, int idx) {
        return h.driver.keys.stream().filter(k -> k.alg() == KeyAlg.IGTK && k.keyIdx() == idx).toList();
    }

    private static TestStation joined(ApHarness h, String addr, int caps) throws Exception {
        return TestStation.joined(h, addr, Akm.PSK_SHA256, caps);
    }

    /** The KDE data types (GTK 1, IGTK 9, BIGTK 14, ...) of key data, in order. */
    private static List<Integer> kdeTypes(KeyData data) {
        return data.elements().stream().filter(e -> e.id() == ElementId.VENDOR_SPECIFIC).map(e -> e.body().u8(3)).toList();
    }

    private static IeList beaconTail(ApHarness h) throws Exception {
        return IeList.decode(h.driver.beacons.get(h.driver.beacons.size() - 1).tail());
    }

    @Test
    void message3CarriesTheBigtkAfterTheIgtkToAStationWithPmf() throws Exception {
        try (ApHarness h = new ApHarness(config(Set.of(Akm.PSK_SHA256), Mfp.OPTIONAL, 0, true), CAN_PROTECT_BEACONS)) {
            h.driver.seqnums.put(6, BIPN_SEQ);
            KeyParams bigtk = installed(h, 6).get(0);
            assertTrue(bigtk.setTx() && !bigtk.isPairwise(), "installed as the default beacon key");
            assertEquals(16, bigtk.key().length());

            TestStation sta = joined(h, "02:00:00:00:01:00", MFPC);
            KeyData.Bigtk kde = sta.message3Data.bigtk().orElseThrow();
            assertEquals(6, kde.keyId());
            assertEquals(16, kde.bigtk().length());
            assertEquals(bigtk.key(), kde.bigtk());
            assertEquals(Bytes.fromHex("050000000000"), kde.bipn(), "the BIPN the driver has reached");
            assertEquals(List.of(KeyData.KDE_GTK, KeyData.KDE_IGTK, KeyData.KDE_BIGTK), kdeTypes(sta.message3Data), "hostapd's order");
            assertTrue(h.events.stream().noneMatch(e -> e.contains("beacon_prot")), h.events::toString);

            TestStation noPmf = joined(h, "02:00:00:00:02:00", 0);
            assertTrue(noPmf.message3Data.bigtk().isEmpty() && noPmf.message3Data.igtk().isEmpty(), "no BIGTK without PMF negotiated");
        }
    }

    @Test
    void withoutBeaconProtTheBssHasNoBigtk() throws Exception {
        try (ApHarness h = new ApHarness(config(Set.of(Akm.PSK_SHA256), Mfp.REQUIRED, 0, false), CAN_PROTECT_BEACONS)) {
            TestStation sta = joined(h, "02:00:00:00:01:00", MFPC | RsnElement.CAP_MFPR);
            assertTrue(sta.message3Data.igtk().isPresent());
            assertTrue(sta.message3Data.bigtk().isEmpty());
            assertTrue(installed(h, 6).isEmpty() && installed(h, 7).isEmpty());
            assertTrue(beaconTail(h).find(ElementId.EXTENDED_CAPABILITIES).isEmpty());
        }
    }

    @Test
    void aGroupRekeyInstallsTheNextBigtkAtTheOtherIndexAsDefaultBeaconKey() throws Exception {
        try (ApHarness h = new ApHarness(config(Set.of(Akm.PSK_SHA256), Mfp.REQUIRED, 0, true), CAN_PROTECT_BEACONS)) {
            TestStation sta = joined(h, "02:00:00:00:01:00", MFPC | RsnElement.CAP_MFPR);
            assertEquals(6, sta.message3Data.bigtk().orElseThrow().keyId());

            h.run(h.ap::rekeyGroup);
            assertTrue(installed(h, 7).isEmpty(), "the old keys transmit until every station has the new ones (SETKEYSDONE)");
            KeyData g1 = sta.groupHandshake(KeyInfo.VERSION_AES_CMAC_AES);
            assertEquals(List.of(KeyData.KDE_GTK, KeyData.KDE_IGTK, KeyData.KDE_BIGTK), kdeTypes(g1));
            assertEquals(7, g1.bigtk().orElseThrow().keyId());
            assertEquals("000000000000", g1.bigtk().orElseThrow().bipn().toHex(), "a key not yet transmitting starts at BIPN 0");
            ApHarness.await(() -> h.events.contains("WPA-GROUP-KEY-COMPLETED " + sta.addr + " keyid=2"), h.events::toString);
            ApHarness.await(() -> !installed(h, 7).isEmpty(), h.driver.keys::toString);
            KeyParams bigtk7 = installed(h, 7).get(0);
            assertTrue(bigtk7.setTx(), "the new BIGTK is the default beacon key");
            List<Integer> order = h.driver.keys.stream().filter(k -> !k.isPairwise()).map(KeyParams::keyIdx).toList();
            assertEquals(List.of(1, 4, 6, 2, 5, 7), order, "GTK, IGTK, BIGTK at start and on rekey, as hostapd installs them");
            assertEquals(bigtk7.key(), g1.bigtk().orElseThrow().bigtk());
            assertFalse(bigtk7.key().equals(installed(h, 6).get(0).key()), "a new key");

            h.run(h.ap::rekeyGroup);
            assertEquals(6, sta.groupHandshake(KeyInfo.VERSION_AES_CMAC_AES).bigtk().orElseThrow().keyId());
            ApHarness.await(() -> installed(h, 6).size() == 2, () -> "back to index 6, as hostapd alternates GN_bigtk: " + h.driver.keys);
        }
    }

    @Test
    void theBeaconProbeAndAssociationResponsesCarryBit84AfterTheRsneAndBeforeTheRsnxe() throws Exception {
        try (ApHarness h = new ApHarness(config(Set.of(Akm.SAE), Mfp.REQUIRED, 1, true), CAN_PROTECT_BEACONS)) {
            IeList tail = beaconTail(h);
            assertEquals(List.of(ElementId.RSN, ElementId.EXTENDED_CAPABILITIES, ElementId.RSNX), tail.elements().stream()
                    .map(InformationElement::id).filter(id -> id != ElementId.EXTENDED_SUPPORTED_RATES).toList());
            InformationElement ext = tail.find(ElementId.EXTENDED_CAPABILITIES).orElseThrow();
            assertEquals(11, ext.body().length(), "as long as bit 84 needs, as hostapd trims it");
            assertTrue(ExtendedCapabilities.has(tail, ExtendedCapabilities.BEACON_PROTECTION));
            assertEquals(1, ext.body().toArray()[10] >> 4 & 1);

            MacAddress sta = MacAddress.parse("02:00:00:00:01:00");
            int before = h.driver.mlme.size();
            h.inject(new DriverEvent.RxMgmt(probe(sta, PmfConfigs.SSID), 0, 2412, -40));
            MgmtFrame.ProbeResponse resp = (MgmtFrame.ProbeResponse) MgmtFrame.decode(h.driver.mlme.get(before));
            assertTrue(ExtendedCapabilities.has(resp.ies(), ExtendedCapabilities.BEACON_PROTECTION));
        }
        try (ApHarness h = new ApHarness(config(Set.of(Akm.PSK_SHA256), Mfp.OPTIONAL, 0, true), CAN_PROTECT_BEACONS)) {
            TestStation sta = new TestStation(h, "02:00:00:00:01:00", PmfConfigs.SSID);
            sta.rsn = TestStation.rsne(Suite.AKM_PSK_SHA256, MFPC, null, null);
            sta.authenticate();
            MgmtFrame.AssocResponse r = sta.associate(false);
            assertEquals(0, r.statusCode());
            assertTrue(ExtendedCapabilities.has(r.ies(), ExtendedCapabilities.BEACON_PROTECTION), "as hostapd's send_assoc_resp");
        }
    }

    @Test
    void withoutBeaconProtNeitherBeaconNorProbeResponseHasBit84() throws Exception {
        try (ApHarness h = new ApHarness(config(Set.of(Akm.PSK_SHA256), Mfp.OPTIONAL, 0, false), CAN_PROTECT_BEACONS)) {
            assertFalse(ExtendedCapabilities.has(beaconTail(h), ExtendedCapabilities.BEACON_PROTECTION));
            int before = h.driver.mlme.size();
            h.inject(new DriverEvent.RxMgmt(probe(MacAddress.parse("02:00:00:00:01:00"), Ssid.WILDCARD), 0, 2412, -40));
            MgmtFrame.ProbeResponse resp = (MgmtFrame.ProbeResponse) MgmtFrame.decode(h.driver.mlme.get(before));
            assertTrue(resp.ies().find(ElementId.EXTENDED_CAPABILITIES).isEmpty());
        }
    }

    @Test
    void aDriverThatCannotProtectBeaconsRunsTheBssWithoutAndSaysSoOnce() throws Exception {
        try (ApHarness h = new ApHarness(config(Set.of(Akm.PSK_SHA256), Mfp.REQUIRED, 0, true))) {
            assertEquals(List.of("beacon_prot=1 not used: driver fake cannot protect Beacons; the BSS runs without beacon protection"),
                    h.events.stream().filter(e -> e.contains("beacon")).toList());
            assertTrue(h.events.contains("AP-ENABLED"), "the BSS runs");
            assertTrue(installed(h, 6).isEmpty() && installed(h, 7).isEmpty(), "no BIGTK");
            assertFalse(ExtendedCapabilities.has(beaconTail(h), ExtendedCapabilities.BEACON_PROTECTION));
            TestStation sta = joined(h, "02:00:00:00:01:00", MFPC | RsnElement.CAP_MFPR);
            assertTrue(sta.message3Data.igtk().isPresent());
            assertTrue(sta.message3Data.bigtk().isEmpty());
        }
    }

    @Test
    void beaconProtNeedsPmfAndTheOldConstructorLeavesItOff() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ApSecurity(Set.of(Akm.PSK), Mfp.NO, ApSaeSettings.NONE, SaQueryTiming.DEFAULT, true));
        assertTrue(e.getMessage().contains("needs management frame protection"), e.getMessage());
        assertFalse(new ApSecurity(Set.of(Akm.PSK), Mfp.OPTIONAL, ApSaeSettings.NONE, SaQueryTiming.DEFAULT).beaconProt());
        ApSecurity on = new ApSecurity(Set.of(Akm.PSK), Mfp.OPTIONAL, ApSaeSettings.NONE, SaQueryTiming.DEFAULT, true);
        assertEquals("ApSecurity[key_mgmt=WPA-PSK, ieee80211w=1, beacon_prot=1]", on.toString());
    }

    /** The replaced and dropped BIGTKs (as the GTK and IGTK) are zeroed: the arrays the keyring's random filled. */
    @Test
    void replacedAndDroppedKeysAreZeroed() throws Exception {
        List<byte[]> filled = new ArrayList<>();
        SecureRandom recording = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                super.nextBytes(bytes);
                filled.add(bytes);
            }
        };
        FakeApDriver d = new FakeApDriver();
        GroupKeyring keys = new GroupKeyring(recording);
        keys.start(d, true, true);
        assertEquals(3, filled.size(), "GTK, IGTK, BIGTK");
        keys.rekey();
        assertEquals(6, filled.size());
        assertTrue(filled.stream().noneMatch(BeaconProtectionTest::zero), "old keys transmit until the rekey completes");
        keys.rekey();
        assertEquals(9, filled.size());
        assertTrue(filled.subList(3, 6).stream().allMatch(BeaconProtectionTest::zero), "a rekey's keys replaced before they transmitted: zeroed");
        assertEquals(7, keys.current(d).bigtk().orElseThrow().keyId(), "the replacement takes the same index");
        keys.completeRekey(d);
        for (int i : new int[] {0, 1, 2, 6, 7, 8}) {
            assertEquals(i < 3, zero(filled.get(i)), "key " + i + (i < 3 ? " replaced: zeroed" : " current: kept"));
        }
        assertEquals(7, keys.current(d).bigtk().orElseThrow().keyId());
        keys.drop();
        assertTrue(filled.stream().allMatch(BeaconProtectionTest::zero), "all zeroed when the BSS stops");
    }

    private static boolean zero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static Bytes probe(MacAddress sta, Ssid ssid) {
        List<InformationElement> ies = List.of(new InformationElement(0, ssid.octets()), new InformationElement(1, Bytes.fromHex("82848b96")));
        return new MgmtFrame.ProbeRequest(MgmtHeader.of(MgmtSubtype.PROBE_REQ, MacAddress.BROADCAST, sta, MacAddress.BROADCAST), new IeList(ies))
                .encode();
    }
}
