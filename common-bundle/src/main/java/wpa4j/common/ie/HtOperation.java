package wpa4j.common.ie;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Validate;

/**
 * HT Operation element (22 octets).
 *
 * @param primaryChannel primary channel
 * @param information the 5 octets of HT operation information (secondary channel offset, ...)
 * @param basicMcsSet 16-octet basic MCS set
 */
public record HtOperation(int primaryChannel, Bytes information, Bytes basicMcsSet) {
    public static final int LENGTH = 22;

    public HtOperation {
        Validate.u8("primaryChannel", primaryChannel);
        Validate.exactLength("information", information, 5);
        Validate.exactLength("basicMcsSet", basicMcsSet, 16);
    }

    public static HtOperation decode(Bytes body) throws MalformedFrameException {
        if (body.length() != LENGTH) {
            throw new MalformedFrameException(0, "HT operation of " + body.length() + " octets, expected 22");
        }
        FrameReader r = FrameReader.of(body);
        return new HtOperation(r.u8("primary channel"), r.bytes(5, "ht operation info"), r.bytes(16, "basic mcs set"));
    }

    /** Secondary channel offset: 1 above, 3 below, 0 none. */
    public int secondaryChannelOffset() {
        return information.u8(0) & 0x03;
    }

    public InformationElement toElement() {
        FrameWriter w = new FrameWriter(LENGTH);
        w.u8(primaryChannel).bytes(information).bytes(basicMcsSet);
        return new InformationElement(ElementId.HT_OPERATION, w.toBytes());
    }
}
