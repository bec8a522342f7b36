package wpa4j.common.ie;

import java.util.ArrayList;
import java.util.List;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Validate;

/**
 * The RSN element (IEEE 802.11-2012 8.4.2.27). Every field after the version may be left off the end;
 * {@code null} here means "not present", so decoding then encoding gives back the same octets.
 *
 * @param version RSN version, 1
 * @param groupCipher group data cipher suite, or null
 * @param pairwiseCiphers pairwise cipher suites, or null
 * @param akms AKM suites, or null
 * @param capabilities RSN capabilities (16 bits), or null
 * @param pmkids 16-octet PMKIDs, or null
 * @param groupMgmtCipher group management cipher suite (802.11w), or null
 */
public record RsnElement(int version, Suite groupCipher, List<Suite> pairwiseCiphers, List<Suite> akms, Integer capabilities,
        List<Bytes> pmkids, Suite groupMgmtCipher) {

    /** RSN capability: management frame protection required. */
    public static final int CAP_MFPR = 1 << 6;
    /** RSN capability: management frame protection capable. */
    public static final int CAP_MFPC = 1 << 7;

    public RsnElement {
        Validate.u16("version", version);
        pairwiseCiphers = pairwiseCiphers == null ? null : Validate.list("pairwiseCiphers", pairwiseCiphers, 16383);
        akms = akms == null ? null : Validate.list("akms", akms, 16383);
        if (capabilities != null) {
            Validate.u16("capabilities", capabilities);
        }
        if (pmkids != null) {
            pmkids = Validate.list("pmkids", pmkids, 15);
            pmkids.forEach(p -> Validate.exactLength("pmkids", p, 16));
        }
        SuiteCodec.checkTrailing("rsn", groupCipher, pairwiseCiphers, akms, capabilities, pmkids, groupMgmtCipher);
        if (encodedBodyLength(groupCipher, pairwiseCiphers, akms, capabilities, pmkids, groupMgmtCipher) > 255) {
            throw new IllegalArgumentException("rsn: longer than 255 octets");
        }
    }

    /** The element an AP advertises for WPA2-PSK with one pairwise cipher and no PMKIDs. */
    public static RsnElement psk(Suite group, Suite pairwise, int capabilities) {
        return new RsnElement(1, group, List.of(pairwise), List.of(Suite.AKM_PSK), capabilities, null, null);
    }

    public static RsnElement decode(Bytes body) throws MalformedFrameException {
        FrameReader r = FrameReader.of(body);
        int version = r.u16le("rsn version");
        if (version != 1) {
            throw new MalformedFrameException(0, "rsn version " + version + ", only 1 is defined");
        }
        SuiteCodec.Tail tail = SuiteCodec.Tail.read(r, "rsn");
        List<Bytes> pmkids = null;
        if (r.hasRemaining()) {
            int count = r.u16le("rsn pmkid count");
            r.require(count * 16, "rsn pmkid list of " + count);
            if (count > 15) {
                throw new MalformedFrameException(r.position(), "rsn pmkid count " + count + " exceeds 15");
            }
            pmkids = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                pmkids.add(r.bytes(16, "rsn pmkid"));
            }
        }
        Suite mgmt = r.hasRemaining() ? SuiteCodec.suite(r, "rsn group management cipher") : null;
        r.expectEnd("rsn element");
        return new RsnElement(version, tail.group(), tail.pairwise(), tail.akms(), tail.capabilities(), pmkids, mgmt);
    }

    public Bytes encodeBody() {
        FrameWriter w = new FrameWriter(64);
        w.u16le(version);
        new SuiteCodec.Tail(groupCipher, pairwiseCiphers, akms, capabilities).write(w);
        if (pmkids != null) {
            w.u16le(pmkids.size());
            pmkids.forEach(w::bytes);
        }
        if (groupMgmtCipher != null) {
            w.u32be(groupMgmtCipher.selector());
        }
        return w.toBytes();
    }

    public InformationElement toElement() {
        return new InformationElement(ElementId.RSN, encodeBody());
    }

    /** A copy with the PMKID list replaced (as a station adds the PMKID of a cached PMKSA). */
    public RsnElement withPmkids(List<Bytes> list) {
        return new RsnElement(version, groupCipher, pairwiseCiphers, akms, capabilities == null ? 0 : capabilities, list, groupMgmtCipher);
    }

    private static int encodedBodyLength(Suite g, List<Suite> p, List<Suite> a, Integer c, List<Bytes> k, Suite m) {
        return 2 + (g == null ? 0 : 4) + (p == null ? 0 : 2 + 4 * p.size()) + (a == null ? 0 : 2 + 4 * a.size()) + (c == null ? 0 : 2)
                + (k == null ? 0 : 2 + 16 * k.size()) + (m == null ? 0 : 4);
    }
}
