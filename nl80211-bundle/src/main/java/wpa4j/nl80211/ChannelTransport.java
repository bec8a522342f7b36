package wpa4j.nl80211;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import wpa4j.linux.custody.Channel;
import wpa4j.linux.netlink.NetlinkException;
import wpa4j.linux.netlink.NetlinkTransport;

/**
 * A netlink transport on a socket held in custody: requests and notifications go through the channel,
 * and closing the transport leaves the socket to the lease (which decides whether it outlives this instance).
 */
final class ChannelTransport implements NetlinkTransport {
    private final Channel channel;

    ChannelTransport(Channel channel) {
        this.channel = channel;
    }

    @Override
    public int portId() {
        return channel.portId();
    }

    @Override
    public List<byte[]> exchange(byte[] request, int timeoutMs, String what) throws NetlinkException {
        try {
            return channel.request(request, Duration.ofMillis(timeoutMs));
        } catch (SocketTimeoutException e) {
            throw new NetlinkException(what + ": no answer within " + timeoutMs + " ms", 110, "");
        } catch (IOException e) {
            throw new NetlinkException(what + ": " + e.getMessage(), 5, "");
        } catch (IllegalStateException e) {
            // this instance's lease was taken over by its successor: it drives the interface no more
            throw new NetlinkException(what + ": " + e.getMessage(), 9, "");
        }
    }

    @Override
    public void listen(Consumer<byte[]> handler, String threadName) {
        channel.attach(handler::accept);
    }

    @Override
    public void close() {
        // the lease owns the socket
    }
}
