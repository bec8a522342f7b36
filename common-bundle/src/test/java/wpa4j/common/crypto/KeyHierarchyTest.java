package wpa4j.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import wpa4j.common.eapol.EapolKey;
import wpa4j.common.eapol.KeyInfo;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

class KeyHierarchyTest {
    private static final MacAddress AA = MacAddress.parse("02:00:00:00:00:00");
    private static final MacAddress SPA = MacAddress.parse("02:00:00:00:01:00");

    static Bytes random(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return Bytes.of(b);
    }

    @Test
    void ptkIsThePrfOverTheOrderedAddressesAndNonces() {
        Random r = new Random(41);
        byte[] pmk = random(r, 32).toArray();
        Bytes an = random(r, 32);
        Bytes sn = random(r, 32);
        try (SecretKeyBytes k = SecretKeyBytes.copyOf(pmk); Ptk a = Ptk.derive(k, AA, SPA, an, sn, 16, false);
                Ptk b = Ptk.derive(k, SPA, AA, sn, an, 16, false)) {
            assertTrue(a.tk().sameAs(b.tk()) && a.kck().sameAs(b.kck()) && a.kek().sameAs(b.kek()), "both sides derive the same PTK");
            byte[] data = new byte[76];
            AA.writeTo(data, 0);
            SPA.writeTo(data, 6);
            boolean anFirst = Arrays.compareUnsigned(an.toArray(), sn.toArray()) < 0;
            byte[] lo = (anFirst ? an : sn).toArray();
            byte[] hi = (anFirst ? sn : an).toArray();
            System.arraycopy(lo, 0, data, 12, 32);
            System.arraycopy(hi, 0, data, 44, 32);
            byte[] expected = Prf.sha1(pmk, "Pairwise key expansion", data, 48);
            assertArrayEquals(Arrays.copyOfRange(expected, 0, 16), a.kck().copy());
            assertArrayEquals(Arrays.copyOfRange(expected, 16, 32), a.kek().copy());
            assertArrayEquals(Arrays.copyOfRange(expected, 32, 48), a.tk().copy());
            assertFalse(a.toString().contains(Bytes.of(a.tk().copy()).toHex()));
        }
    }

    @Test
    void destroyZeroesAndForbidsUse() {
        SecretKeyBytes k = SecretKeyBytes.copyOf(new byte[] {1, 2, 3});
        byte[] inside = k.raw();
        k.destroy();
        assertArrayEquals(new byte[3], inside);
        assertTrue(k.isDestroyed());
        assertThrows(IllegalStateException.class, k::copy);
        assertEquals("<3-octet key>", k.toString());
    }

    @Test
    void micSignsAndDetectsEveryChange() {
        Random r = new Random(42);
        for (int version : new int[] {KeyInfo.VERSION_HMAC_MD5_RC4, KeyInfo.VERSION_HMAC_SHA1_AES}) {
            try (SecretKeyBytes kck = SecretKeyBytes.copyOf(random(r, 16).toArray())) {
                EapolKey k = new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(version, KeyInfo.PAIRWISE, KeyInfo.MIC), 16, 7, random(r, 32),
                        EapolKey.ZERO_16, EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16, random(r, 22));
                EapolKey signed = EapolMic.sign(kck, k, 1);
                assertTrue(EapolMic.verify(kck, signed, 1));
                assertFalse(EapolMic.verify(kck, signed, 2), "the EAPOL version is covered");
                EapolKey replayed = new EapolKey(signed.descriptorType(), signed.keyInfo(), 16, 8, signed.nonce(), signed.iv(), signed.rsc(),
                        signed.reserved(), signed.mic(), signed.keyData());
                assertFalse(EapolMic.verify(kck, replayed, 1), "the replay counter is covered");
                try (SecretKeyBytes other = SecretKeyBytes.copyOf(random(r, 16).toArray())) {
                    assertFalse(EapolMic.verify(other, signed, 1));
                }
            }
        }
    }

    /** A received frame's descriptor version 4..7 (reserved) defines no MIC: a named IllegalArgumentException, as before. */
    @Test
    void aReservedDescriptorVersionHasNoMic() throws Exception {
        Random r = new Random(44);
        EapolKey k = new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(5, KeyInfo.PAIRWISE, KeyInfo.MIC), 16, 3, random(r, 32),
                EapolKey.ZERO_16, EapolKey.ZERO_8, EapolKey.ZERO_8, random(r, 16), Bytes.EMPTY);
        EapolKey received = EapolKey.fromPdu(k.toPdu(2));
        try (SecretKeyBytes kck = SecretKeyBytes.copyOf(random(r, 16).toArray())) {
            UnsupportedDescriptorVersionException e = assertThrows(UnsupportedDescriptorVersionException.class,
                    () -> EapolMic.verify(kck, received, 2));
            assertEquals(5, e.descriptorVersion());
            assertEquals("descriptorVersion: 5 (no such EAPOL-Key MIC)", e.getMessage());
            assertTrue(e instanceof IllegalArgumentException);
            assertThrows(UnsupportedDescriptorVersionException.class, () -> EapolMic.sign(kck, k, 2));
        }
    }

    @Test
    void hmacSha1MicIsTheFirst16OctetsOfHmacOverThePdu() throws Exception {
        Random r = new Random(43);
        try (SecretKeyBytes kck = SecretKeyBytes.copyOf(random(r, 16).toArray())) {
            EapolKey k = new EapolKey(EapolKey.DESCRIPTOR_RSN, KeyInfo.of(2, KeyInfo.PAIRWISE, KeyInfo.MIC, KeyInfo.SECURE), 16, 2,
                    EapolKey.ZERO_NONCE, EapolKey.ZERO_16, EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16, Bytes.EMPTY);
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(kck.copy(), "HmacSHA1"));
            byte[] full = mac.doFinal(k.toPdu(2).toArray());
            assertArrayEquals(Arrays.copyOf(full, 16), EapolMic.compute(kck, k, 2).toArray());
        }
    }

    @Test
    void pskNeedsAValidPassphraseLength() {
        assertEquals("passphrase: length 7 out of range 8..63",
                assertThrows(IllegalArgumentException.class, () -> Psk.fromPassphrase(new byte[7], wpa4j.driver.types.Ssid.ofUtf8("x"))).getMessage());
    }

    @Test
    void prfSha256IsTheKdfOfThe80211Standard() {
        // KDF-SHA256 with one block: HMAC-SHA256(K, 0x0100 || label || data || 0x0001 (256 bits, LE))
        byte[] key = new byte[32];
        byte[] out = Prf.sha256(key, "L", new byte[] {9}, 32);
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"));
            byte[] expected = mac.doFinal(new byte[] {1, 0, 'L', 9, 0, 1});
            assertArrayEquals(expected, out);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
