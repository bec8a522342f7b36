package wpa4j.common.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

import wpa4j.common.codec.MalformedFrameException;

/**
 * CCMP (IEEE 802.11-2012 11.4.3): AES-CCM with an 8-octet MIC and 2-octet length field over an MPDU, the
 * nonce and AAD built from the MAC header. Built on the JCA's AES block cipher (the JCA has no CCM mode).
 * One instance per temporal key and per thread: it keeps its cipher initialized.
 */
public final class Ccmp {
    public static final int CCMP_HEADER_LENGTH = 8;
    public static final int MIC_LENGTH = 8;
    private static final int FC_RETRY = 0x0800;
    private static final int FC_PWRMGT = 0x1000;
    private static final int FC_MOREDATA = 0x2000;
    private static final int FC_PROTECTED = 0x4000;
    private static final int FC_ORDER = 0x8000;

    private final Cipher aes;
    private final byte[] block = new byte[16];
    private final byte[] x = new byte[16];

    /** The result of decrypting: the MPDU with the CCMP header and MIC removed, and what the CCMP header said. */
    public record Decrypted(byte[] mpdu, long pn, int keyId) {}

    public Ccmp(SecretKeyBytes tk) {
        if (tk.length() != 16) {
            throw new IllegalArgumentException("tk: length " + tk.length() + ", CCMP needs 16");
        }
        try {
            aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(tk.raw(), "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES unavailable in this JRE", e);
        }
    }

    /**
     * Encrypts an MPDU (MAC header followed by the plaintext body): returns header (Protected bit set),
     * CCMP header with {@code pn} and {@code keyId}, ciphertext and MIC.
     */
    public byte[] encrypt(byte[] mpdu, long pn, int keyId) throws MalformedFrameException {
        int hdrLen = headerLength(mpdu);
        if (pn < 0 || pn > 0xffff_ffff_ffffL) {
            throw new IllegalArgumentException("pn: " + pn + " out of the 48-bit range");
        }
        if (keyId < 0 || keyId > 3) {
            throw new IllegalArgumentException("keyId: " + keyId + " out of range 0..3");
        }
        int plainLen = mpdu.length - hdrLen;
        byte[] out = new byte[hdrLen + CCMP_HEADER_LENGTH + plainLen + MIC_LENGTH];
        System.arraycopy(mpdu, 0, out, 0, hdrLen);
        out[1] |= (byte) (FC_PROTECTED >> 8);
        byte[] ccmpHdr = ccmpHeader(pn, keyId);
        System.arraycopy(ccmpHdr, 0, out, hdrLen, CCMP_HEADER_LENGTH);
        byte[] nonce = nonce(out, hdrLen, pn);
        byte[] aad = aad(out, hdrLen);
        byte[] tag = cbcMac(nonce, aad, mpdu, hdrLen, plainLen);
        ctr(nonce, mpdu, hdrLen, out, hdrLen + CCMP_HEADER_LENGTH, plainLen);
        byte[] s0 = counterBlock(nonce, 0);
        for (int i = 0; i < MIC_LENGTH; i++) {
            out[out.length - MIC_LENGTH + i] = (byte) (tag[i] ^ s0[i]);
        }
        return out;
    }

    /**
     * Decrypts a protected MPDU.
     *
     * @throws IntegrityCheckException a MIC mismatch (tampered with, or under another key)
     * @throws MalformedFrameException a missing ExtIV bit or a truncated frame
     */
    public Decrypted decrypt(byte[] mpdu) throws MalformedFrameException {
        int hdrLen = headerLength(mpdu);
        if (mpdu.length < hdrLen + CCMP_HEADER_LENGTH + MIC_LENGTH) {
            throw new MalformedFrameException(hdrLen, "CCMP frame of " + mpdu.length + " octets is too short");
        }
        if ((mpdu[hdrLen + 3] & 0x20) == 0) {
            throw new MalformedFrameException(hdrLen + 3, "CCMP header without the ExtIV bit");
        }
        long pn = (mpdu[hdrLen] & 0xffL) | (mpdu[hdrLen + 1] & 0xffL) << 8 | (mpdu[hdrLen + 4] & 0xffL) << 16
                | (mpdu[hdrLen + 5] & 0xffL) << 24 | (mpdu[hdrLen + 6] & 0xffL) << 32 | (mpdu[hdrLen + 7] & 0xffL) << 40;
        int keyId = (mpdu[hdrLen + 3] & 0xff) >>> 6;
        int cipherLen = mpdu.length - hdrLen - CCMP_HEADER_LENGTH - MIC_LENGTH;
        byte[] out = new byte[hdrLen + cipherLen];
        System.arraycopy(mpdu, 0, out, 0, hdrLen);
        byte[] nonce = nonce(mpdu, hdrLen, pn);
        ctr(nonce, mpdu, hdrLen + CCMP_HEADER_LENGTH, out, hdrLen, cipherLen);
        byte[] tag = cbcMac(nonce, aad(mpdu, hdrLen), out, hdrLen, cipherLen);
        byte[] s0 = counterBlock(nonce, 0);
        byte[] mic = new byte[MIC_LENGTH];
        for (int i = 0; i < MIC_LENGTH; i++) {
            mic[i] = (byte) (tag[i] ^ s0[i]);
        }
        if (!MessageDigest.isEqual(mic, Arrays.copyOfRange(mpdu, mpdu.length - MIC_LENGTH, mpdu.length))) {
            Arrays.fill(out, (byte) 0);
            throw new IntegrityCheckException(mpdu.length - MIC_LENGTH, "CCMP MIC mismatch");
        }
        return new Decrypted(out, pn, keyId);
    }

    /** MAC header length from the Frame Control field: address 4, QoS Control and HT Control when present. */
    static int headerLength(byte[] mpdu) throws MalformedFrameException {
        if (mpdu.length < 24) {
            throw new MalformedFrameException(0, "MPDU of " + mpdu.length + " octets has no full MAC header");
        }
        int fc = fc(mpdu);
        int type = (fc >> 2) & 0x3;
        if (type != 0 && type != 2) {
            throw new MalformedFrameException(0, "frame type " + type + " cannot be CCMP-protected");
        }
        boolean data = type == 2;
        boolean qos = data && (fc & 0x0080) != 0;
        int len = 24;
        if (data && (fc & 0x0300) == 0x0300) {
            len += 6;
        }
        if (qos) {
            len += 2;
        }
        if ((fc & FC_ORDER) != 0 && (qos || !data)) {
            len += 4;
        }
        if (mpdu.length < len) {
            throw new MalformedFrameException(0, "MPDU of " + mpdu.length + " octets shorter than its " + len + "-octet header");
        }
        return len;
    }

    private static int fc(byte[] f) {
        return (f[0] & 0xff) | (f[1] & 0xff) << 8;
    }

    private static byte[] ccmpHeader(long pn, int keyId) {
        return new byte[] {(byte) pn, (byte) (pn >>> 8), 0, (byte) (0x20 | keyId << 6), (byte) (pn >>> 16), (byte) (pn >>> 24),
            (byte) (pn >>> 32), (byte) (pn >>> 40)};
    }

    /** Nonce: flags (priority, management bit) || A2 || PN5..PN0. */
    private static byte[] nonce(byte[] hdr, int hdrLen, long pn) {
        int fc = fc(hdr);
        boolean data = ((fc >> 2) & 0x3) == 2;
        boolean qos = data && (fc & 0x0080) != 0;
        byte[] n = new byte[13];
        if (qos) {
            n[0] = (byte) (hdr[qosOffset(fc)] & 0x0f);
        } else if (!data) {
            n[0] = 0x10;
        }
        System.arraycopy(hdr, 10, n, 1, 6);
        for (int i = 0; i < 6; i++) {
            n[7 + i] = (byte) (pn >>> (8 * (5 - i)));
        }
        return n;
    }

    private static int qosOffset(int fc) {
        return (fc & 0x0300) == 0x0300 ? 30 : 24;
    }

    /** AAD: masked FC, A1-A3, masked Sequence Control, A4 and masked QoS Control when present. */
    private static byte[] aad(byte[] hdr, int hdrLen) {
        int fc = fc(hdr);
        boolean data = ((fc >> 2) & 0x3) == 2;
        boolean qos = data && (fc & 0x0080) != 0;
        boolean a4 = data && (fc & 0x0300) == 0x0300;
        if (data) {
            fc &= ~0x0070;
            if (qos) {
                fc &= ~FC_ORDER;
            }
        }
        fc &= ~(FC_RETRY | FC_PWRMGT | FC_MOREDATA);
        fc |= FC_PROTECTED;
        byte[] aad = new byte[22 + (a4 ? 6 : 0) + (qos ? 2 : 0)];
        aad[0] = (byte) fc;
        aad[1] = (byte) (fc >>> 8);
        System.arraycopy(hdr, 4, aad, 2, 18);
        aad[20] = (byte) (hdr[22] & 0x0f);
        aad[21] = 0;
        int pos = 22;
        if (a4) {
            System.arraycopy(hdr, 24, aad, pos, 6);
            pos += 6;
        }
        if (qos) {
            aad[pos] = (byte) (hdr[qosOffset(fc(hdr))] & 0x0f);
            aad[pos + 1] = 0;
        }
        return aad;
    }

    private byte[] cbcMac(byte[] nonce, byte[] aad, byte[] data, int off, int len) throws MalformedFrameException {
        if (len > 0xffff) {
            throw new MalformedFrameException(off, "CCMP payload of " + len + " octets exceeds the 2-octet length field");
        }
        Arrays.fill(x, (byte) 0);
        block[0] = 0x59;
        System.arraycopy(nonce, 0, block, 1, 13);
        block[14] = (byte) (len >>> 8);
        block[15] = (byte) len;
        macBlock(block, 0, 16);
        byte[] a = new byte[2 + aad.length];
        a[0] = (byte) (aad.length >>> 8);
        a[1] = (byte) aad.length;
        System.arraycopy(aad, 0, a, 2, aad.length);
        for (int p = 0; p < a.length; p += 16) {
            macBlock(a, p, Math.min(16, a.length - p));
        }
        for (int p = 0; p < len; p += 16) {
            macBlock(data, off + p, Math.min(16, len - p));
        }
        return Arrays.copyOf(x, MIC_LENGTH);
    }

    /** X = E(X xor block), the block zero-padded to 16 octets. */
    private void macBlock(byte[] src, int off, int len) {
        for (int i = 0; i < 16; i++) {
            x[i] ^= i < len ? src[off + i] : 0;
        }
        encryptBlock(x, x);
    }

    private void ctr(byte[] nonce, byte[] src, int srcOff, byte[] dst, int dstOff, int len) {
        for (int p = 0, i = 1; p < len; p += 16, i++) {
            byte[] s = counterBlock(nonce, i);
            for (int j = 0; j < Math.min(16, len - p); j++) {
                dst[dstOff + p + j] = (byte) (src[srcOff + p + j] ^ s[j]);
            }
        }
    }

    private byte[] counterBlock(byte[] nonce, int counter) {
        byte[] a = new byte[16];
        a[0] = 0x01;
        System.arraycopy(nonce, 0, a, 1, 13);
        a[14] = (byte) (counter >>> 8);
        a[15] = (byte) counter;
        encryptBlock(a, a);
        return a;
    }

    private void encryptBlock(byte[] in, byte[] out) {
        try {
            aes.update(in, 0, 16, out, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
