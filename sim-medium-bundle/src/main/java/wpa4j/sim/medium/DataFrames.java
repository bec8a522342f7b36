package wpa4j.sim.medium;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.frame.FrameControl;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

/** 802.11 data frames with an LLC/SNAP header, as they carry EAPOL and IP over the air. */
final class DataFrames {
    private static final FrameControl TO_AP = FrameControl.of(FrameControl.TYPE_DATA, 0, FrameControl.TO_DS);
    private static final FrameControl FROM_AP = FrameControl.of(FrameControl.TYPE_DATA, 0, FrameControl.FROM_DS);
    private static final byte[] SNAP = {(byte) 0xaa, (byte) 0xaa, 0x03, 0, 0, 0};

    private DataFrames() {}

    /** What a received data frame carries. */
    record Data(MacAddress bssid, MacAddress src, MacAddress dst, int ethertype, Bytes payload) {}

    /** A frame from a station to its AP (ToDS): A1 = BSSID, A2 = SA, A3 = DA. */
    static byte[] toAp(MacAddress bssid, MacAddress sa, MacAddress da, int seq, int ethertype, Bytes payload) {
        return frame(TO_AP, bssid, sa, da, seq, ethertype, payload);
    }

    /** A frame from an AP to a station (FromDS): A1 = DA, A2 = BSSID, A3 = SA. */
    static byte[] fromAp(MacAddress da, MacAddress bssid, MacAddress sa, int seq, int ethertype, Bytes payload) {
        return frame(FROM_AP, da, bssid, sa, seq, ethertype, payload);
    }

    private static byte[] frame(FrameControl fc, MacAddress a1, MacAddress a2, MacAddress a3, int seq, int ethertype, Bytes payload) {
        FrameWriter w = new FrameWriter(32 + 8 + payload.length());
        w.u16le(fc.value()).u16le(0).mac(a1).mac(a2).mac(a3).u16le((seq & 0xfff) << 4).bytes(SNAP).u16be(ethertype).bytes(payload);
        return w.toArray();
    }

    static boolean isProtected(byte[] f) {
        return FrameControl.peek(f).isProtected();
    }

    /** Decodes an unprotected (or decrypted) data frame without address 4 or QoS. */
    static Data parse(byte[] f) throws MalformedFrameException {
        FrameReader r = new FrameReader(f);
        FrameControl fc = new FrameControl(r.u16le("frame control"));
        if (!fc.isData() || fc.subtype() != 0) {
            throw new MalformedFrameException(0, "not a plain data frame");
        }
        r.skip(2, "duration");
        MacAddress a1 = r.mac("address 1");
        MacAddress a2 = r.mac("address 2");
        MacAddress a3 = r.mac("address 3");
        r.skip(2, "sequence control");
        boolean toDs = fc.toDs();
        boolean fromDs = fc.fromDs();
        if (toDs == fromDs) {
            throw new MalformedFrameException(1, "data frame with ToDS=FromDS is not station/AP traffic");
        }
        Bytes snap = r.bytes(6, "llc/snap");
        if (!snap.equals(Bytes.of(SNAP))) {
            throw new MalformedFrameException(24, "no LLC/SNAP header");
        }
        int ethertype = r.u16be("ethertype");
        Bytes payload = r.rest();
        return toDs ? new Data(a1, a2, a3, ethertype, payload) : new Data(a2, a3, a1, ethertype, payload);
    }
}
