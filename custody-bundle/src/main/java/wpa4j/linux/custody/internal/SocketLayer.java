package wpa4j.linux.custody.internal;

import java.io.IOException;

/** Where custody's sockets come from: the kernel ({@link KernelSockets}), or an in-memory fake in tests. */
interface SocketLayer {
    /**
     * Opens a netlink socket of {@code protocol}, bound (the kernel assigns the port id), with extended acks,
     * a receive buffer of {@code receiveBuffer} octets and a short receive timeout.
     */
    RawSocket open(int protocol, int receiveBuffer) throws IOException;

    /**
     * Opens an AF_PACKET/SOCK_RAW socket for {@code ethertype} bound to {@code ifindex}, with a receive buffer of
     * {@code receiveBuffer} octets and the same short receive timeout; its port id is 0, it sends on its interface.
     */
    RawSocket openPacket(int ifindex, int ethertype, int receiveBuffer) throws IOException;

    /** One open socket. Its channel's reader alone receives on it and closes it. */
    interface RawSocket {
        /** {@link #receive} found nothing within the receive timeout. */
        int TIMEOUT = -1;
        /** {@link #receive} found that the kernel dropped datagrams because the receive buffer was full (ENOBUFS). */
        int OVERRUN = -2;

        int portId();

        /** sendto the kernel (port 0); a packet socket sends the frame on its interface. */
        void send(byte[] datagram) throws IOException;

        /**
         * Receives one datagram into {@code buf}: its length, {@link #TIMEOUT} or {@link #OVERRUN}.
         * {@code groups[0]} is set to the multicast groups it was sent to (0: unicast to this socket).
         */
        int receive(byte[] buf, int[] groups) throws IOException;

        /** NETLINK_ADD_MEMBERSHIP. */
        void joinGroup(int group) throws IOException;

        /** Idempotent; no operation reaches the descriptor afterwards. */
        void close();
    }
}
