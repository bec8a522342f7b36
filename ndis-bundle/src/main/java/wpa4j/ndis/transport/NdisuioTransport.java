package wpa4j.ndis.transport;

import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;

import wpa4j.common.codec.MalformedFrameException;

/**
 * The Windows transport: the NDISUIO protocol driver through {@code CreateFile("\\.\Ndisuio")} and
 * {@code DeviceIoControl}, over JNA (kernel32). Compiled everywhere; only ever loaded on Windows
 * ({@link #available()} checks the OS before touching kernel32). Not executed by CI (no Windows there).
 */
public final class NdisuioTransport implements NdisTransport {
    /** The part of kernel32 used here (synchronous I/O: the handle is opened without FILE_FLAG_OVERLAPPED). */
    interface Kernel32 extends Library {
        Pointer CreateFileW(WString name, int access, int shareMode, Pointer security, int disposition, int flags, Pointer template);

        boolean DeviceIoControl(Pointer handle, int code, byte[] in, int inLength, byte[] out, int outLength, IntByReference returned,
                Pointer overlapped);

        boolean CloseHandle(Pointer handle);
    }

    private static final int GENERIC_READ_WRITE = 0xC0000000;
    private static final int OPEN_EXISTING = 3;
    private static final int FILE_ATTRIBUTE_NORMAL = 0x80;
    private static final int ERROR_NO_MORE_ITEMS = 259;
    private static final int MAX_BINDINGS = 64;

    private final Kernel32 kernel32;
    private final Pointer handle;

    private NdisuioTransport(Kernel32 kernel32, Pointer handle) {
        this.kernel32 = kernel32;
        this.handle = handle;
    }

    /** Whether this is Windows (the only place NDISUIO exists). */
    public static boolean available() {
        return Platform.isWindows();
    }

    /** Opens NDISUIO and waits for its bindings (IOCTL_NDISUIO_BIND_WAIT). */
    public static NdisuioTransport connect() throws NdisException {
        if (!available()) {
            throw new NdisException(0, 0, "NDISUIO exists only on Windows");
        }
        Kernel32 k = Native.load("kernel32", Kernel32.class);
        Pointer h = k.CreateFileW(new WString(Ndisuio.DEVICE), GENERIC_READ_WRITE, 0, null, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, null);
        if (h == null || Pointer.nativeValue(h) == -1) {
            throw new NdisException(0, Native.getLastError(), "CreateFile(" + Ndisuio.DEVICE + ") failed: NDISUIO not installed or no access");
        }
        NdisuioTransport t = new NdisuioTransport(k, h);
        t.ioctl(Ndisuio.IOCTL_NDISUIO_BIND_WAIT, null, null, 0, "IOCTL_NDISUIO_BIND_WAIT");
        return t;
    }

    @Override
    public List<Adapter> adapters() throws NdisException {
        List<Adapter> list = new ArrayList<>();
        for (int i = 0; i < MAX_BINDINGS; i++) {
            byte[] out = new byte[Ndisuio.QUERY_BINDING_SIZE + 1024];
            IntByReference written = new IntByReference();
            byte[] in = Ndisuio.queryBindingRequest(i);
            if (!kernel32.DeviceIoControl(handle, Ndisuio.IOCTL_NDISUIO_QUERY_BINDING, in, in.length, out, out.length, written, null)) {
                int error = Native.getLastError();
                if (error == ERROR_NO_MORE_ITEMS) {
                    break;
                }
                throw new NdisException(0, error, "IOCTL_NDISUIO_QUERY_BINDING " + i + " failed");
            }
            try {
                list.add(Ndisuio.parseBinding(out, written.getValue()));
            } catch (MalformedFrameException e) {
                throw new NdisException(0, 0, "binding " + i + ": " + e.getMessage());
            }
        }
        return list;
    }

    @Override
    public void open(String deviceName) throws NdisException {
        byte[] name = Ndisuio.openDeviceBuffer(deviceName);
        ioctl(Ndisuio.IOCTL_NDISUIO_OPEN_DEVICE, name, null, 0, "IOCTL_NDISUIO_OPEN_DEVICE " + deviceName);
    }

    @Override
    public byte[] query(int oid, int maxLength) throws NdisException {
        byte[] buf = Ndisuio.queryOidBuffer(oid, maxLength);
        int written = ioctl(Ndisuio.IOCTL_NDISUIO_QUERY_OID_VALUE, buf, buf, Ndisuio.OID_DATA_OFFSET + 4, "query " + oidName(oid));
        try {
            return Ndisuio.queryOidResult(buf, written);
        } catch (MalformedFrameException e) {
            throw new NdisException(oid, 0, e.getMessage());
        }
    }

    @Override
    public void set(int oid, byte[] value) throws NdisException {
        byte[] buf = Ndisuio.setOidBuffer(oid, value);
        ioctl(Ndisuio.IOCTL_NDISUIO_SET_OID_VALUE, buf, null, buf.length, "set " + oidName(oid));
    }

    /** DeviceIoControl; the input length is {@code inLength} (the header only for a query, as driver_ndis sends it). */
    private int ioctl(int code, byte[] in, byte[] out, int inLength, String what) throws NdisException {
        IntByReference written = new IntByReference();
        if (!kernel32.DeviceIoControl(handle, code, in, in == null ? 0 : inLength, out, out == null ? 0 : out.length, written, null)) {
            throw new NdisException(0, Native.getLastError(), what + " failed");
        }
        return written.getValue();
    }

    private static String oidName(int oid) {
        return wpa4j.ndis.oid.Oid.name(oid);
    }

    @Override
    public void close() {
        kernel32.CloseHandle(handle);
    }
}
