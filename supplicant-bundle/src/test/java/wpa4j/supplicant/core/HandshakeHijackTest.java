package wpa4j.supplicant.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import wpa4j.common.eapol.EapolKey;
import wpa4j.common.eapol.KeyInfo;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.frame.ReasonCode;
import wpa4j.common.ie.IeList;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.driver.types.MacAddress;
import wpa4j.sim.medium.Radio;
import wpa4j.supplicant.SupplicantState;

/**
 * A stranger without the key (no PMF) in range of a connected station: an EAPOL-Key message 1 it forges (message 1
 * carries no MIC) and a Deauthentication it forges. Neither may leave the station stuck, drop its keys, or pass for a
 * wrong passphrase.
 */
class HandshakeHijackTest {
    private static final String PASS = "correct horse battery";
    private static final MacAddress AP = MacAddress.parse("02:00:00:00:00:00");
    private static final MacAddress STA = MacAddress.parse("02:00:00:00:01:00");

    private static DriverEvent forgedMessage1(long replay) {
        byte[] anonce = new byte[32];
        new SecureRandom().nextBytes(anonce);
        Bytes pdu = new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(KeyInfo.VERSION_HMAC_SHA1_AES, KeyInfo.PAIRWISE, KeyInfo.ACK), 16, replay,
                Bytes.of(anonce), EapolKey.ZERO_16, EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16, Bytes.EMPTY).toPdu(2);
        return new DriverEvent.EapolRx(AP, pdu);
    }

    /** A Deauthentication as the AP would send it, transmitted by a third radio with the AP's address forged. */
    private static void forgedDeauth(Radio forger, int reason) throws Exception {
        MgmtHeader h = MgmtHeader.of(MgmtSubtype.DEAUTH, STA, AP, AP);
        forger.sendMlme(new MgmtFrame.Deauthentication(h, reason, IeList.EMPTY).encode(), true);
    }

    private static void inject(SimPair p, DriverEvent e) throws Exception {
        p.staLoop.call(() -> {
            p.sta.onEvent(e);
            return null;
        });
    }

    @Test
    void aForgedMessage1WhileConnectedTimesOutAndTheInstalledKeysStay() throws Exception {
        try (SimPair p = new SimPair().startAp(SimPair.apConfig(PASS, HiddenSsid.NO_SSID_HIDING, 0)).startStation(SimPair.network(PASS, false))) {
            p.awaitState(SupplicantState.COMPLETED);
            inject(p, forgedMessage1(1_000_000));
            assertEquals(SupplicantState.FOUR_WAY_HANDSHAKE, p.staState(), "message 1 starts a rekey, as in wpa_supplicant");
            p.awaitState(SupplicantState.COMPLETED);
            assertTrue(p.staEvents.stream().anyMatch(l -> l.startsWith("WPA: PTK rekey with " + AP + " did not complete")), p.staEvents.toString());
            assertFalse(p.staEvents.stream().anyMatch(l -> l.startsWith("CTRL-EVENT-DISCONNECTED")), p.staEvents.toString());
            // the link still carries data under the installed keys
            List<String> atAp = new CopyOnWriteArrayList<>();
            p.apRadio.addDataListener((src, dst, type, payload) -> atAp.add(new String(payload.toArray())));
            p.staRadio.sendData(AP, 0x0800, Bytes.of("after".getBytes()));
            SimPair.await(() -> atAp.contains("after"), "data after the abandoned rekey");
        }
    }

    @Test
    void aForgedDeauthenticationIsADisconnectWithItsReasonNeverAWrongKey() throws Exception {
        try (SimPair p = new SimPair().startAp(SimPair.apConfig(PASS, HiddenSsid.NO_SSID_HIDING, 0)).startStation(SimPair.network(PASS, false))) {
            p.awaitState(SupplicantState.COMPLETED);
            Radio forger = p.medium.addRadio("sim2", MacAddress.parse("02:00:00:00:0f:00"));
            forger.setFreq(2412);
            // the forged message 1 first puts the station in 4WAY_HANDSHAKE, where wpa_supplicant would read a deauth as a wrong key
            inject(p, forgedMessage1(1_000_000));
            forgedDeauth(forger, ReasonCode.CLASS3_FRAME_FROM_NONASSOC_STA);
            SimPair.await(() -> p.staEvents.contains("CTRL-EVENT-DISCONNECTED bssid=" + AP + " reason=7"), p.staEvents::toString);
            // a forged 4-way handshake timeout reason outside the first handshake is no wrong key either
            int completions = (int) p.staStates.stream().filter(s -> s == SupplicantState.COMPLETED).count();
            SimPair.await(() -> p.staStates.stream().filter(s -> s == SupplicantState.COMPLETED).count() > completions, "reconnected: " + p.staEvents);
            inject(p, forgedMessage1(2_000_000));
            forgedDeauth(forger, ReasonCode.FOURWAY_HANDSHAKE_TIMEOUT);
            SimPair.await(() -> p.staEvents.contains("CTRL-EVENT-DISCONNECTED bssid=" + AP + " reason=15"), p.staEvents::toString);
            p.awaitState(SupplicantState.COMPLETED);
            assertFalse(p.staEvents.stream().anyMatch(l -> l.contains("WRONG_KEY") || l.contains("pre-shared key may be incorrect")), p.staEvents.toString());
            assertFalse(p.staEvents.stream().anyMatch(l -> l.startsWith("CTRL-EVENT-SSID-TEMP-DISABLED")), p.staEvents.toString());
        }
    }
}
