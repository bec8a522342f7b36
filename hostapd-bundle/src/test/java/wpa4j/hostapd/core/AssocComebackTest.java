package wpa4j.hostapd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.common.eapol.KeyInfo;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.frame.SaQuery;
import wpa4j.common.ie.ElementId;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;
import wpa4j.common.ie.TimeoutInterval;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Mfp;

/**
 * IEEE 802.11w on the AP: association comeback with SA Query (a station that is still there keeps its association,
 * one that is gone is replaced), SA Query answers, and unprotected frames that cannot end a protected association.
 */
class AssocComebackTest {
    private static final Bytes DEAUTH_LEAVING = Bytes.fromHex("0300");

    /** A PSK station connected with PMF to an AP requiring it. */
    private static TestStation connect(ApHarness h) throws Exception {
        TestStation sta = new TestStation(h, "02:00:00:00:01:00", PmfConfigs.SSID);
        sta.rsn = TestStation.rsne(Suite.AKM_PSK, RsnElement.CAP_MFPC, null, null);
        sta.authenticate();
        assertEquals(0, sta.associate(false).statusCode());
        sta.fourWay(PmfConfigs.psk(), KeyInfo.VERSION_HMAC_SHA1_AES, false, Optional.empty());
        ApHarness.await(() -> h.events.contains("AP-STA-CONNECTED " + sta.addr), h.events::toString);
        return sta;
    }

    private static ApHarness ap(SaQueryTiming t) throws Exception {
        return new ApHarness(PmfConfigs.config(PmfConfigs.security(Set.of(Akm.PSK), Mfp.REQUIRED, 0, t)));
    }

    /** The SA Query frames the AP sent to {@code sta}. */
    private static List<SaQuery> saQueries(ApHarness h, TestStation sta) {
        return h.driver.mlme.stream().map(raw -> {
            try {
                return MgmtFrame.decode(raw);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).filter(f -> f instanceof MgmtFrame.Action a && a.header().da().equals(sta.addr)).map(f -> SaQuery.of((MgmtFrame.Action) f))
                .flatMap(Optional::stream).toList();
    }

    private static boolean authorized(ApHarness h) throws Exception {
        return h.get(() -> h.ap.stationInfos().get(0).flags().contains("[AUTHORIZED]"));
    }

    @Test
    void aNewAssociationOfAProtectedStationIsToldToComeBackWhileAnSaQueryAsksAndAnAnswerKeepsIt() throws Exception {
        try (ApHarness h = ap(SaQueryTiming.DEFAULT)) {
            TestStation sta = connect(h);
            MgmtFrame.AssocResponse r = sta.associate(true);
            assertEquals(30, r.statusCode(), "association rejected temporarily");
            InformationElement ti = r.ies().find(ElementId.TIMEOUT_INTERVAL).orElseThrow();
            assertEquals(5, ti.body().length());
            assertEquals(3, ti.body().u8(0), "association comeback time");
            long tu = TimeoutInterval.assocComebackTu(r.ies()).orElseThrow();
            assertTrue(tu > 950 && tu <= 1000, "what is left of assoc_sa_query_max_timeout (1000 TU): " + tu);
            List<SaQuery> q = saQueries(h, sta);
            assertEquals(1, q.size());
            assertTrue(q.get(0).request());

            // an unprotected answer is dropped: SA Query is a robust Action frame and the station uses PMF
            sta.sendMgmt(MgmtSubtype.ACTION, false, answer(q.get(0)));
            ApHarness.await(() -> saQueries(h, sta).size() >= 2, () -> "a retried SA Query Request");
            sta.sendMgmt(MgmtSubtype.ACTION, true, answer(q.get(0)));
            int sent = saQueries(h, sta).size();
            Thread.sleep(3 * SaQueryTiming.DEFAULT.retryMs());
            assertEquals(sent, saQueries(h, sta).size(), "the procedure ended with the answer to the first request");
            assertTrue(authorized(h), "the station is still there: its association stands");
            assertTrue(h.driver.removed.isEmpty());
            assertFalse(h.events.contains("AP-STA-DISCONNECTED " + sta.addr));
            assertEquals(30, sta.associate(false).statusCode(), "the next association is checked again");
        }
    }

    private static Bytes answer(SaQuery request) {
        return Bytes.of(new byte[] {8, 1, request.transactionId().get(0), request.transactionId().get(1)});
    }

    @Test
    void anUnansweredSaQueryEndsTheOldAssociationAndTheStationAssociatesAgain() throws Exception {
        try (ApHarness h = ap(new SaQueryTiming(50, 10))) {
            TestStation sta = connect(h);
            assertEquals(30, sta.associate(false).statusCode());
            ApHarness.await(() -> h.events.contains("AP-STA-DISCONNECTED " + sta.addr), h.events::toString);
            assertTrue(saQueries(h, sta).size() >= 3, "requests every retry timeout until the maximum timeout: " + saQueries(h, sta).size());
            assertEquals(List.of(sta.addr), h.driver.removed, "the old association left the driver");
            assertFalse(authorized(h));
            int added = h.driver.added.size();
            assertEquals(0, sta.associate(false).statusCode(), "the comeback is accepted");
            assertEquals(added + 1, h.driver.added.size());
            sta.fourWay(PmfConfigs.psk(), KeyInfo.VERSION_HMAC_SHA1_AES, false, Optional.empty());
            ApHarness.await(() -> h.events.stream().filter(e -> e.equals("AP-STA-CONNECTED " + sta.addr)).count() == 2, h.events::toString);
        }
    }

    @Test
    void saQueryRequestsOfAStationAreAnsweredWithTheirIdentifierOnlyWhenProtected() throws Exception {
        try (ApHarness h = ap(SaQueryTiming.DEFAULT)) {
            TestStation sta = connect(h);
            sta.sendMgmt(MgmtSubtype.ACTION, false, Bytes.fromHex("0800beef"));
            assertTrue(saQueries(h, sta).isEmpty(), "unprotected robust Action frame from a PMF station: dropped");
            sta.sendMgmt(MgmtSubtype.ACTION, true, Bytes.fromHex("0800beef"));
            assertEquals(List.of(new SaQuery(false, Bytes.fromHex("beef"))), saQueries(h, sta));
        }
    }

    @Test
    void unprotectedLeavingFramesAndAuthenticationCannotEndAProtectedAssociation() throws Exception {
        try (ApHarness h = ap(SaQueryTiming.DEFAULT)) {
            TestStation sta = connect(h);
            h.inject(new DriverEvent.UnprotDeauth(sta.addr, TestStation.AA, 3));
            h.inject(new DriverEvent.UnprotDisassoc(sta.addr, TestStation.AA, 8));
            sta.sendMgmt(MgmtSubtype.DEAUTH, false, DEAUTH_LEAVING);
            sta.sendMgmt(MgmtSubtype.DISASSOC, false, DEAUTH_LEAVING);
            assertEquals(0, sta.authenticate(), "an Authentication frame is answered, yet keeps the association");
            assertTrue(authorized(h));
            assertTrue(h.driver.removed.isEmpty());
            assertEquals(4L, h.get(h.ap::unprotectedIgnored));
            sta.sendMgmt(MgmtSubtype.DEAUTH, true, DEAUTH_LEAVING);
            assertTrue(h.events.contains("AP-STA-DISCONNECTED " + sta.addr), "a protected Deauthentication ends it");
        }
    }

    @Test
    void beforeItsPairwiseKeyIsInstalledAPmfStationMayLeaveUnprotected() throws Exception {
        try (ApHarness h = ap(SaQueryTiming.DEFAULT)) {
            TestStation sta = new TestStation(h, "02:00:00:00:01:00", PmfConfigs.SSID);
            sta.rsn = TestStation.rsne(Suite.AKM_PSK, RsnElement.CAP_MFPC, null, null);
            sta.authenticate();
            assertEquals(0, sta.associate(false).statusCode());
            assertTrue(h.get(() -> h.ap.stationInfos().get(0).flags().contains("[MFP]")), "associated with PMF, no key yet");
            // as mac80211: it has no key to protect the frame with (e.g. it gave up on the 4-way handshake)
            sta.sendMgmt(MgmtSubtype.DEAUTH, false, DEAUTH_LEAVING);
            assertTrue(h.events.contains("AP-STA-DISCONNECTED " + sta.addr));
            assertTrue(h.get(() -> h.ap.stationInfos().isEmpty()));
            assertEquals(0L, h.get(h.ap::unprotectedIgnored));
        }
    }

    @Test
    void withoutPmfAnUnprotectedDeauthenticationEndsTheAssociation() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.OPTIONAL))) {
            TestStation sta = new TestStation(h, "02:00:00:00:01:00", PmfConfigs.SSID);
            sta.rsn = TestStation.rsne(Suite.AKM_PSK, 0, null, null);
            sta.authenticate();
            sta.associate(false);
            sta.fourWay(PmfConfigs.psk(), KeyInfo.VERSION_HMAC_SHA1_AES, false, Optional.empty());
            ApHarness.await(() -> h.events.contains("AP-STA-CONNECTED " + sta.addr), h.events::toString);
            assertEquals(0, sta.associate(true).statusCode(), "no comeback without PMF: the association is replaced");
            sta.sendMgmt(MgmtSubtype.DEAUTH, false, DEAUTH_LEAVING);
            assertTrue(h.events.contains("AP-STA-DISCONNECTED " + sta.addr));
        }
    }
}
