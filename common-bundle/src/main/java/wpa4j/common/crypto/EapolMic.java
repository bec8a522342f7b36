package wpa4j.common.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

import javax.crypto.Mac;

import wpa4j.common.eapol.EapolKey;
import wpa4j.common.eapol.KeyInfo;
import wpa4j.driver.types.Bytes;

/**
 * The EAPOL-Key MIC over the whole EAPOL PDU with the MIC field zero: HMAC-MD5 for descriptor version 1
 * (TKIP/WPA, verification of received frames), HMAC-SHA1-128 for version 2 (CCMP), AES-128-CMAC for version 3
 * (the SHA-256 AKMs, e.g. PSK-SHA256) and for version 0 ("AKM-defined"), which the only AKM-defined suite we do
 * (SAE, 00-0f-ac:8, IEEE 802.11-2020 Table 12-11) also uses.
 */
public final class EapolMic {
    private EapolMic() {}

    /**
     * The 16-octet MIC of {@code key} sent in an EAPOL PDU of {@code eapolVersion}.
     *
     * @throws UnsupportedDescriptorVersionException the key's descriptor version (4..7) defines no MIC
     */
    public static Bytes compute(SecretKeyBytes kck, EapolKey key, int eapolVersion) {
        byte[] pdu = key.withMic(EapolKey.ZERO_16).toPdu(eapolVersion).toArray();
        return Bytes.of(mic(kck, key.keyInfo().descriptorVersion(), pdu));
    }

    /** {@code key} with its MIC filled in. */
    public static EapolKey sign(SecretKeyBytes kck, EapolKey key, int eapolVersion) {
        return key.withMic(compute(kck, key, eapolVersion));
    }

    /**
     * Whether the MIC of a received frame is right; compares in constant time.
     *
     * @throws UnsupportedDescriptorVersionException the frame's descriptor version (4..7) defines no MIC; check it
     *         first ({@link wpa4j.common.eapol.KeyMessage#classify}, {@link wpa4j.common.eapol.Akm#requireDescriptor})
     */
    public static boolean verify(SecretKeyBytes kck, EapolKey key, int eapolVersion) {
        byte[] expected = compute(kck, key, eapolVersion).toArray();
        try {
            return MessageDigest.isEqual(expected, key.mic().toArray());
        } finally {
            Arrays.fill(expected, (byte) 0);
        }
    }

    static byte[] mic(SecretKeyBytes kck, int descriptorVersion, byte[] pdu) {
        if (descriptorVersion == KeyInfo.VERSION_AES_CMAC_AES || descriptorVersion == KeyInfo.VERSION_AKM_DEFINED) {
            return AesCmac.mac(kck.raw(), pdu);
        }
        String alg = switch (descriptorVersion) {
            case KeyInfo.VERSION_HMAC_MD5_RC4 -> "HmacMD5";
            case KeyInfo.VERSION_HMAC_SHA1_AES -> "HmacSHA1";
            default -> throw new UnsupportedDescriptorVersionException(descriptorVersion);
        };
        Mac mac = Hmac.init(alg, kck.raw());
        return Arrays.copyOf(mac.doFinal(pdu), 16);
    }
}
