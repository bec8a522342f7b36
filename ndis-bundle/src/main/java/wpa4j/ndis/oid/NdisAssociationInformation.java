package wpa4j.ndis.oid;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Validate;

/**
 * NDIS_802_11_ASSOCIATION_INFORMATION (OID_802_11_ASSOCIATION_INFORMATION), 40 octets of fixed part:
 * Length@0, AvailableRequestFixedIEs@4, RequestFixedIEs@6 (Capabilities, ListenInterval,
 * CurrentAPAddress: 10 octets), RequestIELength@16, OffsetRequestIEs@20, AvailableResponseFixedIEs@24,
 * ResponseFixedIEs@26 (Capabilities, StatusCode, AssociationId), ResponseIELength@32,
 * OffsetResponseIEs@36. The IEs are found by their offsets from the start of the structure.
 *
 * @param availableRequestFixed which request fixed fields are valid (bits)
 * @param requestCapabilities RequestFixedIEs.Capabilities
 * @param listenInterval RequestFixedIEs.ListenInterval
 * @param currentAp RequestFixedIEs.CurrentAPAddress
 * @param availableResponseFixed which response fixed fields are valid (bits)
 * @param responseCapabilities ResponseFixedIEs.Capabilities
 * @param statusCode ResponseFixedIEs.StatusCode
 * @param associationId ResponseFixedIEs.AssociationId
 * @param requestIes the (Re)Association Request IEs
 * @param responseIes the (Re)Association Response IEs
 */
public record NdisAssociationInformation(int availableRequestFixed, int requestCapabilities, int listenInterval, MacAddress currentAp,
        int availableResponseFixed, int responseCapabilities, int statusCode, int associationId, Bytes requestIes, Bytes responseIes) {
    public static final int FIXED_SIZE = 40;

    public NdisAssociationInformation {
        Validate.nonNull("currentAp", currentAp);
        Validate.nonNull("requestIes", requestIes);
        Validate.nonNull("responseIes", responseIes);
    }

    /** Encodes with the request IEs right after the fixed part and the response IEs after them. */
    public byte[] encode() {
        int reqOff = FIXED_SIZE;
        int respOff = reqOff + requestIes.length();
        FrameWriter w = new FrameWriter(respOff + responseIes.length());
        w.u32le(respOff + responseIes.length()).u16le(availableRequestFixed).u16le(requestCapabilities).u16le(listenInterval).mac(currentAp)
                .u32le(requestIes.length()).u32le(reqOff).u16le(availableResponseFixed).u16le(responseCapabilities).u16le(statusCode)
                .u16le(associationId).u32le(responseIes.length()).u32le(respOff).bytes(requestIes).bytes(responseIes);
        return w.toArray();
    }

    public static NdisAssociationInformation decode(byte[] buf) throws MalformedFrameException {
        FrameReader r = new FrameReader(buf);
        r.require(FIXED_SIZE, "NDIS_802_11_ASSOCIATION_INFORMATION");
        r.skip(4, "Length");
        int availReq = r.u16le("AvailableRequestFixedIEs");
        int reqCaps = r.u16le("Capabilities");
        int listen = r.u16le("ListenInterval");
        MacAddress ap = r.mac("CurrentAPAddress");
        long reqLen = r.u32le("RequestIELength");
        long reqOff = r.u32le("OffsetRequestIEs");
        int availResp = r.u16le("AvailableResponseFixedIEs");
        int respCaps = r.u16le("Capabilities");
        int status = r.u16le("StatusCode");
        int aid = r.u16le("AssociationId");
        long respLen = r.u32le("ResponseIELength");
        long respOff = r.u32le("OffsetResponseIEs");
        return new NdisAssociationInformation(availReq, reqCaps, listen, ap, availResp, respCaps, status, aid,
                slice(buf, reqOff, reqLen, "request IEs", 16), slice(buf, respOff, respLen, "response IEs", 32));
    }

    /** The IEs at {@code offset}, which must lie inside the buffer (not inside the fixed part's counters). */
    private static Bytes slice(byte[] buf, long offset, long length, String what, int fieldOffset) throws MalformedFrameException {
        if (length == 0) {
            return Bytes.EMPTY;
        }
        if (offset < FIXED_SIZE || offset > buf.length || length > buf.length - offset) {
            throw new MalformedFrameException(fieldOffset, what + " at offset " + offset + " with length " + length + " overrun the "
                    + buf.length + "-octet buffer");
        }
        return Bytes.of(buf, (int) offset, (int) length);
    }
}
