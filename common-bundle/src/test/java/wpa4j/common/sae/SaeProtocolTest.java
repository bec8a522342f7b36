package wpa4j.common.sae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;

/** Station and AP instances against each other, and against hostile frames. */
class SaeProtocolTest {
    private static final String SECRET = "correct horse battery staple";
    private static final Ssid SSID = Ssid.ofUtf8("wpa4j-sae");
    private static final MacAddress BSSID = MacAddress.parse("02:00:00:00:00:00");
    private static final MacAddress STA = MacAddress.parse("02:00:00:00:01:00");
    private static final MacAddress STA2 = MacAddress.parse("02:00:00:00:02:00");
    private final SecureRandom random = new SecureRandom();

    private static SaePassword password(String text) {
        return SaePassword.of(text.getBytes(StandardCharsets.UTF_8), SSID);
    }

    private static SaeSettings settings(SaePwe pwe, SaeGroup... groups) {
        return SaeSettings.DEFAULT.withPwe(pwe).withGroups(groups);
    }

    private SaeAccessPoint ap(SaePwe pwe, SaeGroup... groups) {
        return new SaeAccessPoint(password(SECRET), BSSID, settings(pwe, groups), random);
    }

    private SaeStation station(MacAddress own, String pw, boolean h2e, SaeGroup... groups) {
        return new SaeStation(password(pw), own, BSSID, h2e, settings(h2e ? SaePwe.HASH_TO_ELEMENT : SaePwe.LOOPING, groups), random);
    }

    static List<Arguments> groupsAndMethods() {
        return Arrays.stream(SaeGroup.values()).flatMap(g -> List.of(Arguments.of(g, false), Arguments.of(g, true)).stream()).toList();
    }

    @ParameterizedTest(name = "{0}, h2e={1}")
    @MethodSource("groupsAndMethods")
    void stationAndApAgree(SaeGroup group, boolean h2e) {
        SaeAccessPoint ap = ap(SaePwe.BOTH, group);
        Air air = new Air(station(STA, SECRET, h2e, group), ap, STA).start();
        SaeAction.Accepted s = only(air.stationActions, SaeAction.Accepted.class);
        SaeAction.Accepted a = only(air.apActions, SaeAction.Accepted.class);
        assertArrayEquals(s.pmk().copy(), a.pmk().copy());
        assertEquals(s.pmkid(), a.pmkid());
        assertEquals(16, s.pmkid().length());
        assertEquals(32, s.pmk().length());
        assertEquals(group, s.group());
        assertEquals(SaeState.ACCEPTED, air.station.state());
        assertEquals(Optional.of(SaeState.ACCEPTED), ap.state(STA));
        assertEquals(0, ap.pending());
        // the frames: commit, commit, confirm (AP), confirm (station); the commits carry 0 or 126
        int commitStatus = h2e ? SaeStatus.SAE_HASH_TO_ELEMENT : SaeStatus.SUCCESS;
        assertEquals(List.of(1, 1, 2, 2), air.sent.stream().map(f -> f.send().transaction()).toList());
        assertEquals(List.of(commitStatus, commitStatus, 0, 0), air.sent.stream().map(f -> f.send().status()).toList());
        int confirmLength = h2e ? switch (group) { case P256 -> 32; case P384 -> 48; case P521 -> 64; } : 32;
        assertEquals(2 + confirmLength, air.sent.get(2).send().body().length());
        assertEquals(2 + 3 * group.primeLength(), air.sent.get(0).send().body().length());
        assertNothingLeaks(air, s.pmk());
        s.pmk().destroy();
        a.pmk().destroy();
        air.station.destroy();
        assertTrue(air.station.isDestroyed());
        assertEquals(SaeState.NOTHING, air.station.state());
        ap.destroy();
        assertEquals(Optional.empty(), ap.state(STA));
        assertThrows(IllegalStateException.class, () -> ap.receive(STA, 1, 0, Bytes.EMPTY));
    }

    @Test
    void differentRunsGiveDifferentKeys() {
        Air one = new Air(station(STA, SECRET, false, SaeGroup.P256), ap(SaePwe.LOOPING, SaeGroup.P256), STA).start();
        Air two = new Air(station(STA, SECRET, false, SaeGroup.P256), ap(SaePwe.LOOPING, SaeGroup.P256), STA).start();
        assertFalse(only(one.stationActions, SaeAction.Accepted.class).pmkid().equals(only(two.stationActions, SaeAction.Accepted.class).pmkid()));
    }

    @ParameterizedTest(name = "h2e={0}")
    @ValueSource(booleans = {false, true})
    void wrongPasswordFailsBothSidesWithChallengeFail(boolean h2e) {
        SaeAccessPoint ap = ap(SaePwe.BOTH, SaeGroup.P256);
        Air air = new Air(station(STA, "not the password", h2e, SaeGroup.P256), ap, STA).start();
        SaeAction.Failed s = only(air.stationActions, SaeAction.Failed.class);
        SaeAction.Failed a = only(air.apActions, SaeAction.Failed.class);
        assertEquals(SaeStatus.CHALLENGE_FAIL, s.status());
        assertEquals(SaeStatus.CHALLENGE_FAIL, a.status());
        assertTrue(s.why().contains("wrong password"), s.why());
        assertTrue(Air.of(air.stationActions, SaeAction.Accepted.class).isEmpty());
        assertTrue(Air.of(air.apActions, SaeAction.Accepted.class).isEmpty());
        // the AP told the station (status 15) and forgot it
        assertTrue(air.sent.stream().anyMatch(f -> !f.fromStation() && f.send().transaction() == 2 && f.send().status() == 15));
        assertEquals(Optional.empty(), ap.state(STA));
        assertEquals(SaeState.NOTHING, air.station.state());
        assertNothingLeaks(air, null);
    }

    @Test
    void hostileCommitsToTheApAreAnsweredAndLeaveNoState() {
        SaeAccessPoint ap = ap(SaePwe.LOOPING, SaeGroup.P256);
        SaeGroup g = SaeGroup.P256;
        SaeCommit good = goodCommit(g);
        BigInteger r = g.order();
        BigInteger p = g.prime();
        List<Bytes> bad = List.of(
                withScalar(good, BigInteger.ZERO),
                withScalar(good, BigInteger.ONE),
                withScalar(good, r),
                withScalar(good, r.add(BigInteger.ONE)),
                withScalar(good, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)),
                withElement(good, new byte[64]),                                         // the "point at infinity" (0, 0)
                withElement(good, flipLastOctet(good.element().toArray())),             // off the curve
                withElement(good, concat(g.encode(p), Arrays.copyOfRange(good.element().toArray(), 32, 64))), // x = p
                withElement(good, concat(Arrays.copyOfRange(good.element().toArray(), 0, 32), g.encode(p.add(BigInteger.ONE)))), // y > p
                good.encode(false).slice(0, 2),                                          // group only
                good.encode(false).slice(0, 1),                                          // not even the group
                good.encode(false).slice(0, 2 + 32 + 63));                               // one octet of the element missing
        for (Bytes body : bad) {
            List<SaeAction> out = ap.receive(STA, 1, 0, body);
            SaeAction.Send send = only(out, SaeAction.Send.class);
            assertEquals(SaeStatus.UNSPECIFIED_FAILURE, send.status(), body.toHex());
            assertEquals(1, send.transaction());
            assertEquals(Bytes.EMPTY, send.body());
            assertEquals(1, out.size());
            assertEquals(Optional.empty(), ap.state(STA));
        }
        // unknown and unoffered groups: 77 with the group echoed
        for (int group : new int[] {20, 21, 22, 25, 0, 0xffff}) {
            Bytes body = Bytes.of(concat(new byte[] {(byte) group, (byte) (group >>> 8)}, new byte[96]));
            SaeAction.Send send = only(ap.receive(STA, 1, 0, body), SaeAction.Send.class);
            assertEquals(SaeStatus.UNSUPPORTED_FINITE_CYCLIC_GROUP, send.status());
            assertEquals(body.slice(0, 2), send.body());
        }
        // a hash-to-element commit to a looping-only AP is dropped
        assertInstanceOf(SaeAction.Ignored.class, ap.receive(STA, 1, SaeStatus.SAE_HASH_TO_ELEMENT, good.encode(true)).get(0));
        // a confirm without a commit is dropped
        assertInstanceOf(SaeAction.Ignored.class, ap.receive(STA, 2, 0, Bytes.of(new byte[34])).get(0));
        assertEquals(0, ap.pending());
        // and the AP still serves a station
        Air air = new Air(station(STA2, SECRET, false, SaeGroup.P256), ap, STA2).start();
        only(air.apActions, SaeAction.Accepted.class);
    }

    @Test
    void hostileInputDuringAnExchangeLeavesItAlone() {
        SaeAccessPoint ap = ap(SaePwe.LOOPING, SaeGroup.P256);
        SaeStation sta = station(STA, SECRET, false, SaeGroup.P256);
        Air air = new Air(sta, ap, STA);
        air.lose = f -> !f.fromStation() || f.send().transaction() == 2; // hold the AP's answers and our confirm
        air.start();
        assertEquals(Optional.of(SaeState.COMMITTED), ap.state(STA));
        SaeAction.Send apCommit = air.sent.stream().filter(f -> !f.fromStation() && f.send().transaction() == 1).findFirst().orElseThrow().send();
        // the AP's own commit reflected back from the station's address: dropped
        assertInstanceOf(SaeAction.Ignored.class, only(ap.receive(STA, 1, 0, apCommit.body()), SaeAction.Ignored.class));
        // a scalar out of range from the station's address: status 1, the exchange goes on
        SaeCommit good = goodCommit(SaeGroup.P256);
        assertEquals(1, only(ap.receive(STA, 1, 0, withScalar(good, BigInteger.ONE)), SaeAction.Send.class).status());
        // a truncated confirm: dropped
        assertInstanceOf(SaeAction.Ignored.class, only(ap.receive(STA, 2, 0, Bytes.of(new byte[20])), SaeAction.Ignored.class));
        assertEquals(Optional.of(SaeState.COMMITTED), ap.state(STA));
        // the station's side: a reflection of its own commit, a truncated commit, a scalar out of range
        SaeAction.Send ownCommit = air.sent.get(0).send();
        assertInstanceOf(SaeAction.Ignored.class, sta.receive(1, 0, ownCommit.body()).get(0));
        assertInstanceOf(SaeAction.Ignored.class, sta.receive(1, 0, ownCommit.body().slice(0, 50)).get(0));
        assertInstanceOf(SaeAction.Ignored.class, sta.receive(1, 0, withScalar(good, SaeGroup.P256.order())).get(0));
        assertEquals(SaeState.COMMITTED, sta.state());
        // now the real frames: the exchange completes
        air.lose = f -> false;
        air.fromStation(sta.receive(1, apCommit.status(), apCommit.body()));
        air.run();
        only(air.apActions, SaeAction.Accepted.class);
        // the AP's confirm was lost: the station's next confirm brings it again (send-confirm 65535)
        air.stationTimeout();
    }

    @Test
    void badConfirmFailsWithChallengeFail() {
        SaeAccessPoint ap = ap(SaePwe.LOOPING, SaeGroup.P256);
        SaeStation sta = station(STA, SECRET, false, SaeGroup.P256);
        Air air = new Air(sta, ap, STA);
        air.lose = f -> f.send().transaction() == 2;
        air.start();
        assertEquals(SaeState.CONFIRMED, sta.state());
        byte[] confirm = air.sent.stream().filter(f -> f.fromStation() && f.send().transaction() == 2).findFirst().orElseThrow().send().body().toArray();
        confirm[10] ^= 1;
        List<SaeAction> out = ap.receive(STA, 2, 0, Bytes.of(confirm));
        assertEquals(15, only(out, SaeAction.Send.class).status());
        assertEquals(15, only(out, SaeAction.Failed.class).status());
        assertEquals(Optional.empty(), ap.state(STA));
        // and the station, given a forged AP confirm (a run where only the AP's confirm is held back)
        SaeStation sta2 = station(STA, SECRET, false, SaeGroup.P256);
        Air air2 = new Air(sta2, ap(SaePwe.LOOPING, SaeGroup.P256), STA);
        air2.lose = fr -> !fr.fromStation() && fr.send().transaction() == 2;
        air2.start();
        byte[] apConfirm = air2.sent.stream().filter(f -> !f.fromStation() && f.send().transaction() == 2).findFirst().orElseThrow().send().body().toArray();
        apConfirm[33] ^= 0x80;
        SaeAction.Failed f = only(sta2.receive(2, 0, Bytes.of(apConfirm)), SaeAction.Failed.class);
        assertEquals(15, f.status());
    }

    @Test
    void unknownGroupMovesTheStationToItsNextGroup() throws Exception {
        for (boolean h2e : new boolean[] {false, true}) {
            SaeAccessPoint ap = ap(SaePwe.BOTH, SaeGroup.P256);
            Air air = new Air(station(STA, SECRET, h2e, SaeGroup.P521, SaeGroup.P384, SaeGroup.P256), ap, STA).start();
            SaeAction.Accepted a = only(air.stationActions, SaeAction.Accepted.class);
            assertEquals(SaeGroup.P256, a.group());
            only(air.apActions, SaeAction.Accepted.class);
            List<Integer> apStatuses = air.sent.stream().filter(f -> !f.fromStation() && f.send().transaction() == 1).map(f -> f.send().status()).toList();
            assertEquals(List.of(77, 77, h2e ? 126 : 0), apStatuses);
            SaeCommit last = SaeCommit.parse(air.sent.stream().filter(f -> f.fromStation() && f.send().transaction() == 1).reduce((x, y) -> y).orElseThrow().send().body(), h2e);
            assertEquals(h2e ? List.of(21, 20) : List.of(), last.rejectedGroups());
        }
        // no common group: the station gives up with 77
        Air none = new Air(station(STA, SECRET, false, SaeGroup.P384), ap(SaePwe.LOOPING, SaeGroup.P256), STA).start();
        assertEquals(77, only(none.stationActions, SaeAction.Failed.class).status());
    }

    @Test
    void rejectedGroupsNamingAnOfferedGroupIsADowngrade() throws Exception {
        SaeAccessPoint ap = ap(SaePwe.HASH_TO_ELEMENT, SaeGroup.P256, SaeGroup.P384);
        SaeCommit c = goodCommit(SaeGroup.P256);
        Bytes body = new SaeCommit(c.group(), c.scalar(), c.element(), Bytes.EMPTY, Bytes.EMPTY, List.of(20)).encode(true);
        assertEquals(1, only(ap.receive(STA, 1, 126, body), SaeAction.Send.class).status());
        assertEquals(Optional.empty(), ap.state(STA));
    }

    @Test
    void passwordIdentifier() {
        SaePassword withId = SaePassword.of(SECRET.getBytes(StandardCharsets.UTF_8), Bytes.of("alice".getBytes(StandardCharsets.US_ASCII)), SSID);
        SaeAccessPoint ap = new SaeAccessPoint(withId, BSSID, settings(SaePwe.HASH_TO_ELEMENT, SaeGroup.P256), random);
        SaeStation good = new SaeStation(SaePassword.of(SECRET.getBytes(StandardCharsets.UTF_8), Bytes.of("alice".getBytes(StandardCharsets.US_ASCII)), SSID),
                STA, BSSID, true, settings(SaePwe.HASH_TO_ELEMENT, SaeGroup.P256), random);
        only(new Air(good, ap, STA).start().stationActions, SaeAction.Accepted.class);
        SaeStation other = new SaeStation(SaePassword.of(SECRET.getBytes(StandardCharsets.UTF_8), Bytes.of("bob".getBytes(StandardCharsets.US_ASCII)), SSID),
                STA2, BSSID, true, settings(SaePwe.HASH_TO_ELEMENT, SaeGroup.P256), random);
        Air air = new Air(other, ap, STA2).start();
        assertEquals(SaeStatus.UNKNOWN_PASSWORD_IDENTIFIER, only(air.stationActions, SaeAction.Failed.class).status());
        SaeStation none = station(STA2, SECRET, true, SaeGroup.P256);
        assertEquals(SaeStatus.UNKNOWN_PASSWORD_IDENTIFIER, only(new Air(none, ap, STA2).start().stationActions, SaeAction.Failed.class).status());
        // identifiers need hash-to-element
        assertThrows(IllegalArgumentException.class, () -> new SaeStation(withId, STA, BSSID, false, settings(SaePwe.LOOPING, SaeGroup.P256), random));
        assertThrows(IllegalArgumentException.class, () -> new SaeAccessPoint(withId, BSSID, settings(SaePwe.LOOPING, SaeGroup.P256), random));
    }

    @ParameterizedTest(name = "h2e={0}")
    @ValueSource(booleans = {false, true})
    void antiCloggingTokenRequiredThenAccepted(boolean h2e) throws Exception {
        SaeAccessPoint ap = new SaeAccessPoint(password(SECRET), BSSID, settings(SaePwe.BOTH, SaeGroup.P256).withAntiCloggingThreshold(2), random);
        // two stations that commit and never confirm
        for (int i = 0; i < 2; i++) {
            MacAddress mac = MacAddress.parse("02:00:00:00:0" + (i + 3) + ":00");
            SaeStation s = station(mac, SECRET, h2e, SaeGroup.P256);
            List<SaeAction> out = ap.receive(mac, 1, h2e ? 126 : 0, Air.of(s.start(), SaeAction.Send.class).get(0).body());
            assertEquals(h2e ? 126 : 0, Air.of(out, SaeAction.Send.class).get(0).status());
        }
        assertEquals(2, ap.pending());
        SaeStation sta = station(STA, SECRET, h2e, SaeGroup.P256);
        Air air = new Air(sta, ap, STA).start();
        // 76 with a token, the commit again with it, then the exchange
        List<Air.Frame> frames = air.sent;
        assertEquals(SaeStatus.ANTI_CLOGGING_TOKEN_REQUIRED, frames.get(1).send().status());
        Bytes token = SaeCommit.parseTokenRequest(frames.get(1).send().body(), h2e);
        assertEquals(32, token.length());
        SaeCommit again = parse(frames.get(2).send().body(), h2e);
        assertEquals(token, again.token());
        assertEquals(parse(frames.get(0).send().body(), h2e).scalar(), again.scalar());
        if (h2e) {
            assertEquals("ff" + "21" + "5d", frames.get(2).send().body().slice(2 + 96, 3).toHex());
        } else {
            assertEquals(token, frames.get(2).send().body().slice(2, 32));
        }
        only(air.stationActions, SaeAction.Accepted.class);
        only(air.apActions, SaeAction.Accepted.class);
        // a token for another station and a forged one are dropped
        SaeStation late = station(STA2, SECRET, h2e, SaeGroup.P256);
        SaeCommit c = parse(Air.of(late.start(), SaeAction.Send.class).get(0).body(), h2e);
        int status = h2e ? 126 : 0;
        assertInstanceOf(SaeAction.Ignored.class, ap.receive(STA2, 1, status, c.withToken(token).encode(h2e)).get(0));
        byte[] forged = token.toArray();
        forged[0] ^= 1;
        assertInstanceOf(SaeAction.Ignored.class, ap.receive(STA2, 1, status, c.withToken(Bytes.of(forged)).encode(h2e)).get(0));
        assertEquals(Optional.empty(), ap.state(STA2));
    }

    @Test
    void overTheThresholdACommitNamingAKnownStationNeedsATokenToo() {
        AntiCloggingTokens tokens = new AntiCloggingTokens(random);
        SaeSettings s = settings(SaePwe.LOOPING, SaeGroup.P256).withAntiCloggingThreshold(1);
        SaeAccessPoint ap = new SaeAccessPoint(password(SECRET), BSSID, s, random, tokens);
        only(new Air(station(STA, SECRET, false, SaeGroup.P256), ap, STA).start().apActions, SaeAction.Accepted.class);
        assertEquals(0, tokens.open(), "an accepted exchange is not open");
        // another password's instance of the same BSS has an open exchange: the BSS is at its threshold
        SaeAccessPoint other = new SaeAccessPoint(password("another password"), BSSID, s, random, tokens);
        SaeStation second = station(STA2, "another password", false, SaeGroup.P256);
        other.receive(STA2, 1, 0, Air.of(second.start(), SaeAction.Send.class).get(0).body());
        assertEquals(1, tokens.open());

        // forged commits with the addresses of an accepted and of a confirming station: a token request, nothing derived
        Bytes forged = goodCommit(SaeGroup.P256).encode(false);
        assertEquals(SaeStatus.ANTI_CLOGGING_TOKEN_REQUIRED, only(ap.receive(STA, 1, 0, forged), SaeAction.Send.class).status());
        assertEquals(Optional.of(SaeState.ACCEPTED), ap.state(STA));
        assertEquals(SaeStatus.ANTI_CLOGGING_TOKEN_REQUIRED, only(other.receive(STA2, 1, 0, forged), SaeAction.Send.class).status());
        assertEquals(Optional.of(SaeState.COMMITTED), other.state(STA2));
        // a station restarting SAE comes through with its token
        SaeStation again = station(STA, SECRET, false, SaeGroup.P256);
        Air air = new Air(again, ap, STA).start();
        assertEquals(SaeStatus.ANTI_CLOGGING_TOKEN_REQUIRED, air.sent.get(1).send().status());
        only(air.apActions, SaeAction.Accepted.class);
    }

    @ParameterizedTest(name = "h2e={0}")
    @ValueSource(booleans = {false, true})
    void aTokenOutlivesOneKeyRenewalButNotTwo(boolean h2e) {
        AntiCloggingTokens tokens = new AntiCloggingTokens(random);
        SaeAccessPoint ap = new SaeAccessPoint(password(SECRET), BSSID, settings(SaePwe.BOTH, SaeGroup.P256).withAntiCloggingThreshold(0), random, tokens);
        int status = h2e ? SaeStatus.SAE_HASH_TO_ELEMENT : SaeStatus.SUCCESS;
        SaeCommit c = parse(Air.of(station(STA, SECRET, h2e, SaeGroup.P256).start(), SaeAction.Send.class).get(0).body(), h2e);
        Bytes token = tokenOf(ap.receive(STA, 1, status, c.encode(h2e)), h2e);
        tokens.renew();
        assertFalse(token.equals(tokenOf(ap.receive(STA, 1, status, c.encode(h2e)), h2e)), "a new key makes other tokens");
        // the station got its token just before the renewal: it still passes
        assertEquals(status, Air.of(ap.receive(STA, 1, status, c.withToken(token).encode(h2e)), SaeAction.Send.class).get(0).status());
        ap.remove(STA);
        tokens.renew();
        assertInstanceOf(SaeAction.Ignored.class, ap.receive(STA, 1, status, c.withToken(token).encode(h2e)).get(0));
        assertEquals(Optional.empty(), ap.state(STA));
        ap.destroy();
        assertFalse(tokens.isDestroyed(), "shared tokens are their owner's to destroy");
    }

    private static Bytes tokenOf(List<SaeAction> answer, boolean h2e) {
        SaeAction.Send s = only(answer, SaeAction.Send.class);
        assertEquals(SaeStatus.ANTI_CLOGGING_TOKEN_REQUIRED, s.status());
        try {
            return SaeCommit.parseTokenRequest(s.body(), h2e);
        } catch (wpa4j.common.codec.MalformedFrameException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void thresholdZeroAlwaysAsksForAToken() {
        SaeAccessPoint ap = new SaeAccessPoint(password(SECRET), BSSID, settings(SaePwe.LOOPING, SaeGroup.P256).withAntiCloggingThreshold(0), random);
        Air air = new Air(station(STA, SECRET, false, SaeGroup.P256), ap, STA).start();
        assertEquals(76, air.sent.get(1).send().status());
        only(air.stationActions, SaeAction.Accepted.class);
    }

    @Test
    void stationRetransmitsUntilSyncExceeded() {
        SaeStation sta = station(STA, SECRET, false, SaeGroup.P256);
        List<SaeAction> first = sta.start();
        assertEquals(new SaeAction.ArmTimer(40), first.get(1));
        Bytes commit = Air.of(first, SaeAction.Send.class).get(0).body();
        int resent = 0;
        for (int i = 0; i < 20; i++) {
            List<SaeAction> out = sta.timeout();
            if (!Air.of(out, SaeAction.Failed.class).isEmpty()) {
                assertEquals(SaeState.NOTHING, sta.state());
                assertInstanceOf(SaeAction.CancelTimer.class, out.get(0));
                break;
            }
            assertEquals(commit, only(out, SaeAction.Send.class).body(), "the same commit again");
            resent++;
        }
        assertEquals(SaeSettings.DEFAULT.syncLimit() + 1, resent);
        assertEquals(List.of(), sta.timeout(), "nothing left to retransmit");
    }

    @Test
    void lostApFramesAreRecoveredByTheStationsRetransmission() {
        SaeAccessPoint ap = ap(SaePwe.LOOPING, SaeGroup.P256);
        Air air = new Air(station(STA, SECRET, false, SaeGroup.P256), ap, STA);
        air.lose = f -> !f.fromStation();
        air.start();
        assertEquals(SaeState.COMMITTED, air.station.state());
        air.lose = f -> false;
        air.stationTimeout();
        // the AP answered the repeated commit with the same commit, and the station's confirm with its first (send-confirm 1)
        List<Air.Frame> apCommits = air.sent.stream().filter(f -> !f.fromStation() && f.send().transaction() == 1).toList();
        assertEquals(2, apCommits.size());
        assertEquals(apCommits.get(0).send(), apCommits.get(1).send());
        List<Air.Frame> apConfirms = air.sent.stream().filter(f -> !f.fromStation() && f.send().transaction() == 2).toList();
        assertEquals(1, apConfirms.size());
        assertEquals(1, apConfirms.get(0).send().body().u8(0));
        only(air.stationActions, SaeAction.Accepted.class);
        only(air.apActions, SaeAction.Accepted.class);
    }

    @Test
    void lostStationConfirmIsRecoveredByTheStationsRetransmissionAndTheApNeverGivesUp() {
        SaeAccessPoint ap = ap(SaePwe.LOOPING, SaeGroup.P256);
        Air air = new Air(station(STA, SECRET, false, SaeGroup.P256), ap, STA);
        air.lose = f -> f.fromStation() && f.send().transaction() == 2;
        air.start();
        // as hostapd: the AP's confirm waits for the station's, and nothing of the AP's runs on a timer
        assertEquals(Optional.of(SaeState.COMMITTED), ap.state(STA));
        assertEquals(SaeState.CONFIRMED, air.station.state());
        assertTrue(air.sent.stream().noneMatch(f -> !f.fromStation() && f.send().transaction() == 2), "no AP confirm yet");
        assertTrue(Air.of(air.apActions, SaeAction.ArmTimer.class).isEmpty(), "the AP arms no retransmission timer");
        for (int i = 0; i <= SaeSettings.DEFAULT.syncLimit() + 1; i++) {
            assertEquals(List.of(), ap.timeout(STA), "a slow station is not given up on");
        }
        air.lose = f -> false;
        air.stationTimeout();
        only(air.stationActions, SaeAction.Accepted.class);
        only(air.apActions, SaeAction.Accepted.class);
        assertEquals(Optional.of(SaeState.ACCEPTED), ap.state(STA));
        // a replay of the station's first confirm to the accepted AP is dropped
        Air.Frame oldConfirm = air.sent.stream().filter(f -> f.fromStation() && f.send().transaction() == 2).findFirst().orElseThrow();
        assertInstanceOf(SaeAction.Ignored.class, ap.receive(STA, 2, 0, oldConfirm.send().body()).get(0));

        // another run, the AP's confirm lost: the AP has accepted; the station's next confirm gets ours again at 65535
        Air lostAp = new Air(station(STA2, SECRET, false, SaeGroup.P256), ap, STA2);
        lostAp.lose = f -> !f.fromStation() && f.send().transaction() == 2;
        lostAp.start();
        only(lostAp.apActions, SaeAction.Accepted.class);
        assertEquals(SaeState.CONFIRMED, lostAp.station.state());
        lostAp.lose = f -> false;
        lostAp.stationTimeout();
        only(lostAp.stationActions, SaeAction.Accepted.class);
        Air.Frame last = lostAp.sent.get(lostAp.sent.size() - 1);
        assertFalse(last.fromStation());
        assertEquals(0xffff, last.send().body().u8(0) | last.send().body().u8(1) << 8);
    }

    @Test
    void aCommitRepeatedPastSyncEndsTheApsInstance() {
        SaeAccessPoint ap = ap(SaePwe.LOOPING, SaeGroup.P256);
        Bytes commit = Air.of(station(STA, SECRET, false, SaeGroup.P256).start(), SaeAction.Send.class).get(0).body();
        SaeAction.Send first = only(ap.receive(STA, 1, 0, commit), SaeAction.Send.class);
        for (int i = 0; i <= SaeSettings.DEFAULT.syncLimit(); i++) {
            assertEquals(first, only(ap.receive(STA, 1, 0, commit), SaeAction.Send.class), "the same commit again");
        }
        assertEquals(1, only(ap.receive(STA, 1, 0, commit), SaeAction.Failed.class).status());
        assertEquals(Optional.empty(), ap.state(STA));
    }

    @Test
    void repeatedAndNewCommitsToAConfirmedAp() {
        SaeAccessPoint ap = ap(SaePwe.LOOPING, SaeGroup.P256);
        SaeStation sta = station(STA, SECRET, false, SaeGroup.P256);
        Bytes commit = Air.of(sta.start(), SaeAction.Send.class).get(0).body();
        SaeAction.Send first = only(ap.receive(STA, 1, 0, commit), SaeAction.Send.class);
        // the same commit again: our same commit (no confirm before the station's)
        assertEquals(first, only(ap.receive(STA, 1, 0, commit), SaeAction.Send.class));
        // the station restarts: its new commit is answered with our same commit (hostapd reuses rand and mask), and
        // the keys follow its new values, so a station that took either of our commits completes
        SaeStation restarted = station(STA, SECRET, false, SaeGroup.P256);
        Air air = new Air(restarted, ap, STA).start();
        only(air.apActions, SaeAction.Accepted.class);
        only(air.stationActions, SaeAction.Accepted.class);
        assertEquals(first, air.sent.stream().filter(f -> !f.fromStation() && f.send().transaction() == 1).findFirst().orElseThrow().send());
        // the accepted instance drops the same commit again
        Bytes accepted = air.sent.get(0).send().body();
        assertInstanceOf(SaeAction.Ignored.class, ap.receive(STA, 1, 0, accepted).get(0));
        assertEquals(Optional.of(SaeState.ACCEPTED), ap.state(STA));
        ap.remove(STA);
        assertEquals(Optional.empty(), ap.state(STA));
    }

    @Test
    void repeatedApCommitGetsTheNextConfirmFromTheStation() {
        SaeAccessPoint ap = ap(SaePwe.LOOPING, SaeGroup.P256);
        SaeStation sta = station(STA, SECRET, false, SaeGroup.P256);
        List<SaeAction> apOut = ap.receive(STA, 1, 0, Air.of(sta.start(), SaeAction.Send.class).get(0).body());
        SaeAction.Send apCommit = Air.of(apOut, SaeAction.Send.class).get(0);
        assertEquals(1, only(sta.receive(1, 0, apCommit.body()), SaeAction.Send.class).body().u8(0));
        assertEquals(2, only(sta.receive(1, 0, apCommit.body()), SaeAction.Send.class).body().u8(0));
        // another commit while confirming: dropped
        SaeCommit other = goodCommit(SaeGroup.P256);
        assertInstanceOf(SaeAction.Ignored.class, sta.receive(1, 0, other.encode(false)).get(0));
    }

    @Test
    void stationRejectsTheOtherPweMethod() {
        SaeStation sta = station(STA, SECRET, true, SaeGroup.P256);
        sta.start();
        SaeCommit c = goodCommit(SaeGroup.P256);
        assertEquals(1, only(sta.receive(1, 0, c.encode(false)), SaeAction.Failed.class).status());
    }

    @Test
    void settingsAndConstructorsRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> SaeSettings.DEFAULT.withGroups());
        assertThrows(IllegalArgumentException.class, () -> SaeSettings.DEFAULT.withGroups(SaeGroup.P256, SaeGroup.P256));
        assertThrows(IllegalArgumentException.class, () -> new SaeStation(password(SECRET), STA, BSSID, true, SaeSettings.DEFAULT, random));
        assertThrows(IllegalArgumentException.class, () -> SaePassword.of(new byte[0], SSID));
        assertEquals(Optional.empty(), SaeGroup.byId(22));
        assertEquals(SaeGroup.P521, SaeGroup.byId(21).orElseThrow());
        assertFalse(password(SECRET).toString().contains(SECRET));
    }

    /** No action, state or toString shows the password or the PMK. */
    private static void assertNothingLeaks(Air air, SecretKeyBytes pmk) {
        String pmkHex = pmk == null ? "no pmk" : HexFormat.of().formatHex(pmk.copy());
        for (Object o : List.of(air.stationActions, air.apActions, air.station, air.ap)) {
            String text = o.toString();
            assertFalse(text.contains(SECRET), text);
            assertFalse(text.contains(pmkHex), text);
        }
    }

    private SaeCommit goodCommit(SaeGroup g) {
        SaeStation s = new SaeStation(password("some other station"), MacAddress.parse("02:00:00:00:0f:00"), BSSID, false,
                settings(SaePwe.LOOPING, g), random);
        return parse(Air.of(s.start(), SaeAction.Send.class).get(0).body(), false);
    }

    private static SaeCommit parse(Bytes body, boolean h2e) {
        try {
            return SaeCommit.parse(body, h2e);
        } catch (wpa4j.common.codec.MalformedFrameException e) {
            throw new AssertionError(e);
        }
    }

    private static Bytes withScalar(SaeCommit c, BigInteger scalar) {
        byte[] s = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, scalar);
        return new SaeCommit(c.group(), Bytes.of(s), c.element(), Bytes.EMPTY, Bytes.EMPTY, List.of()).encode(false);
    }

    private static Bytes withElement(SaeCommit c, byte[] element) {
        return new SaeCommit(c.group(), c.scalar(), Bytes.of(element), Bytes.EMPTY, Bytes.EMPTY, List.of()).encode(false);
    }

    private static byte[] flipLastOctet(byte[] b) {
        b[b.length - 1] ^= 1;
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static <T extends SaeAction> T only(List<SaeAction> actions, Class<T> type) {
        List<T> found = Air.of(actions, type);
        assertEquals(1, found.size(), () -> "one " + type.getSimpleName() + " in " + actions);
        return found.get(0);
    }
}
