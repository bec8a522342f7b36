/**
 * The RSN key hierarchy and ciphers on JCA primitives: PBKDF2 passphrase-to-PSK, the 802.11 PRF (SHA-1)
 * and KDF (SHA-256), PTK derivation, EAPOL-Key MICs, AES key wrap (RFC 3394) and CCMP. Key material is
 * held in {@link wpa4j.common.crypto.SecretKeyBytes} and zeroed when destroyed. Received octets that fail their
 * integrity check throw {@link wpa4j.common.crypto.IntegrityCheckException}, a
 * {@link wpa4j.common.codec.MalformedFrameException}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package wpa4j.common.crypto;
