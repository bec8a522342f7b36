package wpa4j.nl80211.cmd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;
import wpa4j.linux.netlink.NlAttr;
import wpa4j.linux.netlink.NlMessage;
import wpa4j.linux.netlink.NlWriter;
import wpa4j.nl80211.uapi.Uapi;

/**
 * The nl80211 requests of SAE and PMF (issue 14), decoded back into their attributes: each carries what
 * driver_nl80211 puts in it, with the values of the uapi header (Uapi is checked against it by UapiConstantsTest).
 * Suite selectors are written as the octets a little-endian u32 has on the wire.
 */
class Wpa3MessagesTest {
    private static final MacAddress AP = MacAddress.parse("02:00:00:00:00:00");
    private static final MacAddress STA = MacAddress.parse("02:00:00:00:01:00");
    private static final Ssid SSID = Ssid.of("wpa3".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    /** An SAE commit as the core hands it over: transaction 1, status 0, group 19, then (shortened) scalar and element. */
    private static final Bytes SAE_COMMIT = Bytes.fromHex("010000001300" + "aa".repeat(32) + "bb".repeat(64));
    private static final Bytes RSNE = Bytes.fromHex("30140100000fac040100000fac040100000fac08c000");

    static List<NlAttr> attrs(NlWriter w, int expectedCmd) throws MalformedFrameException {
        byte[] m = w.build(0x1c, 0, 1, 0);
        NlMessage msg = NlMessage.parseAll(m, m.length).get(0);
        assertEquals(expectedCmd, msg.genlCmd());
        return msg.genlAttrs();
    }

    static NlAttr attr(List<NlAttr> a, int type) {
        return NlAttr.find(a, type).orElseThrow(() -> new AssertionError("attribute " + type + " missing"));
    }

    static boolean has(List<NlAttr> a, int type) {
        return NlAttr.find(a, type).isPresent();
    }

    @Test
    void saeAuthenticateCarriesAuthTypeSaeAndTheCoresSaeData() throws Exception {
        List<NlAttr> a = attrs(Nl80211.authenticateRequest(7, new Authentication(AP, 2412, SSID, Uapi.NL80211_AUTHTYPE_SAE, Bytes.EMPTY, SAE_COMMIT)),
                Uapi.NL80211_CMD_AUTHENTICATE);
        assertEquals(7, attr(a, Uapi.NL80211_ATTR_IFINDEX).u32());
        assertEquals(Bytes.of(AP.octets()), attr(a, Uapi.NL80211_ATTR_MAC).value());
        assertEquals(2412, attr(a, Uapi.NL80211_ATTR_WIPHY_FREQ).u32());
        assertEquals(Bytes.of("wpa3".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), attr(a, Uapi.NL80211_ATTR_SSID).value());
        assertEquals(4, attr(a, Uapi.NL80211_ATTR_AUTH_TYPE).u32(), "NL80211_AUTHTYPE_SAE");
        assertEquals(156, Uapi.NL80211_ATTR_SAE_DATA, "NL80211_ATTR_SAE_DATA is NL80211_ATTR_AUTH_DATA");
        assertEquals(SAE_COMMIT, attr(a, Uapi.NL80211_ATTR_SAE_DATA).value(), "seq | status | SAE fields, unchanged");
        assertFalse(has(a, Uapi.NL80211_ATTR_IE));
    }

    @Test
    void openSystemAuthenticateIsAsBefore() throws Exception {
        Bytes ie = Bytes.fromHex("dd050050f20400");
        List<NlAttr> a = attrs(Nl80211.authenticateRequest(7, new Authentication(AP, 2412, SSID, Uapi.NL80211_AUTHTYPE_OPEN_SYSTEM, ie, Bytes.EMPTY)),
                Uapi.NL80211_CMD_AUTHENTICATE);
        assertEquals(0, attr(a, Uapi.NL80211_ATTR_AUTH_TYPE).u32());
        assertEquals(ie, attr(a, Uapi.NL80211_ATTR_IE).value());
        assertFalse(has(a, Uapi.NL80211_ATTR_SAE_DATA));
    }

    @Test
    void associateWithPmfAsksForMfpRequiredAndNamesTheSaeAkm() throws Exception {
        List<NlAttr> a = attrs(Nl80211.associateRequest(7, new Association(AP, 2412, SSID, RSNE, 0x000fac04L, 0x000fac04L, 0x000fac08L, true, false)),
                Uapi.NL80211_CMD_ASSOCIATE);
        assertEquals(1, attr(a, Uapi.NL80211_ATTR_USE_MFP).u32(), "NL80211_MFP_REQUIRED");
        assertEquals(Bytes.fromHex("08ac0f00"), attr(a, Uapi.NL80211_ATTR_AKM_SUITES).value(), "00-0f-ac:8 (SAE)");
        assertEquals(RSNE, attr(a, Uapi.NL80211_ATTR_IE).value(), "the core's RSNE as it is");
        assertEquals(0x000fac04L, attr(a, Uapi.NL80211_ATTR_CIPHER_SUITES_PAIRWISE).u32());
        assertEquals(0x000fac04L, attr(a, Uapi.NL80211_ATTR_CIPHER_SUITE_GROUP).u32());
        assertEquals(Uapi.NL80211_WPA_VERSION_2, attr(a, Uapi.NL80211_ATTR_WPA_VERSIONS).u32());
        assertTrue(has(a, Uapi.NL80211_ATTR_CONTROL_PORT));
        assertFalse(has(a, Uapi.NL80211_ATTR_SOCKET_OWNER));
    }

    @Test
    void associateWithoutPmfHasNoUseMfp() throws Exception {
        List<NlAttr> a = attrs(Nl80211.associateRequest(7, new Association(AP, 2412, SSID, RSNE, 0x000fac04L, 0x000fac04L, 0x000fac02L, false, true)),
                Uapi.NL80211_CMD_ASSOCIATE);
        assertFalse(has(a, Uapi.NL80211_ATTR_USE_MFP));
        assertEquals(Bytes.fromHex("02ac0f00"), attr(a, Uapi.NL80211_ATTR_AKM_SUITES).value(), "00-0f-ac:2 (PSK)");
        assertTrue(has(a, Uapi.NL80211_ATTR_SOCKET_OWNER));
        assertTrue(has(a, Uapi.NL80211_ATTR_CONTROL_PORT_OVER_NL80211));
        List<NlAttr> open = attrs(Nl80211.associateRequest(7, new Association(AP, 2412, SSID, Bytes.EMPTY, 0, 0, Association.NO_AKM, false, false)),
                Uapi.NL80211_CMD_ASSOCIATE);
        assertFalse(has(open, Uapi.NL80211_ATTR_AKM_SUITES) || has(open, Uapi.NL80211_ATTR_IE) || has(open, Uapi.NL80211_ATTR_CONTROL_PORT),
                "an open association carries no RSN");
    }

    @Test
    void anIgtkIsAGroupKeyWithTheAesCmacCipherAndItsIpn() throws Exception {
        Bytes ipn = Bytes.fromHex("050000000000");
        Bytes igtk = Bytes.fromHex("000102030405060708090a0b0c0d0e0f");
        List<NlAttr> a = attrs(Nl80211.newKeyRequest(7, null, 4, 0x000fac06L, ipn, igtk), Uapi.NL80211_CMD_NEW_KEY);
        assertEquals(0x000fac06L, attr(a, Uapi.NL80211_ATTR_KEY_CIPHER).u32(), "WLAN_CIPHER_SUITE_AES_CMAC");
        assertEquals(4, attr(a, Uapi.NL80211_ATTR_KEY_IDX).u8());
        assertEquals(ipn, attr(a, Uapi.NL80211_ATTR_KEY_SEQ).value());
        assertEquals(igtk, attr(a, Uapi.NL80211_ATTR_KEY_DATA).value());
        assertEquals(Uapi.NL80211_KEYTYPE_GROUP, attr(a, Uapi.NL80211_ATTR_KEY_TYPE).u32());
        assertFalse(has(a, Uapi.NL80211_ATTR_MAC), "a group key has no peer");
    }

    @Test
    void theIgtkBecomesTheDefaultManagementKeyAndAGtkTheDefaultMulticastKey() throws Exception {
        for (int idx : new int[] {4, 5}) {
            List<NlAttr> a = attrs(Nl80211.defaultGroupKeyRequest(7, idx), Uapi.NL80211_CMD_SET_KEY);
            assertEquals(idx, attr(a, Uapi.NL80211_ATTR_KEY_IDX).u8());
            assertTrue(has(a, Uapi.NL80211_ATTR_KEY_DEFAULT_MGMT));
            assertFalse(has(a, Uapi.NL80211_ATTR_KEY_DEFAULT), "the kernel refuses DEFAULT with DEFAULT_MGMT");
            assertFalse(has(a, Uapi.NL80211_ATTR_KEY_DEFAULT_TYPES));
        }
        List<NlAttr> gtk = attrs(Nl80211.defaultGroupKeyRequest(7, 1), Uapi.NL80211_CMD_SET_KEY);
        assertTrue(has(gtk, Uapi.NL80211_ATTR_KEY_DEFAULT));
        assertFalse(has(gtk, Uapi.NL80211_ATTR_KEY_DEFAULT_MGMT));
        assertTrue(NlAttr.find(attr(gtk, Uapi.NL80211_ATTR_KEY_DEFAULT_TYPES).nested(), Uapi.NL80211_KEY_DEFAULT_TYPE_MULTICAST).isPresent());
    }

    @Test
    void aBigtkIsInstalledAsTheIgtkIsAtIndexSixOrSeven() throws Exception {
        Bytes bipn = Bytes.fromHex("010000000000");
        Bytes bigtk = Bytes.fromHex("f0e0d0c0b0a090807060504030201000");
        for (int idx : new int[] {6, 7}) {
            List<NlAttr> a = attrs(Nl80211.newKeyRequest(7, null, idx, 0x000fac06L, bipn, bigtk), Uapi.NL80211_CMD_NEW_KEY);
            assertEquals(0x000fac06L, attr(a, Uapi.NL80211_ATTR_KEY_CIPHER).u32(), "BIP-CMAC-128, as for the IGTK");
            assertEquals(idx, attr(a, Uapi.NL80211_ATTR_KEY_IDX).u8());
            assertEquals(bipn, attr(a, Uapi.NL80211_ATTR_KEY_SEQ).value());
            assertEquals(bigtk, attr(a, Uapi.NL80211_ATTR_KEY_DATA).value());
            assertEquals(Uapi.NL80211_KEYTYPE_GROUP, attr(a, Uapi.NL80211_ATTR_KEY_TYPE).u32());
        }
    }

    @Test
    void theBigtkBecomesTheDefaultBeaconKeyInsideAttrKey() throws Exception {
        // uapi numbers as literals: nested NL80211_ATTR_KEY (80) { NL80211_KEY_IDX (2), NL80211_KEY_DEFAULT_BEACON (10),
        // NL80211_KEY_DEFAULT_TYPES (8) { MULTICAST } }, the only form nl80211_parse_key_new takes a default beacon key in
        assertEquals(80, Uapi.NL80211_ATTR_KEY);
        assertEquals(2, Uapi.NL80211_KEY_IDX);
        assertEquals(10, Uapi.NL80211_KEY_DEFAULT_BEACON);
        assertEquals(8, Uapi.NL80211_KEY_DEFAULT_TYPES);
        for (int idx : new int[] {6, 7}) {
            byte[] m = Nl80211.defaultGroupKeyRequest(7, idx).build(0x1c, 0, 1, 0);
            // nlmsghdr (16) + genlmsghdr (4), IFINDEX u32 (8), then ATTR_KEY: header, KEY_IDX u8 (8), DEFAULT_BEACON (4),
            // DEFAULT_TYPES { MULTICAST (4) } (8): 4 + 8 + 4 + 8 = 24 octets, NLA_F_NESTED set on both nests
            String tail = Bytes.of(m).slice(28, m.length - 28).toHex();
            assertEquals("1800" + "5080" + "0500" + "0200" + String.format("%02x", idx) + "000000" + "0400" + "0a00" + "0800" + "0880" + "0400" + "0200",
                    tail);
            List<NlAttr> a = attrs(Nl80211.defaultGroupKeyRequest(7, idx), Uapi.NL80211_CMD_SET_KEY);
            assertEquals(7, attr(a, Uapi.NL80211_ATTR_IFINDEX).u32());
            List<NlAttr> key = attr(a, Uapi.NL80211_ATTR_KEY).nested();
            assertEquals(idx, attr(key, Uapi.NL80211_KEY_IDX).u8());
            assertTrue(has(key, Uapi.NL80211_KEY_DEFAULT_BEACON));
            assertTrue(NlAttr.find(attr(key, Uapi.NL80211_KEY_DEFAULT_TYPES).nested(), Uapi.NL80211_KEY_DEFAULT_TYPE_MULTICAST).isPresent());
            assertFalse(has(a, Uapi.NL80211_ATTR_KEY_IDX) || has(a, Uapi.NL80211_ATTR_KEY_DEFAULT_MGMT) || has(a, Uapi.NL80211_ATTR_KEY_DEFAULT),
                    "with ATTR_KEY present the kernel ignores the old top-level key attributes: none are sent");
        }
    }

    @Test
    void getKeyOfTheBigtkReadsTheBipn() throws Exception {
        List<NlAttr> a = attrs(Nl80211.getKeyRequest(7, null, 6), Uapi.NL80211_CMD_GET_KEY);
        assertEquals(6, attr(a, Uapi.NL80211_ATTR_KEY_IDX).u8());
        assertFalse(has(a, Uapi.NL80211_ATTR_MAC));
    }

    @Test
    void theWiphysBeaconProtectionExtFeatures() throws Exception {
        assertEquals(41, Uapi.NL80211_EXT_FEATURE_BEACON_PROTECTION);
        assertEquals(46, Uapi.NL80211_EXT_FEATURE_BEACON_PROTECTION_CLIENT);
        // bit n is octet n/8, bit n%8: 41 is octet 5 bit 1 (0x02), 46 octet 5 bit 6 (0x40)
        byte[] m = NlWriter.genl(Uapi.NL80211_CMD_NEW_WIPHY, 1).u32(Uapi.NL80211_ATTR_WIPHY, 0)
                .attr(Uapi.NL80211_ATTR_EXT_FEATURES, Bytes.fromHex("0000000000420000")).build(0x1c, 2, 1, 0);
        WiphyInfo w = WiphyInfo.parse(List.of(NlMessage.parseAll(m, m.length).get(0).genlAttrs()));
        assertTrue(w.extFeature(Uapi.NL80211_EXT_FEATURE_BEACON_PROTECTION));
        assertTrue(w.extFeature(Uapi.NL80211_EXT_FEATURE_BEACON_PROTECTION_CLIENT));
        assertFalse(w.extFeature(Uapi.NL80211_EXT_FEATURE_CONTROL_PORT_OVER_NL80211));
        assertEquals(138, Uapi.NL80211_CMD_UNPROT_BEACON);
    }

    @Test
    void getKeyOfTheIgtkAsksForIndexFourWithoutPeerAndReadsTheIpn() throws Exception {
        List<NlAttr> a = attrs(Nl80211.getKeyRequest(7, null, 4), Uapi.NL80211_CMD_GET_KEY);
        assertEquals(4, attr(a, Uapi.NL80211_ATTR_KEY_IDX).u8());
        assertFalse(has(a, Uapi.NL80211_ATTR_MAC));
        Bytes ipn = Bytes.fromHex("2a0100000000");
        // mac80211 answers with ATTR_KEY_SEQ and a nested ATTR_KEY carrying KEY_SEQ again; either is read
        assertEquals(ipn, Nl80211.keySeqOf(attrs(NlWriter.genl(Uapi.NL80211_CMD_NEW_KEY, 0).u8(Uapi.NL80211_ATTR_KEY_IDX, 4)
                .attr(Uapi.NL80211_ATTR_KEY_SEQ, ipn), Uapi.NL80211_CMD_NEW_KEY)));
        assertEquals(ipn, Nl80211.keySeqOf(attrs(NlWriter.genl(Uapi.NL80211_CMD_NEW_KEY, 0).nestStart(Uapi.NL80211_ATTR_KEY)
                .attr(Uapi.NL80211_KEY_SEQ, ipn).nestEnd(), Uapi.NL80211_CMD_NEW_KEY)));
    }

    @Test
    void theMfpStationFlagIsInTheMaskAndTheSetOfStaFlags2() throws Exception {
        long mfp = 1L << Uapi.NL80211_STA_FLAG_MFP;
        long wme = 1L << Uapi.NL80211_STA_FLAG_WME;
        List<NlAttr> add = attrs(Nl80211.newStationRequest(7, STA, 1, 10, new byte[] {2, 4}, 0x0431, mfp | wme, mfp | wme), Uapi.NL80211_CMD_NEW_STATION);
        assertEquals(flagUpdate(mfp | wme, mfp | wme), attr(add, Uapi.NL80211_ATTR_STA_FLAGS2).value());
        List<NlAttr> clear = attrs(Nl80211.stationFlagsRequest(7, STA, mfp, 0), Uapi.NL80211_CMD_SET_STATION);
        assertEquals(Bytes.of(STA.octets()), attr(clear, Uapi.NL80211_ATTR_MAC).value());
        assertEquals(flagUpdate(mfp, 0), attr(clear, Uapi.NL80211_ATTR_STA_FLAGS2).value());
    }

    /** struct nl80211_sta_flag_update {u32 mask; u32 set;}, little-endian; NL80211_STA_FLAG_MFP is bit 4. */
    private static Bytes flagUpdate(long mask, long set) {
        return Bytes.fromHex(String.format("%02x000000%02x000000", mask, set));
    }

    @Test
    void frameRegistrationsCarryTypeAndMatch() throws Exception {
        List<NlAttr> saQuery = attrs(Nl80211.registerFrameRequest(7, new Nl80211.FrameMatch(0x00d0, Bytes.fromHex("0801"))),
                Uapi.NL80211_CMD_REGISTER_FRAME);
        assertEquals(0x00d0, attr(saQuery, Uapi.NL80211_ATTR_FRAME_TYPE).u16(), "Action");
        assertEquals(Bytes.fromHex("0801"), attr(saQuery, Uapi.NL80211_ATTR_FRAME_MATCH).value(), "category 8 (SA Query), action 1 (Response)");
        List<NlAttr> auth = attrs(Nl80211.registerFrameRequest(7, Nl80211.FrameMatch.all(0x00b0)), Uapi.NL80211_CMD_REGISTER_FRAME);
        assertEquals(0x00b0, attr(auth, Uapi.NL80211_ATTR_FRAME_TYPE).u16(), "Authentication");
        assertEquals(0, attr(auth, Uapi.NL80211_ATTR_FRAME_MATCH).value().length(), "every algorithm, SAE included");
    }

    @Test
    void startApListsTheAkmsOfATransitionBssAndLeavesOutMoreThanTheKernelTakes() throws Exception {
        Bytes head = Bytes.of(new byte[36]);
        ApBeacon transition = new ApBeacon(head, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY, 100, 2, SSID, 0, 2412, true, 0x000fac04L,
                0x000fac04L, List.of(0x000fac02L, 0x000fac08L), false);
        List<NlAttr> a = attrs(Nl80211.startApRequest(7, transition, false), Uapi.NL80211_CMD_START_AP);
        assertEquals(Bytes.fromHex("02ac0f0008ac0f00"), attr(a, Uapi.NL80211_ATTR_AKM_SUITES).value(), "PSK then SAE");
        assertTrue(has(a, Uapi.NL80211_ATTR_PRIVACY));
        assertEquals(Uapi.NL80211_AUTHTYPE_OPEN_SYSTEM, attr(a, Uapi.NL80211_ATTR_AUTH_TYPE).u32(), "the AP core, not the kernel, authenticates");
        ApBeacon three = new ApBeacon(head, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY, 100, 2, SSID, 0, 2412, true, 0x000fac04L, 0x000fac04L,
                List.of(0x000fac02L, 0x000fac06L, 0x000fac08L), false);
        assertEquals(2, Uapi.NL80211_MAX_NR_AKM_SUITES);
        assertFalse(has(attrs(Nl80211.startApRequest(7, three, false), Uapi.NL80211_CMD_START_AP), Uapi.NL80211_ATTR_AKM_SUITES),
                "more AKMs than NL80211_MAX_NR_AKM_SUITES: left out, as hostapd does");
    }

    @Test
    void theWiphyReportsAesCmacAndTheSaeFeature() throws Exception {
        byte[] m = NlWriter.genl(Uapi.NL80211_CMD_NEW_WIPHY, 1).u32(Uapi.NL80211_ATTR_WIPHY, 0)
                .attr(Uapi.NL80211_ATTR_CIPHER_SUITES, Bytes.fromHex("04ac0f0006ac0f00")).u32(Uapi.NL80211_ATTR_FEATURE_FLAGS, Uapi.NL80211_FEATURE_SAE)
                .build(0x1c, 2, 1, 0);
        WiphyInfo w = WiphyInfo.parse(List.of(NlMessage.parseAll(m, m.length).get(0).genlAttrs()));
        assertTrue(w.cipherSuites().contains(0x000fac06L), "WLAN_CIPHER_SUITE_AES_CMAC");
        assertEquals(Uapi.NL80211_FEATURE_SAE, w.featureFlags() & Uapi.NL80211_FEATURE_SAE);
    }
}
