package wpa4j.linux.custody;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Takes a channel's messages on custody's reader thread (those queued before {@link Channel#attach}: on the
 * attaching thread, before attach returns); it must not block (parse and enqueue only).
 */
@ConsumerType
@FunctionalInterface
public interface Receiver {
    /** One whole netlink message (an Ethernet frame on a packet socket); an exception is counted and the next message delivered. */
    void receive(byte[] message);
}
