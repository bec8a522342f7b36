package wpa4j.hostapd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.common.codec.FrameWriter;
import wpa4j.common.eapol.KeyInfo;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;
import wpa4j.common.sae.SaeAction;
import wpa4j.common.sae.SaeGroup;
import wpa4j.common.sae.SaePassword;
import wpa4j.common.sae.SaePwe;
import wpa4j.common.sae.SaeSettings;
import wpa4j.common.sae.SaeStation;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Mfp;
import wpa4j.hostapd.StationInfo;

/** SAE on the AP core against common's SAE station: the exchange in Authentication frames, then AKM 8 with its PMK, PMKSA caching. */
class SaeAuthenticationTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final MacAddress STA = MacAddress.parse("02:00:00:00:01:00");

    /** Transition mode (WPA-PSK SAE, ieee80211w=1) with this sae_pwe and sae_anti_clogging_threshold. */
    private static ApHarness ap(int pwe, int antiClogging) throws Exception {
        ApSecurity s = PmfConfigs.security(Set.of(Akm.PSK, Akm.SAE), Mfp.OPTIONAL, pwe, SaQueryTiming.DEFAULT);
        wpa4j.hostapd.core.SaeSettings sae = new wpa4j.hostapd.core.SaeSettings(s.sae().passwords(), pwe, s.sae().groups(), antiClogging);
        return new ApHarness(PmfConfigs.config(new ApSecurity(s.akms(), s.ieee80211w(), sae, s.saQuery())));
    }

    private static SaeStation station(String password, boolean h2e, SaeGroup... groups) {
        SaeSettings s = SaeSettings.DEFAULT.withGroups(groups).withPwe(h2e ? SaePwe.HASH_TO_ELEMENT : SaePwe.LOOPING);
        return new SaeStation(SaePassword.of(password.getBytes(StandardCharsets.UTF_8), PmfConfigs.SSID), STA, FakeApDriver.AP, h2e, s, RANDOM);
    }

    /** An Authentication frame (algorithm 3) from the station to the AP. */
    private static Bytes fromStation(int transaction, int status, Bytes body) {
        MacAddress ap = FakeApDriver.AP;
        return new FrameWriter(30 + body.length()).u16le(0x00b0).u16le(0).mac(ap).mac(STA).mac(ap).u16le(0).u16le(3).u16le(transaction).u16le(status)
                .bytes(body).toBytes();
    }

    /** Runs the exchange until the station is accepted or fails; the frames the AP answered with, in order. */
    private static List<SaeAuthFrame> exchange(ApHarness h, SaeStation st, List<SaeAction> outcome) throws Exception {
        List<SaeAuthFrame> answers = new ArrayList<>();
        List<SaeAction> pending = new ArrayList<>(st.start());
        int seen = h.driver.mlme.size();
        for (int round = 0; round < 20; round++) {
            for (SaeAction a : pending) {
                if (a instanceof SaeAction.Send s) {
                    h.inject(new DriverEvent.RxMgmt(fromStation(s.transaction(), s.status(), s.body()), 0, 2412, -40));
                } else if (a instanceof SaeAction.Accepted || a instanceof SaeAction.Failed) {
                    outcome.add(a);
                    return answers;
                }
            }
            pending = new ArrayList<>();
            int from = seen;
            ApHarness.await(() -> h.driver.mlme.size() > from, () -> "the AP's SAE answer");
            for (; seen < h.driver.mlme.size(); seen++) {
                Optional<SaeAuthFrame> f = SaeAuthFrame.parse(h.driver.mlme.get(seen));
                if (f.isPresent()) {
                    answers.add(f.get());
                    pending.addAll(st.receive(f.get().transaction(), f.get().status(), f.get().body()));
                }
            }
        }
        throw new AssertionError("no end to the exchange: " + answers);
    }

    private static SaeAction.Accepted accepted(List<SaeAction> outcome) {
        return assertInstanceOf(SaeAction.Accepted.class, outcome.get(0));
    }

    @Test
    void saeThenTheSaeAkmWithItsPmkAndPmkidAndAReconnectFromThePmksaCache() throws Exception {
        try (ApHarness h = ap(0, 5)) {
            List<SaeAction> outcome = new ArrayList<>();
            exchange(h, station(PmfConfigs.PASS, false, SaeGroup.P256), outcome);
            SaeAction.Accepted ok = accepted(outcome);
            TestStation sta = new TestStation(h, STA.toString(), PmfConfigs.SSID);
            sta.rsn = TestStation.rsne(Suite.AKM_SAE, RsnElement.CAP_MFPC, null, null);
            assertEquals(0, sta.associate(false).statusCode(), "associated after SAE");
            assertEquals(Set.of(wpa4j.driver.types.StaFlag.MFP), h.driver.added.get(0).flags());
            sta.fourWay(ok.pmk(), KeyInfo.VERSION_AKM_DEFINED, true, Optional.of(ok.pmkid()));
            ApHarness.await(() -> h.events.contains("AP-STA-CONNECTED " + STA), h.events::toString);
            StationInfo info = h.get(() -> h.ap.stationInfos().get(0));
            assertEquals(19, info.saeGroup());
            assertEquals("00-0f-ac-8", info.akmSuite());

            // it leaves (protected Deauthentication) and comes back with Open System and the PMKID: no SAE
            sta.sendMgmt(MgmtSubtype.DEAUTH, true, Bytes.fromHex("0300"));
            assertTrue(h.get(() -> h.ap.stationInfos().isEmpty()));
            sta.rsn = TestStation.rsne(Suite.AKM_SAE, RsnElement.CAP_MFPC, List.of(ok.pmkid()), null);
            assertEquals(0, sta.authenticate());
            assertEquals(0, sta.associate(false).statusCode());
            sta.fourWay(ok.pmk(), KeyInfo.VERSION_AKM_DEFINED, true, Optional.of(ok.pmkid()));
            ApHarness.await(() -> h.events.stream().filter(e -> e.equals("AP-STA-CONNECTED " + STA)).count() == 2, h.events::toString);
        }
    }

    @Test
    void hashToElementIsUsedWhenTheApAllowsIt() throws Exception {
        try (ApHarness h = ap(2, 5)) {
            List<SaeAction> outcome = new ArrayList<>();
            List<SaeAuthFrame> answers = exchange(h, station(PmfConfigs.PASS, true, SaeGroup.P256), outcome);
            accepted(outcome);
            assertEquals(126, answers.get(0).status(), "the AP's commit of a hash-to-element exchange");
            TestStation sta = new TestStation(h, STA.toString(), PmfConfigs.SSID);
            sta.rsn = TestStation.rsne(Suite.AKM_SAE, RsnElement.CAP_MFPC, null, null);
            sta.rsnxe = Optional.of(new InformationElement(244, Bytes.fromHex("20")));
            wpa4j.common.frame.MgmtFrame.AssocResponse r = sta.associate(false);
            assertEquals(0, r.statusCode(), "H2E announced and used");
            assertEquals(sta.rsnxe, r.ies().find(244), "our RSNXE in the response to a station that sent one");
        }
        try (ApHarness h = ap(2, 5)) {
            List<SaeAction> outcome = new ArrayList<>();
            exchange(h, station(PmfConfigs.PASS, false, SaeGroup.P256), outcome);
            accepted(outcome);
            TestStation sta = new TestStation(h, STA.toString(), PmfConfigs.SSID);
            sta.rsn = TestStation.rsne(Suite.AKM_SAE, RsnElement.CAP_MFPC, null, null);
            sta.rsnxe = Optional.of(new InformationElement(244, Bytes.fromHex("20")));
            assertEquals(1, sta.associate(false).statusCode(), "sae_pwe=2: a station announcing H2E must have used it (downgrade)");
        }
    }

    @Test
    void aWrongPasswordFailsAndLeavesNothingBehind() throws Exception {
        try (ApHarness h = ap(0, 5)) {
            List<SaeAction> outcome = new ArrayList<>();
            exchange(h, station("not the password", false, SaeGroup.P256), outcome);
            assertInstanceOf(SaeAction.Failed.class, outcome.get(0));
            ApHarness.await(() -> {
                try {
                    return h.get(() -> h.ap.stationInfos().isEmpty());
                } catch (Exception e) {
                    return false;
                }
            }, () -> "the station entry of the failed exchange gone");
            TestStation sta = new TestStation(h, STA.toString(), PmfConfigs.SSID);
            sta.rsn = TestStation.rsne(Suite.AKM_SAE, RsnElement.CAP_MFPC, null, null);
            int before = h.driver.mlme.size();
            h.inject(new DriverEvent.RxMgmt(new wpa4j.common.frame.MgmtFrame.AssocRequest(wpa4j.common.frame.MgmtHeader.of(MgmtSubtype.ASSOC_REQ,
                    FakeApDriver.AP, STA, FakeApDriver.AP), 0x0431, 10, wpa4j.common.ie.IeList.EMPTY).encode(), 0, 2412, -40));
            assertEquals(before, h.driver.mlme.size(), "no association without authentication (a deauthentication, not a response)");
        }
    }

    @Test
    void anUnsupportedGroupIsRefusedWith77AndTheStationMovesOn() throws Exception {
        try (ApHarness h = ap(0, 5)) {
            List<SaeAction> outcome = new ArrayList<>();
            List<SaeAuthFrame> answers = exchange(h, station(PmfConfigs.PASS, false, SaeGroup.P384, SaeGroup.P256), outcome);
            assertEquals(77, answers.get(0).status());
            assertEquals(Bytes.fromHex("1400"), answers.get(0).body(), "the refused group echoed");
            assertEquals(SaeGroup.P256, accepted(outcome).group());
        }
    }

    @Test
    void antiCloggingTokensAndSaeRefusedWhereNotOffered() throws Exception {
        try (ApHarness h = ap(0, 0)) {
            List<SaeAction> outcome = new ArrayList<>();
            List<SaeAuthFrame> answers = exchange(h, station(PmfConfigs.PASS, false, SaeGroup.P256), outcome);
            assertEquals(76, answers.get(0).status(), "threshold 0: a token first");
            accepted(outcome);
        }
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.NO))) {
            h.inject(new DriverEvent.RxMgmt(fromStation(1, 0, Bytes.fromHex("1300")), 0, 2412, -40));
            SaeAuthFrame r = SaeAuthFrame.parse(h.driver.mlme.get(h.driver.mlme.size() - 1)).orElseThrow();
            assertEquals(13, r.status(), "SAE is not offered here");
            assertTrue(h.get(() -> h.ap.stationInfos().isEmpty()));
        }
    }
}
