package wpa4j.ndis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import wpa4j.driver.DriverException;
import wpa4j.driver.OperationNotSupportedException;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.AssociateParams;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.KeyMgmtCapability;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.PmkidEntry;
import wpa4j.driver.types.Proto;
import wpa4j.driver.types.ScanParams;
import wpa4j.driver.types.ScanResult;
import wpa4j.driver.types.Ssid;
import wpa4j.driver.types.WepKeys;
import wpa4j.ndis.oid.NdisAssociationInformation;
import wpa4j.ndis.oid.NdisCapability;
import wpa4j.ndis.oid.NdisKey;
import wpa4j.ndis.oid.NdisPmkid;
import wpa4j.ndis.oid.NdisRemoveKey;
import wpa4j.ndis.oid.NdisSsid;
import wpa4j.ndis.oid.NdisWlanBssidEx;
import wpa4j.ndis.oid.Oid;

/** The ops against the scripted in-memory adapter (not a real driver): the OIDs driver_ndis issues, in its order. */
class NdisOpsTest {
    private static final MacAddress OWN = MacAddress.parse("00:1b:21:0a:0b:0c");
    private static final MacAddress AP = MacAddress.parse("02:00:00:00:00:00");
    private static final Bytes RSN = Bytes.fromHex("30140100000fac040100000fac040100000fac020000");

    private ScheduledExecutorService timers;
    private ScriptedAdapter adapter;
    private final List<DriverEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        timers = Executors.newSingleThreadScheduledExecutor();
        adapter = new ScriptedAdapter().answer(Oid.OID_802_3_CURRENT_ADDRESS, OWN.octets())
                .answer(Oid.OID_802_11_CAPABILITY, new NdisCapability(2, 8, List.of(new NdisCapability.Pair(7, 6), new NdisCapability.Pair(0, 1),
                        new NdisCapability.Pair(6, 6))).encode())
                .answer(Oid.OID_802_11_AUTHENTICATION_MODE, ulong(0));
    }

    @AfterEach
    void tearDown() {
        timers.shutdownNow();
    }

    private static byte[] ulong(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private NdisInterface open() throws DriverException {
        NdisInterface ni = new NdisInterface("{TEST-GUID}", adapter, events::add, timers, 50);
        ni.init(0);
        adapter.calls.clear();
        return ni;
    }

    @Test
    void initReadsTheAddressProbesFlushesDisconnectsAndSetsInfrastructureMode() throws Exception {
        NdisInterface ni = new NdisInterface("{TEST-GUID}", adapter, events::add, timers, 50);
        ni.init(0);
        assertEquals(OWN, ni.getMacAddr());
        assertEquals(List.of("OID_802_11_AUTHENTICATION_MODE", "OID_802_11_PMKID", "OID_802_11_AUTHENTICATION_MODE", "OID_802_11_SSID",
                "OID_802_11_INFRASTRUCTURE_MODE"), adapter.setSequence());
        assertEquals(Set.of(KeyMgmtCapability.WPA2_PSK, KeyMgmtCapability.WPA2), ni.getCapa().keyMgmt());
        assertEquals(Set.of(Cipher.CCMP), ni.getCapa().enc());
        assertEquals(Set.of(AuthAlg.OPEN), ni.getCapa().auth());
        assertTrue(ni.getCapa().supports("associate") && !ni.getCapa().supports("set_ap"));
        assertEquals("set_ap is not supported by the ndis backend", assertThrows(OperationNotSupportedException.class, () -> ni.setAp(null)).getMessage());
    }

    @Test
    void capabilitiesByProbingWhenTheCapabilityOidIsMissing() throws Exception {
        adapter.values.remove(Oid.OID_802_11_CAPABILITY);
        // a driver that knows a cipher reads back "key absent" after it is enabled
        adapter.readBack.put(Oid.OID_802_11_ENCRYPTION_STATUS + ":06000000", ulong(7));
        adapter.readBack.put(Oid.OID_802_11_ENCRYPTION_STATUS + ":04000000", ulong(5));
        NdisInterface ni = open();
        assertEquals(Set.of(KeyMgmtCapability.WPA, KeyMgmtCapability.WPA_PSK), ni.getCapa().keyMgmt());
        assertEquals(Set.of(Cipher.CCMP, Cipher.TKIP), ni.getCapa().enc(), "WEP did not read back as key absent");
        assertEquals(Set.of(AuthAlg.SHARED, AuthAlg.OPEN), ni.getCapa().auth());
    }

    @Test
    void associateIssuesDriverNdisOidSequence() throws Exception {
        NdisInterface ni = open();
        ni.associate(AssociateParams.builder().bssid(AP).ssid(Ssid.ofUtf8("wpa4j")).freq(2412).wpaIe(RSN).wpaProto(Set.of(Proto.RSN))
                .pairwiseSuite(Cipher.CCMP).groupSuite(Cipher.CCMP).keyMgmtSuite(KeyMgmt.PSK).build());
        assertEquals(List.of("OID_802_11_INFRASTRUCTURE_MODE", "OID_802_11_PRIVACY_FILTER", "OID_802_11_AUTHENTICATION_MODE",
                "OID_802_11_ENCRYPTION_STATUS", "OID_802_11_BSSID", "OID_802_11_SSID"), adapter.setSequence());
        List<ScriptedAdapter.Call> sets = adapter.calls.stream().filter(c -> c.kind().equals("set")).toList();
        assertArrayEquals(ulong(1), sets.get(0).data(), "infrastructure");
        assertArrayEquals(ulong(1), sets.get(1).data(), "802.1X/WEP privacy filter");
        assertArrayEquals(ulong(7), sets.get(2).data(), "Ndis802_11AuthModeWPA2PSK");
        assertArrayEquals(ulong(6), sets.get(3).data(), "Ndis802_11Encryption3Enabled");
        assertArrayEquals(AP.octets(), sets.get(4).data());
        assertArrayEquals(NdisSsid.encode(Ssid.ofUtf8("wpa4j")), sets.get(5).data(), "the SSID last");
    }

    @Test
    void openNetworkWithStaticWepKeysSetsTheKeysAgainAfterTheModeChange() throws Exception {
        NdisInterface ni = open();
        WepKeys wep = new WepKeys(List.of(Bytes.fromHex("0102030405"), Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY), 0);
        ni.associate(AssociateParams.builder().ssid(Ssid.ofUtf8("wep")).wepKeys(wep).authAlg(Set.of(AuthAlg.OPEN, AuthAlg.SHARED))
                .pairwiseSuite(Cipher.WEP40).groupSuite(Cipher.WEP40).build());
        assertEquals(List.of("OID_802_11_INFRASTRUCTURE_MODE", "OID_802_11_ADD_WEP", "OID_802_11_PRIVACY_FILTER", "OID_802_11_AUTHENTICATION_MODE",
                "OID_802_11_ENCRYPTION_STATUS", "OID_802_11_SSID"), adapter.setSequence());
        List<ScriptedAdapter.Call> sets = adapter.calls.stream().filter(c -> c.kind().equals("set")).toList();
        assertArrayEquals(ulong(0), sets.get(2).data(), "accept all");
        assertArrayEquals(ulong(2), sets.get(3).data(), "auto switch (open + shared)");
        assertArrayEquals(ulong(0), sets.get(4).data(), "Ndis802_11Encryption1Enabled");
    }

    @Test
    void scanParsesAMultiEntryBssidListWithRsnIes() throws Exception {
        NdisInterface ni = open();
        NdisWlanBssidEx one = wpa4j.ndis.oid.TestEntries.entry(AP, "net-one", -45, 2412, Bytes.fromHex("00076e65742d6f6e65" + RSN.toHex()));
        NdisWlanBssidEx two = wpa4j.ndis.oid.TestEntries.entry(MacAddress.parse("02:00:00:00:00:02"), "net-two", -70, 2462, RSN);
        adapter.answer(Oid.OID_802_11_BSSID_LIST, NdisWlanBssidEx.encodeList(List.of(one, two)));
        adapter.minBssidListBuffer = NdisInterface.SCAN_LIST_START * 4;
        ni.scan2(ScanParams.active(List.of()));
        assertEquals(List.of("OID_802_11_BSSID_LIST_SCAN"), adapter.setSequence());
        long deadline = System.currentTimeMillis() + 5000;
        while (events.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertInstanceOf(DriverEvent.ScanResults.class, events.get(0), "results announced after the wait");
        List<ScanResult> results = ni.getScanResults2().results();
        assertEquals(3, adapter.calls.stream().filter(c -> c.oid() == Oid.OID_802_11_BSSID_LIST).count(), "buffer grown twice");
        assertEquals(2, results.size());
        assertEquals(AP, results.get(0).bssid());
        assertEquals(2412, results.get(0).freq());
        assertEquals(-45, results.get(0).level());
        assertEquals(100, results.get(0).beaconInt());
        assertEquals(0x0411, results.get(0).caps());
        assertEquals(RSN.slice(2, RSN.length() - 2), results.get(1).ie(48).orElseThrow());
        assertEquals("net-two", results.get(1).ssid().orElseThrow().toPrintable());
    }

    @Test
    void keysAsDriverNdisBuildsThem() throws Exception {
        NdisInterface ni = open();
        adapter.answer(Oid.OID_802_11_BSSID, AP.octets());
        Bytes tk = Bytes.fromHex("00112233445566778899aabbccddeeff");
        ni.setKey(KeyParams.pairwise(KeyAlg.CCMP, AP, Bytes.EMPTY, tk));
        NdisKey k = NdisKey.decode(adapter.calls.get(adapter.calls.size() - 1).data());
        assertEquals(new NdisKey(0, true, true, false, AP, 0, tk), k);
        ni.setKey(KeyParams.group(KeyAlg.CCMP, 1, false, Bytes.fromHex("050000000000"), tk));
        NdisKey g = NdisKey.decode(adapter.calls.get(adapter.calls.size() - 1).data());
        assertEquals(new NdisKey(1, false, false, true, AP, 5, tk), g, "group key: the BSSID from OID_802_11_BSSID, RSC valid");
        Bytes tkip = Bytes.fromHex("00".repeat(16) + "11".repeat(8) + "22".repeat(8));
        assertEquals(Bytes.fromHex("00".repeat(16) + "22".repeat(8) + "11".repeat(8)),
                NdisInterface.ndisKeyMaterial(KeyParams.pairwise(KeyAlg.TKIP, AP, Bytes.EMPTY, tkip)), "TKIP Michael keys swapped");
        adapter.calls.clear();
        ni.setKey(KeyParams.group(KeyAlg.NONE, 2, false, Bytes.EMPTY, Bytes.EMPTY));
        assertEquals(List.of("OID_802_11_REMOVE_KEY", "OID_802_11_REMOVE_WEP"), adapter.setSequence());
        assertEquals(new NdisRemoveKey(2, false, AP), NdisRemoveKey.decode(adapter.calls.stream().filter(c -> c.kind().equals("set")).findFirst()
                .orElseThrow().data()));
    }

    @Test
    void pmkidCacheIsMirroredAsOneListAndFlushedInWpa2Mode() throws Exception {
        NdisInterface ni = open();
        Bytes p1 = Bytes.fromHex("11".repeat(16));
        ni.addPmkid(new PmkidEntry(AP, p1));
        ni.addPmkid(new PmkidEntry(MacAddress.parse("02:00:00:00:00:02"), p1));
        List<PmkidEntry> last = NdisPmkid.decode(adapter.calls.get(adapter.calls.size() - 1).data());
        assertEquals(2, last.size());
        assertEquals(MacAddress.parse("02:00:00:00:00:02"), last.get(0).bssid(), "newest first");
        adapter.calls.clear();
        ni.flushPmkid();
        assertEquals(List.of("OID_802_11_AUTHENTICATION_MODE", "OID_802_11_PMKID", "OID_802_11_AUTHENTICATION_MODE"), adapter.setSequence());
    }

    @Test
    void pollTurnsMediaStateIntoAssociationEvents() throws Exception {
        NdisInterface ni = open();
        adapter.fail(Oid.OID_802_11_BSSID, 31);
        ni.poll();
        assertTrue(events.isEmpty());
        adapter.failures.clear();
        adapter.answer(Oid.OID_802_11_BSSID, AP.octets());
        Bytes req = Bytes.fromHex("0005777061346a" + RSN.toHex());
        adapter.answer(Oid.OID_802_11_ASSOCIATION_INFORMATION,
                new NdisAssociationInformation(3, 0x0431, 10, AP, 7, 0x0411, 0, 0xc001, req, Bytes.fromHex("010482848b96")).encode());
        adapter.answer(Oid.OID_802_11_BSSID_LIST, NdisWlanBssidEx.encodeList(List.of(wpa4j.ndis.oid.TestEntries.entry(AP, "wpa4j", -40, 2437, RSN))));
        ni.poll();
        DriverEvent.AssocInfo info = assertInstanceOf(DriverEvent.AssocInfo.class, events.get(0));
        DriverEvent.Assoc assoc = assertInstanceOf(DriverEvent.Assoc.class, events.get(1));
        assertEquals(req, info.info().reqIes());
        assertEquals(2437, assoc.info().freq());
        assertTrue(assoc.info().beaconIes().toHex().contains(RSN.toHex()));
        ni.poll();
        assertEquals(2, events.size(), "no new event while the BSSID stays");
        adapter.fail(Oid.OID_802_11_BSSID, 31);
        ni.poll();
        assertInstanceOf(DriverEvent.Disassoc.class, events.get(2));
    }

    @Test
    void closeFlushesDisconnectsTurnsTheRadioOffAndClosesTheHandle() throws Exception {
        NdisInterface ni = open();
        ni.close();
        assertEquals(List.of("OID_802_11_AUTHENTICATION_MODE", "OID_802_11_PMKID", "OID_802_11_AUTHENTICATION_MODE", "OID_802_11_SSID",
                "OID_802_11_DISASSOCIATE"), adapter.setSequence());
        assertTrue(adapter.closed);
    }

    @Test
    void failuresComeBackAsDriverExceptionsWithTheOidAndError() throws Exception {
        NdisInterface ni = open();
        adapter.fail(Oid.OID_802_11_SSID, 31);
        DriverException e = assertThrows(DriverException.class, ni::getSsid);
        assertEquals("get_ssid", e.op());
        assertEquals(31, e.errno());
        assertTrue(e.getMessage().contains("OID_802_11_SSID"), e.getMessage());
    }

    @Test
    void theDriverServiceOpensByGuid() throws Exception {
        NdisDriver d = new NdisDriver(new wpa4j.ndis.transport.NdisTransport.Adapter("\\DEVICE\\{TEST-GUID}", "Scripted"), () -> adapter, timers,
                NdisInterface.probe(adapter));
        assertEquals("{TEST-GUID}", d.ifname());
        assertEquals(List.of("{TEST-GUID}"), d.getInterfaces().stream().map(i -> i.ifname()).toList());
        assertThrows(DriverException.class, () -> d.open("{OTHER}", e -> { }));
    }
}
