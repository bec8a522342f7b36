package wpa4j.hostapd.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.common.eapol.KeyData;
import wpa4j.common.eapol.KeyInfo;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;
import wpa4j.common.sae.PmksaEntry;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.Mfp;
import wpa4j.driver.types.StaFlag;
import wpa4j.hostapd.StationInfo;

/** The AP core with PMF and the SHA-256/SAE AKMs against a supplicant written in the test: RSNE, IGTK, MICs and flags. */
class PmfHandshakeTest {
    private static final int MFPC = RsnElement.CAP_MFPC;
    private static final int MFPR = RsnElement.CAP_MFPR;
    private static final Bytes IPN_SEQ = Bytes.fromHex("0300000000000000");

    private static RsnElement beaconRsn(ApHarness h) throws Exception {
        IeList tail = IeList.decode(h.driver.beacons.get(0).tail());
        return tail.rsn().orElseThrow();
    }

    private static KeyParams installed(ApHarness h, KeyAlg alg, int idx) {
        return h.driver.keys.stream().filter(k -> k.alg() == alg && k.keyIdx() == idx).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void pskWithPmfRequiredAnnouncesMfpcMfprAndHandsTheIgtkOutInMessage3() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.REQUIRED))) {
            h.driver.seqnums.put(4, IPN_SEQ);
            RsnElement rsn = beaconRsn(h);
            assertEquals(MFPC | MFPR, rsn.capabilities());
            assertEquals(null, rsn.groupMgmtCipher(), "BIP-CMAC-128 is the default: hostapd leaves the suite out");
            assertEquals(List.of(Suite.AKM_PSK), rsn.akms());
            KeyParams igtk = installed(h, KeyAlg.IGTK, 4);
            assertTrue(igtk.setTx() && !igtk.isPairwise());

            TestStation sta = new TestStation(h, "02:00:00:00:01:00", PmfConfigs.SSID);
            sta.rsn = TestStation.rsne(Suite.AKM_PSK, MFPC, null, null);
            assertEquals(0, sta.authenticate());
            assertEquals(0, sta.associate(false).statusCode());
            assertEquals(Set.of(StaFlag.MFP), h.driver.added.get(0).flags(), "sta_add with MFP");
            sta.fourWay(PmfConfigs.psk(), KeyInfo.VERSION_HMAC_SHA1_AES, false, Optional.empty());

            KeyData.Igtk kde = sta.message3Data.igtk().orElseThrow();
            assertEquals(4, kde.keyId());
            assertEquals(Bytes.fromHex("030000000000"), kde.ipn(), "the IPN the driver has reached");
            assertEquals(igtk.key(), kde.igtk());
            assertFalse(sta.message3Data.gtk().orElseThrow().tx(), "GTK KDE without the Tx bit: pairwise keys are in use");
            assertEquals(List.of(ApRsnElements.rsne(h.ap.config().security())), sta.message3Data.elements().stream().filter(e -> e.id() == 48).toList());

            ApHarness.await(() -> h.events.contains("AP-STA-CONNECTED " + sta.addr), h.events::toString);
            FakeApDriver.Flags f = h.driver.flags.get(h.driver.flags.size() - 1);
            assertEquals(Set.of(StaFlag.AUTHORIZED, StaFlag.MFP), f.total());
            assertTrue(h.driver.eapol.get(h.driver.eapol.size() - 1).flags().contains(StaFlag.MFP));
            StationInfo info = h.get(() -> h.ap.stationInfos().get(0));
            assertEquals("[AUTH][ASSOC][AUTHORIZED][MFP]", info.flags());
            assertEquals("00-0f-ac-2", info.akmSuite());
        }
    }

    @Test
    void aStationWithoutMfpcGetsNoIgtkAndAnApWithoutPmfHasNone() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.OPTIONAL))) {
            assertEquals(MFPC, beaconRsn(h).capabilities());
            TestStation sta = new TestStation(h, "02:00:00:00:01:00", PmfConfigs.SSID);
            sta.rsn = TestStation.rsne(Suite.AKM_PSK, 0, null, null);
            sta.authenticate();
            assertEquals(0, sta.associate(false).statusCode());
            assertEquals(Set.of(), h.driver.added.get(0).flags());
            sta.fourWay(PmfConfigs.psk(), KeyInfo.VERSION_HMAC_SHA1_AES, false, Optional.empty());
            assertTrue(sta.message3Data.igtk().isEmpty(), "no IGTK KDE for a station without PMF");
            ApHarness.await(() -> h.events.contains("AP-STA-CONNECTED " + sta.addr), h.events::toString);
            assertEquals(Set.of(StaFlag.AUTHORIZED), h.driver.flags.get(h.driver.flags.size() - 1).total());
        }
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.NO))) {
            assertEquals(0, beaconRsn(h).capabilities());
            assertTrue(h.driver.keys.stream().noneMatch(k -> k.alg() == KeyAlg.IGTK), "no IGTK without PMF");
        }
    }

    @Test
    void pskSha256UsesAesCmacMicsAndTheSha256Kdf() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK, Akm.PSK_SHA256), Mfp.OPTIONAL))) {
            assertEquals(List.of(Suite.AKM_PSK, Suite.AKM_PSK_SHA256), beaconRsn(h).akms(), "hostapd's AKM order");
            assertEquals(Set.of(KeyMgmt.PSK, KeyMgmt.PSK_SHA256), h.driver.beacons.get(0).keyMgmtSuites());
            TestStation sta = new TestStation(h, "02:00:00:00:01:00", PmfConfigs.SSID);
            sta.rsn = TestStation.rsne(Suite.AKM_PSK_SHA256, MFPC, null, null);
            sta.authenticate();
            assertEquals(0, sta.associate(false).statusCode());
            sta.fourWay(PmfConfigs.psk(), KeyInfo.VERSION_AES_CMAC_AES, true, Optional.empty());
            assertTrue(sta.message3Data.igtk().isPresent());
            ApHarness.await(() -> h.events.contains("AP-STA-CONNECTED " + sta.addr), h.events::toString);
            KeyParams ptk = h.driver.keys.stream().filter(KeyParams::isPairwise).findFirst().orElseThrow();
            assertArrayEquals(sta.ptk.tk().copy(), ptk.key().toArray(), "the TK of the SHA-256 KDF");
        }
    }

    @Test
    void theSaeAkmWithACachedPmksaSkipsSaeAndNamesThePmkidInMessage1() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(PmfConfigs.security(Set.of(Akm.SAE), Mfp.REQUIRED, 1, SaQueryTiming.DEFAULT)))) {
            IeList tail = IeList.decode(h.driver.beacons.get(0).tail());
            assertEquals(Optional.of(new InformationElement(244, Bytes.fromHex("20"))), tail.find(244), "RSNXE with SAE hash-to-element");
            assertEquals(List.of(Suite.AKM_SAE), tail.rsn().orElseThrow().akms());
            SecretKeyBytes pmk = SecretKeyBytes.copyOf(Bytes.fromHex("7aead86fba4c3221fc437f5f14d70d854ea5d5aac1690116793081eda4d557c5").toArray());
            Bytes pmkid = Bytes.fromHex("f3a0f7f6b1d2a8ae3d8e1c2f3b6d5e4a");
            TestStation sta = new TestStation(h, "02:00:00:00:01:00", PmfConfigs.SSID);
            h.run(() -> h.ap.pmksaCache().add(new PmksaEntry(FakeApDriver.AP, sta.addr, SecretKeyBytes.copyOf(pmk.copy()), pmkid, Suite.AKM_SAE,
                    Instant.now().plusSeconds(60))));
            sta.rsn = TestStation.rsne(Suite.AKM_SAE, MFPC, List.of(pmkid), null);
            sta.rsnxe = Optional.of(new InformationElement(244, Bytes.fromHex("20")));
            assertEquals(0, sta.authenticate(), "Open System: the PMKSA stands in for SAE");
            assertEquals(0, sta.associate(false).statusCode());
            sta.fourWay(pmk, KeyInfo.VERSION_AKM_DEFINED, true, Optional.of(pmkid));
            assertEquals(tail.find(244), sta.message3Data.elements().stream().filter(e -> e.id() == 244).findFirst(), "our RSNXE in message 3");
            assertTrue(sta.message3Data.igtk().isPresent());
            ApHarness.await(() -> h.events.contains("AP-STA-CONNECTED " + sta.addr), h.events::toString);
            assertEquals("00-0f-ac-8", h.get(() -> h.ap.stationInfos().get(0)).akmSuite());
        }
    }

    @Test
    void aGroupRekeyRekeysTheIgtkAtTheOtherIndex() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK_SHA256), Mfp.REQUIRED))) {
            TestStation sta = new TestStation(h, "02:00:00:00:01:00", PmfConfigs.SSID);
            sta.rsn = TestStation.rsne(Suite.AKM_PSK_SHA256, MFPC, null, null);
            sta.authenticate();
            sta.associate(false);
            sta.fourWay(PmfConfigs.psk(), KeyInfo.VERSION_AES_CMAC_AES, true, Optional.empty());
            ApHarness.await(() -> h.events.contains("AP-STA-CONNECTED " + sta.addr), h.events::toString);
            h.run(h.ap::rekeyGroup);
            KeyData g1 = sta.groupHandshake(KeyInfo.VERSION_AES_CMAC_AES);
            assertEquals(2, g1.gtk().orElseThrow().keyId());
            assertEquals(5, g1.igtk().orElseThrow().keyId());
            ApHarness.await(() -> h.events.contains("WPA-GROUP-KEY-COMPLETED " + sta.addr + " keyid=2"), h.events::toString);
            // installed as transmit keys once the only station has them
            ApHarness.await(() -> h.driver.keys.stream().anyMatch(k -> k.alg() == KeyAlg.IGTK && k.keyIdx() == 5), h.driver.keys::toString);
            KeyParams igtk5 = installed(h, KeyAlg.IGTK, 5);
            assertEquals(igtk5.key(), g1.igtk().orElseThrow().igtk());
            h.run(h.ap::rekeyGroup);
            assertEquals(4, sta.groupHandshake(KeyInfo.VERSION_AES_CMAC_AES).igtk().orElseThrow().keyId(), "back to index 4, as hostapd alternates");
            ApHarness.await(() -> h.driver.keys.get(h.driver.keys.size() - 1).keyIdx() == 4, h.driver.keys::toString);
        }
    }

    /**
     * As hostapd's SETKEYSDONE: the rekey's GTK and IGTK start transmitting only when every station has them or is
     * gone, so a station mid-handshake loses no group-addressed frame.
     */
    @Test
    void theNewGroupKeysTransmitOnceEveryStationHasThemOrIsGone() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK_SHA256), Mfp.REQUIRED))) {
            TestStation a = TestStation.joined(h, "02:00:00:00:01:00", Akm.PSK_SHA256, MFPC);
            TestStation b = TestStation.joined(h, "02:00:00:00:03:00", Akm.PSK_SHA256, MFPC);
            h.run(h.ap::rekeyGroup);
            assertEquals(2, a.groupHandshake(KeyInfo.VERSION_AES_CMAC_AES).gtk().orElseThrow().keyId());
            ApHarness.await(() -> h.events.contains("WPA-GROUP-KEY-COMPLETED " + a.addr + " keyid=2"), h.events::toString);
            b.nextEapol();
            h.run(() -> { });
            assertTrue(h.driver.keys.stream().noneMatch(k -> !k.isPairwise() && (k.keyIdx() == 2 || k.keyIdx() == 5)),
                    "one station still has the old keys only: " + h.driver.keys);
            b.sendMgmt(MgmtSubtype.DEAUTH, true, Bytes.fromHex("0300"));
            ApHarness.await(() -> h.driver.keys.stream().anyMatch(k -> k.keyIdx() == 2 && k.setTx()), h.driver.keys::toString);
            assertTrue(installed(h, KeyAlg.IGTK, 5).setTx());
        }
    }

    @Test
    void aRefusalSaysWhyInTheEventLine() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.REQUIRED))) {
            TestStation sta = new TestStation(h, "02:00:00:00:01:00", PmfConfigs.SSID);
            sta.rsn = TestStation.rsne(Suite.AKM_PSK, 0, null, null);
            sta.authenticate();
            assertEquals(31, sta.associate(false).statusCode());
            String line = h.events.get(h.events.size() - 1);
            assertTrue(line.startsWith("AP-STA-ASSOC-REJECT 02:00:00:00:01:00 status_code=31 (management frame protection required"), line);
            assertTrue(h.driver.added.isEmpty());
        }
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.SAE), Mfp.REQUIRED))) {
            TestStation sta = new TestStation(h, "02:00:00:00:01:00", PmfConfigs.SSID);
            sta.rsn = TestStation.rsne(Suite.AKM_SAE, MFPC, null, null);
            assertEquals(0, sta.authenticate());
            assertEquals(53, sta.associate(false).statusCode(), "SAE AKM after Open System without a PMKSA");
        }
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.NO))) {
            // the kernel refusing the station entry: its own words and errno go into the line
            h.driver.staAddFails = new wpa4j.driver.DriverException("sta_add", "NL80211_CMD_NEW_STATION refused", 17, null);
            TestStation sta = new TestStation(h, "02:00:00:00:01:00", PmfConfigs.SSID);
            sta.rsn = TestStation.rsne(Suite.AKM_PSK, 0, null, null);
            sta.authenticate();
            assertEquals(1, sta.associate(false).statusCode());
            String line = h.events.get(h.events.size() - 1);
            assertEquals("AP-STA-ASSOC-REJECT 02:00:00:00:01:00 status_code=1 (the driver did not add the station: "
                    + "sta_add: NL80211_CMD_NEW_STATION refused (errno 17))", line);
        }
    }
}
