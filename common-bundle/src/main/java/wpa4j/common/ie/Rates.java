package wpa4j.common.ie;

import java.util.ArrayList;
import java.util.List;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Validate;

/**
 * Supported Rates or Extended Supported Rates: each octet is a rate in 500 kbps units (low 7 bits) with
 * the basic-rate flag in bit 7, kept as received.
 *
 * @param octets the rate octets
 */
public record Rates(List<Integer> octets) {
    public static final int BASIC = 0x80;

    public Rates {
        octets = Validate.list("rates", octets, 255);
        octets.forEach(o -> Validate.u8("rates", o));
    }

    /** Rates in 500 kbps units, the basic ones flagged. */
    public static Rates of(List<Integer> rates500k, List<Integer> basic500k) {
        List<Integer> o = new ArrayList<>();
        for (int r : rates500k) {
            o.add(basic500k.contains(r) ? r | BASIC : r);
        }
        return new Rates(o);
    }

    public static Rates decode(Bytes body) throws MalformedFrameException {
        if (body.isEmpty()) {
            throw new MalformedFrameException(0, "rates element without rates");
        }
        List<Integer> o = new ArrayList<>(body.length());
        for (int i = 0; i < body.length(); i++) {
            o.add(body.u8(i));
        }
        return new Rates(o);
    }

    public Bytes encodeBody() {
        byte[] b = new byte[octets.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (int) octets.get(i);
        }
        return Bytes.of(b);
    }

    /** As a Supported Rates element (first 8) and, when more, an Extended Supported Rates element. */
    public List<InformationElement> toElements() {
        List<InformationElement> l = new ArrayList<>();
        Bytes all = encodeBody();
        l.add(new InformationElement(ElementId.SUPPORTED_RATES, all.slice(0, Math.min(8, all.length()))));
        if (all.length() > 8) {
            l.add(new InformationElement(ElementId.EXTENDED_SUPPORTED_RATES, all.slice(8, all.length() - 8)));
        }
        return l;
    }

    /** Rates in units of 100 kbps (as the driver API counts them). */
    public List<Integer> rates100k() {
        return octets.stream().map(o -> (o & 0x7f) * 5).toList();
    }

    public List<Integer> basicRates100k() {
        return octets.stream().filter(o -> (o & BASIC) != 0).map(o -> (o & 0x7f) * 5).toList();
    }
}
