package wpa4j.sim.medium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wpa4j.sim.medium.Air.AP;
import static wpa4j.sim.medium.Air.FREQ;
import static wpa4j.sim.medium.Air.OTHER;
import static wpa4j.sim.medium.Air.RSNE;
import static wpa4j.sim.medium.Air.SSID;
import static wpa4j.sim.medium.Air.STA;
import static wpa4j.sim.medium.Air.body;
import static wpa4j.sim.medium.Air.counters;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import wpa4j.common.frame.AuthenticationBody;
import wpa4j.common.frame.LeaveFrames;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.frame.SaQuery;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.driver.DriverException;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.AuthParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Mfp;
import wpa4j.driver.types.ScanParams;
import wpa4j.driver.types.ScanResult;
import wpa4j.driver.types.ScanResultFlag;
import wpa4j.driver.types.Ssid;
import wpa4j.driver.types.WepKeys;

/**
 * The station side of a radio as the medium runs it for a supplicant that is its own SME: scanning and the BSS cache,
 * Open System and SAE authentication, association, retries and timeouts, leaving, beacon loss, SA Query answers and
 * which Action frames go up.
 */
class StationMlmeTest {
    private static final MacAddress THIRD = MacAddress.parse("02:00:00:00:03:00");
    private static final Bytes SSID_IE = Bytes.fromHex("0004" + SSID.octets().toHex());
    /** Supported Rates 1, 2, 5.5, 11 (basic), 6, 9, 12, 18 Mb/s, Extended Supported Rates 24, 36, 48, 54 Mb/s. */
    private static final Bytes RATES = Bytes.fromHex("010882848b960c121824" + "32043048606c");

    private static List<MacAddress> bssids(Radio r) throws Exception {
        return r.scanResults().results().stream().map(ScanResult::bssid).toList();
    }

    private static Optional<ScanResult> seen(Radio r, MacAddress bssid) throws Exception {
        return r.scanResults().results().stream().filter(x -> x.bssid().equals(bssid)).findFirst();
    }

    private static AuthParams sae(Bytes saeData) {
        return new AuthParams(FREQ, AP, SSID, AuthAlg.SAE, Bytes.EMPTY, WepKeys.NONE, false, false, saeData);
    }

    @Test
    void anActiveScanProbesEveryChannelGivenAndFindsWhoAnswersThere() throws Exception {
        try (Air air = new Air()) {
            Air.FakeHostapd ap1 = air.ap("sim0", AP);
            Air.FakeHostapd ap2 = air.ap("sim2", OTHER);
            Air.FakeHostapd ap3 = air.ap("sim3", THIRD);
            ap2.radio.setFreq(2437);
            ap3.radio.setFreq(2462);
            IeList answer = IeList.of(new InformationElement(0, SSID.octets()), new InformationElement(221, Bytes.fromHex("0050f2")));
            for (Air.FakeHostapd ap : List.of(ap1, ap2, ap3)) {
                ap.answerProbes = true;
                ap.probeRespIes = answer;
                ap.start(65535, Bytes.EMPTY);
            }
            Air.Node sta = air.node("sim1", STA); // after the APs' first Beacons: only probing finds them

            sta.radio().scan(ScanParams.directed(List.of(SSID), List.of(2412, 2437)));
            DriverEvent.ScanResults done = sta.events().await(DriverEvent.ScanResults.class, e -> true);
            assertEquals(new DriverEvent.ScanResults(false, List.of(2412, 2437), List.of(SSID, Ssid.WILDCARD)), done);

            assertEquals(Set.of(AP, OTHER), Set.copyOf(bssids(sta.radio())));
            ScanResult r = seen(sta.radio(), OTHER).orElseThrow();
            assertEquals(2437, r.freq());
            assertEquals(answer.encode(), r.ies());
            assertEquals(Bytes.EMPTY, r.beaconIes(), "no Beacon heard");

            List<Bytes> probes = ap2.rxMgmt(MgmtSubtype.PROBE_REQ);
            assertEquals(List.of(Bytes.fromHex(SSID_IE.toHex() + RATES.toHex()), Bytes.fromHex("0000" + RATES.toHex())),
                    probes.stream().map(Air::body).toList(), "one directed, one wildcard Probe Request");
            MgmtHeader.Peek h = MgmtHeader.peek(probes.get(0));
            assertEquals(List.of(MacAddress.BROADCAST, STA, MacAddress.BROADCAST), List.of(h.da(), h.sa(), h.bssid()));
            assertEquals(List.of(), ap3.rxMgmt(MgmtSubtype.PROBE_REQ), "channel 11 was not scanned");
        }
    }

    @Test
    void aPassiveScanSendsNothingAndFindsBeacons() throws Exception {
        try (Air air = new Air(1, new SimTiming(150, 200, 3, 600_000, 600_000))) {
            Air.FakeHostapd ap = air.ap("sim0", AP);
            ap.radio.setFreq(2437);
            ap.start(15, RSNE);
            Air.Node sta = air.node("sim1", STA);
            sta.radio().scan(new ScanParams(List.of(), Bytes.EMPTY, List.of(2437), List.of(), 0, false));
            sta.events().await(DriverEvent.ScanResults.class, e -> true);
            ScanResult r = seen(sta.radio(), AP).orElseThrow();
            assertEquals(2437, r.freq());
            String ies = r.beaconIes().toHex();
            assertTrue(ies.startsWith(SSID_IE.toHex() + "0504") && ies.endsWith(RSNE.toHex()), ies);
            assertEquals(r.beaconIes(), r.ies(), "no Probe Response");
            assertEquals(List.of(), ap.rxMgmt(MgmtSubtype.PROBE_REQ));
            assertEquals(0, counters(sta.radio()).txFrames());
        }
    }

    @Test
    void oneScanAtATimeAndNoneOnAnAp() throws Exception {
        try (Air air = new Air()) {
            Air.Node sta = air.node("sim1", STA);
            sta.radio().scan(ScanParams.active(List.of(2412, 2437)));
            assertEquals(16, assertThrows(DriverException.class, () -> sta.radio().scan(ScanParams.active(List.of()))).errno(), "EBUSY");
            sta.events().await(DriverEvent.ScanResults.class, e -> true);
            sta.radio().scan(ScanParams.active(List.of(2412)));

            Air.FakeHostapd ap = air.ap("sim0", AP);
            ap.start(65535, Bytes.EMPTY);
            assertEquals(95, assertThrows(DriverException.class, () -> ap.radio.scan(ScanParams.active(List.of()))).errno());
        }
    }

    @Test
    void theCacheForgetsABssNotHeardForScanCacheMsButNotTheOneItIsAssociatedWith() throws Exception {
        try (Air air = new Air(1, new SimTiming(40, 200, 3, 600_000, 200))) {
            Air.Node sta = air.node("sim1", STA);
            Air.FakeHostapd ap = air.ap("sim0", AP);
            Air.FakeHostapd other = air.ap("sim2", OTHER);
            CompletableFuture<List<MacAddress>> heard = new CompletableFuture<>();
            air.medium.call(() -> {
                ap.start(65535, Bytes.EMPTY);
                other.start(65535, Bytes.EMPTY); // heard after AP: expires after it, unless AP is kept
                // on the air loop right after both Beacons, whatever the test thread does meanwhile
                air.medium.air().execute(() -> heard.complete(sta.radio().station.results().results().stream().map(ScanResult::bssid).toList()));
                return null;
            });
            assertEquals(List.of(AP, OTHER), heard.get(10, TimeUnit.SECONDS));
            Air.connect(ap, sta, Bytes.EMPTY, Mfp.NO);

            Air.await(() -> {
                try {
                    return !bssids(sta.radio()).contains(OTHER);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, () -> "OTHER to expire");
            ScanResult kept = seen(sta.radio(), AP).orElseThrow();
            assertTrue(kept.flags().contains(ScanResultFlag.ASSOCIATED));
            assertTrue(kept.ageMs() >= 200, "older than the cache time: " + kept.ageMs());
        }
    }

    @Test
    void openSystemAuthenticationThenAssociationAsTheFramesAndEventsSayIt() throws Exception {
        try (Air air = new Air()) {
            Air.Node sta = air.node("sim1", STA);
            air.medium.setLink(AP, STA, new LinkParams(0, 0, -52));
            Air.FakeHostapd ap = air.ap("sim0", AP);
            ap.start(65535, RSNE);

            sta.radio().authenticate(AuthParams.open(FREQ, AP, SSID));
            assertEquals(new DriverEvent.Auth(AP, AP, 0, 2, 0, Bytes.EMPTY), sta.events().await(DriverEvent.Auth.class, a -> true));
            List<Bytes> auth = ap.rxMgmt(MgmtSubtype.AUTH);
            assertEquals(1, auth.size());
            assertEquals(Bytes.fromHex("000001000000"), body(auth.get(0)), "Open System, transaction 1, status 0");
            MgmtHeader.Peek h = MgmtHeader.peek(auth.get(0));
            assertEquals(List.of(AP, STA, AP), List.of(h.da(), h.sa(), h.bssid()));

            sta.radio().associate(Air.assocParams(RSNE, Mfp.NO));
            DriverEvent.AssocInfoData info = sta.events().await(DriverEvent.Assoc.class, a -> true).info();
            Bytes reqIes = Bytes.fromHex(SSID_IE.toHex() + RATES.toHex() + RSNE.toHex());
            // capability ESS | Privacy | Short Slot Time, listen interval 10
            assertEquals(Bytes.fromHex("11040a00" + reqIes.toHex()), body(ap.rxMgmt(MgmtSubtype.ASSOC_REQ).get(0)));
            assertEquals(new DriverEvent.AssocInfoData(AP, false, reqIes, Bytes.EMPTY, Bytes.fromHex(SSID_IE.toHex() + "050400020000" + RSNE.toHex()),
                    FREQ), info);

            assertEquals(Optional.of(AP), sta.radio().bssid());
            assertEquals(Optional.of(SSID), sta.radio().ssid());
            assertEquals(List.of(FREQ, -52), List.of(sta.radio().signal().frequency(), sta.radio().signal().currentSignal()));
            assertTrue(seen(sta.radio(), AP).orElseThrow().flags().contains(ScanResultFlag.ASSOCIATED));
        }
    }

    @Test
    void anUnansweredAuthenticationIsSentMlmeAttemptsTimesThenTimesOut() throws Exception {
        try (Air air = new Air(1, new SimTiming(40, 20, 3, 600_000, 600_000))) {
            Air.FakeHostapd ap = air.ap("sim0", AP);
            ap.answerAuth = false;
            ap.start(65535, Bytes.EMPTY);
            Air.Node sta = air.node("sim1", STA);
            sta.radio().authenticate(AuthParams.open(FREQ, AP, SSID));
            assertEquals(new DriverEvent.AuthTimedOut(AP), sta.events().await(DriverEvent.AuthTimedOut.class, e -> true));
            assertEquals(3, ap.rxMgmt(MgmtSubtype.AUTH).size());
            assertEquals(List.of(), sta.events().of(DriverEvent.Auth.class));
            assertEquals(67, assertThrows(DriverException.class, () -> sta.radio().associate(Air.assocParams(Bytes.EMPTY, Mfp.NO))).errno(),
                    "ENOLINK: not authenticated");
        }
    }

    @Test
    void aRefusedAuthenticationIsReportedAndLeavesNothingToAssociateWith() throws Exception {
        try (Air air = new Air()) {
            Air.FakeHostapd ap = air.ap("sim0", AP);
            ap.authStatus = 1;
            ap.start(65535, Bytes.EMPTY);
            Air.Node sta = air.node("sim1", STA);
            sta.radio().authenticate(AuthParams.open(FREQ, AP, SSID));
            assertEquals(1, sta.events().await(DriverEvent.Auth.class, a -> true).statusCode());
            assertThrows(DriverException.class, () -> sta.radio().associate(Air.assocParams(Bytes.EMPTY, Mfp.NO)));
            assertEquals(List.of(), ap.rxMgmt(MgmtSubtype.ASSOC_REQ));
        }
    }

    @Test
    void aRejectedOrUnansweredAssociationIsReported() throws Exception {
        try (Air air = new Air(1, new SimTiming(40, 20, 3, 600_000, 600_000))) {
            Air.FakeHostapd ap = air.ap("sim0", AP);
            ap.assocStatus = 17;
            ap.start(65535, Bytes.EMPTY);
            Air.Node sta = air.node("sim1", STA);
            sta.radio().authenticate(AuthParams.open(FREQ, AP, SSID));
            sta.events().await(DriverEvent.Auth.class, a -> true);
            sta.radio().associate(Air.assocParams(Bytes.EMPTY, Mfp.NO));
            assertEquals(new DriverEvent.AssocReject(AP, Bytes.EMPTY, 17), sta.events().await(DriverEvent.AssocReject.class, e -> true));
            assertEquals(Optional.empty(), sta.radio().bssid());

            ap.answerAssoc = false;
            int mark = sta.events().all.size();
            sta.radio().authenticate(AuthParams.open(FREQ, AP, SSID));
            Air.await(() -> sta.events().all.size() > mark, () -> "the second Auth");
            sta.radio().associate(Air.assocParams(Bytes.EMPTY, Mfp.NO));
            assertEquals(new DriverEvent.AssocTimedOut(AP), sta.events().await(DriverEvent.AssocTimedOut.class, e -> true));
            assertEquals(1 + 3, ap.rxMgmt(MgmtSubtype.ASSOC_REQ).size(), "the rejected one, then three unanswered");
            assertEquals(List.of(), sta.events().of(DriverEvent.Assoc.class));
        }
    }

    @Test
    void saeFramesCarryWhatUserSpaceGivesAndTheConfirmsCompleteTheAuthentication() throws Exception {
        try (Air air = new Air()) {
            Air.FakeHostapd ap = air.ap("sim0", AP);
            ap.start(65535, Bytes.EMPTY);
            Air.Node sta = air.node("sim1", STA);

            sta.radio().authenticate(sae(Bytes.fromHex("01000000" + "1300" + "c0ffee")));
            Air.await(() -> ap.rxMgmt(MgmtSubtype.AUTH).size() == 1, () -> "the commit");
            assertEquals(Bytes.fromHex("0300" + "0100" + "0000" + "1300c0ffee"), body(ap.rxMgmt(MgmtSubtype.AUTH).get(0)), "SAE, transaction 1");
            ap.radio.sendMlme(saeFromAp(1, 0, "1300beef"), false);
            assertEquals(new DriverEvent.Auth(AP, AP, 3, 1, 0, Bytes.fromHex("1300beef")), sta.events().await(DriverEvent.Auth.class, a -> true));
            assertThrows(DriverException.class, () -> sta.radio().associate(Air.assocParams(RSNE, Mfp.REQUIRED)), "commits only");

            sta.radio().authenticate(sae(Bytes.fromHex("02000000" + "0100" + "aa")));
            ap.radio.sendMlme(saeFromAp(2, 0, "0100bb"), false);
            sta.events().await(DriverEvent.Auth.class, a -> a.authTransaction() == 2 && a.statusCode() == 0);
            sta.radio().associate(Air.assocParams(RSNE, Mfp.REQUIRED));
            sta.events().await(DriverEvent.Assoc.class, a -> true);
        }
    }

    /** An SAE Authentication frame as hostapd sends it to the station. */
    private static Bytes saeFromAp(int transaction, int status, String fields) {
        return AuthenticationBody.sae(STA, AP, AP, transaction, status, Bytes.fromHex(fields)).encode();
    }

    @Test
    void aDeauthenticationFromItsApEndsTheAssociationAndTakesTheKeysAndOneFromAnotherDoesNot() throws Exception {
        try (Air air = new Air()) {
            Air.FakeHostapd ap = air.ap("sim0", AP);
            ap.start(65535, Bytes.EMPTY);
            Air.Node sta = air.node("sim1", STA);
            Air.Node stranger = air.node("sim2", OTHER);
            Air.connect(ap, sta, Bytes.EMPTY, Mfp.NO);
            sta.radio().setKey(KeyParams.pairwise(KeyAlg.CCMP, AP, Bytes.EMPTY, Bytes.fromHex("11".repeat(16))));
            sta.radio().sendData(OTHER, 0x0800, Bytes.fromHex("00"));

            air.transmit(stranger.radio(), LeaveFrames.deauth(OTHER, STA, 2).toArray(), FREQ);
            air.settle();
            assertEquals(Optional.of(AP), sta.radio().bssid(), "not from its BSS");

            ap.radio.sendMlme(LeaveFrames.deauth(AP, STA, 2), false);
            assertEquals(new DriverEvent.Deauth(AP, 2, Bytes.EMPTY, false), sta.events().await(DriverEvent.Deauth.class, e -> true));
            assertEquals(Optional.empty(), sta.radio().bssid());
            assertEquals(Bytes.fromHex("0000000000000000"), sta.radio().seqnum(AP, 0), "the pairwise key is gone");
            assertThrows(DriverException.class, () -> sta.radio().sendData(OTHER, 0x0800, Bytes.fromHex("00")));
        }
    }

    @Test
    void leavingTellsTheApAndIsReportedAsLocallyGenerated() throws Exception {
        try (Air air = new Air()) {
            Air.FakeHostapd ap = air.ap("sim0", AP);
            ap.start(65535, Bytes.EMPTY);
            Air.Node sta = air.node("sim1", STA);

            Air.connect(ap, sta, Bytes.EMPTY, Mfp.NO);
            sta.radio().deauthenticate(AP, 3);
            assertEquals(List.of(new DriverEvent.Deauth(AP, 3, Bytes.EMPTY, true)), sta.events().of(DriverEvent.Deauth.class));
            air.settle();
            assertEquals(List.of(Bytes.fromHex("0300")), ap.rxMgmt(MgmtSubtype.DEAUTH).stream().map(Air::body).toList());
            assertEquals(Optional.empty(), sta.radio().bssid());

            Air.connect(ap, sta, Bytes.EMPTY, Mfp.NO);
            sta.radio().disassociate(AP, 8);
            air.settle();
            assertEquals(List.of(new DriverEvent.Disassoc(AP, 8, Bytes.EMPTY, true)), sta.events().of(DriverEvent.Disassoc.class));
            assertEquals(List.of(Bytes.fromHex("0800")), ap.rxMgmt(MgmtSubtype.DISASSOC).stream().map(Air::body).toList());
            assertEquals(Optional.empty(), sta.radio().ssid());
        }
    }

    @Test
    void silenceOfTheBssForBeaconLossMsEndsTheAssociation() throws Exception {
        try (Air air = new Air(1, new SimTiming(40, 200, 3, 300, 600_000))) {
            Air.FakeHostapd ap = air.ap("sim0", AP);
            ap.start(15, Bytes.EMPTY);
            Air.Node sta = air.node("sim1", STA);
            Air.connect(ap, sta, Bytes.EMPTY, Mfp.NO);
            long sent = counters(ap.radio).txFrames();
            Air.await(() -> counters(ap.radio).txFrames() >= sent + 30, () -> "30 Beacons: more than beaconLossMs");
            assertEquals(List.of(), sta.events().of(DriverEvent.Deauth.class), "a BSS that beacons keeps its station");

            long staSent = counters(sta.radio()).txFrames();
            ap.radio.stopAp();
            assertEquals(new DriverEvent.Deauth(AP, 4, Bytes.EMPTY, true), sta.events().await(DriverEvent.Deauth.class, e -> true),
                    "reason 4, inactivity: the station's own decision");
            assertEquals(Optional.empty(), sta.radio().bssid());
            assertEquals(staSent, counters(sta.radio()).txFrames(), "no Deauthentication sent to a BSS that is gone");
        }
    }

    @Test
    void theMediumAnswersItsApsSaQueryItself() throws Exception {
        try (Air air = new Air()) {
            Air.FakeHostapd ap = air.ap("sim0", AP);
            ap.start(65535, Bytes.EMPTY);
            Air.Node sta = air.node("sim1", STA);
            Air.connect(ap, sta, Bytes.EMPTY, Mfp.NO);
            int before = sta.events().all.size();

            ap.radio.sendMlme(new SaQuery(true, Bytes.fromHex("1234")).encode(STA, AP, AP), false);
            Air.await(() -> !ap.rxMgmt(MgmtSubtype.ACTION).isEmpty(), () -> "the SA Query Response");
            Bytes response = ap.rxMgmt(MgmtSubtype.ACTION).get(0);
            assertEquals(Bytes.fromHex("08011234"), body(response), "SA Query Response, the same transaction identifier");
            MgmtHeader.Peek h = MgmtHeader.peek(response);
            assertEquals(List.of(AP, STA, AP), List.of(h.da(), h.sa(), h.bssid()));
            assertEquals(before, sta.events().all.size(), "nothing for the supplicant");
        }
    }

    @Test
    void publicActionFramesGoUpFromAnyoneOtherActionFramesOnlyFromTheBss() throws Exception {
        try (Air air = new Air()) {
            Air.FakeHostapd ap = air.ap("sim0", AP);
            ap.start(65535, Bytes.EMPTY);
            Air.Node sta = air.node("sim1", STA);
            Air.Node stranger = air.node("sim2", OTHER);
            Air.connect(ap, sta, Bytes.EMPTY, Mfp.NO);

            for (int category : List.of(4, 10)) {
                air.transmit(stranger.radio(), action(STA, OTHER, OTHER, category), FREQ);
                air.transmit(ap.radio, action(STA, AP, AP, category), FREQ);
            }
            air.settle();
            assertEquals(List.of(new DriverEvent.RxAction(STA, OTHER, OTHER, 4, Bytes.fromHex("0a0b"), FREQ),
                    new DriverEvent.RxAction(STA, AP, AP, 4, Bytes.fromHex("0a0b"), FREQ),
                    new DriverEvent.RxAction(STA, AP, AP, 10, Bytes.fromHex("0a0b"), FREQ)), sta.events().of(DriverEvent.RxAction.class));
        }
    }

    private static byte[] action(MacAddress da, MacAddress sa, MacAddress bssid, int category) {
        return new MgmtFrame.Action(MgmtHeader.of(MgmtSubtype.ACTION, da, sa, bssid), category, Bytes.fromHex("0a0b")).encode().toArray();
    }
}
