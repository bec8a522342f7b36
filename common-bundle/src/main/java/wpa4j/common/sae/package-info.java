/**
 * SAE (IEEE 802.11-2020 12.4) for the ECC groups 19, 20 and 21: the password element by hunting-and-pecking
 * (looping, {@code sae_pwe=0}) and by hash-to-element ({@code sae_pwe=1}), the Commit and Confirm messages, and
 * the per-peer protocol instance as plain state machines for both roles ({@link wpa4j.common.sae.SaeStation},
 * {@link wpa4j.common.sae.SaeAccessPoint}) that answer every event with {@link wpa4j.common.sae.SaeAction}s for
 * the caller's event loop. Also the AP's anti-clogging tokens ({@link wpa4j.common.sae.AntiCloggingTokens}) and
 * the PMKSA cache that lets a reconnect skip SAE.
 *
 * <p>Elliptic-curve arithmetic is BouncyCastle's ({@code org.bouncycastle.math.ec}, the custom SEC curves), with
 * its constant-time multiplier for every secret scalar. Secrets are compared with
 * {@link java.security.MessageDigest#isEqual}, octet arrays holding them are zeroed when done, and nothing here
 * prints a secret. Not thread-safe: each instance belongs to one event loop.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package wpa4j.common.sae;
