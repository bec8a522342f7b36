package wpa4j.hostapd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.common.crypto.EapolMic;
import wpa4j.common.eapol.EapolKey;
import wpa4j.common.eapol.KeyInfo;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.Mfp;

/** The AP's side of wpa_ptk_rekey: a station's EAPOL-Key Request, and a group rekey that comes during a PTK rekey. */
class PtkRekeyApTest {
    private static Bytes request(TestStation sta, long counter) {
        EapolKey req = new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(KeyInfo.VERSION_HMAC_SHA1_AES, KeyInfo.REQUEST, KeyInfo.PAIRWISE, KeyInfo.MIC,
                KeyInfo.SECURE), 0, counter, EapolKey.ZERO_NONCE, EapolKey.ZERO_16, EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16, Bytes.EMPTY);
        return EapolMic.sign(sta.ptk.kck(), req, 1).toPdu(1);
    }

    private static long pairwiseInstalls(ApHarness h) {
        return h.driver.keys.stream().filter(KeyParams::isPairwise).count();
    }

    @Test
    void aStationsRequestStartsANewFourWayHandshakeOnceAndNotOnAReplay() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.NO))) {
            TestStation sta = TestStation.joined(h, "02:00:00:00:01:00", Akm.PSK, 0);
            Bytes anonce = sta.message3.nonce();
            int sent = h.driver.eapol.size();
            Bytes req = request(sta, 0);
            h.inject(new DriverEvent.EapolRx(sta.addr, req));
            assertEquals(sent + 1, h.driver.eapol.size(), "message 1 of a PTK rekey");
            // the same Request again (a replay): nothing
            h.inject(new DriverEvent.EapolRx(sta.addr, req));
            assertEquals(sent + 1, h.driver.eapol.size());
            sta.fourWay(PmfConfigs.psk(), KeyInfo.VERSION_HMAC_SHA1_AES, false, Optional.empty());
            assertNotEquals(anonce, sta.message3.nonce());
            ApHarness.await(() -> pairwiseInstalls(h) == 2, () -> "the new PTK installed: " + h.driver.keys);
            assertTrue(h.events.stream().filter(e -> e.startsWith("AP-STA-CONNECTED")).count() == 1, "a rekey is no new connection: " + h.events);
        }
    }

    @Test
    void aGroupRekeyDuringAPtkRekeyFollowsItsMessage4() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.NO))) {
            TestStation sta = TestStation.joined(h, "02:00:00:00:01:00", Akm.PSK, 0);
            h.run(() -> h.ap.rekeyPtk(sta.addr));
            h.run(h.ap::rekeyGroup);
            // the PTK rekey completes first; only then does the group key handshake start
            sta.fourWay(PmfConfigs.psk(), KeyInfo.VERSION_HMAC_SHA1_AES, false, Optional.empty());
            sta.groupHandshake(KeyInfo.VERSION_HMAC_SHA1_AES);
            ApHarness.await(() -> h.events.contains("WPA-GROUP-KEY-COMPLETED " + sta.addr + " keyid=2"), h.events::toString);
            ApHarness.await(() -> h.driver.keys.stream().anyMatch(k -> !k.isPairwise() && k.keyIdx() == 2 && k.setTx()), h.driver.keys::toString);
            assertTrue(h.events.stream().noneMatch(e -> e.contains("timed out") || e.startsWith("AP-STA-DISCONNECTED")), h.events.toString());
        }
    }
}
