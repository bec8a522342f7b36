package wpa4j.supplicant.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import wpa4j.common.crypto.AesKeyWrap;
import wpa4j.common.crypto.EapolMic;
import wpa4j.common.crypto.Psk;
import wpa4j.common.crypto.Ptk;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.common.eapol.EapolKey;
import wpa4j.common.eapol.KeyData;
import wpa4j.common.eapol.KeyInfo;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.common.ie.ElementId;
import wpa4j.common.ie.ExtendedCapabilities;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;
import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.AssociateParams;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.DriverFlag;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.KeyMgmtCapability;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Operstate;
import wpa4j.driver.types.ScanParams;
import wpa4j.driver.types.ScanResult;
import wpa4j.driver.types.ScanResults;
import wpa4j.driver.types.Ssid;
import wpa4j.supplicant.SupplicantState;

/**
 * Beacon protection (beacon_prot=1) in the station core, against a scripted AP behind a fake driver: with beacon_prot=1,
 * PMF and a driver that verifies protected Beacons the BIGTK of message 3 is installed once (and reported), otherwise
 * ignored; a malformed one is dropped. The (Re)Association Request carries only the RSN element, as wpa_supplicant's.
 */
class BeaconProtectionTest {
    private static final MacAddress AP = MacAddress.parse("02:00:00:00:00:00");
    private static final MacAddress STA = MacAddress.parse("02:00:00:00:01:00");
    private static final Ssid SSID = Ssid.ofUtf8("wpa4j-bigtk");
    private static final byte[] PASS = "beacon protection passphrase".getBytes(StandardCharsets.UTF_8);
    private static final String BIGTK_EVENT = "WPA: BIGTK keyid 6 installed (beacon protection)";
    private static final Set<DriverFlag> CLIENT = EnumSet.of(DriverFlag.BEACON_PROTECTION_CLIENT);

    private final SecureRandom random = new SecureRandom();
    private final EventLoop loop = new EventLoop("bigtk-sta");
    private final List<String> events = new CopyOnWriteArrayList<>();
    private Supplicant sta;
    private ScriptedAp ap;

    @AfterEach
    void close() {
        loop.close();
    }

    private Bytes bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return Bytes.of(b);
    }

    /**
     * The AP's side as a fake {@link DriverInterface}: one BSS in every scan, every association accepted at once, then
     * the authenticator's messages 1 and 3 (the key data the test chose), message 3 again after message 4 when asked.
     */
    private final class ScriptedAp implements DriverInterface {
        final Capabilities capa;
        final RsnElement rsn;
        final Bytes bssIes;
        final SecretKeyBytes pmk = Psk.fromPassphrase(PASS, SSID);
        final List<AssociateParams> associations = new CopyOnWriteArrayList<>();
        final List<KeyParams> keys = new CopyOnWriteArrayList<>();
        final List<Bytes> message2KeyData = new CopyOnWriteArrayList<>();
        volatile int message4s;
        /** The key data of message 3 (after the RSN element, which is always the Beacon's). */
        volatile List<InformationElement> m3Kdes = List.of();
        /** How many times message 3 is sent again after a message 4 (a lost message 4, as the AP sees it). */
        volatile int retransmitsAfterM4;
        private Bytes anonce;
        private Ptk ptk;
        private long replay;

        ScriptedAp(Set<DriverFlag> flags, int rsnCaps) {
            capa = new Capabilities(Set.of(KeyMgmtCapability.WPA2, KeyMgmtCapability.WPA2_PSK), Set.of(Cipher.CCMP, Cipher.BIP), Set.of(AuthAlg.OPEN),
                    flags, 4, 0, false, 0, 0, 0, Set.of(), Set.of("get_capa"));
            rsn = new RsnElement(1, Suite.RSN_CCMP, List.of(Suite.RSN_CCMP), List.of(Suite.AKM_PSK), rsnCaps, null, null);
            bssIes = new IeList(List.of(new InformationElement(ElementId.SSID, SSID.octets()), rsn.toElement())).encode();
        }

        @Override
        public String driverName() {
            return "scripted";
        }

        @Override
        public String getIfname() {
            return "wlan0";
        }

        @Override
        public MacAddress getMacAddr() {
            return STA;
        }

        @Override
        public Capabilities getCapa() {
            return capa;
        }

        @Override
        public Optional<MacAddress> getBssid() {
            return Optional.empty();
        }

        @Override
        public void scan2(ScanParams params) {
            loop.execute(() -> sta.onEvent(new DriverEvent.ScanResults(false, List.of(), List.of())));
        }

        @Override
        public ScanResults getScanResults2() {
            return new ScanResults(List.of(new ScanResult(Set.of(), AP, 2412, 100, 0x0011, 0, 0, -40, 0, 0, bssIes, bssIes)));
        }

        @Override
        public void associate(AssociateParams p) {
            associations.add(p);
            anonce = bytes(32);
            replay = 0;
            loop.execute(() -> sta.onEvent(new DriverEvent.Assoc(new DriverEvent.AssocInfoData(AP, false, p.wpaIe(), Bytes.EMPTY, bssIes, 2412))));
            EapolKey m1 = new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(2, KeyInfo.PAIRWISE, KeyInfo.ACK), 16, ++replay, anonce, EapolKey.ZERO_16,
                    EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16, Bytes.EMPTY);
            deliver(m1.toPdu(2));
        }

        @Override
        public void sendEapol(MacAddress dest, int proto, Bytes pdu) {
            try {
                EapolKey k = EapolKey.fromPdu(pdu);
                if (k.keyInfo().pairwise() && !k.keyInfo().secure()) {
                    message2KeyData.add(k.keyData());
                    ptk = Ptk.derive(pmk, AP, STA, anonce, k.nonce(), 16, false);
                    sendMessage3(m3Kdes);
                } else if (k.keyInfo().pairwise()) {
                    message4s++;
                    if (retransmitsAfterM4 > 0) {
                        retransmitsAfterM4--;
                        sendMessage3(m3Kdes);
                    }
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        /** Message 3 with the Beacon's RSN element and {@code kdes}, under the next replay counter. */
        void sendMessage3(List<InformationElement> kdes) {
            List<InformationElement> data = new ArrayList<>();
            data.add(rsn.toElement());
            data.addAll(kdes);
            byte[] wrapped = AesKeyWrap.wrap(ptk.kek(), new KeyData(data).encode(true).toArray());
            EapolKey m3 = new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(2, KeyInfo.PAIRWISE, KeyInfo.ACK, KeyInfo.MIC, KeyInfo.INSTALL,
                    KeyInfo.SECURE, KeyInfo.ENCRYPTED_KEY_DATA), 16, ++replay, anonce, EapolKey.ZERO_16, EapolKey.ZERO_8, EapolKey.ZERO_8,
                    EapolKey.ZERO_16, Bytes.of(wrapped));
            deliver(EapolMic.sign(ptk.kck(), m3, 2).toPdu(2));
        }

        private void deliver(Bytes pdu) {
            loop.execute(() -> sta.onEvent(new DriverEvent.EapolRx(AP, pdu)));
        }

        @Override
        public void setKey(KeyParams params) {
            keys.add(params);
        }

        @Override
        public void setOperstate(Operstate state) {
        }

        @Override
        public void deauthenticate(MacAddress addr, int reasonCode) {
            // the core ends the link itself when it deauthenticates; no event needed
        }

        @Override
        public void close() {
        }

        List<KeyParams> bigtks() {
            return keys.stream().filter(KeyParams::isBigtk).toList();
        }

        /** The elements of the (Re)Association Request, by id. */
        List<Integer> assocElementIds(int n) throws Exception {
            return IeList.decode(associations.get(n).wpaIe()).elements().stream().map(InformationElement::id).toList();
        }
    }

    private void start(ScriptedAp scripted, boolean beaconProt, int pmf) throws Exception {
        ap = scripted;
        NetworkSecurity security = new NetworkSecurity(Set.of(KeyMgmt.PSK), Psk.fromPassphrase(PASS, SSID), null, pmf, 0, beaconProt);
        NetworkConfig net = new NetworkConfig(0, SSID, security, false, 0, List.of(2412), Optional.empty(), "");
        sta = new Supplicant(loop, "wlan0", List.of(net), SimPair.FAST_STA, SupplicantListener.of((a, b) -> { }, events::add));
        loop.call(() -> {
            sta.attach(ap);
            return null;
        });
    }

    private void awaitCompleted() throws InterruptedException {
        SimPair.await(() -> events.stream().anyMatch(l -> l.startsWith("CTRL-EVENT-CONNECTED")), () -> "connected: " + events);
    }

    private List<InformationElement> groupKdes(KeyData.Bigtk bigtk) {
        return List.of(KeyData.gtkKde(new KeyData.Gtk(1, true, bytes(16))), KeyData.igtkKde(new KeyData.Igtk(4, Bytes.fromHex("010000000000"), bytes(16))),
                KeyData.bigtkKde(bigtk));
    }

    private long count(String line) {
        return events.stream().filter(line::equals).count();
    }

    @Test
    void beaconProtWithPmfAndADriverThatVerifiesBeaconsAsksForItAndInstallsTheBigtkOnce() throws Exception {
        ScriptedAp s = new ScriptedAp(CLIENT, RsnElement.CAP_MFPC | RsnElement.CAP_MFPR);
        KeyData.Bigtk bigtk = new KeyData.Bigtk(6, Bytes.fromHex("102030000000"), bytes(16));
        s.m3Kdes = groupKdes(bigtk);
        s.retransmitsAfterM4 = 1;
        start(s, true, 2);
        awaitCompleted();
        SimPair.await(() -> s.message4s == 2, () -> "message 4 answered twice (message 3 retransmitted): " + events);

        // the request: our RSN element only; as wpa_supplicant, a station does not set Beacon Protection Enabled (bit 84,
        // the AP's announcement), and the AP hands the BIGTK to every PMF station anyway
        assertEquals(List.of(ElementId.RSN), s.assocElementIds(0));
        IeList req = IeList.decode(s.associations.get(0).wpaIe());
        assertFalse(ExtendedCapabilities.has(req, ExtendedCapabilities.BEACON_PROTECTION));
        RsnElement ownRsn = req.rsn().orElseThrow();
        assertEquals(RsnElement.CAP_MFPC | RsnElement.CAP_MFPR, ownRsn.capabilities(), "the RSN element is unchanged by beacon protection");
        // message 2 repeats the RSN element of the request, and only it
        IeList m2 = new IeList(KeyData.decode(s.message2KeyData.get(0)).elements());
        assertEquals(List.of(ElementId.RSN), m2.elements().stream().map(InformationElement::id).toList());
        assertEquals(req.find(ElementId.RSN), m2.find(ElementId.RSN));

        // the BIGTK: index 6, the KDE's BIPN as its receive counter, installed once although message 3 came twice
        assertEquals(1, s.bigtks().size(), s.keys.toString());
        KeyParams k = s.bigtks().get(0);
        assertEquals(6, k.keyIdx());
        assertEquals(bigtk.bipn(), k.seq());
        assertEquals(bigtk.bigtk(), k.key());
        assertFalse(k.setTx());
        assertEquals(1, count(BIGTK_EVENT), events.toString());
        assertTrue(events.stream().noneMatch(l -> l.contains(bigtk.bigtk().toHex())), "the key is never printed");
        assertEquals(4, s.keys.size(), "PTK, GTK, IGTK, BIGTK, each once: " + s.keys);

        String verbose = loop.call(() -> sta.statusText(true));
        assertTrue(verbose.contains("\nbeacon_prot=1\n"), verbose);
        String status = loop.call(() -> sta.statusText(false));
        assertFalse(status.contains("beacon_prot"), "STATUS shows nothing for beacon protection, as wpa_supplicant: " + status);
        assertTrue(status.contains("pmf=2\n"), status);
    }

    @Test
    void withoutBeaconProtTheBigtkIsIgnored() throws Exception {
        ScriptedAp s = new ScriptedAp(CLIENT, RsnElement.CAP_MFPC | RsnElement.CAP_MFPR);
        s.m3Kdes = groupKdes(new KeyData.Bigtk(6, Bytes.fromHex("010000000000"), bytes(16)));
        start(s, false, 2);
        awaitCompleted();
        assertEquals(List.of(ElementId.RSN), s.assocElementIds(0));
        assertEquals(List.of(), s.bigtks(), s.keys.toString());
        assertEquals(0, count(BIGTK_EVENT));
        assertFalse(loop.call(() -> sta.statusText(true)).contains("beacon_prot"));
    }

    @Test
    void beaconProtOnADriverThatCannotVerifyBeaconsIsSaidOnceAndTheNetworkIsStillJoined() throws Exception {
        ScriptedAp s = new ScriptedAp(EnumSet.noneOf(DriverFlag.class), RsnElement.CAP_MFPC);
        s.m3Kdes = groupKdes(new KeyData.Bigtk(6, Bytes.fromHex("010000000000"), bytes(16)));
        start(s, true, 1);
        awaitCompleted();
        assertEquals(List.of(ElementId.RSN), s.assocElementIds(0));
        assertEquals(List.of(), s.bigtks(), s.keys.toString());
        String said = "network 0: beacon_prot=1 ignored: driver scripted cannot verify protected Beacons; connecting without beacon protection";
        assertEquals(1, count(said), events.toString());
        assertTrue(events.stream().noneMatch(l -> l.startsWith("SELECT: skip") || l.contains("not usable")), "not a selection failure: " + events);
        // a reconnect says nothing more
        loop.call(() -> {
            sta.reassociate();
            return null;
        });
        SimPair.await(() -> events.stream().filter(l -> l.startsWith("CTRL-EVENT-CONNECTED")).count() == 2, () -> "reconnected: " + events);
        assertEquals(List.of(ElementId.RSN), s.assocElementIds(1));
        assertEquals(1, count(said), events.toString());
    }

    @Test
    void beaconProtWithoutPmfOnTheLinkAsksForNothing() throws Exception {
        // the BSS offers no PMF (no MFPC): ieee80211w=1 joins without it, and beacon protection needs PMF
        ScriptedAp s = new ScriptedAp(CLIENT, 0);
        s.m3Kdes = List.of(KeyData.gtkKde(new KeyData.Gtk(1, true, bytes(16))), KeyData.bigtkKde(new KeyData.Bigtk(6, Bytes.fromHex("010000000000"), bytes(16))));
        start(s, true, 1);
        awaitCompleted();
        assertEquals(List.of(ElementId.RSN), s.assocElementIds(0));
        assertEquals(List.of(), s.bigtks(), s.keys.toString());
        assertTrue(events.stream().noneMatch(l -> l.contains("beacon_prot")), events.toString());
    }

    @Test
    void aMalformedBigtkKdeDropsMessage3ThenTheAPsGoodOneCompletes() throws Exception {
        ScriptedAp s = new ScriptedAp(CLIENT, RsnElement.CAP_MFPC);
        // key id 4 in a BIGTK KDE (an IGTK's index): malformed
        InformationElement bad = new InformationElement(ElementId.VENDOR_SPECIFIC, Bytes.fromHex("000fac0e" + "0400" + "010000000000" + "00".repeat(16)));
        List<InformationElement> good = groupKdes(new KeyData.Bigtk(6, Bytes.fromHex("010000000000"), bytes(16)));
        s.m3Kdes = List.of(good.get(0), good.get(1), bad);
        start(s, true, 1);
        SimPair.await(() -> {
            try {
                return loop.call(sta::eapolDropped) == 1;
            } catch (Exception e) {
                return false;
            }
        }, () -> "message 3 dropped: " + events);
        assertEquals(SupplicantState.FOUR_WAY_HANDSHAKE, loop.call(sta::state));
        assertEquals(List.of(), s.keys, "nothing installed from the refused message");
        assertEquals(0, s.message4s, "no message 4 for it");
        // the AP's retransmission, now with a good BIGTK
        s.m3Kdes = good;
        loop.execute(() -> s.sendMessage3(good));
        awaitCompleted();
        assertEquals(1, s.bigtks().size(), s.keys.toString());
        assertEquals(1, count(BIGTK_EVENT), events.toString());
        assertEquals(1, loop.call(sta::eapolDropped));
    }
}
