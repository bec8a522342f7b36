package wpa4j.supplicant.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import wpa4j.common.codec.Fuzz;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.crypto.AesKeyWrap;
import wpa4j.common.crypto.EapolMic;
import wpa4j.common.crypto.Ptk;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.common.eapol.EapolKey;
import wpa4j.common.eapol.KeyData;
import wpa4j.common.eapol.KeyInfo;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.supplicant.SupplicantState;

/**
 * The supplicant's key handshake against an authenticator written here from the standard with the
 * toolkit; then every way a message can be wrong: each is dropped as malformed and changes nothing.
 */
class StationKeyHandshakeTest {
    private static final MacAddress AA = MacAddress.parse("02:00:00:00:00:00");
    private static final MacAddress SPA = MacAddress.parse("02:00:00:00:01:00");
    private static final InformationElement AP_RSN = RsnElement.psk(Suite.RSN_CCMP, Suite.RSN_CCMP, 0).toElement();
    private static final LinkSecurity WPA2 = new LinkSecurity(wpa4j.driver.types.KeyMgmt.PSK, false, false, false, false);
    private static final InformationElement OWN_RSN = WPA2.ownRsn(java.util.Optional.empty()).toElement();
    /** WPA2-PSK with PMF (AKM 2, descriptor version 2), with and without beacon protection. */
    private static final LinkSecurity PMF = new LinkSecurity(wpa4j.driver.types.KeyMgmt.PSK, true, false, false, false, false);
    private static final LinkSecurity BEACON_PROT = new LinkSecurity(wpa4j.driver.types.KeyMgmt.PSK, true, false, false, false, true);
    private final Random random = new Random(51);
    private SecretKeyBytes pmk;
    private StationKeyHandshake sta;
    private Bytes anonce;

    @BeforeEach
    void setUp() {
        pmk = SecretKeyBytes.copyOf(bytes(32).toArray());
        sta = handshake(WPA2);
        anonce = bytes(32);
    }

    private StationKeyHandshake handshake(LinkSecurity link) {
        return new StationKeyHandshake(pmk, link, AA, SPA, List.of(OWN_RSN), AP_RSN.body(), java.util.Optional.empty(), new SecureRandom());
    }

    private Bytes bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return Bytes.of(b);
    }

    private Bytes m1(long replay) {
        return new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(2, KeyInfo.PAIRWISE, KeyInfo.ACK), 16, replay, anonce, EapolKey.ZERO_16,
                EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16, Bytes.EMPTY).toPdu(2);
    }

    /** Runs message 1 and returns the PTK the authenticator derives from the station's message 2 (whose MIC it checks). */
    private Ptk message1And2() throws Exception {
        List<KeyAction> a = sta.onEapol(m1(1));
        assertEquals(new KeyAction.Enter(SupplicantState.FOUR_WAY_HANDSHAKE), a.get(0));
        EapolKey m2 = EapolKey.fromPdu(((KeyAction.Send) a.get(1)).pdu());
        assertEquals(1, m2.replayCounter());
        assertTrue(m2.keyInfo().pairwise() && m2.keyInfo().mic() && !m2.keyInfo().ack());
        assertEquals(OWN_RSN, KeyData.decode(m2.keyData()).rsnElement().orElseThrow());
        Ptk ptk = Ptk.derive(pmk, AA, SPA, anonce, m2.nonce(), 16, false);
        assertTrue(EapolMic.verify(ptk.kck(), m2, StationKeyHandshake.EAPOL_VERSION), "message 2 MIC");
        return ptk;
    }

    private Bytes m3(Ptk ptk, long replay, Bytes nonce, InformationElement rsn, KeyData.Gtk gtk, boolean goodMic) {
        return m3(ptk, replay, nonce, List.of(rsn, KeyData.gtkKde(gtk)), goodMic);
    }

    private Bytes m3(Ptk ptk, long replay, Bytes nonce, List<InformationElement> keyData, boolean goodMic) {
        byte[] wrapped = AesKeyWrap.wrap(ptk.kek(), new KeyData(keyData).encode(true).toArray());
        EapolKey m3 = new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(2, KeyInfo.PAIRWISE, KeyInfo.ACK, KeyInfo.MIC, KeyInfo.INSTALL,
                KeyInfo.SECURE, KeyInfo.ENCRYPTED_KEY_DATA), 16, replay, nonce, EapolKey.ZERO_16, Bytes.fromHex("0500000000000000"),
                EapolKey.ZERO_8, EapolKey.ZERO_16, Bytes.of(wrapped));
        EapolKey signed = EapolMic.sign(ptk.kck(), m3, 2);
        return (goodMic ? signed : signed.withMic(bytes(16))).toPdu(2);
    }

    private Bytes group1(Ptk ptk, long replay, KeyData.Gtk gtk) {
        return group1(ptk, replay, List.of(KeyData.gtkKde(gtk)));
    }

    private Bytes group1(Ptk ptk, long replay, List<InformationElement> keyData) {
        byte[] wrapped = AesKeyWrap.wrap(ptk.kek(), new KeyData(keyData).encode(true).toArray());
        EapolKey g1 = new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(2, KeyInfo.ACK, KeyInfo.MIC, KeyInfo.SECURE, KeyInfo.ENCRYPTED_KEY_DATA),
                0, replay, EapolKey.ZERO_NONCE, EapolKey.ZERO_16, EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16, Bytes.of(wrapped));
        return EapolMic.sign(ptk.kck(), g1, 2).toPdu(2);
    }

    @Test
    void fullHandshakeInstallsTheKeysTheAuthenticatorDerived() throws Exception {
        Ptk ptk = message1And2();
        KeyData.Gtk gtk = new KeyData.Gtk(1, true, bytes(16));
        List<KeyAction> a = sta.onEapol(m3(ptk, 2, anonce, AP_RSN, gtk, true));
        EapolKey m4 = EapolKey.fromPdu(((KeyAction.Send) a.get(0)).pdu());
        assertTrue(m4.keyInfo().secure() && m4.keyInfo().mic() && m4.keyData().isEmpty());
        assertTrue(EapolMic.verify(ptk.kck(), m4, StationKeyHandshake.EAPOL_VERSION), "message 4 MIC");
        KeyAction.Install pairwise = assertInstanceOf(KeyAction.Install.class, a.get(1));
        assertArrayEquals(ptk.tk().copy(), pairwise.key().key().toArray());
        assertEquals(AA, pairwise.key().addr());
        KeyAction.Install group = assertInstanceOf(KeyAction.Install.class, a.get(2));
        assertEquals(gtk.gtk(), group.key().key());
        assertEquals(1, group.key().keyIdx());
        assertEquals(Bytes.fromHex("050000000000"), group.key().seq(), "RSC from message 3");
        assertEquals(new KeyAction.Enter(SupplicantState.COMPLETED), a.get(3));
        assertFalse(pairwise.toString().contains(Bytes.of(ptk.tk().copy()).toHex()), "keys are not printed");
    }

    @Test
    void badMicIsDroppedAndTheGoodMessageStillWorks() throws Exception {
        Ptk ptk = message1And2();
        KeyData.Gtk gtk = new KeyData.Gtk(1, true, bytes(16));
        assertEquals("message 3 MIC failure", assertThrows(MalformedFrameException.class, () -> sta.onEapol(m3(ptk, 2, anonce, AP_RSN, gtk, false))).reason());
        assertFalse(sta.ptkInstalled());
        assertEquals(new KeyAction.Enter(SupplicantState.COMPLETED), sta.onEapol(m3(ptk, 2, anonce, AP_RSN, gtk, true)).get(3));
    }

    @Test
    void replayedOrReorderedMessagesAreDropped() throws Exception {
        assertThrows(MalformedFrameException.class, () -> sta.onEapol(m3(Ptk.derive(pmk, AA, SPA, anonce, bytes(32), 16, false), 2, anonce, AP_RSN,
                new KeyData.Gtk(1, true, bytes(16)), true)), "message 3 before message 1");
        Ptk ptk = message1And2();
        KeyData.Gtk gtk = new KeyData.Gtk(1, true, bytes(16));
        sta.onEapol(m3(ptk, 5, anonce, AP_RSN, gtk, true));
        assertTrue(assertThrows(MalformedFrameException.class, () -> sta.onEapol(m3(ptk, 5, anonce, AP_RSN, gtk, true))).reason().contains("did not increase"));
        assertThrows(MalformedFrameException.class, () -> sta.onEapol(m1(3)), "an old message 1");
        assertThrows(MalformedFrameException.class, () -> sta.onEapol(m3(ptk, 6, bytes(32), AP_RSN, gtk, true)), "another ANonce");
    }

    @Test
    void retransmittedMessage3GetsMessage4AgainButNoReinstall() throws Exception {
        Ptk ptk = message1And2();
        KeyData.Gtk gtk = new KeyData.Gtk(1, true, bytes(16));
        sta.onEapol(m3(ptk, 2, anonce, AP_RSN, gtk, true));
        List<KeyAction> again = sta.onEapol(m3(ptk, 3, anonce, AP_RSN, gtk, true));
        assertTrue(again.get(0) instanceof KeyAction.Send);
        assertTrue(again.stream().noneMatch(x -> x instanceof KeyAction.Install), "no key reinstallation: " + again);
    }

    @Test
    void anRsnElementOtherThanTheBeaconsFailsClosed() throws Exception {
        Ptk ptk = message1And2();
        InformationElement other = RsnElement.psk(Suite.RSN_TKIP, Suite.RSN_CCMP, 0).toElement();
        List<KeyAction> a = sta.onEapol(m3(ptk, 2, anonce, other, new KeyData.Gtk(1, true, bytes(16)), true));
        assertEquals(List.of(new KeyAction.Deauth(17)), a);
        assertFalse(sta.ptkInstalled());
    }

    /** An RSNX element (SAE H2E) in 3/4 that the Beacon lacked is the sign of a stripped Beacon: a downgrade, refused. */
    @Test
    void anRsnxElementTheBeaconLackedFailsClosed() throws Exception {
        Ptk ptk = message1And2();
        InformationElement rsnx = new InformationElement(wpa4j.common.ie.ElementId.RSNX, Bytes.of(new byte[] {0x20}));
        List<KeyAction> a = sta.onEapol(m3(ptk, 2, anonce, List.of(AP_RSN, rsnx, KeyData.gtkKde(new KeyData.Gtk(1, false, bytes(16)))), true));
        assertEquals(List.of(new KeyAction.Deauth(17)), a);
    }

    @Test
    void groupRekeyInstallsTheNewGtkOnce() throws Exception {
        Ptk ptk = message1And2();
        sta.onEapol(m3(ptk, 2, anonce, AP_RSN, new KeyData.Gtk(1, true, bytes(16)), true));
        KeyData.Gtk next = new KeyData.Gtk(2, true, bytes(16));
        List<KeyAction> a = sta.onEapol(group1(ptk, 3, next));
        assertEquals(new KeyAction.Enter(SupplicantState.GROUP_HANDSHAKE), a.get(0));
        assertEquals(2, ((KeyAction.Install) a.get(1)).key().keyIdx());
        EapolKey g2 = EapolKey.fromPdu(((KeyAction.Send) a.get(2)).pdu());
        assertTrue(EapolMic.verify(ptk.kck(), g2, StationKeyHandshake.EAPOL_VERSION) && !g2.keyInfo().pairwise());
        List<KeyAction> again = sta.onEapol(group1(ptk, 4, next));
        assertTrue(again.stream().noneMatch(x -> x instanceof KeyAction.Install), "same GTK is not reinstalled");
    }

    /** The key the station has, offered again under the other key ID: installing it there would restart its receive counter. */
    @Test
    void theInstalledGtkUnderAnotherKeyIdIsNotInstalledAgain() throws Exception {
        Ptk ptk = message1And2();
        Bytes gtk = bytes(16);
        sta.onEapol(m3(ptk, 2, anonce, AP_RSN, new KeyData.Gtk(1, true, gtk), true));
        List<KeyAction> a = sta.onEapol(group1(ptk, 3, new KeyData.Gtk(2, true, gtk)));
        assertTrue(installs(a).isEmpty(), "the same GTK under key ID 2 is not installed: " + a);
        assertTrue(a.stream().anyMatch(x -> x instanceof KeyAction.Send), "group message 2 still answers");
    }

    private static List<KeyAction.Install> installs(List<KeyAction> actions) {
        return actions.stream().filter(KeyAction.Install.class::isInstance).map(KeyAction.Install.class::cast).toList();
    }

    private static List<KeyAction.Install> bigtkInstalls(List<KeyAction> actions) {
        return installs(actions).stream().filter(i -> i.key().isBigtk()).toList();
    }

    /** A BIGTK KDE with a key id outside 6..7 (here 4, an IGTK's) or a cut key: both malformed. */
    private static InformationElement badBigtkKde(boolean shortKey) {
        String body = "000fac0e" + (shortKey ? "0600" + "010000000000" + "00".repeat(8) : "0400" + "010000000000" + "00".repeat(16));
        return new InformationElement(wpa4j.common.ie.ElementId.VENDOR_SPECIFIC, Bytes.fromHex(body));
    }

    /** Beacon protection in use: the BIGTK of message 3 is installed at its index with the KDE's BIPN, once. */
    @Test
    void bigtkFromMessage3IsInstalledWithItsBipnAndNeverReinstalled() throws Exception {
        sta = handshake(BEACON_PROT);
        Ptk ptk = message1And2();
        KeyData.Gtk gtk = new KeyData.Gtk(1, true, bytes(16));
        KeyData.Igtk igtk = new KeyData.Igtk(4, Bytes.fromHex("010000000000"), bytes(16));
        KeyData.Bigtk bigtk = new KeyData.Bigtk(6, Bytes.fromHex("2a0100000000"), bytes(16));
        List<InformationElement> kdes = List.of(AP_RSN, KeyData.gtkKde(gtk), KeyData.igtkKde(igtk), KeyData.bigtkKde(bigtk));
        List<KeyAction> a = sta.onEapol(m3(ptk, 2, anonce, kdes, true));
        List<KeyAction.Install> keys = installs(a);
        assertEquals(List.of(0, 1, 4, 6), keys.stream().map(i -> i.key().keyIdx()).toList(), "PTK, GTK, IGTK, then BIGTK: " + a);
        KeyAction.Install b = keys.get(3);
        assertEquals(wpa4j.driver.types.KeyAlg.IGTK, b.key().alg(), "a BIGTK is a BIP-CMAC-128 key");
        assertTrue(b.key().isBigtk() && !b.key().setTx() && b.key().addr().isBroadcast());
        assertEquals(bigtk.bipn(), b.key().seq(), "the receive counter starts at the KDE's BIPN");
        assertEquals(bigtk.bigtk(), b.key().key());
        assertFalse(b.toString().contains(bigtk.bigtk().toHex()), "the BIGTK is not printed: " + b);
        assertEquals(new KeyAction.Enter(SupplicantState.COMPLETED), a.get(a.size() - 1));

        // a retransmitted message 3 (message 4 lost) installs nothing again: no BIPN reset
        List<KeyAction> again = sta.onEapol(m3(ptk, 3, anonce, kdes, true));
        assertTrue(again.get(0) instanceof KeyAction.Send, "message 4 again");
        assertEquals(List.of(), installs(again), "no key reinstallation: " + again);
        // nor does a group rekey that carries the same BIGTK; a new BIGTK (the other index) is installed
        KeyData.Gtk gtk2 = new KeyData.Gtk(2, true, bytes(16));
        List<KeyAction> rekey = sta.onEapol(group1(ptk, 4, List.of(KeyData.gtkKde(gtk2), KeyData.igtkKde(igtk), KeyData.bigtkKde(bigtk))));
        assertEquals(List.of(2), installs(rekey).stream().map(i -> i.key().keyIdx()).toList(), rekey.toString());
        KeyData.Bigtk bigtk7 = new KeyData.Bigtk(7, Bytes.fromHex("000000000000"), bytes(16));
        List<KeyAction> next = sta.onEapol(group1(ptk, 5, List.of(KeyData.gtkKde(gtk2), KeyData.igtkKde(igtk), KeyData.bigtkKde(bigtk7))));
        assertEquals(List.of(7), bigtkInstalls(next).stream().map(i -> i.key().keyIdx()).toList(), next.toString());
        assertEquals(bigtk7.bigtk(), bigtkInstalls(next).get(0).key().key());
        List<KeyAction> repeated = sta.onEapol(group1(ptk, 6, List.of(KeyData.gtkKde(gtk2), KeyData.igtkKde(igtk), KeyData.bigtkKde(bigtk7))));
        assertEquals(List.of(), installs(repeated), "a retransmitted group message 1 reinstalls nothing: " + repeated);
    }

    /** Without beacon protection on the link (beacon_prot=0, or no driver support), a BIGTK KDE is ignored, even a malformed one. */
    @Test
    void bigtkIsIgnoredWithoutBeaconProtection() throws Exception {
        for (InformationElement kde : List.of(KeyData.bigtkKde(new KeyData.Bigtk(6, Bytes.fromHex("010000000000"), bytes(16))), badBigtkKde(false))) {
            sta = handshake(PMF);
            anonce = bytes(32);
            Ptk ptk = message1And2();
            KeyData.Igtk igtk = new KeyData.Igtk(4, Bytes.fromHex("010000000000"), bytes(16));
            List<KeyAction> a = sta.onEapol(m3(ptk, 2, anonce, List.of(AP_RSN, KeyData.gtkKde(new KeyData.Gtk(1, true, bytes(16))),
                    KeyData.igtkKde(igtk), kde), true));
            assertEquals(List.of(0, 1, 4), installs(a).stream().map(i -> i.key().keyIdx()).toList(), a.toString());
            assertEquals(new KeyAction.Enter(SupplicantState.COMPLETED), a.get(a.size() - 1));
        }
    }

    /** A malformed BIGTK KDE with beacon protection in use fails the message as a whole: nothing installed, nothing sent. */
    @Test
    void aMalformedBigtkKdeIsRefusedAndChangesNothing() throws Exception {
        sta = handshake(BEACON_PROT);
        Ptk ptk = message1And2();
        KeyData.Gtk gtk = new KeyData.Gtk(1, true, bytes(16));
        InformationElement igtk = KeyData.igtkKde(new KeyData.Igtk(4, Bytes.fromHex("010000000000"), bytes(16)));
        MalformedFrameException bad = assertThrows(MalformedFrameException.class,
                () -> sta.onEapol(m3(ptk, 2, anonce, List.of(AP_RSN, KeyData.gtkKde(gtk), igtk, badBigtkKde(false)), true)));
        assertTrue(bad.reason().contains("bigtk key id 4"), bad.reason());
        assertTrue(assertThrows(MalformedFrameException.class,
                () -> sta.onEapol(m3(ptk, 3, anonce, List.of(AP_RSN, KeyData.gtkKde(gtk), igtk, badBigtkKde(true)), true))).reason().contains("bigtk kde of 20 octets"));
        assertFalse(sta.ptkInstalled(), "no key from a refused message 3");
        // the AP's next, good message 3 completes the handshake
        KeyData.Bigtk bigtk = new KeyData.Bigtk(7, Bytes.fromHex("050000000000"), bytes(16));
        List<KeyAction> a = sta.onEapol(m3(ptk, 4, anonce, List.of(AP_RSN, KeyData.gtkKde(gtk), igtk, KeyData.bigtkKde(bigtk)), true));
        assertEquals(List.of(0, 1, 4, 7), installs(a).stream().map(i -> i.key().keyIdx()).toList(), a.toString());
        // and a malformed BIGTK in a group rekey is refused before the new GTK is installed or group message 2 sent
        KeyData.Gtk gtk2 = new KeyData.Gtk(2, true, bytes(16));
        assertThrows(MalformedFrameException.class, () -> sta.onEapol(group1(ptk, 5, List.of(KeyData.gtkKde(gtk2), igtk, badBigtkKde(false)))));
        List<KeyAction> rekey = sta.onEapol(group1(ptk, 6, List.of(KeyData.gtkKde(gtk2), igtk, KeyData.bigtkKde(bigtk))));
        assertEquals(List.of(2), installs(rekey).stream().map(i -> i.key().keyIdx()).toList(), "the GTK is still new, the BIGTK is not: " + rekey);
    }

    @Test
    void garbageIsOnlyEverMalformed() throws Exception {
        Ptk ptk = message1And2();
        Bytes valid = m3(ptk, 2, anonce, AP_RSN, new KeyData.Gtk(1, true, bytes(16)), true);
        Fuzz.onlyMalformed(sta::onEapol, valid, 52, 2000);
    }
}
