package wpa4j.common.crypto;

import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** JCA HMAC instances keyed with raw octets; any key length, including the empty key. */
public final class Hmac {
    /** One uninitialised instance per algorithm, cloned for each use: a clone skips the provider search of getInstance. */
    private static final Map<String, Mac> PROTOTYPES = new ConcurrentHashMap<>();

    private Hmac() {}

    public static Mac init(String algorithm, byte[] key) {
        try {
            Mac mac = fresh(algorithm);
            // SecretKeySpec rejects an empty key; HMAC defines it as all-zero padding, same as one zero octet
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable in this JRE", e);
        }
    }

    private static Mac fresh(String algorithm) throws GeneralSecurityException {
        Mac prototype = PROTOTYPES.get(algorithm);
        if (prototype == null) {
            Mac made = Mac.getInstance(algorithm);
            // the provider is chosen lazily, unsynchronised for readers: chosen here, before other threads clone it
            made.getProvider();
            prototype = PROTOTYPES.computeIfAbsent(algorithm, a -> made);
        }
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            // a provider whose Mac cannot be cloned: looked up each time, as before
            return Mac.getInstance(algorithm);
        }
    }
}
