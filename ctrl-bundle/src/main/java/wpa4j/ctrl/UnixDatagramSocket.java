package wpa4j.ctrl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.ptr.IntByReference;

/**
 * An AF_UNIX SOCK_DGRAM socket through libc (the JDK has only stream AF_UNIX). Sends never block and may come
 * from any thread; receiving and closing belong to one owner thread, so the descriptor is never closed (and
 * perhaps reused) under a receive.
 */
final class UnixDatagramSocket implements AutoCloseable {
    /** One received datagram; {@code truncated} when it was longer than the receive buffer. */
    record Datagram(UnixAddress from, byte[] data, boolean truncated) {
    }

    private static final LibC LIBC = LibC.INSTANCE;
    private static final int SEND_FLAGS = LibC.MSG_DONTWAIT | LibC.MSG_NOSIGNAL;

    private final int fd;
    private final byte[] buf;
    private final byte[] from = new byte[UnixAddress.MAX_SIZE];
    private final IntByReference fromLen = new IntByReference();
    private final byte[] pollFd;
    private boolean closed; // guarded by this

    private UnixDatagramSocket(int fd, int maxDatagram) {
        this.fd = fd;
        this.buf = new byte[maxDatagram];
        this.pollFd = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(fd).putShort(LibC.POLLIN).array();
    }

    /** A new unbound socket whose receive keeps datagrams up to {@code maxDatagram} bytes. */
    static UnixDatagramSocket open(int maxDatagram) throws IOException {
        int fd = LIBC.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw new ErrnoException("socket(AF_UNIX, SOCK_DGRAM)", Native.getLastError());
        }
        return new UnixDatagramSocket(fd, maxDatagram);
    }

    void bind(UnixAddress address) throws ErrnoException {
        byte[] a = address.sockaddr();
        if (LIBC.bind(fd, a, a.length) < 0) {
            throw new ErrnoException("bind", Native.getLastError());
        }
    }

    void connect(UnixAddress address) throws ErrnoException {
        byte[] a = address.sockaddr();
        if (LIBC.connect(fd, a, a.length) < 0) {
            throw new ErrnoException("connect", Native.getLastError());
        }
    }

    /** Sends without blocking; returns 0 or the errno (EAGAIN when the receiver's queue is full). */
    synchronized int sendTo(UnixAddress to, byte[] data) {
        if (closed) {
            return LibC.EPERM;
        }
        byte[] a = to.sockaddr();
        if (LIBC.sendto(fd, data, new NativeLong(data.length), SEND_FLAGS, a, a.length).longValue() < 0) {
            return Native.getLastError();
        }
        return 0;
    }

    /**
     * Whether this socket's own send buffer is more than half taken: datagrams stay charged to their sender until
     * the receiver reads them, so a receiver that stopped reading fills it.
     */
    synchronized boolean backlogged() {
        if (closed) {
            return false;
        }
        IntByReference outq = new IntByReference();
        IntByReference sndbuf = new IntByReference();
        IntByReference len = new IntByReference(4);
        return LIBC.ioctl(fd, new NativeLong(LibC.TIOCOUTQ), outq) == 0
                && LIBC.getsockopt(fd, LibC.SOL_SOCKET, LibC.SO_SNDBUF, sndbuf, len) == 0
                && outq.getValue() > sndbuf.getValue() / 2;
    }

    /** The next datagram, or null when none came within {@code timeoutMillis} (or a signal interrupted). */
    Datagram receive(long timeoutMillis) throws IOException {
        int ready = LIBC.poll(pollFd, new NativeLong(1), (int) Math.min(Math.max(timeoutMillis, 0), Integer.MAX_VALUE));
        if (ready < 0) {
            int e = Native.getLastError();
            if (e == LibC.EINTR) {
                return null;
            }
            throw new ErrnoException("poll", e);
        }
        if (ready == 0) {
            return null;
        }
        fromLen.setValue(from.length);
        // MSG_TRUNC: the real length comes back even when the datagram did not fit
        long n = LIBC.recvfrom(fd, buf, new NativeLong(buf.length), LibC.MSG_DONTWAIT | LibC.MSG_TRUNC, from, fromLen)
                .longValue();
        if (n < 0) {
            int e = Native.getLastError();
            if (e == LibC.EAGAIN || e == LibC.EINTR) {
                return null;
            }
            throw new ErrnoException("recvfrom", e);
        }
        return new Datagram(UnixAddress.received(from, fromLen.getValue()), Arrays.copyOf(buf, (int) Math.min(n, buf.length)),
                n > buf.length);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            LIBC.close(fd);
        }
    }
}
