package wpa4j.common.crypto;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** JCA HMAC instances keyed with raw octets; any key length, including the empty key. */
public final class Hmac {
    private Hmac() {}

    public static Mac init(String algorithm, byte[] key) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            // SecretKeySpec rejects an empty key; HMAC defines it as all-zero padding, same as one zero octet
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable in this JRE", e);
        }
    }
}
