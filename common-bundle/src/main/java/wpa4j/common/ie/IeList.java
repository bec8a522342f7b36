package wpa4j.common.ie;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Ssid;
import wpa4j.driver.types.Validate;

/**
 * An ordered list of elements that encodes back to exactly the octets it was decoded from: order,
 * duplicates and unknown elements are kept.
 *
 * @param elements the elements in order
 */
public record IeList(List<InformationElement> elements) {
    public static final IeList EMPTY = new IeList(List.of());

    public IeList {
        elements = Validate.list("elements", elements, Integer.MAX_VALUE);
    }

    public static IeList of(InformationElement... elements) {
        return new IeList(List.of(elements));
    }

    public static IeList decode(Bytes octets) throws MalformedFrameException {
        return decode(FrameReader.of(octets));
    }

    /** Decodes elements until the reader's window ends; an element overrunning it is malformed. */
    public static IeList decode(FrameReader r) throws MalformedFrameException {
        List<InformationElement> list = new ArrayList<>();
        while (r.hasRemaining()) {
            int id = r.u8("element id");
            int len = r.u8("element length");
            list.add(new InformationElement(id, r.bytes(len, "element " + id + " body")));
        }
        return new IeList(list);
    }

    /**
     * Checks that {@code octets[offset..]} is a sequence of whole elements, as {@link #decode} would, without making
     * them: for frames read in place (a station hears every Beacon on its channel).
     */
    public static void requireWellFormed(byte[] octets, int offset) throws MalformedFrameException {
        int at = offset;
        while (at < octets.length) {
            if (at + 2 > octets.length || at + 2 + (octets[at + 1] & 0xff) > octets.length) {
                throw new MalformedFrameException(at, "element " + (octets[at] & 0xff) + " overruns the frame");
            }
            at += 2 + (octets[at + 1] & 0xff);
        }
    }

    public void writeTo(FrameWriter w) {
        elements.forEach(e -> e.writeTo(w));
    }

    public Bytes encode() {
        FrameWriter w = new FrameWriter(elements.stream().mapToInt(InformationElement::encodedLength).sum());
        writeTo(w);
        return w.toBytes();
    }

    /** The first element with this ID. */
    public Optional<InformationElement> find(int id) {
        return elements.stream().filter(e -> e.id() == id).findFirst();
    }

    /** The first vendor-specific element with this OUI and type. */
    public Optional<InformationElement> findVendor(int oui, int ouiType) {
        return elements.stream().filter(e -> e.isVendor(oui, ouiType)).findFirst();
    }

    /** The SSID element, if present and at most 32 octets. */
    public Optional<Ssid> ssid() {
        return find(ElementId.SSID).filter(e -> e.body().length() <= Ssid.MAX_LENGTH).map(e -> new Ssid(e.body()));
    }

    /** The RSN element decoded, if present. */
    public Optional<RsnElement> rsn() throws MalformedFrameException {
        Optional<InformationElement> e = find(ElementId.RSN);
        return e.isEmpty() ? Optional.empty() : Optional.of(RsnElement.decode(e.get().body()));
    }

    /** A copy with {@code element} appended. */
    public IeList with(InformationElement element) {
        List<InformationElement> l = new ArrayList<>(elements);
        l.add(element);
        return new IeList(l);
    }
}
