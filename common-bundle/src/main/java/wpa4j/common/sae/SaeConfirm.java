package wpa4j.common.sae;

import java.util.Objects;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;

/**
 * The body of an SAE Confirm (IEEE 802.11-2020 9.3.3.2): Send-Confirm (LE16) and the Confirm field, as long
 * as the hash of the exchange. Elements after it (SAE-PK) are ignored.
 */
public record SaeConfirm(int sendConfirm, Bytes confirm) {
    public SaeConfirm {
        Objects.requireNonNull(confirm, "confirm");
        if (sendConfirm < 0 || sendConfirm > 0xffff) {
            throw new IllegalArgumentException("sendConfirm: " + sendConfirm);
        }
    }

    public Bytes encode() {
        byte[] c = confirm.toArray();
        byte[] out = new byte[2 + c.length];
        out[0] = (byte) sendConfirm;
        out[1] = (byte) (sendConfirm >>> 8);
        System.arraycopy(c, 0, out, 2, c.length);
        return Bytes.of(out);
    }

    /** Parses a confirm whose Confirm field is {@code confirmLength} octets. */
    public static SaeConfirm parse(Bytes body, int confirmLength) throws MalformedFrameException {
        FrameReader r = FrameReader.of(body);
        int sc = r.u16le("send-confirm");
        return new SaeConfirm(sc, r.bytes(confirmLength, "confirm"));
    }
}
