package wpa4j.common.ie;

import java.util.List;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Validate;

/**
 * The WPA (v1) vendor-specific element, OUI 00-50-F2 type 1. Trailing fields may be absent
 * ({@code null}), as in {@link RsnElement}.
 *
 * @param version WPA version, 1
 * @param groupCipher group cipher suite, or null
 * @param pairwiseCiphers pairwise cipher suites, or null
 * @param akms AKM suites, or null
 * @param capabilities capabilities, or null
 */
public record WpaElement(int version, Suite groupCipher, List<Suite> pairwiseCiphers, List<Suite> akms, Integer capabilities) {
    public static final int OUI_TYPE = 1;

    public WpaElement {
        Validate.u16("version", version);
        pairwiseCiphers = pairwiseCiphers == null ? null : Validate.list("pairwiseCiphers", pairwiseCiphers, 60);
        akms = akms == null ? null : Validate.list("akms", akms, 60);
        if (capabilities != null) {
            Validate.u16("capabilities", capabilities);
        }
        SuiteCodec.checkTrailing("wpa", groupCipher, pairwiseCiphers, akms, capabilities);
    }

    /** Decodes the body of a vendor-specific element that {@link InformationElement#isVendor} says is WPA. */
    public static WpaElement decode(Bytes body) throws MalformedFrameException {
        FrameReader r = FrameReader.of(body);
        int oui = r.u32be("wpa oui and type");
        if (oui != (Suite.WPA_OUI << 8 | OUI_TYPE)) {
            throw new MalformedFrameException(0, "not a WPA element (oui/type " + Integer.toHexString(oui) + ")");
        }
        int version = r.u16le("wpa version");
        if (version != 1) {
            throw new MalformedFrameException(4, "wpa version " + version + ", only 1 is defined");
        }
        SuiteCodec.Tail tail = SuiteCodec.Tail.read(r, "wpa");
        r.expectEnd("wpa element");
        return new WpaElement(version, tail.group(), tail.pairwise(), tail.akms(), tail.capabilities());
    }

    public Bytes encodeBody() {
        FrameWriter w = new FrameWriter(32);
        w.u32be(Suite.WPA_OUI << 8 | OUI_TYPE).u16le(version);
        new SuiteCodec.Tail(groupCipher, pairwiseCiphers, akms, capabilities).write(w);
        return w.toBytes();
    }

    public InformationElement toElement() {
        return new InformationElement(ElementId.VENDOR_SPECIFIC, encodeBody());
    }
}
