package wpa4j.common.frame;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
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
    public static final int FC_PROTECTED = FrameControl.PROTECTED;
    public static final int FC_ORDER = FrameControl.ORDER;
    public static final int FC_RETRY = FrameControl.RETRY;

    public MgmtHeader {
        FrameControl fc = new FrameControl(frameControl);
        if (fc.protocolVersion() != 0) {
            throw new IllegalArgumentException("frameControl: protocol version " + fc.protocolVersion() + ", only 0 is defined");
        }
        if (!fc.isManagement()) {
            throw new IllegalArgumentException("frameControl: type " + fc.type() + " is not management");
        }
        Validate.u16("duration", duration);
        Validate.nonNull("da", da);
        Validate.nonNull("sa", sa);
        Validate.nonNull("bssid", bssid);
        Validate.u16("seqCtrl", seqCtrl);
        if (fc.order() != (htControl != null)) {
            throw new IllegalArgumentException("htControl: present exactly when the Order bit is set");
        }
        if (htControl != null) {
            Validate.u32("htControl", htControl);
        }
    }

    /** A header for {@code subtype} with no flags, duration 0 and sequence control 0 (the driver sets it). */
    public static MgmtHeader of(MgmtSubtype subtype, MacAddress da, MacAddress sa, MacAddress bssid) {
        return new MgmtHeader(FrameControl.management(subtype).value(), 0, da, sa, bssid, 0, null);
    }

    public MgmtSubtype subtype() {
        return new FrameControl(frameControl).mgmtSubtype();
    }

    public boolean isProtected() {
        return new FrameControl(frameControl).isProtected();
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
        FrameControl fc = new FrameControl(r.u16le("frame control"));
        if (fc.protocolVersion() != 0) {
            throw new MalformedFrameException(0, "protocol version " + fc.protocolVersion());
        }
        if (!fc.isManagement()) {
            throw new MalformedFrameException(0, "frame type " + fc.type() + " is not management");
        }
        int duration = r.u16le("duration");
        MacAddress da = r.mac("address 1");
        MacAddress sa = r.mac("address 2");
        MacAddress bssid = r.mac("address 3");
        int seq = r.u16le("sequence control");
        Long ht = fc.order() ? r.u32le("ht control") : null;
        return new MgmtHeader(fc.value(), duration, da, sa, bssid, seq, ht);
    }

    /**
     * Frame Control and the three addresses of a frame laid out as a management frame, read without checking
     * version, type or Order (any HT Control is left to the body). For frames a driver hands up whose body
     * need not decode: SAE, or one still marked Protected.
     *
     * @throws MalformedFrameException when the frame is shorter than {@link #LENGTH}
     */
    public static Peek peek(Bytes frame) throws MalformedFrameException {
        FrameReader r = FrameReader.of(frame);
        FrameControl fc = new FrameControl(r.u16le("frame control"));
        r.skip(2, "duration");
        Peek p = new Peek(fc, r.mac("address 1"), r.mac("address 2"), r.mac("address 3"));
        r.skip(2, "sequence control");
        return p;
    }

    /**
     * What {@link #peek} reads.
     *
     * @param frameControl the Frame Control field
     * @param da address 1
     * @param sa address 2
     * @param bssid address 3
     */
    public record Peek(FrameControl frameControl, MacAddress da, MacAddress sa, MacAddress bssid) {
        public Peek {
            Validate.nonNull("frameControl", frameControl);
            Validate.nonNull("da", da);
            Validate.nonNull("sa", sa);
            Validate.nonNull("bssid", bssid);
        }

        public MgmtSubtype subtype() {
            return frameControl.mgmtSubtype();
        }
    }

    void writeTo(FrameWriter w) {
        w.u16le(frameControl).u16le(duration).mac(da).mac(sa).mac(bssid).u16le(seqCtrl);
        if (htControl != null) {
            w.u32le(htControl);
        }
    }
}
