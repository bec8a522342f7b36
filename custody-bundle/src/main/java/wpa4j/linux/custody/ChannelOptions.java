package wpa4j.linux.custody;

/**
 * How a channel queues while no receiver is attached: at most {@code maxQueued} messages, the kernel
 * receive buffer {@code receiveBuffer} octets, and which message goes when the queue is full.
 */
public record ChannelOptions(int maxQueued, int receiveBuffer, Overflow overflow) {
    /** DROP_NEWEST keeps a handshake's first messages in order; DROP_OLDEST keeps the latest events. */
    public enum Overflow {
        DROP_OLDEST, DROP_NEWEST
    }

    public ChannelOptions {
        if (maxQueued < 1 || receiveBuffer < 4096 || overflow == null) {
            throw new IllegalArgumentException("maxQueued >= 1, receiveBuffer >= 4096 and an overflow policy are required");
        }
    }

    /** 4096 messages, 1 MiB, drop newest. */
    public static ChannelOptions defaults() {
        return new ChannelOptions(4096, 1 << 20, Overflow.DROP_NEWEST);
    }

    public ChannelOptions withOverflow(Overflow o) {
        return new ChannelOptions(maxQueued, receiveBuffer, o);
    }
}
