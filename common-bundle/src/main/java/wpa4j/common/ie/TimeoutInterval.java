package wpa4j.common.ie;

import java.util.Optional;
import java.util.OptionalLong;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Validate;

/**
 * Timeout Interval element (IEEE 802.11-2020 9.4.2.48): an interval type and a 32-bit value. With PMF an AP refusing
 * an association for now (status 30) says in one of type 3 after how many TUs the station may come back.
 *
 * @param type 1 reassociation deadline, 2 key lifetime, 3 association comeback time
 * @param value in TUs (types 1 and 3) or seconds (type 2)
 */
public record TimeoutInterval(int type, long value) {
    public static final int TYPE_ASSOC_COMEBACK = 3;
    private static final int BODY_LENGTH = 5;

    public TimeoutInterval {
        Validate.u8("type", type);
        Validate.u32("value", value);
    }

    /** The association comeback time of a status-30 (Re)Association Response. */
    public static TimeoutInterval assocComeback(long tu) {
        return new TimeoutInterval(TYPE_ASSOC_COMEBACK, tu);
    }

    public static TimeoutInterval decode(Bytes body) throws MalformedFrameException {
        FrameReader r = FrameReader.of(body);
        TimeoutInterval t = new TimeoutInterval(r.u8("timeout interval type"), r.u32le("timeout interval value"));
        r.expectEnd("timeout interval");
        return t;
    }

    /** The association comeback time in TUs of a response's elements; empty without a well-formed one of type 3. */
    public static OptionalLong assocComebackTu(IeList ies) {
        Optional<InformationElement> e = ies.find(ElementId.TIMEOUT_INTERVAL);
        if (e.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            TimeoutInterval t = decode(e.get().body());
            return t.type() == TYPE_ASSOC_COMEBACK ? OptionalLong.of(t.value()) : OptionalLong.empty();
        } catch (MalformedFrameException malformed) {
            return OptionalLong.empty();
        }
    }

    public InformationElement toElement() {
        return new InformationElement(ElementId.TIMEOUT_INTERVAL, new FrameWriter(BODY_LENGTH).u8(type).u32le(value).toBytes());
    }
}
