package wpa4j.nl80211;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverException;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.AssociateParams;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.AuthParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.DriverFlag;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.KeyMgmtCapability;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Mfp;
import wpa4j.driver.types.Proto;
import wpa4j.driver.types.Ssid;
import wpa4j.driver.types.StaFlag;
import wpa4j.driver.types.WepKeys;
import wpa4j.linux.netlink.NlMessage;
import wpa4j.linux.netlink.NlWriter;
import wpa4j.nl80211.cmd.Association;
import wpa4j.nl80211.cmd.InterfaceRecord;
import wpa4j.nl80211.cmd.Nl80211;
import wpa4j.nl80211.cmd.Nl80211Events;
import wpa4j.nl80211.cmd.WiphyInfo;
import wpa4j.nl80211.uapi.Uapi;

/**
 * SAE and PMF in the nl80211 backend (issue 14): the capabilities from the wiphy, the mapping of the ops'
 * parameters, and the mlme notifications (fake netlink messages, as the kernel builds them) turned into events
 * by an interface opened on no socket.
 */
class Wpa3BackendTest {
    private static final MacAddress OWN = MacAddress.parse("02:00:00:00:01:00");
    private static final MacAddress AP = MacAddress.parse("02:00:00:00:00:00");
    private static final Ssid SSID = Ssid.of("wpa3".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private static final Bytes RSNE = Bytes.fromHex("30140100000fac040100000fac040100000fac08c000");

    static WiphyInfo wiphy(Set<Long> ciphers, long features) {
        return new WiphyInfo(0, "phy0", ciphers, Set.of(Uapi.NL80211_IFTYPE_STATION, Uapi.NL80211_IFTYPE_AP),
                Set.of(Uapi.NL80211_CMD_AUTHENTICATE, Uapi.NL80211_CMD_ASSOCIATE, Uapi.NL80211_CMD_START_AP, Uapi.NL80211_CMD_FRAME), 4, 0, 0, 5000,
                features, false, List.of(), Bytes.EMPTY);
    }

    private static final WiphyInfo HWSIM = wiphy(Set.of(0x000fac01L, 0x000fac05L, 0x000fac02L, 0x000fac04L, 0x000fac06L), Uapi.NL80211_FEATURE_SAE);
    private static final WiphyInfo OLD = wiphy(Set.of(0x000fac02L, 0x000fac04L), 0);

    // ---- get_capa ---------------------------------------------------------------------------------

    @Test
    void aWiphyWithSaeAndAesCmacOffersSaeAndBip() {
        Capabilities c = Nl80211Capabilities.of(HWSIM);
        assertTrue(c.flags().contains(DriverFlag.SAE));
        assertTrue(c.auth().contains(AuthAlg.SAE));
        assertTrue(c.enc().contains(Cipher.BIP), "cipher 00-0f-ac:6 listed");
        assertTrue(c.flags().contains(DriverFlag.SME));
        assertEquals(Set.of(KeyMgmtCapability.WPA, KeyMgmtCapability.WPA2, KeyMgmtCapability.WPA_PSK, KeyMgmtCapability.WPA2_PSK), c.keyMgmt(),
                "the 2.0 API has no SAE key management capability");
    }

    @Test
    void aWiphyWithoutThemOffersNeither() {
        Capabilities c = Nl80211Capabilities.of(OLD);
        assertFalse(c.flags().contains(DriverFlag.SAE));
        assertFalse(c.auth().contains(AuthAlg.SAE));
        assertFalse(c.enc().contains(Cipher.BIP));
        assertEquals(Set.of(AuthAlg.OPEN, AuthAlg.SHARED, AuthAlg.LEAP), c.auth());
    }

    /** HWSIM's wiphy with ext features: bit 41 (BEACON_PROTECTION) and/or bit 46 (BEACON_PROTECTION_CLIENT) in octet 5. */
    static WiphyInfo withExtFeatures(int octet5) {
        WiphyInfo w = HWSIM;
        return new WiphyInfo(w.index(), w.name(), w.cipherSuites(), w.iftypes(), w.commands(), w.maxScanSsids(), w.maxSchedScanSsids(),
                w.maxMatchSets(), w.maxRemainOnChannel(), w.featureFlags(), w.apSme(), w.bands(), Bytes.of(new byte[] {0, 0, 0, 0, 0, (byte) octet5}));
    }

    @Test
    void beaconProtectionFlagsFollowTheExtFeatures() {
        assertFalse(Nl80211Capabilities.of(HWSIM).flags().contains(DriverFlag.BEACON_PROTECTION));
        assertFalse(Nl80211Capabilities.of(HWSIM).flags().contains(DriverFlag.BEACON_PROTECTION_CLIENT));
        Capabilities both = Nl80211Capabilities.of(withExtFeatures(0x42));
        assertTrue(both.has(DriverFlag.BEACON_PROTECTION) && both.has(DriverFlag.BEACON_PROTECTION_CLIENT));
        Capabilities client = Nl80211Capabilities.of(withExtFeatures(0x40));
        assertFalse(client.has(DriverFlag.BEACON_PROTECTION));
        assertTrue(client.has(DriverFlag.BEACON_PROTECTION_CLIENT));
        Capabilities ap = Nl80211Capabilities.of(withExtFeatures(0x02));
        assertTrue(ap.has(DriverFlag.BEACON_PROTECTION));
        assertFalse(ap.has(DriverFlag.BEACON_PROTECTION_CLIENT));
    }

    @Test
    void aBigtkTheWiphyCannotUseIsRefusedBeforeTheKernel() throws Exception {
        Bytes bipn = Bytes.of(new byte[6]);
        Bytes key = Bytes.of(new byte[16]);
        KeyParams apBigtk = KeyParams.group(KeyAlg.IGTK, 6, true, bipn, key);
        KeyParams staBigtk = KeyParams.group(KeyAlg.IGTK, 7, false, bipn, key);
        StationMlme.checkBigtk(apBigtk, withExtFeatures(0x02));
        StationMlme.checkBigtk(staBigtk, withExtFeatures(0x40));
        StationMlme.checkBigtk(staBigtk, withExtFeatures(0x02));
        DriverException noAp = assertThrows(DriverException.class, () -> StationMlme.checkBigtk(apBigtk, withExtFeatures(0x40)));
        assertEquals(95, noAp.errno());
        assertTrue(noAp.getMessage().contains("NL80211_EXT_FEATURE_BEACON_PROTECTION)"), noAp.getMessage());
        assertEquals(95, assertThrows(DriverException.class, () -> StationMlme.checkBigtk(staBigtk, HWSIM)).errno());
        // the IGTK and the GTK are not affected
        StationMlme.checkBigtk(KeyParams.group(KeyAlg.IGTK, 4, true, bipn, key), HWSIM);
        StationMlme.checkBigtk(KeyParams.group(KeyAlg.CCMP, 1, true, bipn, key), HWSIM);
    }

    // ---- authenticate -----------------------------------------------------------------------------

    static AuthParams auth(AuthAlg alg, Bytes saeData) {
        return new AuthParams(2412, AP, SSID, alg, Bytes.EMPTY, WepKeys.NONE, false, false, saeData);
    }

    @Test
    void saeAuthenticationNeedsTheWiphysFeatureAndTheCoresSaeData() throws Exception {
        assertEquals(Uapi.NL80211_AUTHTYPE_OPEN_SYSTEM, StationMlme.authType(AuthParams.open(2412, AP, SSID), HWSIM));
        assertEquals(Uapi.NL80211_AUTHTYPE_SAE, StationMlme.authType(auth(AuthAlg.SAE, Bytes.fromHex("0200000001020304")), HWSIM));
        DriverException noFeature = assertThrows(DriverException.class, () -> StationMlme.authType(auth(AuthAlg.SAE, Bytes.fromHex("01000000")), OLD));
        assertEquals(95, noFeature.errno());
        assertTrue(noFeature.getMessage().contains("NL80211_FEATURE_SAE"), noFeature.getMessage());
        assertEquals(22, assertThrows(DriverException.class, () -> StationMlme.authType(auth(AuthAlg.SAE, Bytes.EMPTY), HWSIM)).errno());
        assertEquals(95, assertThrows(DriverException.class, () -> StationMlme.authType(auth(AuthAlg.SHARED, Bytes.EMPTY), HWSIM)).errno());
    }

    // ---- associate --------------------------------------------------------------------------------

    static AssociateParams assoc(KeyMgmt k, Mfp mfp) {
        return AssociateParams.builder().bssid(AP).ssid(SSID).freq(2412).wpaIe(RSNE).wpaProto(Set.of(Proto.RSN)).pairwiseSuite(Cipher.CCMP)
                .groupSuite(Cipher.CCMP).keyMgmtSuite(k).mgmtFrameProtection(mfp).build();
    }

    @Test
    void theAkmFollowsTheKeyManagementAndPmfAsksForMfp() throws Exception {
        Association sae = StationMlme.association(assoc(KeyMgmt.SAE, Mfp.REQUIRED), 2412, false);
        assertEquals(0x000fac08L, sae.akm());
        assertTrue(sae.mfp());
        assertEquals(RSNE, sae.rsnIe());
        assertEquals(0x000fac04L, sae.pairwise());
        assertEquals(0x000fac06L, StationMlme.association(assoc(KeyMgmt.PSK_SHA256, Mfp.OPTIONAL), 2412, false).akm());
        assertTrue(StationMlme.association(assoc(KeyMgmt.PSK_SHA256, Mfp.OPTIONAL), 2412, false).mfp(), "negotiated optional PMF is PMF");
        Association psk = StationMlme.association(assoc(KeyMgmt.PSK, Mfp.NO), 2412, true);
        assertEquals(0x000fac02L, psk.akm());
        assertFalse(psk.mfp());
        assertTrue(psk.controlPortOwner());
        assertEquals(Association.NO_AKM, StationMlme.association(assoc(KeyMgmt.WPS, Mfp.NO), 2412, false).akm(), "no AKM, as driver_nl80211");
        AssociateParams open = AssociateParams.builder().bssid(AP).ssid(SSID).freq(2412).build();
        Association none = StationMlme.association(open, 2412, false);
        assertEquals(Association.NO_AKM, none.akm());
        assertFalse(none.mfp());
    }

    // ---- keys and stations --------------------------------------------------------------------------

    @Test
    void theIgtkIsAesCmacAndTheApsIpnComesBackInTheFirstSixOctets() {
        assertEquals(0x000fac06L, Suites.keyCipher(KeyAlg.IGTK, 16).orElseThrow());
        assertEquals(Bytes.fromHex("2a01000000000000"), ApOps.rsc(Bytes.fromHex("2a0100000000")));
    }

    @Test
    void theMfpStaFlagAndTheAkmsOfAnRsnBss() {
        assertEquals(1L << Uapi.NL80211_STA_FLAG_MFP, ApOps.flagBits(Set.of(StaFlag.MFP)));
        assertEquals(16L, 1L << Uapi.NL80211_STA_FLAG_MFP, "NL80211_STA_FLAG_MFP is bit 4");
        assertEquals(List.of(0x000fac02L, 0x000fac08L), ApOps.akms(Set.of(KeyMgmt.SAE, KeyMgmt.PSK)), "transition mode: PSK then SAE");
        assertEquals(List.of(0x000fac06L), ApOps.akms(Set.of(KeyMgmt.PSK_SHA256)));
        assertTrue(ApOps.AP_AKMS.containsAll(Set.of(KeyMgmt.PSK, KeyMgmt.PSK_SHA256, KeyMgmt.SAE)));
    }

    // ---- frame registrations --------------------------------------------------------------------------

    @Test
    void theStationRegistersForSaQueryResponsesAndTheApForEveryAuthentication() {
        assertEquals(List.of(new Nl80211.FrameMatch(0x00d0, Bytes.fromHex("0801"))), LinkOps.STATION_FRAMES);
        assertTrue(ApOps.AP_FRAMES.contains(Nl80211.FrameMatch.all(0x00b0)), "Authentication frames of any algorithm");
        assertTrue(ApOps.AP_FRAMES.contains(Nl80211.FrameMatch.all(0x00d0)), "Action frames, SA Query included");
    }

    // ---- mlme notifications into events ---------------------------------------------------------------

    /** A station interface on no socket: only onNotification is used, which needs none. */
    private final List<DriverEvent> events = new ArrayList<>();
    private final Nl80211Interface station = onNoSocket(new InterfaceRecord(3, "wlan0", 0, Uapi.NL80211_IFTYPE_STATION, OWN, 2412), HWSIM, events::add);

    /** An interface on in-memory sockets (nothing reaches a kernel); never closed, so nothing is ended. */
    static Nl80211Interface onNoSocket(InterfaceRecord iface, WiphyInfo wiphy, wpa4j.driver.event.DriverEventSink sink) {
        try {
            return new Nl80211Interface(InterfaceSockets.lease(new FakeCustody(), new wpa4j.linux.netlink.GenlClient.Family("nl80211", 0x1c, java.util.Map.of()),
                    iface.ifindex(), "test"), iface, wiphy, sink, false, new Nl80211Interface.Handover(java.time.Duration.ZERO, () -> false), () -> { });
        } catch (wpa4j.linux.netlink.NetlinkException e) {
            throw new AssertionError(e);
        }
    }

    /** The notification as the event socket hands it over: parsed from the octets the kernel sends. */
    static Nl80211Events.Notification notification(int cmd, Bytes frame) throws Exception {
        byte[] m = NlWriter.genl(cmd, 1).u32(Uapi.NL80211_ATTR_WIPHY, 0).u32(Uapi.NL80211_ATTR_IFINDEX, 3).attr(Uapi.NL80211_ATTR_FRAME, frame)
                .u32(Uapi.NL80211_ATTR_WIPHY_FREQ, 2412).build(0x1c, 0, 0, 0);
        NlMessage msg = NlMessage.parseAll(m, m.length).get(0);
        return new Nl80211Events.Notification(msg.genlCmd(), msg.genlAttrs());
    }

    /** A management frame: frame control, duration 0, DA, SA, BSSID, sequence control 0x10, body. */
    static Bytes frame(int fc, MacAddress da, MacAddress sa, String bodyHex) {
        return Bytes.fromHex(String.format("%02x%02x0000", fc & 0xff, fc >> 8) + Bytes.of(da.octets()).toHex() + Bytes.of(sa.octets()).toHex()
                + Bytes.of(AP.octets()).toHex() + "1000" + bodyHex);
    }

    private DriverEvent only() {
        assertEquals(1, events.size(), events.toString());
        return events.get(0);
    }

    @Test
    void anSaeCommitFromTheApIsAnAuthEventWithTheBodyRaw() throws Exception {
        // algorithm 3 (SAE), transaction 1, status 0, group 19, scalar, element: no element list
        String sae = "1300" + "11".repeat(32) + "22".repeat(64);
        station.onNotification(notification(Uapi.NL80211_CMD_AUTHENTICATE, frame(0x00b0, OWN, AP, "030001000000" + sae)));
        DriverEvent.Auth a = assertInstanceOf(DriverEvent.Auth.class, only());
        assertEquals(AP, a.peer());
        assertEquals(AP, a.bssid());
        assertEquals(3, a.authType());
        assertEquals(1, a.authTransaction());
        assertEquals(0, a.statusCode());
        assertEquals(Bytes.fromHex(sae), a.ies());
    }

    @Test
    void aMalformedSaeBodyStillReachesTheCore() throws Exception {
        // confirm (transaction 2) whose body an element parser would reject: element 0xdd claiming 200 octets
        station.onNotification(notification(Uapi.NL80211_CMD_AUTHENTICATE, frame(0x00b0, OWN, AP, "030002000000" + "ddc8" + "0102")));
        DriverEvent.Auth a = assertInstanceOf(DriverEvent.Auth.class, only());
        assertEquals(2, a.authTransaction());
        assertEquals(Bytes.fromHex("ddc80102"), a.ies());
        // an anti-clogging token request: status 76, body = group + token
        events.clear();
        station.onNotification(notification(Uapi.NL80211_CMD_AUTHENTICATE, frame(0x00b0, OWN, AP, "030001004c00" + "1300" + "ab".repeat(32))));
        assertEquals(76, assertInstanceOf(DriverEvent.Auth.class, only()).statusCode());
    }

    @Test
    void aTruncatedAuthenticationFrameIsDropped() throws Exception {
        station.onNotification(notification(Uapi.NL80211_CMD_AUTHENTICATE, frame(0x00b0, OWN, AP, "0300")));
        assertTrue(events.isEmpty());
    }

    @Test
    void unprotectedDeauthAndDisassocAreReportedNotActedOn() throws Exception {
        station.onNotification(notification(Uapi.NL80211_CMD_UNPROT_DEAUTHENTICATE, frame(0x00c0, OWN, AP, "0700")));
        DriverEvent.UnprotDeauth d = assertInstanceOf(DriverEvent.UnprotDeauth.class, only());
        assertEquals(AP, d.sa());
        assertEquals(OWN, d.da());
        assertEquals(7, d.reasonCode());
        events.clear();
        station.onNotification(notification(Uapi.NL80211_CMD_UNPROT_DISASSOCIATE, frame(0x00a0, OWN, AP, "0800")));
        DriverEvent.UnprotDisassoc s = assertInstanceOf(DriverEvent.UnprotDisassoc.class, only());
        assertEquals(AP, s.sa());
        assertEquals(8, s.reasonCode());
    }

    @Test
    void anUnprotectedBeaconIsCountedAndReportedAsNoEvent() throws Exception {
        // NL80211_CMD_UNPROT_BEACON: a Beacon (subtype 8) of our BSS that failed BIGTK verification; the 2.0 API has no event
        Bytes beacon = frame(0x0080, MacAddress.BROADCAST, AP, "0000000000000000" + "6400" + "1104" + "0004" + "77706133");
        station.onNotification(notification(Uapi.NL80211_CMD_UNPROT_BEACON, beacon));
        station.onNotification(notification(Uapi.NL80211_CMD_UNPROT_BEACON, beacon));
        assertEquals(2, station.unprotectedBeacons());
        assertTrue(events.isEmpty(), events.toString());
    }

    @Test
    void theDeauthenticationForcedBeforeARetriedAuthenticationIsNotReported() throws Exception {
        // as driver_nl80211's ignore_deauth_event: after EALREADY the backend deauthenticates itself and tries again
        station.stationMlme().forcingDeauth(AP);
        station.onNotification(notification(Uapi.NL80211_CMD_DEAUTHENTICATE, frame(0x00c0, AP, OWN, "0200")));
        assertEquals(List.of(), events, "our forced deauthentication is not the end of the new attempt");
        // once only: a later one of ours is a leaving like any other
        station.onNotification(notification(Uapi.NL80211_CMD_DEAUTHENTICATE, frame(0x00c0, AP, OWN, "0200")));
        assertTrue(assertInstanceOf(DriverEvent.Deauth.class, only()).locallyGenerated());
        events.clear();
        // and the AP's deauthentication is never taken for ours
        station.stationMlme().forcingDeauth(AP);
        station.onNotification(notification(Uapi.NL80211_CMD_DEAUTHENTICATE, frame(0x00c0, OWN, AP, "0700")));
        assertFalse(assertInstanceOf(DriverEvent.Deauth.class, only()).locallyGenerated());
    }

    @Test
    void aProtectedDeauthenticationFromTheApIsADeauthEvent() throws Exception {
        // mac80211 hands it over decrypted, with the Protected bit (0x4000) still set
        station.onNotification(notification(Uapi.NL80211_CMD_DEAUTHENTICATE, frame(0x40c0, OWN, AP, "0200")));
        DriverEvent.Deauth d = assertInstanceOf(DriverEvent.Deauth.class, only());
        assertEquals(AP, d.addr());
        assertEquals(2, d.reasonCode());
        assertFalse(d.locallyGenerated());
        events.clear();
        station.onNotification(notification(Uapi.NL80211_CMD_DISASSOCIATE, frame(0x00a0, AP, OWN, "0300")));
        DriverEvent.Disassoc ours = assertInstanceOf(DriverEvent.Disassoc.class, only());
        assertEquals(AP, ours.addr());
        assertTrue(ours.locallyGenerated());
    }

    @Test
    void anSaQueryResponseReachesTheStationWholeAndOtherActionFramesAsBefore() throws Exception {
        Bytes response = frame(0x40d0, OWN, AP, "0801beef");
        station.onNotification(notification(Uapi.NL80211_CMD_FRAME, response));
        DriverEvent.RxMgmt m = assertInstanceOf(DriverEvent.RxMgmt.class, only());
        assertEquals(response, m.frame());
        assertEquals(2412, m.freq());
        events.clear();
        station.onNotification(notification(Uapi.NL80211_CMD_FRAME, frame(0x00d0, OWN, AP, "0409dd00")));
        DriverEvent.RxAction a = assertInstanceOf(DriverEvent.RxAction.class, only());
        assertEquals(4, a.category());
        assertEquals(Bytes.fromHex("09dd00"), a.data());
    }

    @Test
    void theApGetsEveryRegisteredFrameWholeAnSaeCommitIncluded() throws Exception {
        Bytes commit = frame(0x00b0, AP, OWN, "0300010000001300" + "33".repeat(96));
        DriverEvent e = FrameEvents.received(commit, 2412, -30, true);
        assertEquals(commit, assertInstanceOf(DriverEvent.RxMgmt.class, e).frame(), "no parsing or rewriting on the way up");
        Bytes saQuery = frame(0x40d0, AP, OWN, "08001234");
        assertEquals(saQuery, assertInstanceOf(DriverEvent.RxMgmt.class, FrameEvents.received(saQuery, 2412, -30, true)).frame());
    }
}
