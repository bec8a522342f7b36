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
    private static final int E2BIG = 7;
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
        byte[] name = req.getByteArray(Uapi.IWREQ_U, Uapi.IFNAMSIZ); // char name[IFNAMSIZ]: no NUL is promised
        int len = 0;
        while (len < name.length && name[len] != 0) {
            len++;
        }
        return new String(name, 0, len, StandardCharsets.US_ASCII);
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

    /** SIOCGIWAP: the BSSID the interface is associated with (00:00:00:00:00:00 when none). */
    public byte[] bssid(String ifname) throws WextException {
        Memory req = iwreq(ifname);
        ioctl(Uapi.SIOCGIWAP, req, "SIOCGIWAP " + ifname);
        return req.getByteArray(Uapi.IWREQ_AP_SA_DATA, 6);
    }

    /** SIOCGIWESSID: the SSID octets (empty when not associated). */
    public byte[] essid(String ifname) throws WextException {
        Memory req = iwreq(ifname);
        Memory buf = new Memory(Uapi.IW_ESSID_MAX_SIZE);
        buf.clear();
        // exactly 32: a length of 33 marks pre-WE-21 user space, and the kernel then counts a NUL in the answer
        point(req, buf, Uapi.IW_ESSID_MAX_SIZE, 0);
        ioctl(Uapi.SIOCGIWESSID, req, "SIOCGIWESSID " + ifname);
        int length = Math.min(req.getShort(Uapi.IWREQ_U + Uapi.IW_POINT_LENGTH) & 0xffff, Uapi.IW_ESSID_MAX_SIZE);
        return buf.getByteArray(0, length);
    }

    /** SIOCSIWRTS / SIOCSIWFRAG (an iw_param): the threshold in octets, or off when {@code value} is negative. */
    public void threshold(String ifname, boolean rts, int value) throws WextException {
        Memory req = iwreq(ifname);
        req.setInt(Uapi.IWREQ_U + Uapi.IW_PARAM_VALUE, Math.max(value, 0));
        req.setByte(Uapi.IWREQ_U + Uapi.IW_PARAM_FIXED, (byte) 1);
        req.setByte(Uapi.IWREQ_U + Uapi.IW_PARAM_DISABLED, (byte) (value < 0 ? 1 : 0));
        ioctl(rts ? Uapi.SIOCSIWRTS : Uapi.SIOCSIWFRAG, req, (rts ? "SIOCSIWRTS " : "SIOCSIWFRAG ") + ifname);
    }

    /**
     * SIOCSIWSCAN; with {@code essid} a directed scan (struct iw_scan_req, IW_SCAN_THIS_ESSID). Completion is the
     * SIOCGIWSCAN wireless event on rtnetlink; until then SIOCGIWSCAN answers EAGAIN (11).
     */
    public void scan(String ifname, byte[] essid) throws WextException {
        scan(ifname, essid, java.util.List.of());
    }

    /** As {@link #scan(String, byte[])}, on the given frequencies only (IW_SCAN_THIS_FREQ) unless the list is empty. */
    public void scan(String ifname, byte[] essid, java.util.List<Integer> freqsMhz) throws WextException {
        Memory req = iwreq(ifname);
        if (essid != null || !freqsMhz.isEmpty()) {
            if (essid != null && essid.length > Uapi.IW_ESSID_MAX_SIZE) {
                throw new IllegalArgumentException("essid: " + essid.length + " octets");
            }
            if (freqsMhz.size() > Uapi.IW_MAX_FREQUENCIES) {
                throw new IllegalArgumentException("freqs: " + freqsMhz.size() + ", at most " + Uapi.IW_MAX_FREQUENCIES);
            }
            Memory sr = new Memory(Uapi.SIZEOF_IW_SCAN_REQ);
            sr.clear();
            int flags = 0;
            if (essid != null) {
                sr.setByte(Uapi.IW_SCAN_REQ_ESSID_LEN, (byte) essid.length);
                sr.write(Uapi.IW_SCAN_REQ_ESSID, essid, 0, essid.length);
                flags |= Uapi.IW_SCAN_THIS_ESSID;
            }
            sr.setByte(Uapi.IW_SCAN_REQ_NUM_CHANNELS, (byte) freqsMhz.size());
            for (int i = 0; i < freqsMhz.size(); i++) {
                int at = Uapi.IW_SCAN_REQ_CHANNEL_LIST + i * Uapi.SIZEOF_IW_FREQ;
                sr.setInt(at + Uapi.IW_FREQ_M, freqsMhz.get(i) * 100_000); // m * 10^e Hz, e = 1
                sr.setShort(at + Uapi.IW_FREQ_E, (short) 1);
            }
            if (!freqsMhz.isEmpty()) {
                flags |= Uapi.IW_SCAN_THIS_FREQ;
            }
            point(req, sr, Uapi.SIZEOF_IW_SCAN_REQ, flags);
        }
        ioctl(Uapi.SIOCSIWSCAN, req, "SIOCSIWSCAN " + ifname);
    }

    /** SIOCGIWSCAN into a buffer that grows on E2BIG (up to the u16 limit of iw_point.length), parsed. */
    public IwEventStream.Parsed scanResults(String ifname) throws WextException {
        int size = 4096;
        while (true) {
            Memory req = iwreq(ifname);
            Memory buf = new Memory(size);
            buf.clear();
            point(req, buf, size, 0);
            if (LIBC.ioctl(fd, new NativeLong(Uapi.SIOCGIWSCAN & 0xffffffffL), req) == 0) {
                int length = req.getShort(Uapi.IWREQ_U + Uapi.IW_POINT_LENGTH) & 0xffff;
                return IwEventStream.parse(buf.getByteArray(0, size), Math.min(length, size));
            }
            int errno = Native.getLastError();
            if (errno != E2BIG || size >= 65535) {
                throw new WextException("SIOCGIWSCAN " + ifname, errno);
            }
            size = Math.min(size * 2, 65535);
        }
    }

    /** SIOCGIFINDEX: the interface index. */
    public int ifindex(String ifname) throws WextException {
        Memory req = iwreq(ifname);
        ioctl(Uapi.SIOCGIFINDEX, req, "SIOCGIFINDEX " + ifname);
        return req.getInt(Uapi.IFREQ_IFINDEX);
    }

    /** SIOCGIFHWADDR: the interface's own MAC address. */
    public byte[] hwaddr(String ifname) throws WextException {
        Memory req = iwreq(ifname);
        ioctl(Uapi.SIOCGIFHWADDR, req, "SIOCGIFHWADDR " + ifname);
        return req.getByteArray(Uapi.IFREQ_HWADDR_SA_DATA, 6);
    }

    /** SIOCSIWAUTH: sets the IW_AUTH_* parameter {@code index} (an iw_param: flags = index, value). */
    public void auth(String ifname, int index, int value) throws WextException {
        Memory req = iwreq(ifname);
        req.setShort(Uapi.IWREQ_U + Uapi.IW_PARAM_FLAGS, (short) (index & Uapi.IW_AUTH_INDEX));
        req.setInt(Uapi.IWREQ_U + Uapi.IW_PARAM_VALUE, value);
        ioctl(Uapi.SIOCSIWAUTH, req, "SIOCSIWAUTH " + ifname + " index " + index);
    }

    /** SIOCSIWMODE (IW_MODE_INFRA for a station). */
    public void mode(String ifname, int mode) throws WextException {
        Memory req = iwreq(ifname);
        req.setInt(Uapi.IWREQ_MODE, mode);
        ioctl(Uapi.SIOCSIWMODE, req, "SIOCSIWMODE " + ifname);
    }

    /** SIOCSIWFREQ: a fixed frequency in MHz, as m * 10^e Hz with e = 1. */
    public void freq(String ifname, int mhz) throws WextException {
        Memory req = iwreq(ifname);
        req.setInt(Uapi.IWREQ_U + Uapi.IW_FREQ_M, mhz * 100_000);
        req.setShort(Uapi.IWREQ_U + Uapi.IW_FREQ_E, (short) 1);
        req.setByte(Uapi.IWREQ_U + Uapi.IW_FREQ_FLAGS, (byte) Uapi.IW_FREQ_FIXED);
        ioctl(Uapi.SIOCSIWFREQ, req, "SIOCSIWFREQ " + ifname);
    }

    /** SIOCSIWAP: the BSSID to associate with (a sockaddr of family ARPHRD_ETHER); all zero means any. */
    public void setBssid(String ifname, byte[] bssid) throws WextException {
        Memory req = iwreq(ifname);
        req.setShort(Uapi.IWREQ_AP_SA_FAMILY, (short) Uapi.ARPHRD_ETHER);
        req.write(Uapi.IWREQ_AP_SA_DATA, bssid, 0, 6);
        ioctl(Uapi.SIOCSIWAP, req, "SIOCSIWAP " + ifname);
    }

    /** SIOCSIWESSID: with cfg80211 the SSID (after BSSID, frequency, IEs and auth parameters) starts the connection. */
    public void setEssid(String ifname, byte[] ssid) throws WextException {
        if (ssid.length > Uapi.IW_ESSID_MAX_SIZE) {
            throw new IllegalArgumentException("essid: " + ssid.length + " octets");
        }
        pointIoctl(Uapi.SIOCSIWESSID, ifname, ssid, ssid.length == 0 ? 0 : 1, "SIOCSIWESSID ");
    }

    /** SIOCSIWGENIE: the IEs (WPA/RSN element) for the (Re)Association Request; empty clears them. */
    public void genericIe(String ifname, byte[] ies) throws WextException {
        pointIoctl(Uapi.SIOCSIWGENIE, ifname, ies, 0, "SIOCSIWGENIE ");
    }

    /** SIOCSIWENCODEEXT: {@code ext} is a struct iw_encode_ext with its key; {@code flags} the key index + 1 and IW_ENCODE_*. */
    public void encodeExt(String ifname, byte[] ext, int flags) throws WextException {
        pointIoctl(Uapi.SIOCSIWENCODEEXT, ifname, ext, flags, "SIOCSIWENCODEEXT ");
    }

    /** SIOCSIWMLME: a struct iw_mlme (IW_MLME_DEAUTH/DISASSOC, reason, peer). */
    public void mlme(String ifname, byte[] mlme) throws WextException {
        pointIoctl(Uapi.SIOCSIWMLME, ifname, mlme, 0, "SIOCSIWMLME ");
    }

    /** SIOCSIWPMKSA: a struct iw_pmksa (add, remove, flush). */
    public void pmksa(String ifname, byte[] pmksa) throws WextException {
        pointIoctl(Uapi.SIOCSIWPMKSA, ifname, pmksa, 0, "SIOCSIWPMKSA ");
    }

    /** An ioctl whose argument is an iw_point to {@code data}; the native copy is zeroed afterwards (it may hold a key). */
    private void pointIoctl(int request, String ifname, byte[] data, int flags, String what) throws WextException {
        Memory req = iwreq(ifname);
        Memory buf = new Memory(Math.max(data.length, 1));
        buf.write(0, data, 0, data.length);
        point(req, data.length == 0 ? Pointer.NULL : buf, data.length, flags);
        try {
            ioctl(request, req, what + ifname);
        } finally {
            buf.clear();
        }
    }

    @Override
    public void close() {
        LIBC.close(fd);
    }
}
