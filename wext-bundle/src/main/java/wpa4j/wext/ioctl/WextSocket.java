package wpa4j.wext.ioctl;

import java.nio.charset.StandardCharsets;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

import wpa4j.wext.uapi.Uapi;

/**
 * The AF_INET datagram socket Wireless Extensions ioctls go through, with struct iwreq built at the offsets
 * the headers give (ifr_name[IFNAMSIZ], then union iwreq_data; an iw_point is pointer, length, flags).
 */
public final class WextSocket implements AutoCloseable {
    interface LibC extends Library {
        int socket(int domain, int type, int protocol);

        int ioctl(int fd, NativeLong request, Pointer arg);

        int close(int fd);
    }

    private static final int AF_INET = 2;
    private static final int SOCK_DGRAM = 2;
    private static final LibC LIBC = Native.load("c", LibC.class);

    private final int fd;

    private WextSocket(int fd) {
        this.fd = fd;
    }

    public static WextSocket open() throws WextException {
        int fd = LIBC.socket(AF_INET, SOCK_DGRAM, 0);
        if (fd < 0) {
            throw new WextException("socket(AF_INET, SOCK_DGRAM)", Native.getLastError());
        }
        return new WextSocket(fd);
    }

    /** A zeroed struct iwreq for {@code ifname}. */
    static Memory iwreq(String ifname) {
        byte[] name = ifname.getBytes(StandardCharsets.US_ASCII);
        if (name.length >= Uapi.IFNAMSIZ || name.length == 0) {
            throw new IllegalArgumentException("ifname: '" + ifname + "' does not fit IFNAMSIZ " + Uapi.IFNAMSIZ);
        }
        Memory req = new Memory(Uapi.SIZEOF_IWREQ);
        req.clear();
        req.write(0, name, 0, name.length);
        return req;
    }

    /** Sets the iw_point of {@code req} to {@code buf} of {@code length} octets. */
    static void point(Memory req, Pointer buf, int length, int flags) {
        req.setPointer(Uapi.IWREQ_U, buf);
        req.setShort(Uapi.IWREQ_U + Uapi.IW_POINT_LENGTH, (short) length);
        req.setShort(Uapi.IWREQ_U + Uapi.IW_POINT_FLAGS, (short) flags);
    }

    private void ioctl(int request, Memory req, String what) throws WextException {
        if (LIBC.ioctl(fd, new NativeLong(request & 0xffffffffL), req) < 0) {
            throw new WextException(what, Native.getLastError());
        }
    }

    /** SIOCGIWNAME: the protocol name ("IEEE 802.11" from cfg80211); EOPNOTSUPP (95) or ENODEV (19) without WEXT. */
    public String name(String ifname) throws WextException {
        Memory req = iwreq(ifname);
        ioctl(Uapi.SIOCGIWNAME, req, "SIOCGIWNAME " + ifname);
        return req.getString(Uapi.IWREQ_U, StandardCharsets.US_ASCII.name());
    }

    /** SIOCGIWRANGE: versions, encoding capabilities and channels. */
    public IwRange range(String ifname) throws WextException {
        Memory req = iwreq(ifname);
        Memory range = new Memory(Uapi.SIZEOF_IW_RANGE);
        range.clear();
        point(req, range, Uapi.SIZEOF_IW_RANGE, 0);
        ioctl(Uapi.SIOCGIWRANGE, req, "SIOCGIWRANGE " + ifname);
        int length = req.getShort(Uapi.IWREQ_U + Uapi.IW_POINT_LENGTH) & 0xffff;
        return IwRange.decode(range.getByteArray(0, Uapi.SIZEOF_IW_RANGE), length);
    }

    @Override
    public void close() {
        LIBC.close(fd);
    }
}
