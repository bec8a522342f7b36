package wpa4j.common.frame;

import java.util.Optional;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Validate;

/**
 * An Authentication frame with everything after its three fixed fields kept as octets. With SAE (algorithm 3) those
 * octets are the SAE fields (group, scalar, element, token, confirm), which are no element list, so
 * {@link MgmtFrame.Authentication} (which reads elements) cannot carry them; with Open System they are the elements.
 *
 * @param header the MAC header, subtype Authentication
 * @param algorithm authentication algorithm number ({@link MgmtFrame.Authentication#ALG_SAE} for SAE)
 * @param transaction transaction sequence number (SAE: 1 commit, 2 confirm)
 * @param statusCode status code
 * @param body what follows the status code, as on the air
 */
public record AuthenticationBody(MgmtHeader header, int algorithm, int transaction, int statusCode, Bytes body) {
    public AuthenticationBody {
        Validate.nonNull("header", header);
        if (header.subtype() != MgmtSubtype.AUTH) {
            throw new IllegalArgumentException("header: subtype " + header.subtype() + " where AUTH expected");
        }
        Validate.u16("algorithm", algorithm);
        Validate.u16("transaction", transaction);
        Validate.u16("statusCode", statusCode);
        Validate.nonNull("body", body);
    }

    /** An SAE frame from {@code own} to {@code peer} in the BSS {@code bssid}; the driver sets the sequence number. */
    public static AuthenticationBody sae(MacAddress peer, MacAddress own, MacAddress bssid, int transaction, int status, Bytes body) {
        return new AuthenticationBody(MgmtHeader.of(MgmtSubtype.AUTH, peer, own, bssid), MgmtFrame.Authentication.ALG_SAE, transaction, status, body);
    }

    /**
     * The Authentication frame in raw management frame octets; empty for another subtype.
     *
     * @throws MalformedFrameException when it is an Authentication frame cut short, or no management frame
     */
    public static Optional<AuthenticationBody> decode(Bytes frame) throws MalformedFrameException {
        FrameReader r = FrameReader.of(frame);
        MgmtHeader h = MgmtHeader.decode(r);
        if (h.subtype() != MgmtSubtype.AUTH) {
            return Optional.empty();
        }
        return Optional.of(new AuthenticationBody(h, r.u16le("auth algorithm"), r.u16le("auth transaction"), r.u16le("status code"), r.rest()));
    }

    public boolean isSae() {
        return algorithm == MgmtFrame.Authentication.ALG_SAE;
    }

    public Bytes encode() {
        FrameWriter w = new FrameWriter(header.length() + 6 + body.length());
        header.writeTo(w);
        w.u16le(algorithm).u16le(transaction).u16le(statusCode).bytes(body);
        return w.toBytes();
    }

    @Override
    public String toString() {
        // the SAE fields are public values, but a commit is long and a log line needs only its shape
        return "AuthenticationBody[" + header.sa() + " -> " + header.da() + ", algorithm=" + algorithm + ", transaction=" + transaction
                + ", status=" + statusCode + ", body=<" + body.length() + " octets>]";
    }
}
