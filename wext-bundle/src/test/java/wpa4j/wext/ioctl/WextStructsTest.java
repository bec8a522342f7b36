package wpa4j.wext.ioctl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;

/**
 * The set structs at the offsets of linux/wireless.h on 64-bit Linux, written here as literals (iw_encode_ext:
 * ext_flags 0, tx_seq 4, rx_seq 12, addr 20, alg 36, key_len 38, key 40; iw_mlme: cmd 0, reason 2, addr 4;
 * iw_pmksa: cmd 0, bssid 4, pmkid 20), so the generated offsets are checked as well.
 */
class WextStructsTest {
    private static final MacAddress AP = MacAddress.parse("02:00:00:00:02:00");

    @Test
    void pairwiseCcmpKey() {
        Bytes key = Bytes.fromHex("000102030405060708090a0b0c0d0e0f");
        WextStructs.EncodeExt e = WextStructs.encodeExt(KeyParams.pairwise(KeyAlg.CCMP, AP, Bytes.EMPTY, key));
        byte[] x = e.ext();
        assertEquals(40 + 16, x.length);
        assertEquals(0x08, x[0], "IW_ENCODE_EXT_SET_TX_KEY only: no group flag, no RX seq");
        assertEquals(1, x[20], "sa_family ARPHRD_ETHER");
        assertArrayEquals(AP.octets(), Arrays.copyOfRange(x, 22, 28));
        assertEquals(3, x[36], "IW_ENCODE_ALG_CCMP");
        assertEquals(16, x[38]);
        assertArrayEquals(key.toArray(), Arrays.copyOfRange(x, 40, 56));
        assertEquals(1, e.flags(), "key index 0 + 1");
    }

    @Test
    void groupKeyWithRsc() {
        Bytes seq = Bytes.fromHex("010000000000");
        WextStructs.EncodeExt e = WextStructs.encodeExt(KeyParams.group(KeyAlg.CCMP, 1, false, seq, Bytes.of(new byte[16])));
        byte[] x = e.ext();
        assertEquals(0x04 | 0x02, x[0], "IW_ENCODE_EXT_GROUP_KEY | RX_SEQ_VALID");
        assertEquals(1, x[12], "RSC at rx_seq");
        assertArrayEquals(MacAddress.BROADCAST.octets(), Arrays.copyOfRange(x, 22, 28));
        assertEquals(2, e.flags(), "key index 1 + 1");
    }

    @Test
    void removingAKeyIsDisabledWithNoKeyOctets() {
        WextStructs.EncodeExt e = WextStructs.encodeExt(new KeyParams(null, KeyAlg.NONE, AP, 0, false, Bytes.EMPTY, Bytes.EMPTY));
        assertEquals(40, e.ext().length);
        assertEquals(0x8000 | 1, e.flags(), "IW_ENCODE_DISABLED | index 0 + 1");
    }

    @Test
    void algorithmsWithoutWextValueAreNamedUnsupported() {
        UnsupportedOperationException u = assertThrows(UnsupportedOperationException.class,
                () -> WextStructs.encodeExt(KeyParams.pairwise(KeyAlg.GCMP, AP, Bytes.EMPTY, Bytes.of(new byte[16]))));
        assertEquals("set_key: GCMP has no IW_ENCODE_ALG in Wireless Extensions (backend wext)", u.getMessage());
    }

    @Test
    void mlmeAndPmksaLayouts() {
        byte[] m = WextStructs.mlme(0, 3, AP);
        assertEquals(20, m.length);
        assertEquals(0, m[0], "IW_MLME_DEAUTH");
        assertEquals(3, m[2], "reason");
        assertEquals(1, m[4]);
        assertArrayEquals(AP.octets(), Arrays.copyOfRange(m, 6, 12));
        byte[] pmkid = new byte[16];
        Arrays.fill(pmkid, (byte) 0x5a);
        byte[] p = WextStructs.pmksa(1, AP, pmkid);
        assertEquals(36, p.length);
        assertEquals(1, p[0], "IW_PMKSA_ADD");
        assertArrayEquals(AP.octets(), Arrays.copyOfRange(p, 6, 12));
        assertArrayEquals(pmkid, Arrays.copyOfRange(p, 20, 36));
        assertEquals(3, WextStructs.pmksa(3, null, null)[0], "IW_PMKSA_FLUSH");
        assertThrows(IllegalArgumentException.class, () -> WextStructs.pmksa(1, AP, new byte[15]));
    }
}
