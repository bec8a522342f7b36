package wpa4j.common.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;

/**
 * BIP-CMAC-128 (IEEE 802.11-2020 12.5.4): integrity of group-addressed robust management frames with the IGTK.
 * The frame gets a Management MIC element (MME, element ID 76, length 16: Key ID LE16, IPN 6 octets LE, MIC 8
 * octets) as its last element; the MIC is AES-128-CMAC truncated to 64 bits over
 *
 * <pre>AAD = FC (Retry, PwrMgt, MoreData zero) || A1 || A2 || A3,   then the body with the MME's MIC zero.</pre>
 *
 * For a Beacon (protected with the BIGTK, beacon protection) the body's 8-octet Timestamp counts as zero: the radio
 * writes the TSF after the MIC is made (IEEE 802.11-2020 12.5.4.5, as mac80211 computes it).
 *
 * <p>Frames are a 24-octet management header followed by the body. Replay (IPN) and key ID checks are the caller's.
 */
public final class Bip {
    public static final int ELEMENT_ID = 76;
    public static final int MME_LENGTH = 18;
    public static final int MIC_LENGTH = 8;
    private static final int HEADER = 24;
    private static final int FC_MASK = ~(0x0800 | 0x1000 | 0x2000);
    /** Type management, subtype Beacon: the low octet of the Frame Control field. */
    private static final int BEACON_FC = 0x80;
    private static final int TIMESTAMP_LENGTH = 8;

    private Bip() {}

    /**
     * {@code frame} (24-octet header and body) with the MME appended.
     *
     * @param keyId the key ID: 4 or 5 for an IGTK, 6 or 7 for a BIGTK (the field holds 12 bits)
     * @param ipn the 48-bit packet number (IPN or BIPN) of this frame
     */
    public static Bytes protect(SecretKeyBytes igtk, int keyId, long ipn, Bytes frame) {
        checkKey(igtk);
        if (keyId < 0 || keyId > 0xfff) {
            throw new IllegalArgumentException("keyId: " + keyId + " out of range 0..4095");
        }
        if (ipn < 0 || ipn > 0xffff_ffff_ffffL) {
            throw new IllegalArgumentException("ipn: out of the 48-bit range");
        }
        if (frame.length() < HEADER) {
            throw new IllegalArgumentException("frame: " + frame.length() + " octets, a management header needs 24");
        }
        byte[] out = Arrays.copyOf(frame.toArray(), frame.length() + MME_LENGTH);
        int m = frame.length();
        out[m] = (byte) ELEMENT_ID;
        out[m + 1] = 16;
        out[m + 2] = (byte) keyId;
        out[m + 3] = (byte) (keyId >>> 8);
        for (int i = 0; i < 6; i++) {
            out[m + 4 + i] = (byte) (ipn >>> 8 * i);
        }
        byte[] mic = mic(igtk, out);
        System.arraycopy(mic, 0, out, out.length - MIC_LENGTH, MIC_LENGTH);
        return Bytes.of(out);
    }

    /**
     * Checks the MME of a received frame; returns its IPN when the MIC is right (compared in constant time).
     *
     * @throws IntegrityCheckException a MIC that does not verify
     * @throws MalformedFrameException no MME at the end of the frame
     */
    public static long verify(SecretKeyBytes igtk, Bytes frameWithMmie) throws MalformedFrameException {
        checkKey(igtk);
        int m = mmeOffset(frameWithMmie);
        if (m < 0) {
            throw new MalformedFrameException(Math.max(0, frameWithMmie.length() - MME_LENGTH), "no Management MIC element at the end of the frame");
        }
        byte[] frame = frameWithMmie.toArray();
        byte[] received = Arrays.copyOfRange(frame, frame.length - MIC_LENGTH, frame.length);
        Arrays.fill(frame, frame.length - MIC_LENGTH, frame.length, (byte) 0);
        byte[] expected = mic(igtk, frame);
        if (!MessageDigest.isEqual(expected, received)) {
            throw new IntegrityCheckException(frame.length - MIC_LENGTH, "BIP MIC does not verify");
        }
        return ipn(frameWithMmie, m);
    }

    /** The Key ID of the frame's MME, or -1 when the frame ends in none. */
    public static int keyId(Bytes frameWithMmie) {
        int m = mmeOffset(frameWithMmie);
        return m < 0 ? -1 : frameWithMmie.u8(m + 2) | frameWithMmie.u8(m + 3) << 8;
    }

    /** The frame without its MME; a frame that ends in none is returned as it is. */
    public static Bytes stripMmie(Bytes frameWithMmie) {
        int m = mmeOffset(frameWithMmie);
        return m < 0 ? frameWithMmie : frameWithMmie.slice(0, m);
    }

    /** Whether the frame ends in a Management MIC element of BIP-CMAC-128. */
    public static boolean hasMmie(Bytes frame) {
        return mmeOffset(frame) >= 0;
    }

    private static int mmeOffset(Bytes f) {
        int m = f.length() - MME_LENGTH;
        return m >= HEADER && f.u8(m) == ELEMENT_ID && f.u8(m + 1) == 16 ? m : -1;
    }

    private static long ipn(Bytes f, int m) {
        long ipn = 0;
        for (int i = 5; i >= 0; i--) {
            ipn = ipn << 8 | f.u8(m + 4 + i);
        }
        return ipn;
    }

    /** The 8-octet MIC of a frame whose MME MIC field is zero. */
    private static byte[] mic(SecretKeyBytes igtk, byte[] frame) {
        byte[] aad = new byte[20];
        int fc = (frame[0] & 0xff | (frame[1] & 0xff) << 8) & FC_MASK;
        aad[0] = (byte) fc;
        aad[1] = (byte) (fc >>> 8);
        System.arraycopy(frame, 4, aad, 2, 18);
        byte[] body = Arrays.copyOfRange(frame, HEADER, frame.length);
        if ((fc & 0xfc) == BEACON_FC) {
            Arrays.fill(body, 0, Math.min(TIMESTAMP_LENGTH, body.length), (byte) 0);
        }
        return Arrays.copyOf(AesCmac.mac(igtk.raw(), aad, body), MIC_LENGTH);
    }

    private static void checkKey(SecretKeyBytes igtk) {
        if (igtk.length() != 16) {
            throw new IllegalArgumentException("igtk: " + igtk.length() + " octets, BIP-CMAC-128 needs 16");
        }
    }
}
