package wpa4j.ctrl;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.ptr.IntByReference;

/** The few libc calls a datagram AF_UNIX socket needs; JNA keeps errno per thread for {@link Native#getLastError()}. */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int AF_UNIX = 1;
    int SOCK_DGRAM = 2;
    int SOCK_CLOEXEC = 02000000;
    int MSG_TRUNC = 0x20;
    int MSG_DONTWAIT = 0x40;
    int MSG_NOSIGNAL = 0x4000;
    short POLLIN = 1;
    int SOL_SOCKET = 1;
    int SO_SNDBUF = 7;
    /** SIOCOUTQ: bytes sent from this socket and not yet read by their receivers. */
    int TIOCOUTQ = 0x5411;

    int EPERM = 1;
    int ENOENT = 2;
    int EINTR = 4;
    int EAGAIN = 11;
    int EADDRINUSE = 98;
    int ENOBUFS = 105;
    int ECONNREFUSED = 111;

    int socket(int domain, int type, int protocol);

    int bind(int fd, byte[] addr, int len);

    int connect(int fd, byte[] addr, int len);

    NativeLong sendto(int fd, byte[] buf, NativeLong len, int flags, byte[] addr, int addrlen);

    NativeLong recvfrom(int fd, byte[] buf, NativeLong len, int flags, byte[] addr, IntByReference addrlen);

    /** struct pollfd[] as bytes: int fd, short events, short revents. */
    int poll(byte[] fds, NativeLong nfds, int timeout);

    int getsockopt(int fd, int level, int name, IntByReference value, IntByReference len);

    int ioctl(int fd, NativeLong request, IntByReference value);

    int close(int fd);

    String strerror(int errnum);
}
