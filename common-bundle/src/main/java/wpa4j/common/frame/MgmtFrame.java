package wpa4j.common.frame;

import java.util.Set;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.ie.IeList;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Validate;

/**
 * A management frame without FCS (as drivers hand them over). {@link #decode} picks the record by subtype;
 * {@link #encode} writes the same octets back. Frames with the Protected bit set, and subtypes wpa4j does
 * not interpret, decode to {@link Opaque} with the body untouched.
 */
public sealed interface MgmtFrame {

    MgmtHeader header();

    /** Writes the fields after the header. */
    void writeBody(FrameWriter w);

    default Bytes encode() {
        FrameWriter w = new FrameWriter(128);
        header().writeTo(w);
        writeBody(w);
        return w.toBytes();
    }

    static MgmtFrame decode(Bytes frame) throws MalformedFrameException {
        FrameReader r = FrameReader.of(frame);
        MgmtHeader h = MgmtHeader.decode(r);
        if (h.isProtected()) {
            return new Opaque(h, r.rest());
        }
        return switch (h.subtype()) {
            case BEACON -> new Beacon(h, r.u64le("timestamp"), r.u16le("beacon interval"), r.u16le("capability"), IeList.decode(r));
            case PROBE_RESP -> new ProbeResponse(h, r.u64le("timestamp"), r.u16le("beacon interval"), r.u16le("capability"), IeList.decode(r));
            case PROBE_REQ -> new ProbeRequest(h, IeList.decode(r));
            case AUTH -> new Authentication(h, r.u16le("auth algorithm"), r.u16le("auth transaction"), r.u16le("status code"), IeList.decode(r));
            case ASSOC_REQ -> new AssocRequest(h, r.u16le("capability"), r.u16le("listen interval"), IeList.decode(r));
            case REASSOC_REQ -> new ReassocRequest(h, r.u16le("capability"), r.u16le("listen interval"), r.mac("current AP"), IeList.decode(r));
            case ASSOC_RESP, REASSOC_RESP -> AssocResponse.decode(h, r);
            case DEAUTH -> new Deauthentication(h, r.u16le("reason code"), IeList.decode(r));
            case DISASSOC -> new Disassociation(h, r.u16le("reason code"), IeList.decode(r));
            case ACTION, ACTION_NO_ACK -> new Action(h, r.u8("category"), r.rest());
            default -> new Opaque(h, r.rest());
        };
    }

    /**
     * A frame as a driver hands it up. A robust frame that was protected on the air arrives decrypted with the
     * Protected bit still set (mac80211 delivers it so): the bit is cleared to decode the body, and kept as
     * {@link Received#wasProtected()}, which is what PMF decisions look at. Only for frames the driver decrypted.
     */
    static Received decodeReceived(Bytes frame) throws MalformedFrameException {
        if (frame.length() < 2 || !FrameControl.peek(frame).isProtected()) {
            return new Received(decode(frame), false);
        }
        byte[] clear = frame.toArray();
        clear[1] &= (byte) ~(MgmtHeader.FC_PROTECTED >> 8);
        return new Received(decode(Bytes.of(clear)), true);
    }

    /**
     * A received frame, decoded, and whether it came protected (see {@link #decodeReceived}).
     *
     * @param frame the frame with the Protected bit cleared
     * @param wasProtected whether the air had it protected
     */
    record Received(MgmtFrame frame, boolean wasProtected) {
        public Received {
            Validate.nonNull("frame", frame);
        }
    }

    /** Validation shared by Beacon and Probe Response. */
    private static void checkBeaconBody(int beaconInterval, int capability, IeList ies) {
        Validate.u16("beaconInterval", beaconInterval);
        Validate.u16("capability", capability);
        Validate.nonNull("ies", ies);
    }

    /** Timestamp, beacon interval, capability, elements: the body of Beacon and Probe Response. */
    private static void writeBeaconBody(FrameWriter w, long timestamp, int beaconInterval, int capability, IeList ies) {
        w.u64le(timestamp).u16le(beaconInterval).u16le(capability);
        ies.writeTo(w);
    }

    private static void requireSubtype(MgmtHeader h, Set<MgmtSubtype> allowed) {
        Validate.nonNull("header", h);
        if (!allowed.contains(h.subtype())) {
            throw new IllegalArgumentException("header: subtype " + h.subtype() + " where " + allowed + " expected");
        }
        if (h.isProtected()) {
            throw new IllegalArgumentException("header: Protected bit set, use Opaque for an encrypted body");
        }
    }

    /**
     * Beacon.
     *
     * @param timestamp TSF timer value
     * @param beaconInterval in TUs
     * @param capability capability information
     * @param ies elements
     */
    record Beacon(MgmtHeader header, long timestamp, int beaconInterval, int capability, IeList ies) implements MgmtFrame {
        public Beacon {
            requireSubtype(header, Set.of(MgmtSubtype.BEACON));
            checkBeaconBody(beaconInterval, capability, ies);
        }

        @Override
        public void writeBody(FrameWriter w) {
            writeBeaconBody(w, timestamp, beaconInterval, capability, ies);
        }
    }

    /** Probe Response; the fields of a Beacon. */
    record ProbeResponse(MgmtHeader header, long timestamp, int beaconInterval, int capability, IeList ies) implements MgmtFrame {
        public ProbeResponse {
            requireSubtype(header, Set.of(MgmtSubtype.PROBE_RESP));
            checkBeaconBody(beaconInterval, capability, ies);
        }

        @Override
        public void writeBody(FrameWriter w) {
            writeBeaconBody(w, timestamp, beaconInterval, capability, ies);
        }
    }

    /** Probe Request: only elements (SSID, rates, ...). */
    record ProbeRequest(MgmtHeader header, IeList ies) implements MgmtFrame {
        public ProbeRequest {
            requireSubtype(header, Set.of(MgmtSubtype.PROBE_REQ));
            Validate.nonNull("ies", ies);
        }

        @Override
        public void writeBody(FrameWriter w) {
            ies.writeTo(w);
        }
    }

    /**
     * Authentication.
     *
     * @param algorithm 0 Open System, 1 Shared Key, 2 FT, 3 SAE
     * @param transaction transaction sequence number
     * @param statusCode status
     * @param ies elements (challenge text, ...)
     */
    record Authentication(MgmtHeader header, int algorithm, int transaction, int statusCode, IeList ies) implements MgmtFrame {
        public static final int ALG_OPEN = 0;
        public static final int ALG_SHARED_KEY = 1;
        /** SAE: the body after the status code holds SAE fields, not elements; read it with {@link AuthenticationBody}. */
        public static final int ALG_SAE = 3;

        public Authentication {
            requireSubtype(header, Set.of(MgmtSubtype.AUTH));
            Validate.u16("algorithm", algorithm);
            Validate.u16("transaction", transaction);
            Validate.u16("statusCode", statusCode);
            Validate.nonNull("ies", ies);
        }

        @Override
        public void writeBody(FrameWriter w) {
            w.u16le(algorithm).u16le(transaction).u16le(statusCode);
            ies.writeTo(w);
        }
    }

    /** Association Request. */
    record AssocRequest(MgmtHeader header, int capability, int listenInterval, IeList ies) implements MgmtFrame {
        public AssocRequest {
            requireSubtype(header, Set.of(MgmtSubtype.ASSOC_REQ));
            Validate.u16("capability", capability);
            Validate.u16("listenInterval", listenInterval);
            Validate.nonNull("ies", ies);
        }

        @Override
        public void writeBody(FrameWriter w) {
            w.u16le(capability).u16le(listenInterval);
            ies.writeTo(w);
        }
    }

    /** Reassociation Request: an Association Request plus the current AP's address. */
    record ReassocRequest(MgmtHeader header, int capability, int listenInterval, MacAddress currentAp, IeList ies) implements MgmtFrame {
        public ReassocRequest {
            requireSubtype(header, Set.of(MgmtSubtype.REASSOC_REQ));
            Validate.u16("capability", capability);
            Validate.u16("listenInterval", listenInterval);
            Validate.nonNull("currentAp", currentAp);
            Validate.nonNull("ies", ies);
        }

        @Override
        public void writeBody(FrameWriter w) {
            w.u16le(capability).u16le(listenInterval).mac(currentAp);
            ies.writeTo(w);
        }
    }

    /**
     * (Re)Association Response. The AID field carries the two top bits set on the air; {@code aid} is the
     * AID itself, {@code aidField} the 16 bits as received.
     */
    record AssocResponse(MgmtHeader header, int capability, int statusCode, int aidField, IeList ies) implements MgmtFrame {
        public AssocResponse {
            requireSubtype(header, Set.of(MgmtSubtype.ASSOC_RESP, MgmtSubtype.REASSOC_RESP));
            Validate.u16("capability", capability);
            Validate.u16("statusCode", statusCode);
            Validate.u16("aidField", aidField);
            Validate.nonNull("ies", ies);
        }

        /** A response with the AID bits set as the standard requires. */
        public static AssocResponse of(MgmtHeader header, int capability, int statusCode, int aid, IeList ies) {
            return new AssocResponse(header, capability, statusCode, aid == 0 ? 0 : aid | 0xc000, ies);
        }

        static AssocResponse decode(MgmtHeader h, FrameReader r) throws MalformedFrameException {
            return new AssocResponse(h, r.u16le("capability"), r.u16le("status code"), r.u16le("aid"), IeList.decode(r));
        }

        public int aid() {
            return aidField & 0x3fff;
        }

        public boolean isReassoc() {
            return header.subtype() == MgmtSubtype.REASSOC_RESP;
        }

        @Override
        public void writeBody(FrameWriter w) {
            w.u16le(capability).u16le(statusCode).u16le(aidField);
            ies.writeTo(w);
        }
    }

    /** Deauthentication with its reason code (and optional vendor elements). */
    record Deauthentication(MgmtHeader header, int reasonCode, IeList ies) implements MgmtFrame {
        public Deauthentication {
            requireSubtype(header, Set.of(MgmtSubtype.DEAUTH));
            Validate.u16("reasonCode", reasonCode);
            Validate.nonNull("ies", ies);
        }

        @Override
        public void writeBody(FrameWriter w) {
            w.u16le(reasonCode);
            ies.writeTo(w);
        }
    }

    /** Disassociation with its reason code (and optional vendor elements). */
    record Disassociation(MgmtHeader header, int reasonCode, IeList ies) implements MgmtFrame {
        public Disassociation {
            requireSubtype(header, Set.of(MgmtSubtype.DISASSOC));
            Validate.u16("reasonCode", reasonCode);
            Validate.nonNull("ies", ies);
        }

        @Override
        public void writeBody(FrameWriter w) {
            w.u16le(reasonCode);
            ies.writeTo(w);
        }
    }

    /** Action (or Action No Ack): the category and the rest of the body passed through. */
    record Action(MgmtHeader header, int category, Bytes body) implements MgmtFrame {
        public Action {
            requireSubtype(header, Set.of(MgmtSubtype.ACTION, MgmtSubtype.ACTION_NO_ACK));
            Validate.u8("category", category);
            Validate.nonNull("body", body);
        }

        @Override
        public void writeBody(FrameWriter w) {
            w.u8(category).bytes(body);
        }
    }

    /** A protected (encrypted) frame, or a subtype wpa4j does not interpret: the body as received. */
    record Opaque(MgmtHeader header, Bytes body) implements MgmtFrame {
        public Opaque {
            Validate.nonNull("header", header);
            Validate.nonNull("body", body);
        }

        @Override
        public void writeBody(FrameWriter w) {
            w.bytes(body);
        }
    }
}
