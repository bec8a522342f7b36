package wpa4j.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wpa4j.sim.SimBss.AP;
import static wpa4j.sim.SimBss.EVIL;
import static wpa4j.sim.SimBss.FREQ;
import static wpa4j.sim.SimBss.SSID;
import static wpa4j.sim.SimBss.STA;
import static wpa4j.sim.SimBss.awaitCount;
import static wpa4j.sim.SimBss.counters;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import wpa4j.common.crypto.Bip;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.AuthParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Mfp;
import wpa4j.driver.types.SendActionParams;
import wpa4j.driver.types.WepKeys;

/** SAE frames and management frame protection (802.11w) on the sim medium, as mac80211 handles them. */
class SimSaePmfTest {
    private static final int PROTECTED = 0x40;

    @Test
    void saeAuthenticationFramesPassBothWaysUnchanged() throws Exception {
        try (SimBss b = new SimBss()) {
            // 0xff 0xff... is no element list: the body must never be decoded as one
            Bytes commit = Bytes.fromHex("010000001300" + "ff".repeat(32) + "0142");
            b.sta.authenticate(sae(commit));
            DriverEvent.RxMgmt atAp = b.apEvents.await(DriverEvent.RxMgmt.class, m -> SimBss.subtype(m.frame()) == MgmtSubtype.AUTH);
            assertEquals(Bytes.fromHex("0300").toHex() + commit.toHex(), atAp.frame().slice(24, atAp.frame().length() - 24).toHex());

            Bytes apCommit = Bytes.fromHex("0300" + "01000000" + "1300" + "ee".repeat(40));
            b.ap.sendMlme(Bytes.of(concat(SimBss.header(MgmtSubtype.AUTH, STA), apCommit)), false);
            DriverEvent.Auth c = b.staEvents.await(DriverEvent.Auth.class, a -> a.authTransaction() == 1);
            assertEquals(new DriverEvent.Auth(AP, AP, 3, 1, 0, apCommit.slice(6, apCommit.length() - 6)), c);

            Bytes confirm = Bytes.fromHex("02000000" + "0100" + "cc".repeat(32));
            b.sta.authenticate(sae(confirm));
            b.apEvents.await(DriverEvent.RxMgmt.class, m -> m.frame().u8(26) == 2);
            Bytes apConfirm = Bytes.fromHex("0300" + "02000000" + "0100" + "dd".repeat(32));
            b.ap.sendMlme(Bytes.of(concat(SimBss.header(MgmtSubtype.AUTH, STA), apConfirm)), false);
            DriverEvent.Auth done = b.staEvents.await(DriverEvent.Auth.class, a -> a.authTransaction() == 2);
            assertEquals(apConfirm.slice(6, apConfirm.length() - 6), done.ies());
            b.associate(Mfp.REQUIRED);
            assertEquals(Optional.of(AP), b.sta.getBssid(), "SAE authenticated the station, so it could associate");
        }
    }

    /**
     * hostapd sends its commit and its confirm at once, so the AP's confirm usually arrives while the supplicant is still
     * computing its own: as mac80211 ("SAE peer confirmed"), sending our confirm then completes the authentication.
     */
    @Test
    void apConfirmBeforeOursCompletesTheAuthenticationWhenOursIsSent() throws Exception {
        try (SimBss b = new SimBss()) {
            b.sta.authenticate(sae(Bytes.fromHex("010000001300" + "ff".repeat(32))));
            b.apEvents.await(DriverEvent.RxMgmt.class, m -> SimBss.subtype(m.frame()) == MgmtSubtype.AUTH);
            b.ap.sendMlme(Bytes.of(concat(SimBss.header(MgmtSubtype.AUTH, STA), Bytes.fromHex("0300" + "01000000" + "1300" + "ee".repeat(40)))), false);
            b.ap.sendMlme(Bytes.of(concat(SimBss.header(MgmtSubtype.AUTH, STA), Bytes.fromHex("0300" + "02000000" + "0100" + "dd".repeat(32)))), false);
            b.staEvents.await(DriverEvent.Auth.class, a -> a.authTransaction() == 2 && a.statusCode() == 0);
            b.sta.authenticate(sae(Bytes.fromHex("02000000" + "0100" + "cc".repeat(32))));
            b.apEvents.await(DriverEvent.RxMgmt.class, m -> m.frame().u8(26) == 2);
            b.associate(Mfp.REQUIRED);
            assertEquals(Optional.of(AP), b.sta.getBssid(), "our confirm after the AP's completed SAE, so the station could associate");
        }
    }

    @Test
    void pmfStationIgnoresAForgedDeauthAndObeysAProtectedOne() throws Exception {
        try (SimBss b = new SimBss().connect(Mfp.REQUIRED)) {
            long before = counters(b.staRadio).rxUnprotectedMgmt();
            b.evilRadio.sendMlme(SimBss.deauth(STA, 7), true);
            assertEquals(new DriverEvent.UnprotDeauth(AP, STA, 7), b.staEvents.await(DriverEvent.UnprotDeauth.class, e -> true));
            awaitCount(() -> counters(b.staRadio).rxUnprotectedMgmt(), before, "forged deauth");
            assertEquals(Optional.of(AP), b.sta.getBssid(), "the link stays");
            assertTrue(b.staEvents.of(DriverEvent.Deauth.class).isEmpty());

            b.ap.staDeauth(AP, STA, 2);
            assertEquals(new DriverEvent.Deauth(AP, 2, Bytes.EMPTY, false), b.staEvents.await(DriverEvent.Deauth.class, e -> true));
            assertEquals(Optional.empty(), b.sta.getBssid());
        }
    }

    @Test
    void withoutPmfAForgedDeauthDisconnects() throws Exception {
        try (SimBss b = new SimBss().connect(Mfp.NO)) {
            b.evilRadio.sendMlme(SimBss.deauth(STA, 7), true);
            assertEquals(new DriverEvent.Deauth(AP, 7, Bytes.EMPTY, false), b.staEvents.await(DriverEvent.Deauth.class, e -> true));
        }
    }

    @Test
    void apReportsAnUnprotectedDeauthFromAnMfpStationAndTakesAProtectedOne() throws Exception {
        try (SimBss b = new SimBss().connect(Mfp.REQUIRED)) {
            Bytes forged = new MgmtFrame.Deauthentication(wpa4j.common.frame.MgmtHeader.of(MgmtSubtype.DEAUTH, AP, STA, AP), 3,
                    wpa4j.common.ie.IeList.EMPTY).encode();
            b.evilRadio.sendMlme(forged, true);
            assertEquals(new DriverEvent.UnprotDeauth(STA, AP, 3), b.apEvents.await(DriverEvent.UnprotDeauth.class, e -> true));

            b.sta.deauthenticate(AP, 3);
            DriverEvent.RxMgmt m = b.apEvents.await(DriverEvent.RxMgmt.class, f -> SimBss.subtype(f.frame()) == MgmtSubtype.DEAUTH);
            assertEquals(PROTECTED, m.frame().u8(1) & PROTECTED, "decrypted, Protected bit kept as mac80211 reports it");
            assertEquals(Bytes.fromHex("0300"), m.frame().slice(24, m.frame().length() - 24), "the reason, decrypted");
        }
    }

    @Test
    void broadcastDeauthWithValidBipIsObeyedAndWrongMicOrReplayedIpnDropped() throws Exception {
        try (SimBss b = new SimBss().connect(Mfp.REQUIRED)) {
            SecretKeyBytes igtk = SecretKeyBytes.copyOf(SimBss.IGTK);
            long failed = counters(b.staRadio).rxDecryptFailed();
            b.evilRadio.sendMlme(Bip.protect(SecretKeyBytes.copyOf(new byte[16]), 4, 5, SimBss.deauth(MacAddress.BROADCAST, 1)), true);
            awaitCount(() -> counters(b.staRadio).rxDecryptFailed(), failed, "BIP MIC mismatch");

            // a robust group-addressed Action (WNM) from the AP takes IPN 1; a copy of it is a replay
            Bytes wnm = new MgmtFrame.Action(SimBss.header(MgmtSubtype.ACTION, MacAddress.BROADCAST), 10, Bytes.of((byte) 7)).encode();
            b.ap.sendMlme(wnm, true);
            DriverEvent.RxAction got = b.staEvents.await(DriverEvent.RxAction.class, m -> m.category() == 10);
            assertEquals(Bytes.of((byte) 7), got.data(), "MMIE removed");
            long replayed = counters(b.staRadio).rxReplayed();
            b.evilRadio.sendMlme(Bip.protect(igtk, 4, 1, SimBss.deauth(MacAddress.BROADCAST, 1)), true);
            awaitCount(() -> counters(b.staRadio).rxReplayed(), replayed, "replayed IPN");
            b.evilRadio.sendMlme(SimBss.deauth(MacAddress.BROADCAST, 1), true);
            b.staEvents.await(DriverEvent.UnprotDeauth.class, e -> e.da().isBroadcast());
            assertEquals(Optional.of(AP), b.sta.getBssid(), "none of them ended the link");

            b.ap.sendMlme(SimBss.deauth(MacAddress.BROADCAST, 3), true);
            assertEquals(new DriverEvent.Deauth(AP, 3, Bytes.EMPTY, false), b.staEvents.await(DriverEvent.Deauth.class, e -> true));
            assertEquals(Bytes.fromHex("0200000000000000"), b.ap.getSeqnum("sim0", MacAddress.BROADCAST, 4), "IPN 2 sent last");
        }
    }

    @Test
    void stationAnswersTheApsSaQueryItselfAndSendsItsOwnWithSendAction() throws Exception {
        try (SimBss b = new SimBss().connect(Mfp.REQUIRED)) {
            long unprotected = counters(b.staRadio).rxUnprotectedMgmt();
            b.evilRadio.sendMlme(SimBss.saQuery(STA, AP, 0, 0x0bad), true);
            awaitCount(() -> counters(b.staRadio).rxUnprotectedMgmt(), unprotected, "unprotected SA Query");

            b.ap.sendMlme(SimBss.saQuery(STA, AP, 0, 0xabcd), true);
            DriverEvent.RxMgmt answer = b.apEvents.await(DriverEvent.RxMgmt.class, m -> m.frame().length() > 24 && m.frame().u8(24) == 8);
            assertEquals(PROTECTED, answer.frame().u8(1) & PROTECTED);
            assertArrayEquals(new byte[] {8, 1, (byte) 0xab, (byte) 0xcd}, answer.frame().slice(24, 4).toArray(), "same transaction id");
            assertEquals(1, b.apEvents.of(DriverEvent.RxMgmt.class).stream().filter(m -> m.frame().u8(24) == 8).count(),
                    "one answer, to the protected request only");
            assertTrue(b.staEvents.of(DriverEvent.RxMgmt.class).isEmpty(), "the request is answered by the sim, not reported");

            b.sta.sendAction(new SendActionParams(FREQ, 0, AP, STA, AP, Bytes.of((byte) 8, (byte) 0, (byte) 0x12, (byte) 0x34), false));
            DriverEvent.RxMgmt request = b.apEvents.await(DriverEvent.RxMgmt.class, m -> m.frame().u8(24) == 8 && m.frame().u8(25) == 0);
            assertEquals(PROTECTED, request.frame().u8(1) & PROTECTED);
            b.staEvents.await(DriverEvent.TxStatus.class, t -> t.ack() && t.frameSubtype() == 13);
            b.ap.sendMlme(SimBss.saQuery(STA, AP, 1, 0x1234), true);
            DriverEvent.RxMgmt response = b.staEvents.await(DriverEvent.RxMgmt.class, m -> m.frame().u8(24) == 8);
            assertArrayEquals(new byte[] {8, 1, 0x12, 0x34}, response.frame().slice(24, 4).toArray());
            assertFalse(b.sta.getBssid().isEmpty());
        }
    }

    private static AuthParams sae(Bytes saeData) {
        return new AuthParams(FREQ, AP, SSID, AuthAlg.SAE, Bytes.EMPTY, WepKeys.NONE, false, false, saeData);
    }

    private static byte[] concat(wpa4j.common.frame.MgmtHeader h, Bytes body) {
        return new MgmtFrame.Opaque(h, body).encode().toArray();
    }
}
