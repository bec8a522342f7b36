package wpa4j.wext.ioctl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;
import wpa4j.wext.uapi.Uapi;

/**
 * The structs the set ioctls take, built in plain Java at the header offsets: iw_encode_ext (set_key),
 * iw_mlme (deauthenticate/disassociate) and iw_pmksa (PMKSA cache). A struct sockaddr inside them is
 * family ARPHRD_ETHER with the MAC address in sa_data.
 */
public final class WextStructs {
    private static final int SA_DATA = 2;

    private WextStructs() {}

    /** A key for SIOCSIWENCODEEXT: the struct and the iw_point flags. The caller zeroes {@code ext} after use. */
    public record EncodeExt(byte[] ext, int flags) {}

    /** As driver_wext's set_key_ext: flags = index + 1 (| DISABLED to remove), group keys to the broadcast address. */
    public static EncodeExt encodeExt(KeyParams k) {
        int keyLen = k.alg() == KeyAlg.NONE ? 0 : k.key().length();
        ByteBuffer b = ByteBuffer.allocate(Uapi.SIZEOF_IW_ENCODE_EXT + keyLen).order(ByteOrder.nativeOrder());
        int extFlags = 0;
        boolean group = k.addr().equals(MacAddress.BROADCAST);
        if (group) {
            extFlags |= Uapi.IW_ENCODE_EXT_GROUP_KEY;
        }
        if (k.setTx()) {
            extFlags |= Uapi.IW_ENCODE_EXT_SET_TX_KEY;
        }
        if (!k.seq().isEmpty()) {
            extFlags |= Uapi.IW_ENCODE_EXT_RX_SEQ_VALID;
            b.put(Uapi.IW_ENCODE_EXT_RX_SEQ, k.seq().toArray());
        }
        b.putInt(Uapi.IW_ENCODE_EXT_FLAGS, extFlags);
        sockaddr(b, Uapi.IW_ENCODE_EXT_ADDR, k.addr());
        b.putShort(Uapi.IW_ENCODE_EXT_ALG, (short) alg(k.alg()));
        b.putShort(Uapi.IW_ENCODE_EXT_KEY_LEN, (short) keyLen);
        if (keyLen > 0) {
            byte[] key = k.key().toArray();
            b.put(Uapi.IW_ENCODE_EXT_KEY, key);
            java.util.Arrays.fill(key, (byte) 0);
        }
        int flags = (k.keyIdx() + 1) & Uapi.IW_ENCODE_INDEX;
        if (k.alg() == KeyAlg.NONE) {
            flags |= Uapi.IW_ENCODE_DISABLED;
        }
        return new EncodeExt(b.array(), flags);
    }

    /** IW_ENCODE_ALG_* of a key algorithm; those WEXT has no value for are refused. */
    static int alg(KeyAlg alg) {
        return switch (alg) {
            case NONE -> Uapi.IW_ENCODE_ALG_NONE;
            case WEP -> Uapi.IW_ENCODE_ALG_WEP;
            case TKIP -> Uapi.IW_ENCODE_ALG_TKIP;
            case CCMP -> Uapi.IW_ENCODE_ALG_CCMP;
            case IGTK -> Uapi.IW_ENCODE_ALG_AES_CMAC;
            case PMK, GCMP -> throw new UnsupportedOperationException("set_key: " + alg + " has no IW_ENCODE_ALG in Wireless Extensions (backend wext)");
        };
    }

    public static byte[] mlme(int cmd, int reasonCode, MacAddress peer) {
        ByteBuffer b = ByteBuffer.allocate(Uapi.SIZEOF_IW_MLME).order(ByteOrder.nativeOrder());
        b.putShort(Uapi.IW_MLME_CMD, (short) cmd);
        b.putShort(Uapi.IW_MLME_REASON_CODE, (short) reasonCode);
        sockaddr(b, Uapi.IW_MLME_ADDR, peer);
        return b.array();
    }

    /** A struct iw_pmksa; {@code bssid} and {@code pmkid} may be null (flush). */
    public static byte[] pmksa(int cmd, MacAddress bssid, byte[] pmkid) {
        ByteBuffer b = ByteBuffer.allocate(Uapi.SIZEOF_IW_PMKSA).order(ByteOrder.nativeOrder());
        b.putInt(Uapi.IW_PMKSA_CMD, cmd);
        if (bssid != null) {
            sockaddr(b, Uapi.IW_PMKSA_BSSID, bssid);
        }
        if (pmkid != null) {
            if (pmkid.length != Uapi.IW_PMKID_LEN) {
                throw new IllegalArgumentException("pmkid: " + pmkid.length + " octets, " + Uapi.IW_PMKID_LEN + " expected");
            }
            b.put(Uapi.IW_PMKSA_PMKID, pmkid);
        }
        return b.array();
    }

    private static void sockaddr(ByteBuffer b, int at, MacAddress addr) {
        b.putShort(at, (short) Uapi.ARPHRD_ETHER);
        b.put(at + SA_DATA, addr.octets());
    }
}
