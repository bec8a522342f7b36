package wpa4j.common.sae;

import java.math.BigInteger;
import java.util.Arrays;

import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;

import wpa4j.driver.types.MacAddress;

/**
 * Hash-to-element (IEEE 802.11-2020 12.4.4.2.3, {@code sae_pwe=1}) for ECC groups, with H = the group's hash:
 *
 * <pre>
 * pwd-seed = HKDF-Extract(ssid, password [|| identifier])
 * u1 = HKDF-Expand(pwd-seed, "SAE Hash to Element u1 P1", len) mod p     len = len(p) + len(p)/2 octets
 * u2 = HKDF-Expand(pwd-seed, "SAE Hash to Element u2 P2", len) mod p
 * PT = SSWU(u1) + SSWU(u2)
 * val = H(0^n, max(MAC1, MAC2) || min(MAC1, MAC2)) mod (r - 1) + 1;  PWE = val * PT
 * </pre>
 * SSWU is the simplified Shallue-van de Woestijne-Ulas map of RFC 9380 6.6.2 (curves with a, b != 0, no isogeny),
 * the sign of y taken from u as RFC 9380's sgn0.
 */
final class HashToElement {
    private HashToElement() {}

    /** PT as x || y. */
    static byte[] pt(SaeGroup group, byte[] ssid, byte[] password, byte[] identifier) {
        String hmac = group.h2eHmac();
        byte[] seed = SaeKdf.hmac(hmac, ssid, password, identifier);
        int len = group.primeLength() + group.primeLength() / 2;
        byte[] okm1 = SaeKdf.hkdfExpand(hmac, seed, "SAE Hash to Element u1 P1", len);
        byte[] okm2 = SaeKdf.hkdfExpand(hmac, seed, "SAE Hash to Element u2 P2", len);
        try {
            BigInteger u1 = new BigInteger(1, okm1).mod(group.prime());
            BigInteger u2 = new BigInteger(1, okm2).mod(group.prime());
            return group.encode(sswu(group, u1).add(sswu(group, u2)));
        } finally {
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(okm1, (byte) 0);
            Arrays.fill(okm2, (byte) 0);
        }
    }

    /** PWE = val * PT between two stations. */
    static ECPoint pwe(SaeGroup group, ECPoint pt, MacAddress a, MacAddress b) {
        byte[] macs = HuntingAndPecking.macsMaxMin(a, b);
        byte[] h = SaeKdf.hmac(group.h2eHmac(), new byte[group.h2eHashLength()], macs);
        BigInteger val = new BigInteger(1, h).mod(group.order().subtract(BigInteger.ONE)).add(BigInteger.ONE);
        Arrays.fill(h, (byte) 0);
        return group.multiply(pt, val);
    }

    /** The simplified SWU map of u (an integer below p) to a point of the group's curve. */
    static ECPoint sswu(SaeGroup group, BigInteger u) {
        ECCurve curve = group.ec();
        ECFieldElement a = curve.getA();
        ECFieldElement b = curve.getB();
        ECFieldElement z = group.sswuZ();
        ECFieldElement fu = curve.fromBigInteger(u);
        ECFieldElement u2 = fu.square();
        ECFieldElement zu2 = z.multiply(u2);
        // m = z^2 u^4 + z u^2; t = 1/m (0 when m is 0)
        ECFieldElement m = zu2.square().add(zu2);
        boolean mZero = m.isZero();
        ECFieldElement t = mZero ? m : m.invert();
        ECFieldElement x1 = mZero
                ? b.divide(z.multiply(a))
                : b.negate().divide(a).multiply(t.addOne());
        ECFieldElement gx1 = group.ySquared(x1);
        ECFieldElement x2 = zu2.multiply(x1);
        ECFieldElement gx2 = group.ySquared(x2);
        boolean gx1Square = gx1.sqrt() != null;
        ECFieldElement x = gx1Square ? x1 : x2;
        ECFieldElement y = (gx1Square ? gx1 : gx2).sqrt();
        if (u.testBit(0) != y.testBitZero()) {
            y = y.negate();
        }
        return curve.validatePoint(x.toBigInteger(), y.toBigInteger());
    }
}
