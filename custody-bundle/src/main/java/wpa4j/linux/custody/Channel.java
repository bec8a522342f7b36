package wpa4j.linux.custody;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One held socket: netlink, or AF_PACKET ({@link Lease#openPacket}: its messages are Ethernet frames). Custody reads it on a thread of its own, always, so the kernel's buffer never
 * fills while no lessee listens; messages answering a {@link #request} go to it, all others to the
 * attached receiver or, while none is, into a bounded queue.
 */
@ProviderType
public interface Channel {
    String name();

    /** The socket's netlink port id (the kernel knows its owner by it); 0 for a packet socket. */
    int portId();

    /**
     * Sends one netlink request (custody writes its sequence number and port id into a copy of it) and
     * returns every message answering it, each a whole message, the last its NLMSG_ERROR (the ack) or
     * NLMSG_DONE; so a command asks for the ack (NLM_F_ACK). Any number of threads may wait at once.
     *
     * @throws java.net.SocketTimeoutException when no answer ends it within {@code timeout}
     * @throws IllegalStateException when the lease was taken over by another lessee
     * @throws UnsupportedOperationException on a packet socket
     */
    List<byte[]> request(byte[] message, Duration timeout) throws IOException;

    /** Sends one netlink message (or, on a packet socket, one Ethernet frame) as it is, expecting no answer. */
    void send(byte[] message) throws IOException;

    /** NETLINK_ADD_MEMBERSHIP: the socket receives that multicast group from now on (not on a packet socket). */
    void joinGroup(int group) throws IOException;

    /**
     * From now on messages go to {@code receiver}, those queued first, in the order they arrived; one
     * receiver at a time (this replaces the previous one).
     *
     * @throws IllegalStateException when the lease was released or taken over
     */
    void attach(Receiver receiver);

    /** Messages dropped because the queue was full (or the kernel's buffer overran) since the channel was opened. */
    long dropped();

    /** Closes this socket only (its registrations and memberships go with it); nothing once the lease was taken over. */
    void close();
}
