package wpa4j.common.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** RFC 4493 section 4, all four examples (AES-128 key 2b7e1516...). */
class AesCmacTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c");
    private static final String M = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710";

    private static String cmac(int length) {
        return HEX.formatHex(AesCmac.mac(KEY, HEX.parseHex(M.substring(0, 2 * length))));
    }

    @Test
    void rfc4493Examples() {
        assertEquals("bb1d6929e95937287fa37d129b756746", cmac(0));
        assertEquals("070a16b46b4d4144f79bdd9dd04a287c", cmac(16));
        assertEquals("dfa66747de9ae63030ca32611497c827", cmac(40));
        assertEquals("51f0bebf7e3b9d92fc49741779363cfe", cmac(64));
    }

    @Test
    void partsAreConcatenated() {
        byte[] m = HEX.parseHex(M.substring(0, 80));
        assertEquals(cmac(40), HEX.formatHex(AesCmac.mac(KEY, java.util.Arrays.copyOf(m, 7), java.util.Arrays.copyOfRange(m, 7, 40))));
    }
}
