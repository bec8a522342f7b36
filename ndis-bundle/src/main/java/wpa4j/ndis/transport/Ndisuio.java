package wpa4j.ndis.transport;

import java.nio.charset.StandardCharsets;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;

/**
 * The NDISUIO protocol driver's interface (nuiouser.h): IOCTL codes and buffers, as plain codecs.
 * IOCTLs are CTL_CODE(FILE_DEVICE_NETWORK, function, METHOD_BUFFERED, FILE_READ_ACCESS | FILE_WRITE_ACCESS).
 */
public final class Ndisuio {
    public static final String DEVICE = "\\\\.\\\\Ndisuio";
    private static final int FILE_DEVICE_NETWORK = 0x12;
    private static final int METHOD_BUFFERED = 0;
    private static final int FILE_READ_WRITE_ACCESS = 3;

    public static final int IOCTL_NDISUIO_OPEN_DEVICE = ctlCode(0x200);
    public static final int IOCTL_NDISUIO_QUERY_OID_VALUE = ctlCode(0x201);
    public static final int IOCTL_NDISUIO_SET_ETHER_TYPE = ctlCode(0x202);
    public static final int IOCTL_NDISUIO_QUERY_BINDING = ctlCode(0x203);
    public static final int IOCTL_NDISUIO_BIND_WAIT = ctlCode(0x204);
    public static final int IOCTL_NDISUIO_SET_OID_VALUE = ctlCode(0x205);
    /** sizeof(NDISUIO_QUERY_BINDING): five ULONGs. */
    public static final int QUERY_BINDING_SIZE = 20;
    /** Offset of Data in NDISUIO_QUERY_OID / NDISUIO_SET_OID (after the ULONG Oid). */
    public static final int OID_DATA_OFFSET = 4;

    private Ndisuio() {}

    static int ctlCode(int function) {
        return FILE_DEVICE_NETWORK << 16 | FILE_READ_WRITE_ACCESS << 14 | function << 2 | METHOD_BUFFERED;
    }

    /** NDISUIO_QUERY_OID with room for {@code maxLength} octets of data. */
    public static byte[] queryOidBuffer(int oid, int maxLength) {
        byte[] b = new byte[OID_DATA_OFFSET + Math.max(4, maxLength)];
        System.arraycopy(new FrameWriter(4).u32le(oid & 0xffffffffL).toArray(), 0, b, 0, 4);
        return b;
    }

    /** The data of a returned NDISUIO_QUERY_OID of which the driver wrote {@code written} octets. */
    public static byte[] queryOidResult(byte[] buffer, int written) throws MalformedFrameException {
        if (written < OID_DATA_OFFSET || written > buffer.length) {
            throw new MalformedFrameException(0, "NDISUIO wrote " + written + " octets into a " + buffer.length + "-octet query buffer");
        }
        byte[] data = new byte[written - OID_DATA_OFFSET];
        System.arraycopy(buffer, OID_DATA_OFFSET, data, 0, data.length);
        return data;
    }

    /** NDISUIO_SET_OID: the OID and the value. */
    public static byte[] setOidBuffer(int oid, byte[] value) {
        return new FrameWriter(OID_DATA_OFFSET + value.length).u32le(oid & 0xffffffffL).bytes(value).toArray();
    }

    /** The device name as IOCTL_NDISUIO_OPEN_DEVICE takes it: UTF-16LE, no terminator. */
    public static byte[] openDeviceBuffer(String deviceName) {
        return deviceName.getBytes(StandardCharsets.UTF_16LE);
    }

    /** NDISUIO_QUERY_BINDING asking for binding {@code index}. */
    public static byte[] queryBindingRequest(int index) {
        return new FrameWriter(QUERY_BINDING_SIZE).u32le(index).u32le(0).u32le(0).u32le(0).u32le(0).toArray();
    }

    /**
     * A returned NDISUIO_QUERY_BINDING: BindingIndex, DeviceNameOffset, DeviceNameLength, DeviceDescrOffset,
     * DeviceDescrLength (offsets from the start, lengths in octets), the strings UTF-16LE.
     */
    public static NdisTransport.Adapter parseBinding(byte[] buf, int written) throws MalformedFrameException {
        if (written > buf.length) {
            throw new MalformedFrameException(0, "written " + written + " exceeds the buffer");
        }
        FrameReader r = new FrameReader(buf, 0, written);
        r.skip(4, "BindingIndex");
        long nameOff = r.u32le("DeviceNameOffset");
        long nameLen = r.u32le("DeviceNameLength");
        long descOff = r.u32le("DeviceDescrOffset");
        long descLen = r.u32le("DeviceDescrLength");
        return new NdisTransport.Adapter(utf16(buf, written, nameOff, nameLen, "device name"), utf16(buf, written, descOff, descLen, "description"));
    }

    private static String utf16(byte[] buf, int written, long off, long len, String what) throws MalformedFrameException {
        if (off < QUERY_BINDING_SIZE || off > written || len > written - off || len % 2 != 0) {
            throw new MalformedFrameException(4, what + " at " + off + " of " + len + " octets is outside the " + written + " octets returned");
        }
        String s = new String(buf, (int) off, (int) len, StandardCharsets.UTF_16LE);
        int nul = s.indexOf('\0');
        return nul >= 0 ? s.substring(0, nul) : s;
    }
}
