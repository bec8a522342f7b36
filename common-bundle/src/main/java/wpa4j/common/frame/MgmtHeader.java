package wpa4j.common.frame;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Validate;

/**
 * The MAC header of a management frame: Frame Control, Duration, DA, SA, BSSID, Sequence Control and,
 * when the Order bit is set, HT Control.
 *
 * @param frameControl the 16-bit Frame Control field
 * @param duration Duration/ID
 * @param da address 1 (destination)
 * @param sa address 2 (source)
 * @param bssid address 3
 * @param seqCtrl Sequence Control (sequence number &lt;&lt; 4 | fragment)
 * @param htControl HT Control field, or null when the Order bit is clear
 */
public record MgmtHeader(int frameControl, int duration, MacAddress da, MacAddress sa, MacAddress bssid, int seqCtrl, Long htControl) {
    public static final int LENGTH = 24;
    public static final int FC_PROTECTED = 0x4000;
    public static final int FC_ORDER = 0x8000;
    public static final int FC_RETRY = 0x0800;

    public MgmtHeader {
        Validate.u16("frameControl", frameControl);
        if ((frameControl & 0x3) != 0) {
            throw new IllegalArgumentException("frameControl: protocol version " + (frameControl & 0x3) + ", only 0 is defined");
        }
        if ((frameControl >> 2 & 0x3) != 0) {
            throw new IllegalArgumentException("frameControl: type " + (frameControl >> 2 & 0x3) + " is not management");
        }
        Validate.u16("duration", duration);
        Validate.nonNull("da", da);
        Validate.nonNull("sa", sa);
        Validate.nonNull("bssid", bssid);
        Validate.u16("seqCtrl", seqCtrl);
        if (((frameControl & FC_ORDER) != 0) != (htControl != null)) {
            throw new IllegalArgumentException("htControl: present exactly when the Order bit is set");
        }
        if (htControl != null) {
            Validate.u32("htControl", htControl);
        }
    }

    /** A header for {@code subtype} with no flags, duration 0 and sequence control 0 (the driver sets it). */
    public static MgmtHeader of(MgmtSubtype subtype, MacAddress da, MacAddress sa, MacAddress bssid) {
        return new MgmtHeader(subtype.value() << 4, 0, da, sa, bssid, 0, null);
    }

    public MgmtSubtype subtype() {
        return MgmtSubtype.of(frameControl >> 4);
    }

    public boolean isProtected() {
        return (frameControl & FC_PROTECTED) != 0;
    }

    public int sequenceNumber() {
        return seqCtrl >>> 4;
    }

    public int length() {
        return htControl == null ? LENGTH : LENGTH + 4;
    }

    public MgmtHeader withSeqCtrl(int value) {
        return new MgmtHeader(frameControl, duration, da, sa, bssid, value, htControl);
    }

    static MgmtHeader decode(FrameReader r) throws MalformedFrameException {
        int fc = r.u16le("frame control");
        if ((fc & 0x3) != 0) {
            throw new MalformedFrameException(0, "protocol version " + (fc & 0x3));
        }
        if ((fc >> 2 & 0x3) != 0) {
            throw new MalformedFrameException(0, "frame type " + (fc >> 2 & 0x3) + " is not management");
        }
        int duration = r.u16le("duration");
        MacAddress da = r.mac("address 1");
        MacAddress sa = r.mac("address 2");
        MacAddress bssid = r.mac("address 3");
        int seq = r.u16le("sequence control");
        Long ht = (fc & FC_ORDER) != 0 ? r.u32le("ht control") : null;
        return new MgmtHeader(fc, duration, da, sa, bssid, seq, ht);
    }

    void writeTo(FrameWriter w) {
        w.u16le(frameControl).u16le(duration).mac(da).mac(sa).mac(bssid).u16le(seqCtrl);
        if (htControl != null) {
            w.u32le(htControl);
        }
    }
}
