package wpa4j.common.crypto;

import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import wpa4j.common.codec.MalformedFrameException;

/** AES key wrap (RFC 3394, the JCA's AES/KW/NoPadding): how the GTK travels in EAPOL-Key key data. */
public final class AesKeyWrap {
    /**
     * A cipher per thread, initialised anew for each use: looking one up parses the transformation and searches the
     * providers every time, which was a tenth of an AP's 4-way handshake (benchmarks/run.sh ap-handshakes).
     */
    private static final ThreadLocal<Cipher> KW = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/KW/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES key wrap unavailable in this JRE", e);
        }
    });

    /** What a cipher is keyed with between uses, so that it does not keep the last KEK on a pooled thread. */
    private static final SecretKeySpec NO_KEY = new SecretKeySpec(new byte[16], "AES");

    private AesKeyWrap() {}

    /** Wraps {@code plaintext} (a multiple of 8 octets, at least 16) with the KEK. */
    public static byte[] wrap(SecretKeyBytes kek, byte[] plaintext) {
        if (plaintext.length < 16 || plaintext.length % 8 != 0) {
            throw new IllegalArgumentException("plaintext: length " + plaintext.length + " is not a multiple of 8 of at least 16");
        }
        Cipher c = KW.get();
        try {
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek.raw(), "AES"));
            return c.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES key wrap", e);
        } finally {
            forgetKey(c);
        }
    }

    /**
     * Unwraps key data.
     *
     * @throws IntegrityCheckException a wrong KEK or tampered data: the integrity check fails
     * @throws MalformedFrameException a length that cannot be wrapped key data
     */
    public static byte[] unwrap(SecretKeyBytes kek, byte[] ciphertext) throws MalformedFrameException {
        if (ciphertext.length < 24 || ciphertext.length % 8 != 0) {
            throw new MalformedFrameException(0, "wrapped key data of " + ciphertext.length + " octets (multiple of 8, at least 24, expected)");
        }
        Cipher c = KW.get();
        try {
            try {
                c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek.raw(), "AES"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES key unwrap", e);
            }
            try {
                return c.doFinal(ciphertext);
            } catch (GeneralSecurityException e) {
                // the JDK reports a failed integrity check variously (bad padding, illegal block size)
                throw new IntegrityCheckException(0, "key data failed the key wrap integrity check");
            }
        } finally {
            forgetKey(c);
        }
    }

    /** Re-keys {@code c} with zeros: the JDK's AES overwrites the previous key and its schedule when the key changes. */
    private static void forgetKey(Cipher c) {
        try {
            c.init(Cipher.ENCRYPT_MODE, NO_KEY);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES key wrap", e);
        }
    }
}
