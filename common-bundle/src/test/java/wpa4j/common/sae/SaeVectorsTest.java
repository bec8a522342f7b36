package wpa4j.common.sae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;

/**
 * Published SAE vectors (group 19), none computed here:
 * <ul>
 * <li>IEEE Std 802.11-2020 Annex J.10, hunting-and-pecking: rand, mask, both commits, KCK, PMK and PMKID as hostap
 * transcribes them in src/common/common_module_tests.c sae_tests() (commit 47f51c8ba, "Update SAE test vector to
 * IEEE Std 802.11-2020"); the looping PWE and the KDF values of the loop's rounds 1, 2 and 40 as Fuchsia's SAE
 * library transcribes J.10 (wlan/lib/sae, ecc.rs and hmac_utils.rs tests);</li>
 * <li>Annex J.10, hash-to-element: pwd-seed, both HKDF-Expand outputs, u1, u2, P1, P2, PT, val and PWE as iwd
 * transcribes them (unit/test-sae.c test_pt_pwe); PWE also in hostap's sae_tests(), PT also in Fuchsia's;</li>
 * <li>IEEE P802.11-REVmd/D2.1 Annex J.10 (the SAE vectors of document 11-18/1104r0), hunting-and-pecking with a
 * password identifier: commits, KCK, PMK, PMKID and both Confirm messages as hostap transcribed them (commit
 * 3d93e26e6), keyseed from Fuchsia's copy of 11-18/1104r0;</li>
 * <li>RFC 9380 J.1.1, J.2.1, J.3.1 for the simplified SWU map of groups 19, 20, 21 (rfc9380-sswu-vectors.txt).</li>
 * </ul>
 */
class SaeVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] PASSWORD = "mekmitasdigoat".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] IDENTIFIER = "psk4internet".getBytes(StandardCharsets.US_ASCII);
    private static final Ssid SSID = Ssid.ofUtf8("byteme");

    // 802.11-2020 J.10, hunting-and-pecking (hostap sae_tests)
    private static final MacAddress J10_A = MacAddress.parse("4d:3f:2f:ff:e3:87");
    private static final MacAddress J10_B = MacAddress.parse("a5:d8:aa:95:8e:3c");
    private static final String J10_RAND = "992465fd3daa3c60aa6565b7f62a2a7f2e12dd12f198faf4fbed89d7ff1ace94";
    private static final String J10_MASK = "9507a90f777a044d6a0830b91ea3d5dd70bece44e1acffb86983b5e1bf9fb322";
    private static final String J10_LOCAL_COMMIT = "13002e2c0f0db52440ad146d967114ce005ce1eab0aa2c2e5c2871b774f6c2575c65d5ad9e00829707aa36ba8b859738"
            + "fc961d08243505f47c035376d7ac4bc8d7b95083bf43827d0fc31ed778dd3671fd21a46d1091d64b6f9a1e1272621325dbe1";
    private static final String J10_PEER_COMMIT = "1300591b96f3397fb945100848e7b550543b6720d88337ee93fc49fd6df7e08b5223e71b9bb048d3873f20556953a96c"
            + "91536fd8ee6ca9b4a68a148b056a909be03e83ae208f60f8ef5537858074db06687032399862999b511e0a1552a5fea317c2";
    private static final String J10_KCK = "1e733f6d9bd53256287304338831b09a39406d121017073a5c30db36f36cb81a";
    private static final String J10_PMK = "4e4dfab1a2dd8ac1a91790f953faaa452ae5c6873ab75b63605ba663f8a7fe59";
    private static final String J10_PMKID = "8747a600eea3f9f22475df58ca1e5498";
    // J.10 looping PWE and KDF rounds (Fuchsia)
    private static final String J10_PWE_X = "da6eb7b06a1ac5624974f90afdd6a8e9d5722634cf987c34defc91a9874e5658";
    private static final String J10_PWE_Y = "f4fefd130bd5be08fe68af3e4a290272ec065fd3671f3c25bf8ec419ddc9b822";
    private static final String[][] J10_KDF_ROUNDS = {
        {"a9025368ef78f7d65e8d4d556f0d1d0d758f2f7f1e116eb1d11307a7e8a9621a", "b8e89a725c57f18e8f68a7f72613e15f1c904938c38800efa01f1306f5e454b5"},
        {"954bbbf8923284e4ca164e3af0b9520ce53aa35be39020e9ccb23aff86df2226", "da6eb7b06a1ac5624974f90afdd6a8e9d5722634cf987c34defc91a9874e5658"},
        {"cde7b81eb539c87af5bf1be2402d315c45ad4c3db06c9c56b7f8b7daae5e5842", "2e12a1d615647963fd7aa4a905fd51b6f49a902fd917ef8f0ff200102699ecdb"},
    };

    // 802.11-2020 J.10, hash-to-element (iwd test_pt_pwe; PWE also hostap, PT also Fuchsia)
    private static final MacAddress H2E_A = MacAddress.parse("00:09:5b:66:ec:1e");
    private static final MacAddress H2E_B = MacAddress.parse("00:0b:6b:d9:02:46");
    private static final String H2E_PWD_SEED = "3bd53fe9223dc0280fbfce17d7a3564064e20f48c6ec72246ce367b5569a22af";
    private static final String H2E_OKM1 = "a5044469ab16f25b6abf1e0e37a36b56f50be73369053df8db87989a6b66fd1a491f1cdacbd07931620f83008ffc0ecc";
    private static final String H2E_U1 = "dc941bc3c6a2b4948b6c61d55590ecb1f0c51c4b1bebaff677e593698d5a53c6";
    private static final String H2E_OKM2 = "9b4e0d5b1879f253c5319615099b05aec5b06fa5e788bcfd1e9ea60d33436927190814c322a62585c93c577bbaa3d307";
    private static final String H2E_U2 = "1b8375a518bc21396ad6a65e5597e0bf80d793b6d66e2534a6e7dfe3ee22616f";
    private static final String H2E_P1 = "a07c260764a13445ff8cd97c5acc644e7119bde51bad42583eed6f4109639e6b"
            + "3bdc8df0d32337936c74df604933a454142251c53c576c0351b28deaf9428d7e";
    private static final String H2E_P2 = "72cd2a967a837fea5051f0133db46227775ba09f7b6dfb99ae7a8ef22c7d34a0"
            + "864390d797d352b368d311af515bde116fe54459fec867ee18a8a1619ca3ff59";
    private static final String H2E_PT = "b6e38c98750c684b5d17c3d8c9a4100b39931279187ca6cced5f37ef46ddfa97"
            + "5687e972e50f73e3898861e7edad21bea7d5f622df88243bb804920ae8e647fa";
    private static final String H2E_VAL = "bb7f9cac5aa8b72c02b5daacc2771abe74e72604612295eca2ce18363ae9a927";
    private static final String H2E_PWE = "c93049b9e64000f848201649e999f2b5c22dea69b5632c9df4d633b8aa1f6c1e"
            + "73634e94b53d82e7383a8d258199d9dc1a5ee8269d060382ccbf33e614ff59a0";

    // P802.11-REVmd/D2.1 J.10 = 11-18/1104r0, looping with a password identifier (hostap 3d93e26e6)
    private static final MacAddress D21_A = MacAddress.parse("82:7b:91:9d:d4:b9");
    private static final MacAddress D21_B = MacAddress.parse("1e:ec:49:ea:64:88");
    private static final String D21_RAND = "a906f61e4d3a5d4eb2965ff34cf917dd044445c878c17ca5d5b93786da9f83cf";
    private static final String D21_MASK = "4234b4fb17aa435c52fbfdebe64039b43478200e54ff7b6e07b69cad74153c15";
    private static final String D21_LOCAL_COMMIT = "1300eb3bab1964e4a0ab05925ddf3339519138bc65d6cdc0f813dd6fd4344eb4"
            + "bfe44b5c21597658f4e3eddfb4b99f25b4d6540f32ff1fd5c530c60a79444861"
            + "0bc6de3d92bdbbd47d935980ca6cf8988ab6630be6764c885ceb9793970f6952"
            + "17eeff0d2170736b34696e7465726e6574";
    private static final String D21_PEER_COMMIT = "13005564f045b2ea1e566cf1dd741f70d9be35d2df5b9a5502946ee03cf8dae2"
            + "7e1e05b8430eb7a99e24877ce69baf3dc580e309633d6b385f83ee1c3ec3591f"
            + "1a5393c06e805ddceb2fde50930dd7cfebb987c6ff9666af164eb5184d8e6662"
            + "ed6aff0d2170736b34696e7465726e6574";
    private static final String D21_KEYSEED = "7457a00754dcc4e3dc2850c124d6bb8fa1699d7fa33bb0667d9c34eeb513deb9";
    private static final String D21_KCK = "599d6f1e27548be8499dceed2feccf94818ce1c79f1b4eb3d6a53228a09bf3ed";
    private static final String D21_PMK = "7aead86fba4c3221fc437f5f14d70d854ea5d5aac1690116793081eda4d557c5";
    private static final String D21_PMKID = "40a09b6017cebf0072843b5352aa2b4f";
    private static final String D21_LOCAL_CONFIRM = "010012d9d5c78c500526d36c41dbc56aedf2914cedddd7cad4a58c48f83dbde9fc77";
    private static final String D21_PEER_CONFIRM = "010002871cf906898b8060ec184143be77b8c08a8019b13eb6d0aef0d8383dfac2fd";

    private final SecureRandom random = new SecureRandom();

    @Test
    void huntingAndPeckingPweAnnexJ10() {
        ECPoint pwe = HuntingAndPecking.derive(SaeGroup.P256, PASSWORD, new byte[0], J10_A, J10_B, random);
        assertEquals(J10_PWE_X + J10_PWE_Y, HEX.formatHex(SaeGroup.P256.encode(pwe)));
        // the order of the addresses does not matter
        ECPoint swapped = HuntingAndPecking.derive(SaeGroup.P256, PASSWORD, new byte[0], J10_B, J10_A, random);
        assertEquals(pwe, swapped);
    }

    @Test
    void huntingAndPeckingKdfRoundsAnnexJ10() {
        byte[] p = SaeGroup.P256.primeOctets();
        for (String[] round : J10_KDF_ROUNDS) {
            byte[] value = SaeKdf.kdf("HmacSHA256", HEX.parseHex(round[0]), "SAE Hunting and Pecking", p, 256);
            assertEquals(round[1], HEX.formatHex(value));
        }
    }

    @Test
    void commitAndKeysAnnexJ10() throws Exception {
        ECPoint pwe = HuntingAndPecking.derive(SaeGroup.P256, PASSWORD, new byte[0], J10_A, J10_B, random);
        SaeExchange ex = SaeExchange.withRandMask(SaeGroup.P256, pwe, false, new BigInteger(J10_RAND, 16), new BigInteger(J10_MASK, 16));
        assertEquals(J10_LOCAL_COMMIT, ex.commit().encode(false).toHex());
        ex.accept(SaeCommit.parse(Bytes.fromHex(J10_PEER_COMMIT), false), new byte[0]);
        assertEquals(J10_KCK, HEX.formatHex(ex.kck()));
        try (SecretKeyBytes pmk = ex.pmk()) {
            assertEquals(J10_PMK, HEX.formatHex(pmk.copy()));
        }
        assertEquals(J10_PMKID, ex.pmkid().toHex());
    }

    @Test
    void hashToElementAnnexJ10Steps() {
        byte[] seed = SaeKdf.hmac("HmacSHA256", SSID.octets().toArray(), PASSWORD, IDENTIFIER);
        assertEquals(H2E_PWD_SEED, HEX.formatHex(seed));
        byte[] okm1 = SaeKdf.hkdfExpand("HmacSHA256", seed, "SAE Hash to Element u1 P1", 48);
        byte[] okm2 = SaeKdf.hkdfExpand("HmacSHA256", seed, "SAE Hash to Element u2 P2", 48);
        assertEquals(H2E_OKM1, HEX.formatHex(okm1));
        assertEquals(H2E_OKM2, HEX.formatHex(okm2));
        BigInteger p = SaeGroup.P256.prime();
        BigInteger u1 = new BigInteger(1, okm1).mod(p);
        BigInteger u2 = new BigInteger(1, okm2).mod(p);
        assertEquals(new BigInteger(H2E_U1, 16), u1);
        assertEquals(new BigInteger(H2E_U2, 16), u2);
        ECPoint p1 = HashToElement.sswu(SaeGroup.P256, u1);
        ECPoint p2 = HashToElement.sswu(SaeGroup.P256, u2);
        assertEquals(H2E_P1, HEX.formatHex(SaeGroup.P256.encode(p1)));
        assertEquals(H2E_P2, HEX.formatHex(SaeGroup.P256.encode(p2)));
        assertEquals(H2E_PT, HEX.formatHex(SaeGroup.P256.encode(p1.add(p2))));
        // val = H(0^32, max(MAC) || min(MAC)) mod (r - 1) + 1
        byte[] h = SaeKdf.hmac("HmacSHA256", new byte[32], HuntingAndPecking.macsMaxMin(H2E_A, H2E_B));
        BigInteger val = new BigInteger(1, h).mod(SaeGroup.P256.order().subtract(BigInteger.ONE)).add(BigInteger.ONE);
        assertEquals(new BigInteger(H2E_VAL, 16), val);
    }

    @Test
    void hashToElementPtAndPweAnnexJ10() {
        SaePt pt = SaePt.derive(SaeGroup.P256, SSID, PASSWORD, Bytes.of(IDENTIFIER));
        assertEquals(H2E_PT, HEX.formatHex(SaeGroup.P256.encode(pt.point())));
        assertEquals(H2E_PWE, HEX.formatHex(SaeGroup.P256.encode(HashToElement.pwe(SaeGroup.P256, pt.point(), H2E_A, H2E_B))));
        assertEquals(H2E_PWE, HEX.formatHex(SaeGroup.P256.encode(HashToElement.pwe(SaeGroup.P256, pt.point(), H2E_B, H2E_A))));
        // through the password holder, which caches the PT
        SaePassword password = SaePassword.of(PASSWORD, Bytes.of(IDENTIFIER), SSID);
        assertEquals(pt.point(), password.pt(SaeGroup.P256).point());
        assertTrue(password.pt(SaeGroup.P256) == password.pt(SaeGroup.P256));
        pt.destroy();
        password.destroy();
        assertTrue(pt.isDestroyed());
        assertTrue(password.isDestroyed());
    }

    @Test
    void passwordIdentifierLoopingRevmdD21() throws Exception {
        ECPoint pwe = HuntingAndPecking.derive(SaeGroup.P256, PASSWORD, IDENTIFIER, D21_A, D21_B, random);
        SaeExchange ex = SaeExchange.withRandMask(SaeGroup.P256, pwe, false, new BigInteger(D21_RAND, 16), new BigInteger(D21_MASK, 16));
        // the commit is group, scalar, element and the Password Identifier element (255, 13, 33, "psk4internet")
        String pwIdElement = "ff0d21" + HEX.formatHex(IDENTIFIER);
        assertTrue(D21_LOCAL_COMMIT.endsWith(pwIdElement));
        assertEquals(D21_LOCAL_COMMIT, ex.commit().encode(false).toHex() + pwIdElement);
        SaeCommit peer = SaeCommit.parse(Bytes.fromHex(D21_PEER_COMMIT.substring(0, D21_PEER_COMMIT.length() - pwIdElement.length())), false);
        ex.accept(peer, new byte[0]);
        assertEquals(D21_KCK, HEX.formatHex(ex.kck()));
        try (SecretKeyBytes pmk = ex.pmk()) {
            assertEquals(D21_PMK, HEX.formatHex(pmk.copy()));
        }
        assertEquals(D21_PMKID, ex.pmkid().toHex());
        assertEquals(D21_LOCAL_CONFIRM, new SaeConfirm(1, Bytes.of(ex.confirm(1))).encode().toHex());
        assertTrue(ex.verify(SaeConfirm.parse(Bytes.fromHex(D21_PEER_CONFIRM), 32)));
        byte[] tampered = HEX.parseHex(D21_PEER_CONFIRM);
        tampered[5] ^= 1;
        assertFalse(ex.verify(SaeConfirm.parse(Bytes.of(tampered), 32)));
        assertFalse(ex.verify(SaeConfirm.parse(Bytes.fromHex("0200" + D21_PEER_CONFIRM.substring(4)), 32)), "send-confirm is covered");
    }

    @Test
    void kckAndPmkFromKeyseed1104r0() {
        // context = (scalar + peer-scalar) mod r of the two D2.1 commits
        BigInteger r = SaeGroup.P256.order();
        BigInteger s1 = new BigInteger(D21_LOCAL_COMMIT.substring(4, 68), 16);
        BigInteger s2 = new BigInteger(D21_PEER_COMMIT.substring(4, 68), 16);
        byte[] context = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, s1.add(s2).mod(r));
        byte[] keys = SaeKdf.kdf("HmacSHA256", HEX.parseHex(D21_KEYSEED), "SAE KCK and PMK", context, 512);
        assertEquals(D21_KCK + D21_PMK, HEX.formatHex(keys));
        assertEquals(D21_PMKID, HEX.formatHex(Arrays.copyOf(context, 16)));
    }

    @Test
    void sswuRfc9380AllThreeGroups() throws IOException {
        List<String> lines;
        try (InputStream in = SaeVectorsTest.class.getResourceAsStream("/rfc9380-sswu-vectors.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        }
        assertEquals(9, lines.size());
        for (String line : lines) {
            String[] f = line.split(" ");
            SaeGroup g = SaeGroup.byId(Integer.parseInt(f[0])).orElseThrow();
            int n = g.primeLength();
            ECPoint q0 = HashToElement.sswu(g, new BigInteger(f[2], 16));
            ECPoint q1 = HashToElement.sswu(g, new BigInteger(f[3], 16));
            assertEquals(pad(f[4], n) + pad(f[5], n), HEX.formatHex(g.encode(q0)), line);
            assertEquals(pad(f[6], n) + pad(f[7], n), HEX.formatHex(g.encode(q1)), line);
            assertEquals(pad(f[8], n) + pad(f[9], n), HEX.formatHex(g.encode(q0.add(q1))), line);
        }
    }

    private static String pad(String hex, int octets) {
        return "0".repeat(2 * octets - hex.length()) + hex;
    }
}
