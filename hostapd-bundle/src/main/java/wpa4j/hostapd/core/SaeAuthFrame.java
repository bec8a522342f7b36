package wpa4j.hostapd.core;

import java.util.Optional;

import wpa4j.common.codec.FrameWriter;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

/**
 * An Authentication frame of algorithm 3 (SAE): after the status code come the SAE fields (group, scalar, element,
 * token, confirm), not elements, so common's MgmtFrame.Authentication (which reads elements) cannot carry them; this
 * keeps the fields after the status code as raw octets.
 *
 * @param peer the station (transmitter of a received frame, receiver of one we send)
 * @param transaction 1 commit, 2 confirm
 * @param status the status code
 * @param body the SAE fields, as received or to be sent
 */
record SaeAuthFrame(MacAddress peer, int transaction, int status, Bytes body) {
    static final int ALG_SAE = 3;
    /** Frame Control (Authentication), duration, three addresses, sequence control. */
    private static final int HEADER = 24;
    private static final int FC_AUTH = 0x00b0;

    /** An SAE Authentication frame from raw management frame octets, or empty when it is not one (or too short). */
    static Optional<SaeAuthFrame> parse(Bytes frame) {
        if (frame.length() < HEADER + 6 || (frame.u8(0) & 0xfc) != FC_AUTH || u16le(frame, HEADER) != ALG_SAE) {
            return Optional.empty();
        }
        MacAddress sa = MacAddress.of(frame.slice(10, 6));
        return Optional.of(new SaeAuthFrame(sa, u16le(frame, HEADER + 2), u16le(frame, HEADER + 4), frame.slice(HEADER + 6, frame.length() - HEADER - 6)));
    }

    private static int u16le(Bytes b, int at) {
        return b.u8(at) | b.u8(at + 1) << 8;
    }

    /** The frame the AP sends: to the peer, from and with BSSID {@code own}. */
    Bytes encode(MacAddress own) {
        FrameWriter w = new FrameWriter(HEADER + 6 + body.length());
        w.u16le(FC_AUTH).u16le(0).mac(peer).mac(own).mac(own).u16le(0);
        w.u16le(ALG_SAE).u16le(transaction).u16le(status).bytes(body);
        return w.toBytes();
    }

    @Override
    public String toString() {
        return "SaeAuthFrame[peer=" + peer + ", transaction=" + transaction + ", status=" + status + ", body=<" + body.length() + " octets>]";
    }
}
