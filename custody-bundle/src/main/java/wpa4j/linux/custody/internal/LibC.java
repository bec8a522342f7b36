package wpa4j.linux.custody.internal;

import java.nio.ByteOrder;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The part of libc custody needs, its own so that it imports nothing of the other wpa4j bundles. Sizes are
 * LP64 (64-bit Linux); {@code int[]} arguments are {@code int *}.
 */
interface LibC extends Library {
    int AF_NETLINK = 16;
    int AF_PACKET = 17;
    int SOCK_RAW = 3;
    int SOCK_CLOEXEC = 02000000;
    int SOL_SOCKET = 1;
    int SO_RCVBUF = 8;
    int SO_RCVTIMEO = 20;
    int SO_RCVBUFFORCE = 33;
    int SOL_NETLINK = 270;
    int NETLINK_ADD_MEMBERSHIP = 1;
    int NETLINK_CAP_ACK = 10;
    int NETLINK_EXT_ACK = 11;
    int EINTR = 4;
    int EAGAIN = 11;
    int ENOBUFS = 105;
    int ENETDOWN = 100;

    int socket(int domain, int type, int protocol);

    int bind(int fd, byte[] addr, int addrlen);

    int getsockname(int fd, byte[] addr, int[] addrlen);

    int setsockopt(int fd, int level, int name, int[] value, int len);

    int setsockopt(int fd, int level, int name, byte[] value, int len);

    long sendto(int fd, byte[] buf, long len, int flags, byte[] addr, int addrlen);

    long recvfrom(int fd, byte[] buf, long len, int flags, byte[] addr, int[] addrlen);

    /** Into native memory: JNA copies a {@code byte[]} argument whole, both ways, whatever the datagram's length. */
    long recvfrom(int fd, Pointer buf, long len, int flags, byte[] addr, int[] addrlen);

    int close(int fd);

    /** Loaded on first use, so that a custody that never opens a socket needs no native code. */
    final class Holder {
        static final LibC INSTANCE = load();

        private Holder() {
        }

        private static LibC load() {
            if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
                throw new UnsupportedOperationException("custody reads netlink headers as little-endian");
            }
            return Native.load("c", LibC.class);
        }
    }
}
