package wpa4j.linux.custody.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import wpa4j.linux.custody.ChannelOptions;
import wpa4j.linux.custody.Lease;
import wpa4j.linux.custody.LeaseInfo;
import wpa4j.linux.custody.SocketCustody;
import wpa4j.linux.custody.Will;

/**
 * The holdings by key and their lease life cycle: lease (a takeover revokes the previous handle), release
 * (receivers detached, expiry after the grace unless a successor comes), end. One lock guards the lease
 * state; sockets are opened, channels detached and closed outside it, because a receiver (called under its
 * channel's lock) may call back into its lease.
 */
public final class Custody implements SocketCustody.Owned {
    private static final System.Logger LOG = System.getLogger(Custody.class.getName());

    /** Longer than every will's timeout together with the sockets' closing. */
    private static final Duration EXPIRY_WAIT = Duration.ofSeconds(20);

    private final SocketLayer layer;
    private final Spawner spawner = new Spawner();
    private final Object lock = new Object();
    private final Map<String, Holding> holdings = new LinkedHashMap<>();
    private final Wills wills = new Wills(this::openChannel);
    private boolean closed;

    Custody(SocketLayer layer) {
        this.layer = layer;
    }

    /** A custody over the running kernel's netlink sockets. */
    public static Custody create() {
        return new Custody(new KernelSockets());
    }

    @Override
    public Lease lease(String key, String lessee) {
        LeaseHandle previous;
        LeaseHandle lease;
        List<HeldChannel> channels;
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(lessee, "lessee");
        synchronized (lock) {
            awaitExpiry(key);
            if (closed) {
                throw new IllegalStateException("custody closed");
            }
            Holding h = holdings.computeIfAbsent(key, Holding::new);
            previous = h.handle;
            if (previous != null) {
                previous.revoke(lessee);
                if (!previous.isReleased()) {
                    LOG.log(System.Logger.Level.INFO, "lease {0}: {1} takes over from {2}, which had not released it", key, lessee, previous.lessee);
                }
            }
            h.cancelExpiry();
            lease = new LeaseHandle(this, h, lessee);
            h.handle = lease;
            channels = h.channelList();
        }
        if (previous != null) {
            detach(channels, previous);
        }
        return lease;
    }

    @Override
    public List<LeaseInfo> leases() {
        record Snapshot(String key, String lessee, boolean released, List<HeldChannel> channels) {
        }
        List<Snapshot> snapshots = new ArrayList<>();
        synchronized (lock) {
            // a holding whose expiry runs is no longer held: it only waits for its wills and sockets to finish
            holdings.values().stream().filter(h -> !h.ended)
                    .forEach(h -> snapshots.add(new Snapshot(h.key, h.handle.lessee, h.handle.isReleased(), h.channelList())));
        }
        List<LeaseInfo> infos = new ArrayList<>();
        for (Snapshot s : snapshots) {
            Map<String, Integer> queued = new LinkedHashMap<>();
            long dropped = 0;
            for (HeldChannel c : s.channels()) {
                queued.put(c.name(), c.inbox().queued());
                dropped += c.inbox().dropped();
            }
            infos.add(new LeaseInfo(s.key(), s.lessee(), s.released(), queued, dropped));
        }
        return infos;
    }

    /** Closes every socket now, without running any will: the kernel ends the links they own. */
    @Override
    public void close() {
        List<HeldChannel> all = new ArrayList<>();
        synchronized (lock) {
            closed = true;
            for (Holding h : holdings.values()) {
                h.ended = true;
                h.cancelExpiry();
                all.addAll(h.channelList());
            }
            holdings.clear();
            lock.notifyAll();
        }
        closeAll(all);
        spawner.close();
    }

    Map<String, String> notes(LeaseHandle lease) {
        synchronized (lock) {
            lease.requireLive();
            return Map.copyOf(lease.holding.notes);
        }
    }

    void note(LeaseHandle lease, String name, String value) {
        synchronized (lock) {
            lease.requireLive();
            if (value == null) {
                lease.holding.notes.remove(name);
            } else {
                lease.holding.notes.put(name, value);
            }
        }
    }

    Optional<HeldChannel> channel(LeaseHandle lease, String name) {
        synchronized (lock) {
            lease.requireLive();
            return Optional.ofNullable(lease.holding.channels.get(name)).filter(HeldChannel::isOpen);
        }
    }

    HeldChannel openNetlink(LeaseHandle lease, String name, int protocol, ChannelOptions options) throws IOException {
        return hold(lease, name, () -> openChannel(lease.holding.key, name, protocol, options));
    }

    HeldChannel openPacket(LeaseHandle lease, String name, int ifindex, int ethertype, ChannelOptions options) throws IOException {
        return hold(lease, name, () -> HeldChannel.openPacket(lease.holding.key, name, ifindex, ethertype, options, layer, spawner));
    }

    private interface Opener {
        HeldChannel open() throws IOException;
    }

    /** Opens a channel and holds it under {@code name}, unless the name was taken (or the lease lost) meanwhile. */
    private HeldChannel hold(LeaseHandle lease, String name, Opener opener) throws IOException {
        Holding h = lease.holding;
        synchronized (lock) {
            requireFree(lease, name);
        }
        HeldChannel c = opener.open();
        synchronized (lock) {
            try {
                requireFree(lease, name); // a racing open of the same name, a takeover or an end
            } catch (IllegalStateException e) {
                c.close();
                throw e;
            }
            h.channels.put(name, c);
        }
        return c;
    }

    /** Detaches now; without a successor within {@code grace} the will runs and the sockets close. A second release changes nothing. */
    void release(LeaseHandle lease, Duration grace, List<Will> will) {
        Holding h = lease.holding;
        Holding.Expiry expiry;
        List<HeldChannel> channels;
        boolean now = grace.compareTo(Duration.ZERO) <= 0;
        synchronized (lock) {
            if (lease.isRevoked() || lease.isReleased() || h.ended) {
                return;
            }
            lease.markReleased();
            expiry = new Holding.Expiry(will);
            h.expiry = expiry;
            channels = h.channelList();
            if (!now) {
                // the will may wait on the kernel: it runs on a thread of its own, not on the scheduler
                expiry.timer = spawner.schedule(() -> startExpiry(h, expiry), grace);
            }
        }
        detach(channels, lease);
        if (now) {
            expire(h, expiry);
        }
    }

    /** Ends the lease now; a revoked handle's close does nothing (the sockets are the successor's). */
    void end(LeaseHandle lease) {
        Holding h = lease.holding;
        List<HeldChannel> channels;
        synchronized (lock) {
            if (lease.isRevoked() || h.ended) {
                return;
            }
            h.ended = true;
            h.cancelExpiry();
            channels = h.channelList();
        }
        // the key stays taken until the sockets are closed, as for an expiry (see awaitExpiry)
        try {
            closeAll(channels);
        } finally {
            synchronized (lock) {
                holdings.remove(h.key, h);
                lock.notifyAll();
            }
        }
    }

    void closeChannel(LeaseHandle lease, HeldChannel c) {
        synchronized (lock) {
            if (lease.isRevoked()) {
                return; // taken over since the handle looked
            }
            lease.holding.channels.remove(c.name(), c);
        }
        c.close();
    }

    private void requireFree(LeaseHandle lease, String name) {
        lease.requireLive();
        HeldChannel held = lease.holding.channels.get(name);
        if (held != null && held.isOpen()) {
            throw new IllegalStateException("lease " + lease.key() + " holds a channel " + name + " already");
        }
    }

    private HeldChannel openChannel(String key, String name, int protocol, ChannelOptions options) throws IOException {
        return HeldChannel.open(key, name, protocol, options, layer, spawner);
    }

    private void startExpiry(Holding h, Holding.Expiry expiry) {
        try {
            spawner.start("wpa4j-custody-" + h.key + "-expiry", () -> expire(h, expiry));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "lease " + h.key + ": expiry not started: " + e.getMessage());
        }
    }

    private void expire(Holding h, Holding.Expiry expiry) {
        Map<String, HeldChannel> channels;
        String lessee;
        synchronized (lock) {
            if (h.expiry != expiry || h.ended) {
                return; // a successor took the lease, or it ended otherwise
            }
            h.ended = true;
            h.expiry = null;
            channels = new LinkedHashMap<>(h.channels);
            lessee = h.handle.lessee;
        }
        LOG.log(System.Logger.Level.INFO, "lease {0} of {1} expired without a successor: {2} wills, then {3} sockets close", h.key, lessee,
                expiry.will.size(), channels.size());
        try {
            wills.run(h.key, expiry.will, channels);
            closeAll(List.copyOf(channels.values()));
        } finally {
            synchronized (lock) {
                holdings.remove(h.key, h);
                lock.notifyAll();
            }
        }
    }

    /**
     * A lessee that comes while its key's expiry runs waits for the wills and the closing to finish:
     * a fresh socket registering frames while the old one still holds them would be refused (EALREADY).
     */
    private void awaitExpiry(String key) {
        long deadline = System.nanoTime() + EXPIRY_WAIT.toNanos();
        Holding h;
        while ((h = holdings.get(key)) != null && h.ended && h.expiry == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("lease " + key + ": the expiry of the previous lessee's sockets did not finish within " + EXPIRY_WAIT);
            }
            try {
                lock.wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("lease " + key + ": interrupted waiting for an expiry", e);
            }
        }
    }

    private static void detach(List<HeldChannel> channels, LeaseHandle from) {
        channels.forEach(c -> c.inbox().detach(from));
    }

    private static void closeAll(List<HeldChannel> channels) {
        channels.forEach(HeldChannel::closeLater);
        channels.forEach(HeldChannel::awaitClosed);
    }
}
