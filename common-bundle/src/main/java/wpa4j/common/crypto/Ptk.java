package wpa4j.common.crypto;

import java.util.Arrays;

import javax.security.auth.Destroyable;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

/**
 * The pairwise transient key split into KCK (MIC key), KEK (key data encryption key) and TK (temporal
 * key), derived as IEEE 802.11-2012 11.6.1.3 defines. Zeroed on {@link #destroy()}; never printed.
 */
public final class Ptk implements Destroyable, AutoCloseable {
    private static final String LABEL = "Pairwise key expansion";

    private final SecretKeyBytes kck;
    private final SecretKeyBytes kek;
    private final SecretKeyBytes tk;

    private Ptk(byte[] ptk, int tkLength) {
        kck = SecretKeyBytes.adopt(Arrays.copyOfRange(ptk, 0, 16));
        kek = SecretKeyBytes.adopt(Arrays.copyOfRange(ptk, 16, 32));
        tk = SecretKeyBytes.adopt(Arrays.copyOfRange(ptk, 32, 32 + tkLength));
        Arrays.fill(ptk, (byte) 0);
    }

    /**
     * PTK = PRF(PMK, "Pairwise key expansion", min(AA,SPA) || max(AA,SPA) || min(ANonce,SNonce) || max(ANonce,SNonce)).
     *
     * @param sha256 whether the AKM uses the SHA-256 KDF (PSK-SHA256, 802.1X-SHA256); else PRF-SHA1
     * @param tkLength 16 for CCMP/GCMP, 32 for TKIP
     */
    public static Ptk derive(SecretKeyBytes pmk, MacAddress aa, MacAddress spa, Bytes anonce, Bytes snonce, int tkLength, boolean sha256) {
        if (anonce.length() != 32 || snonce.length() != 32) {
            throw new IllegalArgumentException("nonces: lengths " + anonce.length() + "/" + snonce.length() + ", expected 32");
        }
        if (tkLength != 16 && tkLength != 32) {
            throw new IllegalArgumentException("tkLength: " + tkLength + ", expected 16 or 32");
        }
        byte[] data = new byte[76];
        boolean aaFirst = aa.compareTo(spa) < 0;
        (aaFirst ? aa : spa).writeTo(data, 0);
        (aaFirst ? spa : aa).writeTo(data, 6);
        byte[] an = anonce.toArray();
        byte[] sn = snonce.toArray();
        boolean anFirst = Arrays.compareUnsigned(an, sn) < 0;
        System.arraycopy(anFirst ? an : sn, 0, data, 12, 32);
        System.arraycopy(anFirst ? sn : an, 0, data, 44, 32);
        int len = 32 + tkLength;
        byte[] ptk = sha256 ? Prf.sha256(pmk.raw(), LABEL, data, len) : Prf.sha1(pmk.raw(), LABEL, data, len);
        return new Ptk(ptk, tkLength);
    }

    public SecretKeyBytes kck() {
        return kck;
    }

    public SecretKeyBytes kek() {
        return kek;
    }

    public SecretKeyBytes tk() {
        return tk;
    }

    @Override
    public void destroy() {
        kck.destroy();
        kek.destroy();
        tk.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return tk.isDestroyed();
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "Ptk[<kck>, <kek>, <" + tk.length() + "-octet tk>]";
    }
}
