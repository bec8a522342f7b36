package wpa4j.common.eapol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import wpa4j.common.codec.Fuzz;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.eapol.KeyMessage.Role;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;
import wpa4j.driver.types.Bytes;

class EapolKeyTest {
    static final int V2 = KeyInfo.VERSION_HMAC_SHA1_AES;

    static Bytes random(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return Bytes.of(b);
    }

    static EapolKey key(KeyInfo info, long replay, Bytes nonce, Bytes keyData) {
        return new EapolKey(EapolKey.DESCRIPTOR_RSN, info, 16, replay, nonce, EapolKey.ZERO_16, EapolKey.ZERO_8, EapolKey.ZERO_8,
                EapolKey.ZERO_16, keyData);
    }

    static final Bytes RSN_IE = RsnElement.psk(Suite.RSN_CCMP, Suite.RSN_CCMP, 0).toElement().body();

    static EapolKey msg1(Random r) {
        return key(KeyInfo.of(V2, KeyInfo.PAIRWISE, KeyInfo.ACK), 1, random(r, 32), Bytes.EMPTY);
    }

    static EapolKey msg2(Random r) {
        return key(KeyInfo.of(V2, KeyInfo.PAIRWISE, KeyInfo.MIC), 1, random(r, 32), Bytes.fromHex("3014" + RSN_IE.toHex()));
    }

    static EapolKey msg3(Random r) {
        return key(KeyInfo.of(V2, KeyInfo.PAIRWISE, KeyInfo.ACK, KeyInfo.MIC, KeyInfo.INSTALL, KeyInfo.SECURE, KeyInfo.ENCRYPTED_KEY_DATA),
                2, random(r, 32), random(r, 56));
    }

    static EapolKey msg4() {
        return key(KeyInfo.of(V2, KeyInfo.PAIRWISE, KeyInfo.MIC, KeyInfo.SECURE), 2, EapolKey.ZERO_NONCE, Bytes.EMPTY);
    }

    static EapolKey group1(Random r) {
        return key(KeyInfo.of(V2, KeyInfo.ACK, KeyInfo.MIC, KeyInfo.SECURE, KeyInfo.ENCRYPTED_KEY_DATA), 3, EapolKey.ZERO_NONCE, random(r, 40));
    }

    static EapolKey group2() {
        return key(KeyInfo.of(V2, KeyInfo.MIC, KeyInfo.SECURE), 3, EapolKey.ZERO_NONCE, Bytes.EMPTY);
    }

    @Test
    void roundTripsThroughTheEapolPdu() throws Exception {
        Random r = new Random(21);
        for (int i = 0; i < 200; i++) {
            for (EapolKey k : List.of(msg1(r), msg2(r), msg3(r), msg4(), group1(r), group2())) {
                EapolKey withMic = k.withMic(random(r, 16));
                Bytes pdu = withMic.toPdu(1 + r.nextInt(2));
                assertEquals(withMic, EapolKey.fromPdu(pdu));
                assertEquals(pdu, EapolKey.fromPdu(pdu).toPdu(EapolFrame.decode(pdu).version()));
            }
        }
    }

    @Test
    void eachRoleRecognisesItsMessages() throws Exception {
        Random r = new Random(22);
        assertEquals(KeyMessage.PAIRWISE_1, KeyMessage.classify(msg1(r), Role.SUPPLICANT));
        assertEquals(KeyMessage.PAIRWISE_3, KeyMessage.classify(msg3(r), Role.SUPPLICANT));
        assertEquals(KeyMessage.GROUP_1, KeyMessage.classify(group1(r), Role.SUPPLICANT));
        assertEquals(KeyMessage.PAIRWISE_2, KeyMessage.classify(msg2(r), Role.AUTHENTICATOR));
        assertEquals(KeyMessage.PAIRWISE_4, KeyMessage.classify(msg4(), Role.AUTHENTICATOR));
        assertEquals(KeyMessage.GROUP_2, KeyMessage.classify(group2(), Role.AUTHENTICATOR));
        for (EapolKey toAuthenticator : List.of(msg2(r), msg4(), group2())) {
            assertThrows(MalformedFrameException.class, () -> KeyMessage.classify(toAuthenticator, Role.SUPPLICANT));
        }
        for (EapolKey toSupplicant : List.of(msg1(r), msg3(r), group1(r))) {
            assertThrows(MalformedFrameException.class, () -> KeyMessage.classify(toSupplicant, Role.AUTHENTICATOR));
        }
    }

    @Test
    void inconsistentKeyInfoIsRejected() {
        Random r = new Random(23);
        EapolKey msg3NoEncrypt = key(KeyInfo.of(V2, KeyInfo.PAIRWISE, KeyInfo.ACK, KeyInfo.MIC, KeyInfo.INSTALL, KeyInfo.SECURE), 2,
                random(r, 32), random(r, 24));
        assertEquals("RSN message 3 without the Secure and Encrypted Key Data bits",
                assertThrows(MalformedFrameException.class, () -> KeyMessage.classify(msg3NoEncrypt, Role.SUPPLICANT)).reason());
        EapolKey msg1Install = key(KeyInfo.of(V2, KeyInfo.PAIRWISE, KeyInfo.ACK, KeyInfo.INSTALL), 1, random(r, 32), Bytes.EMPTY);
        assertThrows(MalformedFrameException.class, () -> KeyMessage.classify(msg1Install, Role.SUPPLICANT));
        // 0 is "AKM-defined" (SAE); 4..7 are reserved
        EapolKey badVersion = key(KeyInfo.of(5, KeyInfo.PAIRWISE, KeyInfo.ACK), 1, random(r, 32), Bytes.EMPTY);
        assertEquals("key descriptor version 5", assertThrows(MalformedFrameException.class, () -> KeyMessage.classify(badVersion, Role.SUPPLICANT)).reason());
        EapolKey msg2NoData = key(KeyInfo.of(V2, KeyInfo.PAIRWISE, KeyInfo.MIC), 1, random(r, 32), Bytes.EMPTY);
        assertThrows(MalformedFrameException.class, () -> KeyMessage.classify(msg2NoData, Role.AUTHENTICATOR));
    }

    @Test
    void malformedPdusAreRejected() throws Exception {
        Random r = new Random(24);
        Bytes pdu = msg3(r).toPdu(2);
        assertEquals("eapol body: needs 151 octets, 150 left",
                assertThrows(MalformedFrameException.class, () -> EapolKey.fromPdu(pdu.slice(0, pdu.length() - 1))).reason());
        byte[] wrongType = pdu.toArray();
        wrongType[4] = 1;
        assertThrows(MalformedFrameException.class, () -> EapolKey.fromPdu(Bytes.of(wrongType)));
        byte[] dataLenTooBig = pdu.toArray();
        dataLenTooBig[4 + 93] = 0x7f;
        assertThrows(MalformedFrameException.class, () -> EapolKey.fromPdu(Bytes.of(dataLenTooBig)));
        Fuzz.onlyMalformed(EapolKey::fromPdu, pdu, 25, 3000);
        Fuzz.onlyMalformed(b -> KeyMessage.classify(EapolKey.fromPdu(b), Role.SUPPLICANT), pdu, 26, 2000);
        // Ethernet padding after the EAPOL body is ignored
        assertEquals(msg4(), EapolKey.fromPdu(Bytes.fromHex(msg4().toPdu(1).toHex() + "000000")));
    }

    @Test
    void keyDataWithGtkKdeAndPadding() throws Exception {
        Random r = new Random(27);
        KeyData.Gtk gtk = new KeyData.Gtk(1, true, random(r, 16));
        KeyData kd = new KeyData(List.of(RsnElement.psk(Suite.RSN_CCMP, Suite.RSN_CCMP, 0).toElement(), KeyData.gtkKde(gtk)));
        Bytes padded = kd.encode(true);
        assertEquals(0, padded.length() % 8);
        assertTrue(padded.length() >= 16);
        KeyData back = KeyData.decode(padded);
        assertEquals(kd, back);
        assertEquals(gtk, back.gtk().orElseThrow());
        assertEquals(Suite.RSN_CCMP, back.rsn().orElseThrow().groupCipher());
        assertFalse(gtk.toString().contains(gtk.gtk().toHex()));
        Bytes pmkid = random(r, 16);
        assertEquals(pmkid, new KeyData(List.of(KeyData.pmkidKde(pmkid))).pmkid().orElseThrow());
        Fuzz.onlyMalformed(b -> KeyData.decode(b).gtk(), padded, 28, 2000);
    }

    /** Key data holds at most 255 elements; more (256 empty ones fit in 512 octets) are malformed, not an IllegalArgumentException. */
    @Test
    void keyDataOfTooManyElementsIsMalformed() throws Exception {
        assertEquals(255, KeyData.decode(Bytes.fromHex("3000".repeat(255))).elements().size());
        Bytes many = Bytes.fromHex("3000".repeat(256));
        MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> KeyData.decode(many));
        assertEquals(510, e.offset());
        assertEquals("key data of more than 255 elements", e.reason());
        // padding after the 255th element still ends the key data
        assertEquals(255, KeyData.decode(Bytes.fromHex("3000".repeat(255) + "dd000000")).elements().size());
    }

    @Test
    void keyInfoBits() {
        KeyInfo ki = new KeyInfo(0x13ca);
        assertEquals(2, ki.descriptorVersion());
        assertTrue(ki.pairwise() && ki.install() && ki.ack() && ki.mic() && ki.secure() && ki.encryptedKeyData());
        assertFalse(ki.error() || ki.request());
        assertEquals(ki, KeyInfo.of(2, KeyInfo.PAIRWISE, KeyInfo.INSTALL, KeyInfo.ACK, KeyInfo.MIC, KeyInfo.SECURE, KeyInfo.ENCRYPTED_KEY_DATA));
    }

    /** The BIGTK KDE (type 14) has the IGTK KDE's layout with key ids 6/7; another key id or length is refused. */
    @Test
    void bigtkKdeRoundTripsAndRefusesWrongKeyIds() throws Exception {
        Bytes key = Bytes.fromHex("000102030405060708090a0b0c0d0e0f");
        KeyData.Bigtk bigtk = new KeyData.Bigtk(7, Bytes.fromHex("010000000000"), key);
        KeyData kd = new KeyData(List.of(KeyData.bigtkKde(bigtk)));
        assertEquals("000fac0e0700010000000000" + "000102030405060708090a0b0c0d0e0f", kd.elements().get(0).body().toHex());
        KeyData back = KeyData.decode(kd.encode(true));
        assertEquals(bigtk, back.bigtk().orElseThrow());
        assertTrue(back.igtk().isEmpty());
        assertFalse(back.bigtk().orElseThrow().toString().contains("0102030405"));
        Bytes idFour = Bytes.fromHex("dd1c000fac0e0400010000000000000102030405060708090a0b0c0d0e0f");
        assertThrows(MalformedFrameException.class, () -> KeyData.decode(idFour).bigtk());
        Bytes shortKey = Bytes.fromHex("dd0c000fac0e070001000000000000");
        assertThrows(MalformedFrameException.class, () -> KeyData.decode(shortKey).bigtk());
        assertThrows(IllegalArgumentException.class, () -> new KeyData.Bigtk(5, Bytes.fromHex("000000000000"), key));
    }
}
