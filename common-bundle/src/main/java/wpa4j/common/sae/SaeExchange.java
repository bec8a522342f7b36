package wpa4j.common.sae;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

import javax.security.auth.Destroyable;

import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.driver.types.Bytes;

/**
 * The cryptography of one SAE run between two parties (IEEE 802.11-2020 12.4.5): the own commit from a PWE, the
 * shared secret and keys once the peer's commit is in, and the Confirm fields.
 *
 * <pre>
 * rand, mask in [2, r), scalar = (rand + mask) mod r >= 2, element = -(mask * PWE)
 * K = rand * (peer-scalar * PWE + peer-element), k = x(K)
 * keyseed = H(salt, k)                    salt: 0^n, or the rejected groups (hash-to-element)
 * KCK || PMK = KDF-Hash-Length(keyseed, "SAE KCK and PMK", (scalar + peer-scalar) mod r)
 * PMKID = the first 16 octets of (scalar + peer-scalar) mod r
 * confirm = H(KCK, send-confirm || scalar || element || peer-scalar || peer-element)
 * </pre>
 * H is HMAC-SHA256 with hunting-and-pecking whatever the group (as hostap: interoperable with every
 * implementation) and the group's hash with hash-to-element (Table 12-1). The PMK is 32 octets (AKM 00-0F-AC:8).
 */
final class SaeExchange implements Destroyable {
    static final int PMK_LENGTH = 32;
    static final int PMKID_LENGTH = 16;
    private static final BigInteger TWO = BigInteger.TWO;

    private final SaeGroup group;
    private final ECPoint pwe;
    private final String hmac;
    private final int hashLength;
    private final BigInteger rand;
    private final BigInteger scalar;
    private final byte[] scalarOctets;
    private final byte[] elementOctets;
    private SaeCommit peer;
    private byte[] kck;
    private byte[] pmk;
    private byte[] pmkid;
    private boolean destroyed;

    private SaeExchange(SaeGroup group, ECPoint pwe, boolean h2e, BigInteger rand, BigInteger mask) {
        this.group = group;
        this.pwe = pwe;
        this.hmac = h2e ? group.h2eHmac() : "HmacSHA256";
        this.hashLength = h2e ? group.h2eHashLength() : 32;
        this.rand = rand;
        this.scalar = rand.add(mask).mod(group.order());
        this.scalarOctets = group.encode(scalar);
        this.elementOctets = group.encode(group.multiply(pwe, mask).negate());
    }

    /** A run with fresh rand and mask. */
    static SaeExchange start(SaeGroup group, ECPoint pwe, boolean h2e, SecureRandom random) {
        while (true) {
            BigInteger rand = group.random(TWO, random);
            BigInteger mask = group.random(TWO, random);
            if (rand.add(mask).mod(group.order()).compareTo(TWO) >= 0) {
                return new SaeExchange(group, pwe, h2e, rand, mask);
            }
        }
    }

    /** A run with given rand and mask (known-answer tests). */
    static SaeExchange withRandMask(SaeGroup group, ECPoint pwe, boolean h2e, BigInteger rand, BigInteger mask) {
        return new SaeExchange(group, pwe, h2e, rand, mask);
    }

    SaeGroup group() {
        return group;
    }

    /** Our commit (no token, identifier nor rejected groups). */
    SaeCommit commit() {
        return new SaeCommit(group.id(), Bytes.of(scalarOctets), Bytes.of(elementOctets), Bytes.EMPTY, Bytes.EMPTY, List.of());
    }

    /** The octets of the Confirm field. */
    int confirmLength() {
        return hashLength;
    }

    /** The peer commit whose keys are current, or null. */
    SaeCommit peer() {
        return peer;
    }

    /**
     * Takes the peer's commit: checks it and derives KCK, PMK and PMKID.
     *
     * @throws Rejection with status 1 for a scalar not in (1, r), an element not on the curve; silently for a
     *         reflection of our own commit
     */
    void accept(SaeCommit commit, byte[] keyseedSalt) throws Rejection {
        if (commit.group() != group.id()) {
            throw new Rejection(SaeStatus.UNSUPPORTED_FINITE_CYCLIC_GROUP, "commit for group " + commit.group() + ", ours is " + group.id(), false);
        }
        check(group, commit);
        BigInteger peerScalar = new BigInteger(1, commit.scalar().toArray());
        ECPoint peerElement = decodeChecked(group, commit);
        if (commit.sameValues(commit())) {
            throw new Rejection(SaeStatus.UNSPECIFIED_FAILURE, "reflected commit (our own scalar and element)", true);
        }
        ECPoint k = group.multiply(group.multiply(pwe, peerScalar).add(peerElement), rand);
        if (k.isInfinity()) {
            throw new Rejection(SaeStatus.UNSPECIFIED_FAILURE, "shared secret is the point at infinity", false);
        }
        byte[] kx = k.normalize().getAffineXCoord().getEncoded();
        byte[] salt = keyseedSalt.length == 0 ? new byte[hashLength] : keyseedSalt;
        byte[] keyseed = SaeKdf.hmac(hmac, salt, kx);
        byte[] context = BigIntegers.asUnsignedByteArray(group.orderLength(), scalar.add(peerScalar).mod(group.order()));
        byte[] keys = SaeKdf.kdf(hmac, keyseed, "SAE KCK and PMK", context, (hashLength + PMK_LENGTH) * 8);
        clearKeys();
        kck = Arrays.copyOfRange(keys, 0, hashLength);
        pmk = Arrays.copyOfRange(keys, hashLength, hashLength + PMK_LENGTH);
        pmkid = Arrays.copyOf(context, PMKID_LENGTH);
        peer = commit;
        Arrays.fill(kx, (byte) 0);
        Arrays.fill(keyseed, (byte) 0);
        Arrays.fill(keys, (byte) 0);
    }

    /**
     * The checks of a peer commit that need no exchange (12.4.5.4): the scalar in (1, r), the element a point of
     * the curve other than the point at infinity.
     */
    static void check(SaeGroup group, SaeCommit commit) throws Rejection {
        BigInteger peerScalar = new BigInteger(1, commit.scalar().toArray());
        if (peerScalar.compareTo(BigInteger.ONE) <= 0 || peerScalar.compareTo(group.order()) >= 0) {
            throw new Rejection(SaeStatus.UNSPECIFIED_FAILURE, "peer scalar not in (1, r)", false);
        }
        decodeChecked(group, commit);
    }

    private static ECPoint decodeChecked(SaeGroup group, SaeCommit commit) throws Rejection {
        try {
            return group.decode(commit.element().toArray());
        } catch (MalformedFrameException e) {
            throw new Rejection(SaeStatus.UNSPECIFIED_FAILURE, "peer " + e.reason(), false);
        }
    }

    /** Our Confirm field for {@code sendConfirm}: own values first. */
    byte[] confirm(int sendConfirm) {
        requireKeys();
        return cn(sendConfirm, scalarOctets, elementOctets, peer.scalar().toArray(), peer.element().toArray());
    }

    /** Whether the peer's Confirm verifies (its values first); constant-time comparison. */
    boolean verify(SaeConfirm confirm) {
        requireKeys();
        byte[] expected = cn(confirm.sendConfirm(), peer.scalar().toArray(), peer.element().toArray(), scalarOctets, elementOctets);
        try {
            return MessageDigest.isEqual(expected, confirm.confirm().toArray());
        } finally {
            Arrays.fill(expected, (byte) 0);
        }
    }

    private byte[] cn(int sc, byte[] s1, byte[] e1, byte[] s2, byte[] e2) {
        return SaeKdf.hmac(hmac, kck, new byte[] {(byte) sc, (byte) (sc >>> 8)}, s1, e1, s2, e2);
    }

    /** A copy of the PMK, owned by the caller. */
    SecretKeyBytes pmk() {
        requireKeys();
        return SecretKeyBytes.copyOf(pmk);
    }

    Bytes pmkid() {
        requireKeys();
        return Bytes.of(pmkid);
    }

    /** KCK copy, for known-answer tests. */
    byte[] kck() {
        requireKeys();
        return kck.clone();
    }

    private void requireKeys() {
        if (destroyed || kck == null) {
            throw new IllegalStateException(destroyed ? "exchange destroyed" : "no peer commit yet");
        }
    }

    private void clearKeys() {
        for (byte[] b : new byte[][] {kck, pmk, pmkid}) {
            if (b != null) {
                Arrays.fill(b, (byte) 0);
            }
        }
    }

    @Override
    public void destroy() {
        clearKeys();
        kck = pmk = pmkid = null;
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "SaeExchange[" + group + "]";
    }

    /** A peer commit refused: the status to answer with, or none at all ({@code silent}). */
    static final class Rejection extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final boolean silent;

        Rejection(int status, String why, boolean silent) {
            super(why, null, false, false);
            this.status = status;
            this.silent = silent;
        }
    }
}
