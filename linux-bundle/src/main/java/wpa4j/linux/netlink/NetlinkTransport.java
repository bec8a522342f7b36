package wpa4j.linux.netlink;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where a {@link GenlClient}'s messages travel: a socket of its own ({@link SocketTransport}) or one held
 * by someone else across the client's lifetime (the nl80211 backend's socket custody). Messages are
 * whole netlink messages as octets; the transport owns sequence numbers and the port id.
 */
public interface NetlinkTransport extends AutoCloseable {
    /** The netlink port id of the socket (the kernel names a socket's owner by it). */
    int portId();

    /**
     * Sends {@code request} after writing the transport's next sequence number and its port id into the
     * header, and returns the messages answering it, the last its NLMSG_ERROR (ack) or NLMSG_DONE.
     */
    List<byte[]> exchange(byte[] request, int timeoutMs, String what) throws NetlinkException;

    /**
     * From now on every message that answers no request (a multicast event, a unicast notification)
     * goes to {@code handler}, on the transport's thread; the handler only parses and enqueues.
     */
    void listen(Consumer<byte[]> handler, String threadName);

    @Override
    void close();
}
