package wpa4j.linux.netlink;

import java.nio.ByteOrder;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

import wpa4j.linux.uapi.Uapi;

/**
 * An AF_NETLINK socket through libc over JNA (socket, bind, sendto, recv, setsockopt): the kernel's own
 * interface, no tool in between. One thread at a time per socket.
 */
public final class NetlinkSocket implements AutoCloseable {
    /** The part of libc used here; sizes are LP64 (64-bit Linux). */
    interface LibC extends Library {
        int socket(int domain, int type, int protocol);

        int bind(int fd, byte[] addr, int addrlen);

        long sendto(int fd, byte[] buf, long len, int flags, byte[] addr, int addrlen);

        /** Into native memory: JNA copies a {@code byte[]} argument whole, both ways, whatever the datagram's length. */
        long recv(int fd, Pointer buf, long len, int flags);

        int setsockopt(int fd, int level, int name, IntByReference value, int len);

        int setsockopt(int fd, int level, int name, byte[] value, int len);

        int getsockname(int fd, byte[] addr, IntByReference addrlen);

        int close(int fd);
    }

    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;
    private static final int SO_RCVBUF = 8;
    private static final int EINTR = 4;
    private static final LibC LIBC = load();

    /**
     * Where recv writes, kept for the socket: handing it a 256 KiB array made JNA copy all of it in and out for every
     * datagram (1-2 ms a receive on the hwsim VM's emulated CPU). One receiver at a time (a reader, or a requester
     * when there is none).
     */
    private final Object landingLock = new Object();
    private Memory landing;

    private final int fd;
    private final int portId;
    private volatile boolean closed;

    private static LibC load() {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new UnsupportedOperationException("netlink codecs assume a little-endian host");
        }
        return Native.load("c", LibC.class);
    }

    private NetlinkSocket(int fd, int portId) {
        this.fd = fd;
        this.portId = portId;
    }

    /** Opens and binds a socket of {@code protocol} (NETLINK_GENERIC, NETLINK_ROUTE) with extended acks. */
    public static NetlinkSocket open(int protocol) throws NetlinkException {
        int fd = LIBC.socket(Uapi.AF_NETLINK, Uapi.SOCK_RAW | Uapi.SOCK_CLOEXEC, protocol);
        if (fd < 0) {
            throw new NetlinkException("socket(AF_NETLINK)", Native.getLastError(), "");
        }
        byte[] addr = sockaddr(0, 0);
        if (LIBC.bind(fd, addr, addr.length) < 0) {
            int e = Native.getLastError();
            LIBC.close(fd);
            throw new NetlinkException("bind", e, "");
        }
        IntByReference one = new IntByReference(1);
        LIBC.setsockopt(fd, Uapi.SOL_NETLINK, Uapi.NETLINK_EXT_ACK, one, 4);
        LIBC.setsockopt(fd, Uapi.SOL_NETLINK, Uapi.NETLINK_CAP_ACK, one, 4);
        LIBC.setsockopt(fd, SOL_SOCKET, SO_RCVBUF, new IntByReference(1 << 20), 4);
        byte[] bound = new byte[12];
        IntByReference blen = new IntByReference(12);
        LIBC.getsockname(fd, bound, blen);
        int pid = (bound[4] & 0xff) | (bound[5] & 0xff) << 8 | (bound[6] & 0xff) << 16 | (bound[7] & 0xff) << 24;
        return new NetlinkSocket(fd, pid);
    }

    /** struct sockaddr_nl: u16 family, u16 pad, u32 pid, u32 groups. */
    private static byte[] sockaddr(int pid, int groups) {
        byte[] a = new byte[12];
        a[0] = (byte) Uapi.AF_NETLINK;
        for (int i = 0; i < 4; i++) {
            a[4 + i] = (byte) (pid >> (8 * i));
            a[8 + i] = (byte) (groups >> (8 * i));
        }
        return a;
    }

    /** The port id the kernel assigned (nlmsg_pid of our requests). */
    public int portId() {
        return portId;
    }

    public int fd() {
        return fd;
    }

    public void send(byte[] msg) throws NetlinkException {
        byte[] kernel = sockaddr(0, 0);
        if (LIBC.sendto(fd, msg, msg.length, 0, kernel, kernel.length) < 0) {
            throw new NetlinkException("sendto", Native.getLastError(), "");
        }
    }

    /** Receives one datagram into {@code buf}; returns its length, or -1 on timeout. */
    public int receive(byte[] buf) throws NetlinkException {
        while (true) {
            long n;
            synchronized (landingLock) {
                if (landing == null || landing.size() < buf.length) {
                    landing = new Memory(buf.length);
                }
                n = LIBC.recv(fd, landing, buf.length, 0);
                if (n > 0) {
                    landing.read(0, buf, 0, (int) Math.min(n, buf.length));
                }
            }
            if (n >= 0) {
                return (int) n;
            }
            int e = Native.getLastError();
            if (e == 11) {
                return -1; // EAGAIN: the receive timeout passed
            }
            if (e != EINTR) {
                throw new NetlinkException("recv", e, "");
            }
        }
    }

    /** Blocks in {@link #receive} at most {@code ms} (0: forever). */
    public void receiveTimeout(int ms) {
        byte[] tv = new byte[16];
        long sec = ms / 1000;
        long usec = (ms % 1000) * 1000L;
        for (int i = 0; i < 8; i++) {
            tv[i] = (byte) (sec >> (8 * i));
            tv[8 + i] = (byte) (usec >> (8 * i));
        }
        LIBC.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, tv, tv.length);
    }

    public void joinGroup(int group) throws NetlinkException {
        if (LIBC.setsockopt(fd, Uapi.SOL_NETLINK, Uapi.NETLINK_ADD_MEMBERSHIP, new IntByReference(group), 4) < 0) {
            throw new NetlinkException("NETLINK_ADD_MEMBERSHIP " + group, Native.getLastError(), "");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            LIBC.close(fd);
        }
    }
}
