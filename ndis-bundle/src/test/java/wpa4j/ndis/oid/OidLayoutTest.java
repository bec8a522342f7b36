package wpa4j.ndis.oid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import wpa4j.common.codec.Fuzz;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.PmkidEntry;
import wpa4j.driver.types.Ssid;

/**
 * Every structure against its layout written out field by field from the ntddndis.h definitions (ULONG =
 * 4 octets LE on 32- and 64-bit Windows; KeyRSC 8-aligned), round trips, and malformed buffers.
 */
class OidLayoutTest {
    private static final MacAddress BSSID = MacAddress.parse("02:11:22:33:44:55");

    /** Reads the buffer as the C compiler lays it out. */
    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] at(byte[] b, int off, int len) {
        byte[] r = new byte[len];
        System.arraycopy(b, off, r, 0, len);
        return r;
    }

    @Test
    void oidAndIoctlValues() {
        assertEquals(0x0d010101, Oid.OID_802_11_BSSID);
        assertEquals(0x0d010217, Oid.OID_802_11_BSSID_LIST);
        assertEquals(0x0d01011a, Oid.OID_802_11_BSSID_LIST_SCAN);
        assertEquals(0x0d01011d, Oid.OID_802_11_ADD_KEY);
        assertEquals(0x01010102, Oid.OID_802_3_CURRENT_ADDRESS);
        assertEquals("OID_802_11_PMKID", Oid.name(0x0d010123));
        assertEquals(0x0012C800, wpa4j.ndis.transport.Ndisuio.IOCTL_NDISUIO_OPEN_DEVICE);
        assertEquals(0x0012C804, wpa4j.ndis.transport.Ndisuio.IOCTL_NDISUIO_QUERY_OID_VALUE);
        assertEquals(0x0012C808, wpa4j.ndis.transport.Ndisuio.IOCTL_NDISUIO_SET_ETHER_TYPE);
        assertEquals(0x0012C80C, wpa4j.ndis.transport.Ndisuio.IOCTL_NDISUIO_QUERY_BINDING);
        assertEquals(0x0012C810, wpa4j.ndis.transport.Ndisuio.IOCTL_NDISUIO_BIND_WAIT);
        assertEquals(0x0012C814, wpa4j.ndis.transport.Ndisuio.IOCTL_NDISUIO_SET_OID_VALUE);
        assertEquals(7, NdisEnums.AuthenticationMode.WPA2_PSK.value());
        assertEquals(6, NdisEnums.EncryptionStatus.ENCRYPTION3_ENABLED.value());
        assertEquals(1, NdisEnums.EncryptionStatus.DISABLED.value());
        assertEquals(1, NdisEnums.InfrastructureMode.INFRASTRUCTURE.value());
        assertEquals(1, NdisEnums.PrivacyFilter.IEEE8021X_WEP.value());
    }

    @Test
    void ssidIs36Octets() throws Exception {
        byte[] b = NdisSsid.encode(Ssid.ofUtf8("abc"));
        assertEquals(36, b.length);
        assertEquals(3, le(b).getInt(0));
        assertArrayEquals("abc".getBytes(), at(b, 4, 3));
        assertArrayEquals(new byte[29], at(b, 7, 29));
        assertEquals(Ssid.ofUtf8("abc"), NdisSsid.decode(b));
        b[0] = 33;
        assertThrows(MalformedFrameException.class, () -> NdisSsid.decode(b));
    }

    @Test
    void keyLayout() throws Exception {
        Bytes material = Bytes.fromHex("000102030405060708090a0b0c0d0e0f");
        NdisKey k = new NdisKey(1, true, true, true, BSSID, 0x0102030405060708L, material);
        byte[] b = k.encode();
        assertEquals(48, b.length);
        assertEquals(48, le(b).getInt(0), "Length");
        assertEquals(0xE0000001, le(b).getInt(4), "KeyIndex with tx, pairwise, RSC bits");
        assertEquals(16, le(b).getInt(8), "KeyLength");
        assertArrayEquals(BSSID.octets(), at(b, 12, 6), "BSSID");
        assertArrayEquals(new byte[6], at(b, 18, 6), "padding before the 8-aligned KeyRSC");
        assertEquals(0x0102030405060708L, le(b).getLong(24), "KeyRSC");
        assertArrayEquals(material.toArray(), at(b, 32, 16), "KeyMaterial");
        assertEquals(k, NdisKey.decode(b));
        assertTrue(!k.toString().contains(material.toHex()));
        byte[] wrongLength = b.clone();
        wrongLength[8] = 17;
        assertThrows(MalformedFrameException.class, () -> NdisKey.decode(wrongLength));
        byte[] badIndex = b.clone();
        badIndex[4] = 9;
        assertThrows(MalformedFrameException.class, () -> NdisKey.decode(badIndex));
    }

    @Test
    void removeKeyAndWepLayouts() throws Exception {
        byte[] rk = new NdisRemoveKey(2, true, BSSID).encode();
        assertEquals(16, rk.length);
        assertEquals(16, le(rk).getInt(0));
        assertEquals(0x40000002, le(rk).getInt(4));
        assertArrayEquals(BSSID.octets(), at(rk, 8, 6));
        assertEquals(new NdisRemoveKey(2, true, BSSID), NdisRemoveKey.decode(rk));
        byte[] wep = new NdisWep(3, true, Bytes.fromHex("0102030405")).encode();
        assertEquals(17, wep.length);
        assertEquals(17, le(wep).getInt(0));
        assertEquals(0x80000003, le(wep).getInt(4));
        assertEquals(5, le(wep).getInt(8));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, at(wep, 12, 5));
        assertEquals(new NdisWep(3, true, Bytes.fromHex("0102030405")), NdisWep.decode(wep));
    }

    @Test
    void pmkidLayout() throws Exception {
        Bytes pmkid = Bytes.fromHex("00112233445566778899aabbccddeeff");
        List<PmkidEntry> entries = List.of(new PmkidEntry(BSSID, pmkid), new PmkidEntry(MacAddress.parse("02:00:00:00:00:01"), pmkid));
        byte[] b = NdisPmkid.encode(entries);
        assertEquals(8 + 44, b.length);
        assertEquals(52, le(b).getInt(0));
        assertEquals(2, le(b).getInt(4));
        assertArrayEquals(BSSID.octets(), at(b, 8, 6));
        assertArrayEquals(pmkid.toArray(), at(b, 14, 16));
        assertArrayEquals(MacAddress.parse("02:00:00:00:00:01").octets(), at(b, 30, 6));
        assertEquals(entries, NdisPmkid.decode(b));
        assertEquals(8, NdisPmkid.encode(List.of()).length, "the flush: Length 8, count 0");
        b[4] = 3;
        assertThrows(MalformedFrameException.class, () -> NdisPmkid.decode(b));
    }

    @Test
    void capabilityLayout() throws Exception {
        NdisCapability c = new NdisCapability(2, 16, List.of(new NdisCapability.Pair(7, 6), new NdisCapability.Pair(0, 1)));
        byte[] b = c.encode();
        assertEquals(2, le(b).getInt(4), "Version");
        assertEquals(16, le(b).getInt(8), "NoOfPMKIDs");
        assertEquals(2, le(b).getInt(12), "NoOfAuthEncryptPairsSupported");
        assertEquals(7, le(b).getInt(16));
        assertEquals(6, le(b).getInt(20));
        assertEquals(0, le(b).getInt(24));
        assertEquals(1, le(b).getInt(28));
        assertEquals(c, NdisCapability.decode(b));
        byte[] overflow = b.clone();
        overflow[12] = 100;
        assertThrows(MalformedFrameException.class, () -> NdisCapability.decode(overflow));
    }

    @Test
    void associationInformationLayout() throws Exception {
        Bytes req = Bytes.fromHex("000474657374");
        Bytes resp = Bytes.fromHex("010482848b96");
        NdisAssociationInformation ai = new NdisAssociationInformation(3, 0x0431, 10, BSSID, 7, 0x0411, 0, 0xc001, req, resp);
        byte[] b = ai.encode();
        assertEquals(40 + 12, b.length);
        assertEquals(52, le(b).getInt(0), "Length");
        assertEquals(3, le(b).getShort(4), "AvailableRequestFixedIEs");
        assertEquals(0x0431, le(b).getShort(6), "RequestFixedIEs.Capabilities");
        assertEquals(10, le(b).getShort(8), "ListenInterval");
        assertArrayEquals(BSSID.octets(), at(b, 10, 6), "CurrentAPAddress");
        assertEquals(6, le(b).getInt(16), "RequestIELength");
        assertEquals(40, le(b).getInt(20), "OffsetRequestIEs");
        assertEquals(7, le(b).getShort(24), "AvailableResponseFixedIEs");
        assertEquals(0x0411, le(b).getShort(26), "ResponseFixedIEs.Capabilities");
        assertEquals(0, le(b).getShort(28), "StatusCode");
        assertEquals((short) 0xc001, le(b).getShort(30), "AssociationId");
        assertEquals(6, le(b).getInt(32), "ResponseIELength");
        assertEquals(46, le(b).getInt(36), "OffsetResponseIEs");
        assertEquals(ai, NdisAssociationInformation.decode(b));
        byte[] overrun = b.clone();
        overrun[36] = 50;
        assertThrows(MalformedFrameException.class, () -> NdisAssociationInformation.decode(overrun));
        byte[] intoFixed = b.clone();
        intoFixed[20] = 4;
        assertThrows(MalformedFrameException.class, () -> NdisAssociationInformation.decode(intoFixed), "IEs may not point into the fixed part");
    }

    @Test
    void bssidListLayoutAndWalk() throws Exception {
        Bytes rsn = Bytes.fromHex("30140100000fac040100000fac040100000fac020000");
        NdisWlanBssidEx a = TestEntries.entry(BSSID, "one", -40, 2412, Bytes.fromHex("00036f6e65" + rsn.toHex()));
        NdisWlanBssidEx bEntry = TestEntries.entry(MacAddress.parse("02:00:00:00:00:02"), "two", -70, 2437, rsn);
        byte[] b = NdisWlanBssidEx.encodeList(List.of(a, bEntry));
        assertEquals(2, le(b).getInt(0), "NumberOfItems");
        int first = 4;
        int len = le(b).getInt(first);
        assertEquals(0, len % 4, "entry Length rounded to 4");
        assertArrayEquals(BSSID.octets(), at(b, first + 4, 6), "MacAddress");
        assertEquals(3, le(b).getInt(first + 12), "Ssid.SsidLength");
        assertArrayEquals("one".getBytes(), at(b, first + 16, 3));
        assertEquals(1, le(b).getInt(first + 48), "Privacy");
        assertEquals(-40, le(b).getInt(first + 52), "Rssi");
        assertEquals(3, le(b).getInt(first + 56), "NetworkTypeInUse");
        assertEquals(32, le(b).getInt(first + 60), "Configuration.Length");
        assertEquals(100, le(b).getInt(first + 64), "BeaconPeriod");
        assertEquals(2412000, le(b).getInt(first + 72), "DSConfig (kHz)");
        assertEquals(1, le(b).getInt(first + 92), "InfrastructureMode");
        assertEquals((byte) 0x82, b[first + 96], "SupportedRates");
        assertEquals(a.ies().length(), le(b).getInt(first + 112), "IELength");
        assertEquals(0x64, b[first + 116 + 8], "fixed IEs: beacon interval after the timestamp");
        assertEquals(List.of(a, bEntry), NdisWlanBssidEx.decodeList(b));
        assertEquals(bEntry.bssid(), MacAddress.of(b, first + len + 4), "the second entry starts at the first's Length");
        assertEquals("two", NdisWlanBssidEx.decodeList(b).get(1).toScanResult().ssid().orElseThrow().toPrintable(),
                "SSID IE added from the Ssid field when the IEs lack it");
    }

    @Test
    void malformedBssidListsAreRejectedWithoutLooping() {
        NdisWlanBssidEx a = TestEntries.entry(BSSID, "x", -40, 2412, Bytes.fromHex("0001780102"));
        byte[] good = NdisWlanBssidEx.encodeList(List.of(a));
        byte[] zeroLength = good.clone();
        zeroLength[4] = 0;
        zeroLength[5] = 0;
        assertTrue(assertThrows(MalformedFrameException.class, () -> NdisWlanBssidEx.decodeList(zeroLength)).reason().contains("shorter than its fixed part"));
        byte[] pastEnd = good.clone();
        pastEnd[5] = 0x10;
        assertThrows(MalformedFrameException.class, () -> NdisWlanBssidEx.decodeList(pastEnd));
        byte[] ieOverrun = good.clone();
        ieOverrun[4 + 112] = (byte) 0xf0;
        assertTrue(assertThrows(MalformedFrameException.class, () -> NdisWlanBssidEx.decodeList(ieOverrun)).reason().contains("runs past"));
        byte[] manyItems = good.clone();
        manyItems[3] = 0x7f;
        assertThrows(MalformedFrameException.class, () -> NdisWlanBssidEx.decodeList(manyItems));
        Fuzz.onlyMalformed(x -> NdisWlanBssidEx.decodeList(x.toArray()), Bytes.of(good), 81, 3000);
    }

    @Test
    void everyDecoderOnlyEverThrowsMalformed() {
        Random r = new Random(82);
        byte[] pm = NdisPmkid.encode(List.of(new PmkidEntry(BSSID, Bytes.of(new byte[16]))));
        Fuzz.onlyMalformed(x -> NdisPmkid.decode(x.toArray()), Bytes.of(pm), r.nextLong(), 1000);
        Fuzz.onlyMalformed(x -> NdisCapability.decode(x.toArray()), Bytes.of(new NdisCapability(2, 4, List.of(new NdisCapability.Pair(7, 6))).encode()),
                r.nextLong(), 1000);
        Fuzz.onlyMalformed(x -> NdisAssociationInformation.decode(x.toArray()),
                Bytes.of(new NdisAssociationInformation(1, 1, 1, BSSID, 1, 1, 0, 1, Bytes.of(new byte[8]), Bytes.of(new byte[4])).encode()),
                r.nextLong(), 1000);
        Fuzz.onlyMalformed(x -> NdisKey.decode(x.toArray()), Bytes.of(new NdisKey(0, false, false, false, BSSID, 0, Bytes.of(new byte[16])).encode()),
                r.nextLong(), 1000);
        Fuzz.onlyMalformed(x -> NdisRemoveKey.decode(x.toArray()), Bytes.of(new NdisRemoveKey(0, false, BSSID).encode()), r.nextLong(), 500);
        Fuzz.onlyMalformed(x -> NdisWep.decode(x.toArray()), Bytes.of(new NdisWep(0, false, Bytes.of(new byte[5])).encode()), r.nextLong(), 500);
        Fuzz.onlyMalformed(x -> NdisSsid.decode(x.toArray()), Bytes.of(NdisSsid.encode(Ssid.ofUtf8("ssid"))), r.nextLong(), 500);
    }
}
