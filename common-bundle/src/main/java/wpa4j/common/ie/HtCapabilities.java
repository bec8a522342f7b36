package wpa4j.common.ie;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Validate;

/**
 * HT Capabilities element (26 octets).
 *
 * @param capabilitiesInfo HT capabilities info
 * @param ampduParameters A-MPDU parameters
 * @param mcsSet 16-octet supported MCS set
 * @param extendedCapabilities HT extended capabilities
 * @param txBeamforming transmit beamforming capabilities
 * @param aselCapabilities ASEL capabilities
 */
public record HtCapabilities(int capabilitiesInfo, int ampduParameters, Bytes mcsSet, int extendedCapabilities, long txBeamforming,
        int aselCapabilities) {
    public static final int LENGTH = 26;

    public HtCapabilities {
        Validate.u16("capabilitiesInfo", capabilitiesInfo);
        Validate.u8("ampduParameters", ampduParameters);
        Validate.exactLength("mcsSet", mcsSet, 16);
        Validate.u16("extendedCapabilities", extendedCapabilities);
        Validate.u32("txBeamforming", txBeamforming);
        Validate.u8("aselCapabilities", aselCapabilities);
    }

    public static HtCapabilities decode(Bytes body) throws MalformedFrameException {
        if (body.length() != LENGTH) {
            throw new MalformedFrameException(0, "HT capabilities of " + body.length() + " octets, expected 26");
        }
        FrameReader r = FrameReader.of(body);
        return new HtCapabilities(r.u16le("ht cap info"), r.u8("ampdu params"), r.bytes(16, "mcs set"), r.u16le("ht ext cap"),
                r.u32le("txbf"), r.u8("asel"));
    }

    public InformationElement toElement() {
        FrameWriter w = new FrameWriter(LENGTH);
        w.u16le(capabilitiesInfo).u8(ampduParameters).bytes(mcsSet).u16le(extendedCapabilities).u32le(txBeamforming).u8(aselCapabilities);
        return new InformationElement(ElementId.HT_CAPABILITIES, w.toBytes());
    }
}
