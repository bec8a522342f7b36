package wpa4j.driver.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {
    private static final MacAddress AP = MacAddress.parse("02:00:00:00:01:00");

    @Test
    void macAddressRoundTrips() {
        MacAddress m = MacAddress.parse("0A:1b:2C:3d:4E:5f");
        assertEquals("0a:1b:2c:3d:4e:5f", m.toString());
        assertArrayEquals(new byte[] {0x0a, 0x1b, 0x2c, 0x3d, 0x4e, 0x5f}, m.octets());
        assertEquals(m, MacAddress.of(m.octets()));
        assertTrue(MacAddress.BROADCAST.isBroadcast() && MacAddress.BROADCAST.isMulticast());
        assertTrue(MacAddress.parse("02:00:00:00:00:00").isLocallyAdministered());
        assertFalse(AP.isMulticast());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00:11:22:33:44", "00:11:22:33:44:55:66", "0g:11:22:33:44:55", "001:1:22:33:44:55", "00:11:22:33:44:5"})
    void badMacTextIsRejectedNamingTheField(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MacAddress.parse(text));
        assertTrue(e.getMessage().startsWith("mac: '" + text + "'"), e.getMessage());
    }

    @Test
    void macNeedsSixOctets() {
        assertEquals("mac: 5 octets, expected 6", assertThrows(IllegalArgumentException.class, () -> MacAddress.of(new byte[5])).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MacAddress(1L << 48));
        assertThrows(IllegalArgumentException.class, () -> MacAddress.of(new byte[8], 3));
    }

    @Test
    void ssidIsRawOctetsUpTo32() {
        assertEquals(32, Ssid.of(new byte[32]).length());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ssid.of(new byte[33]));
        assertEquals("ssid: length 33 out of range 0..32", e.getMessage());
        assertEquals("caf\\xc3\\xa9 \\\"x\\\"\\n", Ssid.ofUtf8("café \"x\"\n").toPrintable());
        assertEquals(Ssid.ofUtf8("abc"), Ssid.of((byte) 'a', (byte) 'b', (byte) 'c'));
    }

    @Test
    void bytesHaveValueSemanticsAndAreImmutable() {
        byte[] raw = {1, 2, 3};
        Bytes b = Bytes.of(raw);
        raw[0] = 9;
        assertEquals(1, b.get(0));
        b.toArray()[1] = 9;
        assertEquals(2, b.get(1));
        assertEquals(Bytes.fromHex("010203"), b);
        assertEquals("010203", b.toString());
        assertThrows(IllegalArgumentException.class, () -> Bytes.fromHex("0g"));
        assertThrows(IllegalArgumentException.class, () -> Bytes.of(raw, 2, 2));
        assertThrows(UnsupportedOperationException.class, () -> b.asReadOnlyBuffer().array());
    }

    @Test
    void keyLengthsFollowTheAlgorithm() {
        Bytes seq = Bytes.EMPTY;
        KeyParams.pairwise(KeyAlg.CCMP, AP, seq, Bytes.of(new byte[16]));
        KeyParams.group(KeyAlg.TKIP, 1, true, Bytes.of(new byte[6]), Bytes.of(new byte[32]));
        KeyParams.group(KeyAlg.WEP, 0, true, seq, Bytes.of(new byte[13]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyParams.pairwise(KeyAlg.CCMP, AP, seq, Bytes.of(new byte[15])));
        assertEquals("key: length 15 not valid for CCMP (expected [16])", e.getMessage());
        assertEquals("keyIdx: 4 out of range 0..3",
                assertThrows(IllegalArgumentException.class, () -> KeyParams.group(KeyAlg.CCMP, 4, false, seq, Bytes.of(new byte[16]))).getMessage());
        assertEquals("keyIdx: 1 out of range 4..7 for IGTK (4..5 IGTK, 6..7 BIGTK)",
                assertThrows(IllegalArgumentException.class, () -> KeyParams.group(KeyAlg.IGTK, 1, false, seq, Bytes.of(new byte[16]))).getMessage());
        assertEquals("keyIdx: 8 out of range 0..7",
                assertThrows(IllegalArgumentException.class, () -> KeyParams.group(KeyAlg.IGTK, 8, false, seq, Bytes.of(new byte[16]))).getMessage());
        assertEquals("keyIdx: 6 out of range 0..3",
                assertThrows(IllegalArgumentException.class, () -> KeyParams.group(KeyAlg.CCMP, 6, false, seq, Bytes.of(new byte[16]))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> KeyParams.group(KeyAlg.CCMP, 1, false, Bytes.of(new byte[9]), Bytes.of(new byte[16])));
        assertThrows(IllegalArgumentException.class, () -> new KeyParams("bad name", KeyAlg.NONE, AP, 0, false, seq, Bytes.EMPTY));
    }

    @Test
    void laterDriverFlagsAreAppendedAfterThoseOfHostap20() {
        DriverFlag[] all = DriverFlag.values();
        // the 26 flags of hostap 2.0 keep their positions; beacon protection (hostap 2.10) comes after them
        assertEquals(DriverFlag.OBSS_SCAN, all[25]);
        assertEquals(List.of(DriverFlag.BEACON_PROTECTION, DriverFlag.BEACON_PROTECTION_CLIENT), List.of(all).subList(26, all.length));
    }

    @Test
    void aBigtkIsAnIgtkAtIndexSixOrSeven() {
        Bytes bipn = Bytes.of(new byte[6]);
        for (int idx = 4; idx <= 7; idx++) {
            KeyParams k = KeyParams.group(KeyAlg.IGTK, idx, idx == 6, bipn, Bytes.of(new byte[16]));
            assertEquals(idx >= 6, k.isBigtk(), "index " + idx);
            assertFalse(k.isPairwise());
        }
        assertFalse(KeyParams.group(KeyAlg.CCMP, 3, true, bipn, Bytes.of(new byte[16])).isBigtk());
        // a BIGTK is an AES-128-CMAC key: 16 octets, no other length
        assertThrows(IllegalArgumentException.class, () -> KeyParams.group(KeyAlg.IGTK, 7, false, bipn, Bytes.of(new byte[32])));
        Bytes secret = Bytes.fromHex("00112233445566778899aabbccddeeff");
        assertFalse(KeyParams.group(KeyAlg.IGTK, 7, true, bipn, secret).toString().contains(secret.toHex()));
    }

    @Test
    void secretsNeverAppearInToString() {
        Bytes secret = Bytes.fromHex("c97c1f67ce371185514a8a19f2bdd52f");
        String hex = secret.toHex();
        assertFalse(KeyParams.pairwise(KeyAlg.CCMP, AP, Bytes.EMPTY, secret).toString().contains(hex));
        assertFalse(new RekeyInfo(secret, secret, Bytes.of(new byte[8])).toString().contains(hex));
        WepKeys wep = new WepKeys(List.of(Bytes.of(new byte[] {1, 2, 3, 4, 5}), Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY), 0);
        assertFalse(wep.toString().contains("0102030405"));
        AssociateParams p = AssociateParams.builder().ssid(Ssid.ofUtf8("net")).passphrase("correct horse battery")
                .psk(Bytes.of(new byte[32])).wepKeys(wep).build();
        assertFalse(p.toString().contains("correct horse"), p.toString());
        assertFalse(p.toString().contains("0".repeat(64)), p.toString());
    }

    @Test
    void associateParamsValidate() {
        assertEquals("passphrase: length 7 out of range 8..63", assertThrows(IllegalArgumentException.class,
                () -> AssociateParams.builder().ssid(Ssid.ofUtf8("n")).passphrase("1234567").build()).getMessage());
        assertEquals("freq: 2300 MHz is not an 802.11 channel frequency", assertThrows(IllegalArgumentException.class,
                () -> AssociateParams.builder().ssid(Ssid.ofUtf8("n")).freq(2300).build()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> AssociateParams.builder().authAlg(Set.of()).build());
        assertThrows(NullPointerException.class, () -> AssociateParams.builder().ssid(null).build());
        assertEquals(2437, AssociateParams.builder().freq(2437).build().freq());
    }

    @Test
    void scanParamsBoundSsidsAndFrequencies() {
        assertEquals(List.of(Ssid.ofUtf8("h"), Ssid.WILDCARD), ScanParams.directed(List.of(Ssid.ofUtf8("h")), List.of(2412)).ssids());
        assertThrows(IllegalArgumentException.class, () -> ScanParams.active(List.of(1234)));
        List<Ssid> tooMany = java.util.Collections.nCopies(17, Ssid.WILDCARD);
        assertEquals("ssids: 17 entries, at most 16 allowed",
                assertThrows(IllegalArgumentException.class, () -> new ScanParams(tooMany, Bytes.EMPTY, List.of(), List.of(), 0, false)).getMessage());
    }

    @Test
    void scanResultIeLookupSurvivesTruncatedIes() {
        Bytes ies = Bytes.fromHex("0004746573740301" + "06" + "dd05");
        ScanResult r = new ScanResult(Set.of(ScanResultFlag.LEVEL_DBM), AP, 2412, 100, 0x0411, 0, -90, -40, 0, 0, ies, Bytes.EMPTY);
        assertEquals(Optional.of(Ssid.ofUtf8("test")), r.ssid());
        assertEquals(Optional.of(Bytes.of((byte) 6)), r.ie(3));
        assertEquals(Optional.empty(), r.ie(0xdd), "truncated vendor IE is not returned");
    }

    @Test
    void channelsAndFrequencies() {
        assertEquals(2412, FreqParams.channelToFrequency(HwModeType.IEEE80211G, 1));
        assertEquals(2484, FreqParams.channelToFrequency(HwModeType.IEEE80211B, 14));
        assertEquals(5180, FreqParams.channelToFrequency(HwModeType.IEEE80211A, 36));
        assertEquals(58320, FreqParams.channelToFrequency(HwModeType.IEEE80211AD, 1));
        assertThrows(IllegalArgumentException.class, () -> FreqParams.channelToFrequency(HwModeType.IEEE80211G, 15));
        assertThrows(IllegalArgumentException.class, () -> new FreqParams(HwModeType.IEEE80211G, 2412, 1, false, 1));
    }

    @Test
    void staAddParamsKeepTheAidSpace() {
        new StaAddParams(AP, 2007, 0, List.of(2, 4, 11, 22), 10, Bytes.EMPTY, Set.of(StaFlag.WMM), false, 0);
        assertEquals("aid: 0 out of range 1..2007", assertThrows(IllegalArgumentException.class,
                () -> new StaAddParams(AP, 0, 0, List.of(), 10, Bytes.EMPTY, Set.of(), false, 0)).getMessage());
    }

    @Test
    void smallRecordsValidate() {
        assertEquals("alpha2: 'de' is not two upper-case letters or 00", assertThrows(IllegalArgumentException.class, () -> new CountryCode("de")).getMessage());
        assertEquals("pmkid: length 15 out of range 16..16", assertThrows(IllegalArgumentException.class, () -> new PmkidEntry(AP, Bytes.of(new byte[15]))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TxQueueParams(0, 2, 15, 7, 0));
        assertThrows(IllegalArgumentException.class, () -> new IfAddParams(IfType.AP_VLAN, "wlan0.sta1-too-long", null, null));
        assertThrows(IllegalArgumentException.class, () -> new P2pConnectParams(AP, WpsMethod.PBC, 16, AP, 0, false));
    }
}
