package wpa4j.common.ie;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Validate;

/**
 * Traffic Indication Map.
 *
 * @param dtimCount beacons until the next DTIM
 * @param dtimPeriod DTIM period
 * @param bitmapControl bitmap control (multicast bit and bitmap offset)
 * @param partialVirtualBitmap 1..251 octets of the AID bitmap
 */
public record Tim(int dtimCount, int dtimPeriod, int bitmapControl, Bytes partialVirtualBitmap) {
    public Tim {
        Validate.u8("dtimCount", dtimCount);
        Validate.range("dtimPeriod", dtimPeriod, 1, 255);
        Validate.u8("bitmapControl", bitmapControl);
        Validate.length("partialVirtualBitmap", partialVirtualBitmap, 1, 251);
    }

    public static Tim decode(Bytes body) throws MalformedFrameException {
        FrameReader r = FrameReader.of(body);
        int count = r.u8("tim dtim count");
        int period = r.u8("tim dtim period");
        if (period == 0) {
            throw new MalformedFrameException(1, "tim dtim period 0");
        }
        int control = r.u8("tim bitmap control");
        if (!r.hasRemaining()) {
            throw new MalformedFrameException(3, "tim without partial virtual bitmap");
        }
        if (r.remaining() > 251) {
            throw new MalformedFrameException(3, "tim partial virtual bitmap of " + r.remaining() + " octets, at most 251");
        }
        return new Tim(count, period, control, r.rest());
    }

    public InformationElement toElement() {
        byte[] b = new byte[3 + partialVirtualBitmap.length()];
        b[0] = (byte) dtimCount;
        b[1] = (byte) dtimPeriod;
        b[2] = (byte) bitmapControl;
        System.arraycopy(partialVirtualBitmap.toArray(), 0, b, 3, partialVirtualBitmap.length());
        return new InformationElement(ElementId.TIM, Bytes.of(b));
    }
}
