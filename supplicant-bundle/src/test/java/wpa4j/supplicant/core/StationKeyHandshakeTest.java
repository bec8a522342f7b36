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
    private final Random random = new Random(51);
    private SecretKeyBytes pmk;
    private StationKeyHandshake sta;
    private Bytes anonce;

    @BeforeEach
    void setUp() {
        pmk = SecretKeyBytes.copyOf(bytes(32).toArray());
        sta = new StationKeyHandshake(pmk, WPA2, AA, SPA, List.of(OWN_RSN), AP_RSN.body(), java.util.Optional.empty(), new SecureRandom());
        anonce = bytes(32);
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
        byte[] wrapped = AesKeyWrap.wrap(ptk.kek(), new KeyData(List.of(KeyData.gtkKde(gtk))).encode(true).toArray());
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

    @Test
    void garbageIsOnlyEverMalformed() throws Exception {
        Ptk ptk = message1And2();
        Bytes valid = m3(ptk, 2, anonce, AP_RSN, new KeyData.Gtk(1, true, bytes(16)), true);
        Fuzz.onlyMalformed(sta::onEapol, valid, 52, 2000);
    }
}
