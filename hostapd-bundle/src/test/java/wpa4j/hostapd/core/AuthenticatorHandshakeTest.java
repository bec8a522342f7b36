package wpa4j.hostapd.core;

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

/** The authenticator against a supplicant written here from the standard with the toolkit, and its faults. */
class AuthenticatorHandshakeTest {
    private static final MacAddress AA = MacAddress.parse("02:00:00:00:00:00");
    private static final MacAddress SPA = MacAddress.parse("02:00:00:00:01:00");
    private static final InformationElement RSN = BeaconTemplate.RSN;
    private final Random random = new Random(61);
    private SecretKeyBytes pmk;
    private AuthenticatorHandshake auth;
    private Gtk gtk;

    @BeforeEach
    void setUp() {
        pmk = SecretKeyBytes.copyOf(bytes(32).toArray());
        auth = new AuthenticatorHandshake(pmk, AA, SPA, RSN.body(), RSN, new SecureRandom());
        gtk = new Gtk(1, SecretKeyBytes.copyOf(bytes(16).toArray()), Bytes.fromHex("0700000000000000"));
    }

    private Bytes bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return Bytes.of(b);
    }

    private EapolKey reply(int... flags) {
        return new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(2, flags), 0, 0, EapolKey.ZERO_NONCE, EapolKey.ZERO_16, EapolKey.ZERO_8,
                EapolKey.ZERO_8, EapolKey.ZERO_16, Bytes.EMPTY);
    }

    private static EapolKey with(EapolKey k, long replay, Bytes nonce, Bytes data) {
        return new EapolKey(k.descriptorType(), k.keyInfo(), k.keyLength(), replay, nonce, k.iv(), k.rsc(), k.reserved(), k.mic(), data);
    }

    record Started(EapolKey m1, Bytes snonce, Ptk ptk) {}

    private Started start() throws Exception {
        EapolKey m1 = EapolKey.fromPdu(auth.nextMessage(GroupKeys.of(gtk)));
        assertTrue(m1.keyInfo().pairwise() && m1.keyInfo().ack() && !m1.keyInfo().mic());
        Bytes snonce = bytes(32);
        return new Started(m1, snonce, Ptk.derive(pmk, SPA, AA, snonce, m1.nonce(), 16, false));
    }

    private Bytes m2(Started s, long replay, InformationElement rsn, boolean goodMic) {
        EapolKey m2 = with(reply(KeyInfo.PAIRWISE, KeyInfo.MIC), replay, s.snonce(), new KeyData(List.of(rsn)).encode(false));
        EapolKey signed = EapolMic.sign(s.ptk().kck(), m2, 1);
        return (goodMic ? signed : signed.withMic(bytes(16))).toPdu(1);
    }

    @Test
    void fullHandshakeAndGroupRekey() throws Exception {
        Started s = start();
        List<ApKeyAction> a = auth.onEapol(m2(s, s.m1().replayCounter(), RSN, true), GroupKeys.of(gtk));
        EapolKey m3 = EapolKey.fromPdu(((ApKeyAction.Send) a.get(0)).pdu());
        assertEquals(2, m3.replayCounter());
        assertTrue(EapolMic.verify(s.ptk().kck(), m3, AuthenticatorHandshake.EAPOL_VERSION), "message 3 MIC");
        assertEquals(Bytes.fromHex("0700000000000000"), m3.rsc());
        KeyData data = KeyData.decode(Bytes.of(AesKeyWrap.unwrap(s.ptk().kek(), m3.keyData().toArray())));
        assertEquals(RSN, data.rsnElement().orElseThrow());
        assertArrayEquals(gtk.key().copy(), data.gtk().orElseThrow().gtk().toArray());
        EapolKey m4 = EapolMic.sign(s.ptk().kck(), with(reply(KeyInfo.PAIRWISE, KeyInfo.MIC, KeyInfo.SECURE), 2, EapolKey.ZERO_NONCE, Bytes.EMPTY), 1);
        a = auth.onEapol(m4.toPdu(1), GroupKeys.of(gtk));
        ApKeyAction.Install install = assertInstanceOf(ApKeyAction.Install.class, a.get(0));
        assertArrayEquals(s.ptk().tk().copy(), install.key().key().toArray());
        assertEquals(SPA, install.key().addr());
        assertEquals(new ApKeyAction.PairwiseDone(), a.get(1));

        Gtk next = new Gtk(2, SecretKeyBytes.copyOf(bytes(16).toArray()), EapolKey.ZERO_8);
        EapolKey g1 = EapolKey.fromPdu(auth.startGroupRekey(GroupKeys.of(next)));
        assertTrue(EapolMic.verify(s.ptk().kck(), g1, AuthenticatorHandshake.EAPOL_VERSION) && !g1.keyInfo().pairwise());
        KeyData.Gtk got = KeyData.decode(Bytes.of(AesKeyWrap.unwrap(s.ptk().kek(), g1.keyData().toArray()))).gtk().orElseThrow();
        assertEquals(2, got.keyId());
        EapolKey g2 = EapolMic.sign(s.ptk().kck(), with(reply(KeyInfo.MIC, KeyInfo.SECURE), g1.replayCounter(), EapolKey.ZERO_NONCE, Bytes.EMPTY), 1);
        assertEquals(List.of(new ApKeyAction.GroupDone()), auth.onEapol(g2.toPdu(1), GroupKeys.of(next)));
    }

    @Test
    void wrongPassphraseWrongReplayAndWrongOrderAreDropped() throws Exception {
        Started s = start();
        assertEquals(List.of(new ApKeyAction.PskMismatch()), auth.onEapol(m2(s, 1, RSN, false), GroupKeys.of(gtk)), "message 2 under another passphrase");
        assertThrows(MalformedFrameException.class, () -> auth.onEapol(m2(s, 7, RSN, true), GroupKeys.of(gtk)), "replay counter not of the last message");
        EapolKey m4 = EapolMic.sign(s.ptk().kck(), with(reply(KeyInfo.PAIRWISE, KeyInfo.MIC, KeyInfo.SECURE), 1, EapolKey.ZERO_NONCE, Bytes.EMPTY), 1);
        assertThrows(MalformedFrameException.class, () -> auth.onEapol(m4.toPdu(1), GroupKeys.of(gtk)), "message 4 before message 2");
        assertEquals(AuthenticatorHandshake.Step.PTK_START, auth.step(), "nothing changed");
        assertTrue(auth.onEapol(m2(s, 1, RSN, true), GroupKeys.of(gtk)).get(0) instanceof ApKeyAction.Send, "the right message 2 still works");
    }

    @Test
    void retransmissionTakesANewReplayCounter() throws Exception {
        EapolKey first = EapolKey.fromPdu(auth.nextMessage(GroupKeys.of(gtk)));
        EapolKey again = EapolKey.fromPdu(auth.nextMessage(GroupKeys.of(gtk)));
        assertEquals(first.replayCounter() + 1, again.replayCounter());
        assertEquals(first.nonce(), again.nonce(), "same ANonce");
    }

    @Test
    void aReplyToAnEarlierCopyOfTheMessageIsValidAsHostapdKeyReplayAllows() throws Exception {
        Started s = start();
        EapolKey again = EapolKey.fromPdu(auth.nextMessage(GroupKeys.of(gtk)));
        // the supplicant answered the first message 1 while the AP was already resending it (a slow station)
        List<ApKeyAction> a = auth.onEapol(m2(s, s.m1().replayCounter(), RSN, true), GroupKeys.of(gtk));
        EapolKey m3 = EapolKey.fromPdu(((ApKeyAction.Send) a.get(0)).pdu());
        EapolKey m3again = EapolKey.fromPdu(auth.nextMessage(GroupKeys.of(gtk)));
        assertEquals(again.replayCounter() + 1, m3.replayCounter());
        // message 4 answering the first copy of message 3 completes the handshake
        EapolKey m4 = EapolMic.sign(s.ptk().kck(), with(reply(KeyInfo.PAIRWISE, KeyInfo.MIC, KeyInfo.SECURE), m3.replayCounter(), EapolKey.ZERO_NONCE,
                Bytes.EMPTY), 1);
        assertTrue(m3again.replayCounter() > m3.replayCounter());
        assertEquals(new ApKeyAction.PairwiseDone(), auth.onEapol(m4.toPdu(1), GroupKeys.of(gtk)).get(1));
        // a message 2 copy arriving late, of a message no longer negotiated, is dropped
        assertThrows(MalformedFrameException.class, () -> auth.onEapol(m2(s, s.m1().replayCounter(), RSN, true), GroupKeys.of(gtk)));
    }

    @Test
    void theGtkKdeHasNoTxBitWithPairwiseKeysAsHostapdSendsIt() throws Exception {
        Started s = start();
        EapolKey m3 = EapolKey.fromPdu(((ApKeyAction.Send) auth.onEapol(m2(s, 1, RSN, true), GroupKeys.of(gtk)).get(0)).pdu());
        KeyData data = KeyData.decode(Bytes.of(AesKeyWrap.unwrap(s.ptk().kek(), m3.keyData().toArray())));
        assertFalse(data.gtk().orElseThrow().tx());
    }

    @Test
    void anRsnElementOtherThanInTheAssociationFailsClosed() throws Exception {
        Started s = start();
        InformationElement other = RsnElement.psk(Suite.RSN_CCMP, Suite.RSN_CCMP, 0x000c).toElement();
        assertEquals(List.of(new ApKeyAction.Deauth(17)), auth.onEapol(m2(s, 1, other, true), GroupKeys.of(gtk)));
    }

    @Test
    void theAkmDecidesTheDescriptorVersionAndARsnxeMustMatchTheAssociations() throws Exception {
        AuthenticatorHandshake.Setup sha256 = new AuthenticatorHandshake.Setup(Akm.PSK_SHA256, true, List.of(pmk), java.util.Optional.empty(),
                RSN.body(), java.util.Optional.of(Bytes.fromHex("20")), List.of(RSN));
        auth = new AuthenticatorHandshake(sha256, AA, SPA, new SecureRandom());
        EapolKey m1 = EapolKey.fromPdu(auth.nextMessage(GroupKeys.of(gtk)));
        assertEquals(KeyInfo.VERSION_AES_CMAC_AES, m1.keyInfo().descriptorVersion());
        Bytes snonce = bytes(32);
        Ptk ptk = Ptk.derive(pmk, SPA, AA, snonce, m1.nonce(), 16, true);
        EapolKey hmac = EapolMic.sign(ptk.kck(), with(reply(KeyInfo.PAIRWISE, KeyInfo.MIC), m1.replayCounter(), snonce, new KeyData(List.of(RSN)).encode(false)), 1);
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> auth.onEapol(hmac.toPdu(1), GroupKeys.of(gtk)));
        assertTrue(e.reason().contains("version 3"), e.reason());
        EapolKey cmacWithoutRsnxe = EapolMic.sign(ptk.kck(), new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(3, KeyInfo.PAIRWISE, KeyInfo.MIC), 0,
                m1.replayCounter(), snonce, EapolKey.ZERO_16, EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16, new KeyData(List.of(RSN)).encode(false)), 1);
        assertEquals(List.of(new ApKeyAction.Deauth(17)), auth.onEapol(cmacWithoutRsnxe.toPdu(1), GroupKeys.of(gtk)),
                "the association request had an RSNXE, message 2 has none");
    }

    @Test
    void garbageIsOnlyEverMalformed() throws Exception {
        Started s = start();
        Fuzz.onlyMalformed(b -> auth.onEapol(b, GroupKeys.of(gtk)), m2(s, 1, RSN, false), 62, 2000);
    }
}
