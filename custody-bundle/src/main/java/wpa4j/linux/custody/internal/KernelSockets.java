package wpa4j.linux.custody.internal;

import java.io.IOException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import com.sun.jna.Memory;
import com.sun.jna.Native;

/**
 * AF_NETLINK and AF_PACKET sockets of the running kernel through {@link LibC}. The few struct layouts (sockaddr_nl,
 * sockaddr_ll, timeval) are written here again, deliberately: custody imports no other wpa4j bundle.
 */
final class KernelSockets implements SocketLayer {
    /** Long enough to cost no CPU, short enough that a closing channel's reader notices soon. */
    static final int RECEIVE_TIMEOUT_MS = 200;

    @Override
    public RawSocket open(int protocol, int receiveBuffer) throws IOException {
        LibC c = libc();
        int fd = c.socket(LibC.AF_NETLINK, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, protocol);
        if (fd < 0) {
            throw errno("socket(AF_NETLINK, " + protocol + ")");
        }
        try {
            byte[] any = sockaddr();
            check(c.bind(fd, any, any.length), "bind");
            // kernels before 4.12 lack extended acks; the answers are then plainer, not wrong
            c.setsockopt(fd, LibC.SOL_NETLINK, LibC.NETLINK_EXT_ACK, new int[] {1}, 4);
            c.setsockopt(fd, LibC.SOL_NETLINK, LibC.NETLINK_CAP_ACK, new int[] {1}, 4);
            buffers(c, fd, receiveBuffer);
            byte[] bound = new byte[12];
            check(c.getsockname(fd, bound, new int[] {bound.length}), "getsockname");
            return new Fd(fd, Nlmsg.u32(bound, 4), sockaddr());
        } catch (IOException | RuntimeException e) {
            c.close(fd);
            throw e;
        }
    }

    @Override
    public RawSocket openPacket(int ifindex, int ethertype, int receiveBuffer) throws IOException {
        LibC c = libc();
        // protocol 0: nothing is received until bind names the EtherType and the interface (else, in between, that
        // EtherType of every interface would queue)
        int fd = c.socket(LibC.AF_PACKET, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw errno("socket(AF_PACKET, 0x" + Integer.toHexString(ethertype) + ")");
        }
        try {
            byte[] sll = sockaddrLl(ifindex, ethertype);
            check(c.bind(fd, sll, sll.length), "bind(AF_PACKET, ifindex " + ifindex + ")");
            buffers(c, fd, receiveBuffer);
            // bound to one interface and EtherType: a send without an address goes out there
            return new Fd(fd, 0, null);
        } catch (IOException | RuntimeException e) {
            c.close(fd);
            throw e;
        }
    }

    /** The receive buffer and the receive timeout the reader polls its closing flag with. */
    private static void buffers(LibC c, int fd, int receiveBuffer) throws IOException {
        // FORCE passes net.core.rmem_max when we may (CAP_NET_ADMIN): custody's buffer bridges a lessee gap
        if (c.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUFFORCE, new int[] {receiveBuffer}, 4) < 0) {
            check(c.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUF, new int[] {receiveBuffer}, 4), "SO_RCVBUF");
        }
        byte[] tv = timeval(RECEIVE_TIMEOUT_MS);
        check(c.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVTIMEO, tv, tv.length), "SO_RCVTIMEO");
    }

    /** struct sockaddr_ll: family, protocol (network order), ifindex; the rest (hatype, pkttype, address) zero. */
    private static byte[] sockaddrLl(int ifindex, int ethertype) {
        byte[] a = new byte[20];
        a[0] = (byte) LibC.AF_PACKET;
        a[2] = (byte) (ethertype >> 8);
        a[3] = (byte) ethertype;
        for (int i = 0; i < 4; i++) {
            a[4 + i] = (byte) (ifindex >> (8 * i));
        }
        return a;
    }

    private static LibC libc() throws IOException {
        try {
            return LibC.Holder.INSTANCE;
        } catch (LinkageError | UnsupportedOperationException e) {
            throw new IOException("no libc for netlink: " + e, e);
        }
    }

    /** struct sockaddr_nl of the kernel (and of "any port" for bind): family AF_NETLINK, pid 0, groups 0. */
    private static byte[] sockaddr() {
        byte[] a = new byte[12];
        a[0] = (byte) LibC.AF_NETLINK;
        return a;
    }

    /** struct timeval, LP64: long tv_sec, long tv_usec. */
    private static byte[] timeval(int ms) {
        byte[] tv = new byte[16];
        long sec = ms / 1000;
        long usec = (ms % 1000) * 1000L;
        for (int i = 0; i < 8; i++) {
            tv[i] = (byte) (sec >> (8 * i));
            tv[8 + i] = (byte) (usec >> (8 * i));
        }
        return tv;
    }

    private static void check(long result, String call) throws IOException {
        if (result < 0) {
            throw errno(call);
        }
    }

    private static IOException errno(String call) {
        return new IOException(call + ": errno " + Native.getLastError());
    }

    /**
     * One descriptor. The lock keeps a send or setsockopt from reaching a number that close has freed (and
     * the kernel may have given to another socket since).
     */
    private static final class Fd implements RawSocket {
        private final int fd;
        private final int portId;
        /** Where sends go: the kernel's sockaddr_nl; null for a bound packet socket (its interface). */
        private final byte[] peer;
        private final ReadWriteLock guard = new ReentrantReadWriteLock();
        /**
         * Where recvfrom writes, kept for the socket: handing it the caller's 256 KiB array made JNA copy all of it in
         * and out for every datagram (1-2 ms a receive on the hwsim VM's emulated CPU, benchmarks/run.sh vm-assoc-ap).
         * Only the channel's reader receives; the lock is for safety.
         */
        private Memory landing;
        private boolean closed;

        Fd(int fd, int portId, byte[] peer) {
            this.fd = fd;
            this.portId = portId;
            this.peer = peer;
        }

        @Override
        public int portId() {
            return portId;
        }

        @Override
        public void send(byte[] datagram) throws IOException {
            guard.readLock().lock();
            try {
                requireOpen("sendto");
                long n;
                do {
                    n = libc().sendto(fd, datagram, datagram.length, 0, peer, peer == null ? 0 : peer.length);
                } while (n < 0 && Native.getLastError() == LibC.EINTR);
                check(n, "sendto");
            } finally {
                guard.readLock().unlock();
            }
        }

        @Override
        public int receive(byte[] buf, int[] groups) throws IOException {
            // sockaddr_nl (12 octets) or sockaddr_ll (20)
            byte[] source = new byte[20];
            guard.readLock().lock();
            try {
                requireOpen("recvfrom");
                while (true) {
                    long n;
                    synchronized (this) {
                        if (landing == null || landing.size() < buf.length) {
                            landing = new Memory(buf.length);
                        }
                        n = libc().recvfrom(fd, landing, buf.length, 0, source, new int[] {source.length});
                        if (n > 0) {
                            landing.read(0, buf, 0, (int) Math.min(n, buf.length));
                        }
                    }
                    if (n >= 0) {
                        groups[0] = peer == null ? 0 : Nlmsg.u32(source, 8);
                        return (int) n;
                    }
                    int e = Native.getLastError();
                    if (e == LibC.EAGAIN || e == LibC.ENETDOWN) {
                        // ENETDOWN: a packet socket's interface went down (an iftype change); it reads on once it is up
                        return TIMEOUT;
                    }
                    if (e == LibC.ENOBUFS) {
                        return OVERRUN;
                    }
                    if (e != LibC.EINTR) {
                        throw new IOException("recvfrom: errno " + e);
                    }
                }
            } finally {
                guard.readLock().unlock();
            }
        }

        @Override
        public void joinGroup(int group) throws IOException {
            guard.readLock().lock();
            try {
                requireOpen("NETLINK_ADD_MEMBERSHIP");
                check(libc().setsockopt(fd, LibC.SOL_NETLINK, LibC.NETLINK_ADD_MEMBERSHIP, new int[] {group}, 4),
                        "NETLINK_ADD_MEMBERSHIP " + group);
            } finally {
                guard.readLock().unlock();
            }
        }

        @Override
        public void close() {
            guard.writeLock().lock();
            try {
                if (!closed) {
                    closed = true;
                    LibC.Holder.INSTANCE.close(fd);
                    synchronized (this) {
                        // no receive runs now (it holds the read lock): the buffer goes at once, not at some later GC
                        if (landing != null) {
                            landing.close();
                            landing = null;
                        }
                    }
                }
            } finally {
                guard.writeLock().unlock();
            }
        }

        private void requireOpen(String call) throws IOException {
            if (closed) {
                throw new IOException(call + ": socket closed");
            }
        }
    }
}
