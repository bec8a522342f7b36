package wpa4j.linux.packet;

import java.util.function.BiConsumer;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.linux.uapi.Uapi;

/**
 * EAPOL frames of one interface over AF_PACKET/SOCK_DGRAM bound to ETH_P_PAE: the kernel strips and
 * builds the Ethernet header; received frames (source address, 802.1X PDU) go to the handler from the
 * socket's own reader thread.
 */
public final class EapolSocket implements AutoCloseable {
    interface LibC extends Library {
        int socket(int domain, int type, int protocol);

        int bind(int fd, byte[] addr, int len);

        long sendto(int fd, byte[] buf, long len, int flags, byte[] addr, int addrlen);

        long recvfrom(int fd, byte[] buf, long len, int flags, byte[] addr, IntByReference addrlen);

        int setsockopt(int fd, int level, int name, byte[] value, int len);

        int close(int fd);
    }

    private static final LibC LIBC = Native.load("c", LibC.class);
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;

    private final int fd;
    private final int ifindex;
    private final Thread reader;
    private volatile boolean running = true;

    private EapolSocket(int fd, int ifindex, BiConsumer<MacAddress, Bytes> handler) {
        this.fd = fd;
        this.ifindex = ifindex;
        reader = new Thread(() -> read(handler), "wpa4j-eapol-" + ifindex);
        reader.setDaemon(true);
        reader.start();
    }

    public static EapolSocket open(int ifindex, BiConsumer<MacAddress, Bytes> handler) throws java.io.IOException {
        int proto = Short.toUnsignedInt(Short.reverseBytes((short) Uapi.ETH_P_PAE));
        int fd = LIBC.socket(Uapi.AF_PACKET, Uapi.SOCK_DGRAM, proto);
        if (fd < 0) {
            throw new java.io.IOException("socket(AF_PACKET) failed: errno " + Native.getLastError());
        }
        byte[] sll = sockaddrLl(ifindex, null);
        if (LIBC.bind(fd, sll, sll.length) < 0) {
            int e = Native.getLastError();
            LIBC.close(fd);
            throw new java.io.IOException("bind(AF_PACKET, ifindex " + ifindex + ") failed: errno " + e);
        }
        byte[] tv = new byte[16];
        tv[8] = (byte) 0xa0;
        tv[9] = (byte) 0x86;
        tv[10] = 0x01; // 100 000 us: the reader notices close() and releases the socket within 0.1 s
        LIBC.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, tv, tv.length);
        return new EapolSocket(fd, ifindex, handler);
    }

    /** struct sockaddr_ll: family, protocol (network order), ifindex, hatype, pkttype, halen, addr[8]. */
    private static byte[] sockaddrLl(int ifindex, MacAddress dst) {
        byte[] a = new byte[20];
        a[0] = (byte) Uapi.AF_PACKET;
        a[2] = (byte) (Uapi.ETH_P_PAE >> 8);
        a[3] = (byte) Uapi.ETH_P_PAE;
        for (int i = 0; i < 4; i++) {
            a[4 + i] = (byte) (ifindex >> (8 * i));
        }
        if (dst != null) {
            a[11] = 6;
            dst.writeTo(a, 12);
        }
        return a;
    }

    public void send(MacAddress dst, Bytes pdu) throws java.io.IOException {
        if (!running) {
            throw new java.io.IOException("EAPOL socket of ifindex " + ifindex + " is closed");
        }
        byte[] sll = sockaddrLl(ifindex, dst);
        byte[] b = pdu.toArray();
        if (LIBC.sendto(fd, b, b.length, 0, sll, sll.length) < 0) {
            throw new java.io.IOException("sendto(EAPOL) failed: errno " + Native.getLastError());
        }
    }

    private void read(BiConsumer<MacAddress, Bytes> handler) {
        byte[] buf = new byte[4096];
        byte[] from = new byte[20];
        IntByReference fromLen = new IntByReference();
        try {
            while (running) {
                fromLen.setValue(from.length);
                long n = LIBC.recvfrom(fd, buf, buf.length, 0, from, fromLen);
                if (n <= 0 || fromLen.getValue() < 18 || !running) {
                    continue;
                }
                try {
                    handler.accept(MacAddress.of(from, 12), Bytes.of(buf, 0, (int) n));
                } catch (RuntimeException e) {
                    // a bad frame or a handler bug must not end EAPOL reception
                }
            }
        } finally {
            LIBC.close(fd);
        }
    }

    /**
     * Stops delivery at once; the reader closes the socket when its receive returns (at most 0.1 s), so that
     * close() never blocks the caller's event loop (a driver swap runs there).
     */
    @Override
    public void close() {
        running = false;
    }
}
