package wpa4j.linux.custody;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One lessee's hold on the sockets of a key. Notes are the few facts a successor needs to take a live
 * link over (role, BSSID, ownership mode); they are written through and kept with the sockets.
 */
@ProviderType
public interface Lease extends AutoCloseable {
    String key();

    /** A copy of the notes. */
    Map<String, String> notes();

    /** Sets a note; {@code null} removes it. */
    void note(String name, String value);

    /** The held channel of that name, if a lessee before this one opened it. */
    Optional<Channel> channel(String name);

    /**
     * Opens and binds a netlink socket of {@code protocol} (NETLINK_GENERIC 16, NETLINK_ROUTE 0) with
     * extended acks, held under {@code name}. Its datagrams queue until {@link Channel#attach}.
     *
     * @throws IllegalStateException when a channel of that name is held already
     */
    Channel openNetlink(String name, int protocol, ChannelOptions options) throws IOException;

    /**
     * Opens an AF_PACKET socket (SOCK_RAW) for {@code ethertype} bound to interface {@code ifindex}, held under
     * {@code name}: each message is one whole Ethernet frame (destination, source, EtherType, payload), received
     * and sent alike; a frame that comes while no lessee listens queues as a netlink message does. Such a channel
     * has no requests, groups or port id ({@link Channel#request} and {@link Channel#joinGroup} refuse).
     *
     * @throws IllegalStateException when a channel of that name is held already
     * @since 1.1
     */
    Channel openPacket(String name, int ifindex, int ethertype, ChannelOptions options) throws IOException;

    /**
     * Lets go without ending anything: receivers are detached now and what arrives queues for the next
     * lessee. Sends and requests of this lessee still work until a successor takes the lease. Without a
     * successor within {@code grace}, {@code will} runs in order and every socket closes (the kernel then
     * ends what they own). A second release changes nothing.
     */
    void release(Duration grace, List<Will> will);

    /** Ends the lease now: every socket closes, the key is free (nothing once the lease was taken over). */
    @Override
    void close();
}
