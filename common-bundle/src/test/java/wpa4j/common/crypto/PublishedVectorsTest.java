package wpa4j.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Ssid;

/** Every vector of test-vectors.md: IEEE 802.11 Annex J/M, RFC 6070, RFC 3394. */
class PublishedVectorsTest {
    @Test
    void passphraseToPskAnnexJ() throws Exception {
        List<String[]> rows = Vectors.table("Passphrase -> PSK");
        assertEquals(3, rows.size());
        for (String[] r : rows) {
            try (SecretKeyBytes psk = Psk.fromPassphrase(Vectors.text(r[0]), Ssid.of(Vectors.text(r[1])))) {
                assertEquals(r[2], HexFormat.of().formatHex(psk.copy()), r[0] + "/" + r[1]);
            }
        }
    }

    @Test
    void pbkdf2Rfc6070() throws Exception {
        List<String[]> rows = Vectors.table("PBKDF2-HMAC-SHA1");
        assertEquals(4, rows.size());
        for (String[] r : rows) {
            byte[] dk = Pbkdf2.hmacSha1(Vectors.text(r[0]), Vectors.text(r[1]), Integer.parseInt(r[2]), Integer.parseInt(r[3]));
            assertEquals(r[4], HexFormat.of().formatHex(dk), String.join(",", r));
        }
    }

    @Test
    void prfSha1() throws Exception {
        List<String[]> rows = Vectors.table("PRF-SHA1");
        assertEquals(3, rows.size());
        for (String[] r : rows) {
            byte[] out = Prf.sha1(Vectors.octets(r[0]), "prefix", Vectors.octets(r[1]), 64);
            assertEquals(r[2], HexFormat.of().formatHex(out), r[0]);
        }
    }

    @Test
    void aesKeyWrapRfc3394() throws Exception {
        String line = Vectors.line("AES key wrap", "KEK");
        // "KEK 0001..0f, key data 0011..ff" then the result on the next line
        String[] parts = line.split(",");
        byte[] kek = Vectors.hex(parts[0]);
        byte[] data = Vectors.hex(parts[1].replace("key data", ""));
        byte[] expected = Vectors.hex(Vectors.line("AES key wrap", "->"));
        try (SecretKeyBytes k = SecretKeyBytes.copyOf(kek)) {
            assertArrayEquals(expected, AesKeyWrap.wrap(k, data));
            assertArrayEquals(data, AesKeyWrap.unwrap(k, expected));
            byte[] tampered = expected.clone();
            tampered[5] ^= 1;
            IntegrityCheckException e = assertThrows(IntegrityCheckException.class, () -> AesKeyWrap.unwrap(k, tampered));
            assertEquals("key data failed the key wrap integrity check", e.reason());
            // a length no wrapped key data can have is malformed, not an integrity failure
            MalformedFrameException shortData = assertThrows(MalformedFrameException.class, () -> AesKeyWrap.unwrap(k, new byte[16]));
            assertFalse(shortData instanceof IntegrityCheckException);
        }
    }

    @Test
    void ccmpAnnexM64BothDirections() throws Exception {
        byte[] tk = Vectors.hex(Vectors.line("CCMP", "- TK").split(",")[0]);
        long pn = Long.parseLong(Vectors.line("CCMP", "- TK").replaceAll(".*PN 0x ?", "").replaceAll("\\s.*", "").strip(), 16);
        byte[] plain = Vectors.hex(nextLine("plaintext MPDU"));
        byte[] encrypted = Vectors.hex(nextLine("encrypted MPDU"));
        try (SecretKeyBytes k = SecretKeyBytes.copyOf(tk)) {
            Ccmp ccmp = new Ccmp(k);
            assertArrayEquals(encrypted, ccmp.encrypt(plain, pn, 0));
            Ccmp.Decrypted d = ccmp.decrypt(encrypted);
            assertArrayEquals(plain, d.mpdu());
            assertEquals(pn, d.pn());
            assertEquals(0, d.keyId());
            for (int i = 24; i < encrypted.length; i++) {
                byte[] bad = encrypted.clone();
                bad[i] ^= 0x01;
                if (i == 26 || i == 27) {
                    continue; // the CCMP header's reserved octet is not authenticated; the ExtIV/key ID octet is covered below
                }
                assertThrows(IntegrityCheckException.class, () -> ccmp.decrypt(bad), "flipped octet " + i);
            }
            byte[] noExtIv = encrypted.clone();
            noExtIv[27] = 0;
            MalformedFrameException e = assertThrows(MalformedFrameException.class, () -> ccmp.decrypt(noExtIv));
            assertEquals("CCMP header without the ExtIV bit", e.reason());
            assertFalse(e instanceof IntegrityCheckException);
        }
    }

    @Test
    void ccmpRejectsTheWrongKey() throws Exception {
        byte[] plain = Vectors.hex(nextLine("plaintext MPDU"));
        try (SecretKeyBytes a = SecretKeyBytes.copyOf(new byte[16]); SecretKeyBytes b = SecretKeyBytes.copyOf(Bytes.fromHex("01".repeat(16)).toArray())) {
            byte[] enc = new Ccmp(a).encrypt(plain, 1, 1);
            assertEquals("CCMP MIC mismatch", assertThrows(IntegrityCheckException.class, () -> new Ccmp(b).decrypt(enc)).reason());
        }
    }

    private static String nextLine(String marker) throws Exception {
        List<String> lines = Vectors.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return lines.get(i + 1).strip();
            }
        }
        throw new AssertionError(marker);
    }
}
