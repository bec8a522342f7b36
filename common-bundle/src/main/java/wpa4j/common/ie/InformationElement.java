package wpa4j.common.ie;

import wpa4j.common.codec.FrameWriter;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Validate;

/**
 * One element: ID and body (0..255 octets), exactly as received.
 *
 * @param id element ID, 0..255
 * @param body the element's information field
 */
public record InformationElement(int id, Bytes body) {
    public InformationElement {
        Validate.u8("id", id);
        Validate.length("body", body, 0, 255);
    }

    /** Encoded length: ID, length and body octets. */
    public int encodedLength() {
        return 2 + body.length();
    }

    public void writeTo(FrameWriter w) {
        w.u8(id).u8(body.length()).bytes(body);
    }

    /** Whether this is a vendor-specific element with this 3-octet OUI and OUI type. */
    public boolean isVendor(int oui, int ouiType) {
        return id == ElementId.VENDOR_SPECIFIC && body.length() >= 4
                && (body.u8(0) << 16 | body.u8(1) << 8 | body.u8(2)) == oui && body.u8(3) == ouiType;
    }
}
