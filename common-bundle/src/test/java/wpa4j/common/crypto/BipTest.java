package wpa4j.common.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;

/**
 * BIP-CMAC-128 against IEEE Std 802.11-2012 M.9.1 "BIP with broadcast Deauthentication frame" (J.9.1 in later
 * revisions): IGTK, IPN 4, key ID 4 and the plaintext frame as hostap's wlantest/test_vectors.c test_vector_bip()
 * lists them; the protected frame (MME 4c10 0400 040000000000 48dfbfa7b8278872) as Broadcom's wl driver checks it
 * in its self-test (wlc_mfp_bip_test: frame and target_mic). hostap prints its result without an expected value.
 */
class BipTest {
    private static final Bytes IGTK = Bytes.fromHex("4ea9543e09cf2b1eca66ffc58bdecbcf");
    private static final Bytes DEAUTH = Bytes.fromHex("c0000000ffffffffffff02000000000002000000000009000200");
    private static final Bytes PROTECTED = Bytes.fromHex(DEAUTH.toHex() + "4c10" + "0400" + "040000000000" + "48dfbfa7b8278872");

    private static SecretKeyBytes igtk() {
        return SecretKeyBytes.copyOf(IGTK.toArray());
    }

    @Test
    void annexM91BroadcastDeauthentication() throws Exception {
        try (SecretKeyBytes k = igtk()) {
            assertEquals(PROTECTED, Bip.protect(k, 4, 4, DEAUTH));
            assertEquals(4, Bip.verify(k, PROTECTED));
            assertEquals(4, Bip.keyId(PROTECTED));
            assertEquals(DEAUTH, Bip.stripMmie(PROTECTED));
            assertTrue(Bip.hasMmie(PROTECTED));
            assertFalse(Bip.hasMmie(DEAUTH));
        }
    }

    @Test
    void ipnAndKeyIdLittleEndian() throws Exception {
        try (SecretKeyBytes k = igtk()) {
            long ipn = 0x0000_a1b2_c3d4_e5f6L;
            Bytes p = Bip.protect(k, 5, ipn, DEAUTH);
            assertEquals("4c10" + "0500" + "f6e5d4c3b2a1", p.slice(DEAUTH.length(), 10).toHex());
            assertEquals(ipn, Bip.verify(k, p));
            assertEquals(5, Bip.keyId(p));
            assertEquals(0xffff_ffff_ffffL, Bip.verify(k, Bip.protect(k, 4, 0xffff_ffff_ffffL, DEAUTH)));
        }
    }

    @Test
    void everyOctetIsCoveredButMaskedFrameControlBits() throws Exception {
        try (SecretKeyBytes k = igtk()) {
            byte[] p = PROTECTED.toArray();
            for (int i = 0; i < p.length; i++) {
                if (i == 2 || i == 3 || i == 22 || i == 23) {
                    continue; // duration and sequence control are not in the AAD
                }
                byte[] bad = p.clone();
                bad[i] ^= 0x01;
                if (i == p.length - 18 || i == p.length - 17) {
                    // a changed element ID or length: no MME any more
                    assertThrows(MalformedFrameException.class, () -> Bip.verify(k, Bytes.of(bad)));
                    continue;
                }
                IntegrityCheckException e = assertThrows(IntegrityCheckException.class, () -> Bip.verify(k, Bytes.of(bad)), "octet " + i);
                assertEquals("BIP MIC does not verify", e.reason());
            }
            // Retry, Power Management and More Data are masked out of the AAD (a retransmission verifies)
            byte[] retry = p.clone();
            retry[1] |= 0x08 | 0x10 | 0x20;
            assertEquals(4, Bip.verify(k, Bytes.of(retry)));
            byte[] seq = p.clone();
            seq[22] ^= 0x10;
            assertEquals(4, Bip.verify(k, Bytes.of(seq)));
        }
    }

    @Test
    void wrongKeyTruncatedAndMissingMme() {
        try (SecretKeyBytes wrong = SecretKeyBytes.copyOf(new byte[16]); SecretKeyBytes k = igtk()) {
            assertThrows(IntegrityCheckException.class, () -> Bip.verify(wrong, PROTECTED));
            MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> Bip.verify(k, DEAUTH));
            assertEquals("no Management MIC element at the end of the frame", e.reason());
            assertFalse(e instanceof IntegrityCheckException, "a missing MME is malformed, no integrity failure");
            assertThrows(MalformedFrameException.class, () -> Bip.verify(k, PROTECTED.slice(0, PROTECTED.length() - 1)));
            assertThrows(MalformedFrameException.class, () -> Bip.verify(k, Bytes.of(new byte[10])));
            assertEquals(-1, Bip.keyId(DEAUTH));
            assertEquals(-1, Bip.keyId(Bytes.EMPTY));
            assertEquals(DEAUTH, Bip.stripMmie(DEAUTH));
            assertThrows(IllegalArgumentException.class, () -> Bip.protect(k, 4, 1L << 48, DEAUTH));
            assertThrows(IllegalArgumentException.class, () -> Bip.protect(k, 4, 1, Bytes.of(new byte[23])));
            assertThrows(IllegalArgumentException.class, () -> Bip.protect(SecretKeyBytes.copyOf(new byte[32]), 4, 1, DEAUTH));
        }
    }

    /** A Beacon's MIC covers its body with the Timestamp as zero (the radio stamps the TSF later), the rest as it is. */
    @Test
    void aBeaconsMicIgnoresItsTimestampOnly() throws Exception {
        Bytes beacon = Bytes.fromHex("80000000ffffffffffff020000000200020000000200" + "0000" + "1122334455667788" + "6400" + "1104" + "000474657374");
        try (SecretKeyBytes k = igtk()) {
            Bytes protectedBeacon = Bip.protect(k, 6, 9, beacon);
            // the MIC as computed independently with pyca/cryptography's AES-CMAC over AAD and the Timestamp-masked body
            assertEquals("4c10" + "0600" + "090000000000" + "32b4dad86a18a30a", protectedBeacon.slice(beacon.length(), Bip.MME_LENGTH).toHex());
            byte[] restamped = protectedBeacon.toArray();
            restamped[24] = (byte) 0x99;
            restamped[31] = (byte) 0x01;
            assertEquals(9, Bip.verify(k, Bytes.of(restamped)), "another TSF, same MIC");
            byte[] tampered = protectedBeacon.toArray();
            tampered[32] ^= 1;
            assertThrows(MalformedFrameException.class, () -> Bip.verify(k, Bytes.of(tampered)), "the Beacon Interval is covered");
        }
    }
}
