package wpa4j.linux.custody.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import wpa4j.linux.custody.Channel;
import wpa4j.linux.custody.ChannelOptions;
import wpa4j.linux.custody.Lease;
import wpa4j.linux.custody.Will;

/** One lessee's handle on a holding. A takeover revokes it; the holding and its sockets stay. */
final class LeaseHandle implements Lease {
    private final Custody custody;
    final Holding holding;
    final String lessee;
    private volatile String revokedBy;
    private volatile boolean released;

    LeaseHandle(Custody custody, Holding holding, String lessee) {
        this.custody = custody;
        this.holding = holding;
        this.lessee = lessee;
    }

    @Override
    public String key() {
        return holding.key;
    }

    @Override
    public Map<String, String> notes() {
        return custody.notes(this);
    }

    @Override
    public void note(String name, String value) {
        custody.note(this, Objects.requireNonNull(name, "name"), value);
    }

    @Override
    public Optional<Channel> channel(String name) {
        return custody.channel(this, name).map(c -> new ChannelHandle(c, this));
    }

    @Override
    public Channel openNetlink(String name, int protocol, ChannelOptions options) throws IOException {
        return new ChannelHandle(custody.openNetlink(this, Objects.requireNonNull(name, "name"), protocol, Objects.requireNonNull(options, "options")),
                this);
    }

    @Override
    public Channel openPacket(String name, int ifindex, int ethertype, ChannelOptions options) throws IOException {
        if (ifindex <= 0 || ethertype < 0 || ethertype > 0xffff) {
            throw new IllegalArgumentException("ifindex > 0 and a 16-bit EtherType are required: " + ifindex + ", " + ethertype);
        }
        return new ChannelHandle(custody.openPacket(this, Objects.requireNonNull(name, "name"), ifindex, ethertype,
                Objects.requireNonNull(options, "options")), this);
    }

    @Override
    public void release(Duration grace, List<Will> will) {
        custody.release(this, Objects.requireNonNull(grace, "grace"), List.copyOf(will));
    }

    @Override
    public void close() {
        custody.end(this);
    }

    @Override
    public String toString() {
        return "lease " + holding.key + " of " + lessee + (revokedBy != null ? " (revoked)" : released ? " (released)" : "");
    }

    Custody custody() {
        return custody;
    }

    void revoke(String successor) {
        revokedBy = successor;
    }

    void markReleased() {
        released = true;
    }

    boolean isRevoked() {
        return revokedBy != null;
    }

    boolean isReleased() {
        return released;
    }

    /** Channel calls: a released lessee may still finish what it was doing, a revoked one may not. */
    void requireNotRevoked() {
        if (revokedBy != null) {
            throw new IllegalStateException("lease " + holding.key + " was taken over by " + revokedBy);
        }
    }

    /** Lease calls also fail once the lease ended (closed, or expired without a successor). */
    void requireLive() {
        requireNotRevoked();
        if (holding.ended) {
            throw new IllegalStateException("lease " + holding.key + " ended");
        }
    }

    /** Custody never calls a released lessee's code again, so it may not attach either. */
    void requireAttachable() {
        requireNotRevoked();
        if (released) {
            throw new IllegalStateException("lease " + holding.key + " was released by " + lessee);
        }
    }
}
