package wpa4j.common.ie;

import java.util.ArrayList;
import java.util.List;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Validate;

/**
 * Country element: the 3-octet country string, then triplets (subband: first channel, number of channels,
 * max TX power; or, with a first octet of 201 and up, an operating extension triplet), and a pad octet
 * when the length would be odd.
 *
 * @param countryString three octets, e.g. "DE " or "US" + 0x04
 * @param triplets the triplets as received
 * @param padded whether a pad octet follows
 */
public record Country(Bytes countryString, List<Triplet> triplets, boolean padded) {

    /** One triplet, its three octets as received. */
    public record Triplet(int first, int second, int third) {
        public Triplet {
            Validate.u8("first", first);
            Validate.u8("second", second);
            Validate.u8("third", third);
        }

        /** Whether this is an operating extension triplet rather than a subband. */
        public boolean isOperatingExtension() {
            return first >= 201;
        }
    }

    public Country {
        Validate.exactLength("countryString", countryString, 3);
        triplets = Validate.list("triplets", triplets, 84);
    }

    public static Country decode(Bytes body) throws MalformedFrameException {
        FrameReader r = FrameReader.of(body);
        Bytes cs = r.bytes(3, "country string");
        List<Triplet> t = new ArrayList<>();
        while (r.remaining() >= 3) {
            t.add(new Triplet(r.u8("triplet"), r.u8("triplet"), r.u8("triplet")));
        }
        boolean pad = false;
        if (r.remaining() == 1) {
            if (r.u8("country pad") != 0) {
                throw new MalformedFrameException(body.length() - 1, "country pad octet not zero");
            }
            pad = true;
        } else if (r.hasRemaining()) {
            throw new MalformedFrameException(r.position(), "country element with a partial triplet");
        }
        return new Country(cs, t, pad);
    }

    public InformationElement toElement() {
        FrameWriter w = new FrameWriter(6 + 3 * triplets.size());
        w.bytes(countryString);
        triplets.forEach(t -> w.u8(t.first()).u8(t.second()).u8(t.third()));
        if (padded) {
            w.u8(0);
        }
        return new InformationElement(ElementId.COUNTRY, w.toBytes());
    }
}
