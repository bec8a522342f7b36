package wpa4j.ndis.oid;

import java.util.ArrayList;
import java.util.List;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Validate;

/**
 * NDIS_802_11_CAPABILITY (OID_802_11_CAPABILITY): Length@0, Version@4 (2), NoOfPMKIDs@8,
 * NoOfAuthEncryptPairsSupported@12, then pairs of (AuthModeSupported, EncryptStatusSupported), 8 octets
 * each, from offset 16.
 *
 * @param version structure version (driver_ndis accepts 2)
 * @param noOfPmkids PMKID cache size of the driver
 * @param pairs the authentication/encryption pairs
 */
public record NdisCapability(long version, long noOfPmkids, List<Pair> pairs) {
    /** One supported combination, as raw enum values (unknown values are kept). */
    public record Pair(long authMode, long encryptStatus) {}

    public NdisCapability {
        pairs = Validate.list("pairs", pairs, 1024);
    }

    public byte[] encode() {
        FrameWriter w = new FrameWriter(16 + 8 * pairs.size());
        w.u32le(16 + 8L * Math.max(1, pairs.size())).u32le(version).u32le(noOfPmkids).u32le(pairs.size());
        pairs.forEach(p -> w.u32le(p.authMode()).u32le(p.encryptStatus()));
        return w.toArray();
    }

    public static NdisCapability decode(byte[] buf) throws MalformedFrameException {
        FrameReader r = new FrameReader(buf);
        r.skip(4, "Length");
        long version = r.u32le("Version");
        long pmkids = r.u32le("NoOfPMKIDs");
        long count = r.u32le("NoOfAuthEncryptPairsSupported");
        if (count > r.remaining() / 8) {
            throw new MalformedFrameException(12, "NoOfAuthEncryptPairsSupported " + count + " overruns the " + buf.length + "-octet buffer");
        }
        List<Pair> pairs = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            pairs.add(new Pair(r.u32le("AuthModeSupported"), r.u32le("EncryptStatusSupported")));
        }
        return new NdisCapability(version, pmkids, pairs);
    }
}
