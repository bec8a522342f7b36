package wpa4j.common.crypto;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** AES-128-CMAC (RFC 4493, NIST SP 800-38B), from BouncyCastle: the EAPOL-Key MIC of the SHA-256 and SAE AKMs, and BIP. */
public final class AesCmac {
    private AesCmac() {}

    /** The 16-octet CMAC of the concatenated {@code parts} under the 16-octet {@code key}. */
    public static byte[] mac(byte[] key, byte[]... parts) {
        if (key.length != 16) {
            throw new IllegalArgumentException("key: length " + key.length + ", expected 16 (AES-128-CMAC)");
        }
        CMac cmac = new CMac(AESEngine.newInstance());
        cmac.init(new KeyParameter(key));
        for (byte[] p : parts) {
            cmac.update(p, 0, p.length);
        }
        byte[] out = new byte[16];
        cmac.doFinal(out, 0);
        return out;
    }
}
