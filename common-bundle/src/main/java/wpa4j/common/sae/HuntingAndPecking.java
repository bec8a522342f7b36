package wpa4j.common.sae;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;

import wpa4j.driver.types.MacAddress;

/**
 * The password element by hunting and pecking (IEEE 802.11-2020 12.4.4.2.2, {@code sae_pwe=0}) for ECC groups.
 *
 * <pre>
 * pwd-seed  = HMAC-SHA256(max(MAC1, MAC2) || min(MAC1, MAC2), password [|| identifier] || counter)
 * pwd-value = KDF-SHA256-len(p)(pwd-seed, "SAE Hunting and Pecking", p)
 * </pre>
 * The first pwd-value below p whose x^3 + ax + b is a quadratic residue (tested blinded, with a random square
 * and non-square) is x; y is the root whose least significant bit equals that of its pwd-seed. The loop always
 * runs {@link #ITERATIONS} times (hostap's k = 40), with a random stand-in password once x is found, so its
 * timing does not depend on the password.
 */
final class HuntingAndPecking {
    static final int ITERATIONS = 40;
    private static final int MAX_ITERATIONS = 200;
    private static final String LABEL = "SAE Hunting and Pecking";

    private HuntingAndPecking() {}

    /**
     * The PWE of {@code password} between two stations. {@code identifier} (empty for none) is appended to the
     * password as the P802.11-REVmd drafts did; IEEE 802.11-2020 has identifiers with hash-to-element only, and the
     * protocol classes pass none.
     *
     * @throws IllegalStateException when no x is found in 200 rounds (probability about 2^-200)
     */
    static ECPoint derive(SaeGroup group, byte[] password, byte[] identifier, MacAddress a, MacAddress b, SecureRandom random) {
        ECCurve curve = group.ec();
        BigInteger p = group.prime();
        int bits = p.bitLength();
        byte[] primeOctets = group.primeOctets();
        byte[] macs = macsMaxMin(a, b);
        byte[] base = concat(password, identifier);
        byte[] standIn = new byte[base.length];
        random.nextBytes(standIn);
        ECFieldElement[] blinding = squareAndNonSquare(curve, random);
        byte[] x = new byte[primeOctets.length];
        int seedLsb = 0;
        boolean found = false;
        try {
            for (int counter = 1; counter <= ITERATIONS || !found; counter++) {
                if (counter > MAX_ITERATIONS) {
                    throw new IllegalStateException("no password element in " + MAX_ITERATIONS + " rounds");
                }
                byte[] seed = SaeKdf.hmac("HmacSHA256", macs, found ? standIn : base, new byte[] {(byte) counter});
                byte[] value = SaeKdf.kdf("HmacSHA256", seed, LABEL, primeOctets, bits);
                BigInteger candidate = new BigInteger(1, value).shiftRight(value.length * 8 - bits);
                boolean below = candidate.compareTo(p) < 0;
                // the residue test runs whether or not the value is in range
                ECFieldElement cx = curve.fromBigInteger(candidate.mod(p));
                boolean residue = isResidueBlinded(group, group.ySquared(cx), blinding, random);
                // take this x if it is the first good one: selected by masks, not by a branch
                int take = -((!found & below & residue) ? 1 : 0);
                byte[] xOctets = group.encode(candidate.mod(p));
                for (int i = 0; i < x.length; i++) {
                    x[i] = (byte) ((x[i] & ~take) | (xOctets[i] & take));
                }
                Arrays.fill(xOctets, (byte) 0);
                seedLsb = (seedLsb & ~take) | (seed[seed.length - 1] & 1 & take);
                found |= take != 0;
                Arrays.fill(seed, (byte) 0);
                Arrays.fill(value, (byte) 0);
            }
            ECFieldElement fx = curve.fromBigInteger(new BigInteger(1, x));
            ECFieldElement y = group.ySquared(fx).sqrt();
            if ((y.testBitZero() ? 1 : 0) != seedLsb) {
                y = y.negate();
            }
            return curve.validatePoint(fx.toBigInteger(), y.toBigInteger());
        } finally {
            Arrays.fill(base, (byte) 0);
            Arrays.fill(x, (byte) 0);
        }
    }

    /** max(a, b) || min(a, b), the key of pwd-seed. */
    static byte[] macsMaxMin(MacAddress a, MacAddress b) {
        MacAddress max = a.compareTo(b) > 0 ? a : b;
        MacAddress min = max == a ? b : a;
        return concat(max.octets(), min.octets());
    }

    /**
     * Whether {@code v} is a non-zero square mod p without computing its Legendre symbol on v itself: with a random
     * r in [1, p), the symbol of v * r^2 * qr (r odd) or v * r^2 * qnr (r even) is 1, or -1, exactly when v is a
     * square (12.4.4.2.2).
     */
    static boolean isResidueBlinded(SaeGroup group, ECFieldElement v, ECFieldElement[] squareAndNonSquare, SecureRandom random) {
        BigInteger r = group.ec().randomFieldElementMult(random).toBigInteger();
        ECFieldElement fr = group.ec().fromBigInteger(r);
        boolean odd = r.testBit(0);
        ECFieldElement num = v.multiply(fr).multiply(fr).multiply(odd ? squareAndNonSquare[0] : squareAndNonSquare[1]);
        int expected = odd ? 1 : -1;
        return SaeGroup.legendre(num) == expected;
    }

    /** A random quadratic residue and a random non-residue mod p. */
    static ECFieldElement[] squareAndNonSquare(ECCurve curve, SecureRandom random) {
        ECFieldElement qr = null;
        ECFieldElement qnr = null;
        while (qr == null || qnr == null) {
            ECFieldElement e = curve.randomFieldElementMult(random);
            int l = SaeGroup.legendre(e);
            if (l == 1 && qr == null) {
                qr = e;
            } else if (l == -1 && qnr == null) {
                qnr = e;
            }
        }
        return new ECFieldElement[] {qr, qnr};
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }
}
