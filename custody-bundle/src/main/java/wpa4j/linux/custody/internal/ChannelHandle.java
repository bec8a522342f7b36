package wpa4j.linux.custody.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import wpa4j.linux.custody.Channel;
import wpa4j.linux.custody.Receiver;

/** A lessee's view of a held channel: it refuses every call once its lease is taken over. */
final class ChannelHandle implements Channel {
    private final HeldChannel held;
    private final LeaseHandle lease;

    ChannelHandle(HeldChannel held, LeaseHandle lease) {
        this.held = held;
        this.lease = lease;
    }

    @Override
    public String name() {
        return held.name();
    }

    @Override
    public int portId() {
        return held.portId();
    }

    @Override
    public List<byte[]> request(byte[] message, Duration timeout) throws IOException {
        lease.requireNotRevoked();
        return held.request(message, Objects.requireNonNull(timeout, "timeout"));
    }

    @Override
    public void send(byte[] message) throws IOException {
        lease.requireNotRevoked();
        held.send(message);
    }

    @Override
    public void joinGroup(int group) throws IOException {
        lease.requireNotRevoked();
        held.joinGroup(group);
    }

    @Override
    public void attach(Receiver receiver) {
        held.inbox().attach(Objects.requireNonNull(receiver, "receiver"), lease);
    }

    @Override
    public long dropped() {
        return held.inbox().dropped();
    }

    /** Does nothing once the lease was taken over: the socket is the successor's then. */
    @Override
    public void close() {
        if (!lease.isRevoked()) {
            lease.custody().closeChannel(lease, held);
        }
    }

    HeldChannel held() {
        return held;
    }

    @Override
    public String toString() {
        return "channel " + held.name() + " of " + lease;
    }
}
