package wpa4j.common.ie;

import java.util.ArrayList;
import java.util.List;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;

/** Suite selectors and counted suite lists as RSN and WPA elements carry them. */
final class SuiteCodec {
    private SuiteCodec() {}

    static Suite suite(FrameReader r, String what) throws MalformedFrameException {
        return new Suite(r.u32be(what));
    }

    /** A little-endian count followed by that many selectors; the count is checked against what is left. */
    static List<Suite> list(FrameReader r, String what) throws MalformedFrameException {
        int count = r.u16le(what + " count");
        r.require(count * 4, what + " list of " + count);
        List<Suite> suites = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            suites.add(suite(r, what));
        }
        return suites;
    }

    static void writeList(FrameWriter w, List<Suite> suites) {
        w.u16le(suites.size());
        suites.forEach(s -> w.u32be(s.selector()));
    }

    /** The optional fields RSN and WPA elements share, in order; null = absent (and so is everything after). */
    record Tail(Suite group, List<Suite> pairwise, List<Suite> akms, Integer capabilities) {
        static Tail read(FrameReader r, String element) throws MalformedFrameException {
            Suite group = r.hasRemaining() ? suite(r, element + " group cipher") : null;
            List<Suite> pairwise = r.hasRemaining() ? list(r, element + " pairwise cipher") : null;
            List<Suite> akms = r.hasRemaining() ? list(r, element + " akm") : null;
            Integer caps = r.hasRemaining() ? r.u16le(element + " capabilities") : null;
            return new Tail(group, pairwise, akms, caps);
        }

        void write(FrameWriter w) {
            if (group != null) {
                w.u32be(group.selector());
            }
            if (pairwise != null) {
                writeList(w, pairwise);
            }
            if (akms != null) {
                writeList(w, akms);
            }
            if (capabilities != null) {
                w.u16le(capabilities);
            }
        }
    }

    /** Trailing optional fields: once one is absent, none after it may be present. */
    static void checkTrailing(String field, Object... fieldsInOrder) {
        boolean absent = false;
        for (Object f : fieldsInOrder) {
            if (f == null) {
                absent = true;
            } else if (absent) {
                throw new IllegalArgumentException(field + ": a field is present after an absent one");
            }
        }
    }
}
