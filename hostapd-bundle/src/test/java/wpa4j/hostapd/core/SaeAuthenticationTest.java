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
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.common.eapol.KeyInfo;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.common.frame.AuthenticationBody;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.ie.ElementId;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Rsnx;
import wpa4j.common.ie.Suite;
import wpa4j.common.sae.PmksaCache;
import wpa4j.common.sae.SaeAction;
import wpa4j.common.sae.SaeCommit;
import wpa4j.common.sae.SaeGroup;
import wpa4j.common.sae.SaePassword;
import wpa4j.common.sae.SaePwe;
import wpa4j.common.sae.SaeSettings;
import wpa4j.common.sae.SaeStation;
import wpa4j.common.sae.SaeStatus;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.ApParams;
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
        ApSaeSettings sae = new ApSaeSettings(s.sae().passwords(), pwe, s.sae().groups(), antiClogging);
        return new ApHarness(PmfConfigs.config(new ApSecurity(s.akms(), s.ieee80211w(), sae, s.saQuery())));
    }

    private static SaeStation station(String password, boolean h2e, SaeGroup... groups) {
        SaeSettings s = SaeSettings.DEFAULT.withGroups(groups).withPwe(h2e ? SaePwe.HASH_TO_ELEMENT : SaePwe.LOOPING);
        return new SaeStation(SaePassword.of(password.getBytes(StandardCharsets.UTF_8), PmfConfigs.SSID), STA, FakeApDriver.AP, h2e, s, RANDOM);
    }

    /** An Authentication frame (algorithm 3) from the station to the AP. */
    private static Bytes fromStation(int transaction, int status, Bytes body) {
        return AuthenticationBody.sae(FakeApDriver.AP, STA, FakeApDriver.AP, transaction, status, body).encode();
    }

    /** The AP's SAE Authentication frame among the frames it sent, if this is one. */
    static Optional<AuthenticationBody> sae(Bytes sent) throws Exception {
        return AuthenticationBody.decode(sent).filter(AuthenticationBody::isSae);
    }

    /** Runs the exchange until the station is accepted or fails; the frames the AP answered with, in order. */
    private static List<AuthenticationBody> exchange(ApHarness h, SaeStation st, List<SaeAction> outcome) throws Exception {
        List<AuthenticationBody> answers = new ArrayList<>();
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
                Optional<AuthenticationBody> f = sae(h.driver.mlme.get(seen));
                if (f.isPresent()) {
                    answers.add(f.get());
                    pending.addAll(st.receive(f.get().transaction(), f.get().statusCode(), f.get().body()));
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
            List<AuthenticationBody> answers = exchange(h, station(PmfConfigs.PASS, true, SaeGroup.P256), outcome);
            accepted(outcome);
            assertEquals(126, answers.get(0).statusCode(), "the AP's commit of a hash-to-element exchange");
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
            List<AuthenticationBody> answers = exchange(h, station(PmfConfigs.PASS, false, SaeGroup.P384, SaeGroup.P256), outcome);
            assertEquals(77, answers.get(0).statusCode());
            assertEquals(Bytes.fromHex("1400"), answers.get(0).body(), "the refused group echoed");
            assertEquals(SaeGroup.P256, accepted(outcome).group());
        }
    }

    @Test
    void antiCloggingTokensAndSaeRefusedWhereNotOffered() throws Exception {
        try (ApHarness h = ap(0, 0)) {
            List<SaeAction> outcome = new ArrayList<>();
            List<AuthenticationBody> answers = exchange(h, station(PmfConfigs.PASS, false, SaeGroup.P256), outcome);
            assertEquals(76, answers.get(0).statusCode(), "threshold 0: a token first");
            accepted(outcome);
        }
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.NO))) {
            h.inject(new DriverEvent.RxMgmt(fromStation(1, 0, Bytes.fromHex("1300")), 0, 2412, -40));
            AuthenticationBody r = sae(h.driver.mlme.get(h.driver.mlme.size() - 1)).orElseThrow();
            assertEquals(13, r.statusCode(), "SAE is not offered here");
            assertTrue(h.get(() -> h.ap.stationInfos().isEmpty()));
        }
    }

    @Test
    void saePwe1ListsTheH2eOnlySelectorWhichIsNoRate() throws Exception {
        try (ApHarness h = ap(1, 5)) {
            ApParams beacon = h.driver.beacons.get(0);
            assertEquals(Bytes.fromHex("3048606cfb"), IeList.decode(beacon.tail()).find(ElementId.EXTENDED_SUPPORTED_RATES).orElseThrow().body(),
                    "hostapd 2.10: after the rates, past the eighth octet");
            assertEquals(List.of(10, 20, 55, 110), beacon.basicRates(), "the driver's basic rates have no 61.5 Mbps");
            List<SaeAction> outcome = new ArrayList<>();
            exchange(h, station(PmfConfigs.PASS, true, SaeGroup.P256), outcome);
            accepted(outcome);
            TestStation sta = new TestStation(h, STA.toString(), PmfConfigs.SSID);
            sta.rsn = TestStation.rsne(Suite.AKM_SAE, RsnElement.CAP_MFPC, null, null);
            sta.rsnxe = Optional.of(Rsnx.saeH2e());
            sta.rates = Bytes.fromHex("82848b96fb");
            wpa4j.common.frame.MgmtFrame.AssocResponse r = sta.associate(false);
            assertEquals(0, r.statusCode());
            assertEquals(Optional.of(Bytes.fromHex("3048606cfb")), r.ies().find(ElementId.EXTENDED_SUPPORTED_RATES).map(InformationElement::body),
                    "the response lists the BSS's rates as the Beacon does");
            assertEquals(List.of(2, 4, 11, 22), h.driver.added.get(0).suppRates(), "the selector the station echoed is no rate");
        }
        try (ApHarness h = ap(2, 5)) {
            assertEquals(Bytes.fromHex("3048606c"), IeList.decode(h.driver.beacons.get(0).tail()).find(ElementId.EXTENDED_SUPPORTED_RATES)
                    .orElseThrow().body(), "sae_pwe=2 admits looping too");
        }
    }

    @Test
    void theTokenKeyIsRenewedOnTheLoopAndATokenOutlivesOneRenewal() throws Exception {
        try (EventLoop loop = new EventLoop("sae-tokens")) {
            List<AuthenticationBody> sent = new CopyOnWriteArrayList<>();
            ApSaeSettings settings = new ApSaeSettings(PmfConfigs.security(Set.of(Akm.SAE), Mfp.REQUIRED, 0, SaQueryTiming.DEFAULT).sae().passwords(),
                    0, List.of(19), 0);
            SaeAuthenticator sae = loop.call(() -> new SaeAuthenticator(loop, settings, PmfConfigs.SSID, FakeApDriver.AP, RANDOM, new PmksaCache(4),
                    recorder(sent), 200));
            SaeCommit commit = SaeCommit.parse(((SaeAction.Send) station(PmfConfigs.PASS, false, SaeGroup.P256).start().get(0)).body(), false);
            Bytes first = loop.call(() -> token(sae, sent, commit));
            Bytes[] previous = {first};
            Bytes oneOld = null;
            long deadline = System.currentTimeMillis() + 10_000;
            while (oneOld == null) {
                assertTrue(System.currentTimeMillis() < deadline, "the token key was not renewed twice");
                Thread.sleep(10);
                // one loop task: no renewal between reading the current token and trying the old ones
                oneOld = loop.call(() -> {
                    Bytes now = token(sae, sent, commit);
                    if (now.equals(previous[0])) {
                        return null;
                    }
                    if (previous[0].equals(first)) {
                        previous[0] = now;
                        return null;
                    }
                    int before = sent.size();
                    sae.receive(commitFrame(commit.withToken(first)));
                    assertEquals(before, sent.size(), "a token two keys old is dropped");
                    sae.receive(commitFrame(commit.withToken(previous[0])));
                    assertEquals(SaeStatus.SUCCESS, sent.get(before).statusCode(), "a token one key old passes: the AP's commit");
                    return previous[0];
                });
            }
            loop.call(() -> {
                sae.close();
                return null;
            });
        }
    }

    private static AuthenticationBody commitFrame(SaeCommit c) {
        return AuthenticationBody.sae(FakeApDriver.AP, STA, FakeApDriver.AP, SaeStatus.COMMIT, SaeStatus.SUCCESS, c.encode(false));
    }

    /** The token of the AP's status-76 answer to a tokenless commit (group, then the token, without hash-to-element). */
    private static Bytes token(SaeAuthenticator sae, List<AuthenticationBody> sent, SaeCommit c) {
        sae.receive(commitFrame(c));
        AuthenticationBody r = sent.get(sent.size() - 1);
        assertEquals(SaeStatus.ANTI_CLOGGING_TOKEN_REQUIRED, r.statusCode());
        return r.body().slice(2, r.body().length() - 2);
    }

    private static SaeAuthenticator.Outcome recorder(List<AuthenticationBody> sent) {
        return new SaeAuthenticator.Outcome() {
            @Override
            public void send(AuthenticationBody frame) {
                sent.add(frame);
            }

            @Override
            public void accepted(MacAddress sta, SecretKeyBytes pmk, Bytes pmkid, SaeGroup group, boolean h2e) {
                pmk.destroy();
            }

            @Override
            public void failed(MacAddress sta, int status, String why) {}
        };
    }
}
