package wpa4j.common.frame;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Validate;

/**
 * The 16-bit Frame Control field of any 802.11 frame (IEEE 802.11-2020 9.2.4.1), as it sits little-endian in a
 * frame's first two octets: protocol version (bits 0-1), type (2-3), subtype (4-7) and the flag bits 8-15. Reading
 * it checks nothing about version or type: callers that need a management frame say so.
 *
 * @param value the field as a 16-bit value
 */
public record FrameControl(int value) {
    public static final int TYPE_MANAGEMENT = 0;
    public static final int TYPE_CONTROL = 1;
    public static final int TYPE_DATA = 2;
    public static final int TYPE_EXTENSION = 3;
    public static final int TO_DS = 0x0100;
    public static final int FROM_DS = 0x0200;
    public static final int MORE_FRAGMENTS = 0x0400;
    public static final int RETRY = 0x0800;
    public static final int POWER_MANAGEMENT = 0x1000;
    public static final int MORE_DATA = 0x2000;
    public static final int PROTECTED = 0x4000;
    public static final int ORDER = 0x8000;
    /** Subtype bit 3 of a data frame: QoS Data and its variants, which carry a QoS Control field. */
    private static final int QOS_SUBTYPE = 0x0080;

    public FrameControl {
        Validate.u16("frameControl", value);
    }

    /** Protocol version 0 with {@code type}, {@code subtype} and {@code flags} (the bits 8-15 constants). */
    public static FrameControl of(int type, int subtype, int flags) {
        Validate.range("type", type, 0, 3);
        Validate.range("subtype", subtype, 0, 15);
        if ((flags & ~0xff00) != 0) {
            throw new IllegalArgumentException("flags: 0x" + Integer.toHexString(flags) + " has bits outside 8-15");
        }
        return new FrameControl(type << 2 | subtype << 4 | flags);
    }

    /** A management frame's field for {@code subtype}, no flags. */
    public static FrameControl management(MgmtSubtype subtype) {
        return of(TYPE_MANAGEMENT, subtype.value(), 0);
    }

    /**
     * The field of a raw frame, from its first two octets, whatever the rest holds.
     *
     * @throws IndexOutOfBoundsException when the frame is shorter than two octets
     */
    public static FrameControl peek(byte[] frame) {
        return new FrameControl((frame[0] & 0xff) | (frame[1] & 0xff) << 8);
    }

    /**
     * The field of a raw frame, from its first two octets, whatever the rest holds.
     *
     * @throws IndexOutOfBoundsException when the frame is shorter than two octets
     */
    public static FrameControl peek(Bytes frame) {
        return new FrameControl(frame.u8(0) | frame.u8(1) << 8);
    }

    public int protocolVersion() {
        return value & 0x3;
    }

    /** 0 management, 1 control, 2 data, 3 extension. */
    public int type() {
        return value >> 2 & 0x3;
    }

    public int subtype() {
        return value >> 4 & 0xf;
    }

    public boolean isManagement() {
        return type() == TYPE_MANAGEMENT;
    }

    public boolean isData() {
        return type() == TYPE_DATA;
    }

    /** A data frame of a QoS subtype (QoS Data, QoS Null, ...). */
    public boolean isQosData() {
        return isData() && (value & QOS_SUBTYPE) != 0;
    }

    /** The subtype as a management subtype; meaningful only when {@link #isManagement()}. */
    public MgmtSubtype mgmtSubtype() {
        return MgmtSubtype.of(subtype());
    }

    public boolean toDs() {
        return (value & TO_DS) != 0;
    }

    public boolean fromDs() {
        return (value & FROM_DS) != 0;
    }

    public boolean retry() {
        return (value & RETRY) != 0;
    }

    public boolean isProtected() {
        return (value & PROTECTED) != 0;
    }

    /** The Order bit: in a management or QoS data frame, an HT Control field follows the header's addresses. */
    public boolean order() {
        return (value & ORDER) != 0;
    }
}
