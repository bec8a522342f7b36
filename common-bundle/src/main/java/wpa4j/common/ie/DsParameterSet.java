package wpa4j.common.ie;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Validate;

/**
 * DS Parameter Set: the current channel.
 *
 * @param channel channel number
 */
public record DsParameterSet(int channel) {
    public DsParameterSet {
        Validate.u8("channel", channel);
    }

    public static DsParameterSet decode(Bytes body) throws MalformedFrameException {
        if (body.length() != 1) {
            throw new MalformedFrameException(0, "DS parameter set of " + body.length() + " octets, expected 1");
        }
        return new DsParameterSet(body.u8(0));
    }

    public InformationElement toElement() {
        return new InformationElement(ElementId.DS_PARAMETER_SET, Bytes.of((byte) channel));
    }
}
