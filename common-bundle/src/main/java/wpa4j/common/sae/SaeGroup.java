package wpa4j.common.sae;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECConstantTimeMultiplier;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

import wpa4j.common.codec.MalformedFrameException;

/**
 * The SAE finite cyclic groups wpa4j offers (IANA "Group Description" numbers): the NIST prime curves with
 * their hash for hash-to-element (IEEE 802.11-2020 Table 12-1, by the length of the prime) and the SSWU
 * constant z of RFC 9380 8.2 (P-256: -10, P-384: -12, P-521: -4).
 */
public enum SaeGroup {
    /** NIST P-256 (secp256r1), the group every SAE implementation has. */
    P256(19, "secp256r1", -10, "HmacSHA256", 32),
    /** NIST P-384 (secp384r1). */
    P384(20, "secp384r1", -12, "HmacSHA384", 48),
    /** NIST P-521 (secp521r1). */
    P521(21, "secp521r1", -4, "HmacSHA512", 64);

    private static final ECConstantTimeMultiplier CONSTANT_TIME = new ECConstantTimeMultiplier();

    private final int id;
    private final String curveName;
    private final int z;
    private final String h2eHmac;
    private final int h2eHashLength;
    private volatile Curve curve;

    SaeGroup(int id, String curveName, int z, String h2eHmac, int h2eHashLength) {
        this.id = id;
        this.curveName = curveName;
        this.z = z;
        this.h2eHmac = h2eHmac;
        this.h2eHashLength = h2eHashLength;
    }

    /** The group number carried in the Finite Cyclic Group field. */
    public int id() {
        return id;
    }

    /** The length of the prime in octets: the length of a scalar and of each element coordinate. */
    public int primeLength() {
        return curve().params.getCurve().getFieldElementEncodingLength();
    }

    /** The group numbered {@code id}, if wpa4j offers it. */
    public static Optional<SaeGroup> byId(int id) {
        return Arrays.stream(values()).filter(g -> g.id == id).findFirst();
    }

    @Override
    public String toString() {
        return "group " + id + " (" + curveName + ")";
    }

    /** The curve, loaded on first use (BouncyCastle's custom SEC curve). */
    private Curve curve() {
        Curve c = curve;
        if (c == null) {
            c = new Curve(CustomNamedCurves.getByName(curveName));
            curve = c;
        }
        return c;
    }

    private record Curve(X9ECParameters params, BigInteger prime, BigInteger order) {
        Curve(X9ECParameters params) {
            this(params, params.getCurve().getField().getCharacteristic(), params.getN());
        }
    }

    ECCurve ec() {
        return curve().params.getCurve();
    }

    BigInteger prime() {
        return curve().prime;
    }

    BigInteger order() {
        return curve().order;
    }

    /** The length of the order in octets (the encoding of (scalar + peer-scalar) mod r). */
    int orderLength() {
        return (order().bitLength() + 7) / 8;
    }

    /** The prime as primeLength() big-endian octets (the KDF context of hunting-and-pecking). */
    byte[] primeOctets() {
        return BigIntegers.asUnsignedByteArray(primeLength(), prime());
    }

    /** z of the simplified SWU map as a field element. */
    ECFieldElement sswuZ() {
        return ec().fromBigInteger(prime().add(BigInteger.valueOf(z)));
    }

    /** HMAC of the hash-to-element hash (and of the keys and confirm when H2E is used). */
    String h2eHmac() {
        return h2eHmac;
    }

    int h2eHashLength() {
        return h2eHashLength;
    }

    /** {@code k * point} on BouncyCastle's constant-time multiplier; k in [0, r). */
    ECPoint multiply(ECPoint point, BigInteger k) {
        return CONSTANT_TIME.multiply(point, k).normalize();
    }

    /** A uniformly random integer in [min, r). */
    BigInteger random(BigInteger min, SecureRandom random) {
        return BigIntegers.createRandomInRange(min, order().subtract(BigInteger.ONE), random);
    }

    /** x || y, each primeLength() octets. */
    byte[] encode(ECPoint point) {
        ECPoint p = point.normalize();
        int len = primeLength();
        byte[] out = new byte[2 * len];
        p.getAffineXCoord().encodeTo(out, 0);
        p.getAffineYCoord().encodeTo(out, len);
        return out;
    }

    /** A scalar (or the prime-length big-endian integer) as primeLength() octets. */
    byte[] encode(BigInteger scalar) {
        return BigIntegers.asUnsignedByteArray(primeLength(), scalar);
    }

    /**
     * The point x || y of a peer: both coordinates below the prime and on the curve (an all-zero encoding, which
     * some use for the point at infinity, is not on these curves).
     */
    ECPoint decode(byte[] xy) throws MalformedFrameException {
        int len = primeLength();
        if (xy.length != 2 * len) {
            throw new MalformedFrameException(0, "element of " + xy.length + " octets, " + this + " needs " + 2 * len);
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(xy, 0, len));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(xy, len, 2 * len));
        if (x.compareTo(prime()) >= 0 || y.compareTo(prime()) >= 0) {
            throw new MalformedFrameException(0, "element coordinate not below the prime");
        }
        try {
            ECPoint p = ec().validatePoint(x, y);
            if (p.isInfinity()) {
                throw new MalformedFrameException(0, "element is the point at infinity");
            }
            return p;
        } catch (IllegalArgumentException e) {
            throw new MalformedFrameException(0, "element is not a point on " + curveName);
        }
    }

    /** The Legendre symbol of v: 1 for a non-zero square, -1 for a non-square, 0 for zero (BouncyCastle's sqrt). */
    static int legendre(ECFieldElement v) {
        if (v.isZero()) {
            return 0;
        }
        return v.sqrt() != null ? 1 : -1;
    }

    /** x^3 + a*x + b. */
    ECFieldElement ySquared(ECFieldElement x) {
        return x.square().add(ec().getA()).multiply(x).add(ec().getB());
    }
}
