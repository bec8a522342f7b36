package wpa4j.nl80211;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import wpa4j.linux.custody.Channel;
import wpa4j.linux.custody.ChannelOptions;
import wpa4j.linux.custody.Lease;
import wpa4j.linux.custody.LeaseInfo;
import wpa4j.linux.custody.Receiver;
import wpa4j.linux.custody.SocketCustody;
import wpa4j.linux.custody.Will;
import wpa4j.linux.netlink.NlWriter;
import wpa4j.nl80211.uapi.Uapi;

/**
 * Custody in memory, standing in for the kernel: every request is recorded and acked, messages "from the
 * kernel" are injected, and they queue while no receiver is attached, as the real custody does.
 */
final class FakeCustody implements SocketCustody {
    final Map<String, Held> held = new ConcurrentHashMap<>();

    /** The sockets and notes of one key, across lessees. */
    static final class Held {
        final Map<String, FakeChannel> channels = new HashMap<>();
        final Map<String, String> notes = new ConcurrentHashMap<>();
        boolean released;
        List<Will> will = List.of();
        /** PF_PACKET sockets opened under this key, by any lessee. */
        int packetOpens;
    }

    @Override
    public Lease lease(String key, String lessee) {
        Held h = held.computeIfAbsent(key, k -> new Held());
        h.released = false;
        return new Lease() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public Map<String, String> notes() {
                return Map.copyOf(h.notes);
            }

            @Override
            public void note(String name, String value) {
                if (value == null) {
                    h.notes.remove(name);
                } else {
                    h.notes.put(name, value);
                }
            }

            @Override
            public Optional<Channel> channel(String name) {
                return Optional.<Channel>ofNullable(h.channels.get(name)).filter(c -> !((FakeChannel) c).closed);
            }

            /** As the real custody: a name held (and open) is refused. */
            private void requireFree(String name) {
                if (channel(name).isPresent()) {
                    throw new IllegalStateException("channel " + name + " is held");
                }
            }

            @Override
            public Channel openNetlink(String name, int protocol, ChannelOptions options) {
                requireFree(name);
                FakeChannel c = new FakeChannel(name, 100 + h.channels.size());
                h.channels.put(name, c);
                return c;
            }

            @Override
            public Channel openPacket(String name, int ifindex, int ethertype, ChannelOptions options) {
                requireFree(name);
                FakeChannel c = new FakeChannel(name, 0);
                c.packet = true;
                h.channels.put(name, c);
                h.packetOpens++;
                return c;
            }

            @Override
            public void release(Duration grace, List<Will> will) {
                h.released = true;
                h.will = will;
                h.channels.values().forEach(c -> c.receiver = null);
            }

            @Override
            public void close() {
                held.remove(key);
                h.channels.values().forEach(FakeChannel::close);
            }
        };
    }

    @Override
    public List<LeaseInfo> leases() {
        return List.of();
    }

    /** One socket: what was sent on it (commands by number), what waits for a receiver. */
    static final class FakeChannel implements Channel {
        final String name;
        final int portId;
        final List<Integer> commands = new ArrayList<>();
        final List<Integer> groups = new ArrayList<>();
        final List<byte[]> queued = new ArrayList<>();
        /** Frames sent on a packet socket, as they went. */
        final List<byte[]> frames = new ArrayList<>();
        boolean packet;
        /** Canned replies by command (sent before the ack), for requests that expect one. */
        final Map<Integer, byte[]> replies = new HashMap<>();
        volatile Receiver receiver;
        boolean closed;

        FakeChannel(String name, int portId) {
            this.name = name;
            this.portId = portId;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int portId() {
            return portId;
        }

        @Override
        public synchronized List<byte[]> request(byte[] message, Duration timeout) {
            requireNetlink();
            int cmd = message[16] & 0xff; // the genl command after the netlink header
            commands.add(cmd);
            byte[] ack = new byte[36];
            ack[0] = 36;
            ack[4] = (byte) wpa4j.linux.uapi.Uapi.NLMSG_ERROR;
            System.arraycopy(message, 8, ack, 8, 4);
            byte[] reply = replies.get(cmd);
            if (reply == null) {
                return List.of(ack);
            }
            byte[] r = reply.clone();
            System.arraycopy(message, 8, r, 8, 4);
            return List.of(r, ack);
        }

        @Override
        public void send(byte[] message) {
            if (packet) {
                frames.add(message.clone());
                return;
            }
            commands.add(message[16] & 0xff);
        }

        @Override
        public void joinGroup(int group) {
            requireNetlink();
            groups.add(group);
        }

        private void requireNetlink() {
            if (packet) {
                throw new UnsupportedOperationException("packet channel " + name);
            }
        }

        @Override
        public synchronized void attach(Receiver r) {
            queued.forEach(r::receive);
            queued.clear();
            receiver = r;
        }

        /** A message from the kernel: to the receiver, or queued while there is none. */
        synchronized void inject(byte[] message) {
            if (receiver != null) {
                receiver.receive(message);
            } else {
                queued.add(message);
            }
        }

        @Override
        public long dropped() {
            return 0;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** An nl80211 notification as the kernel sends it (family id 0x1c, as in the other tests). */
    static byte[] notification(int cmd, int ifindex, NlWriterAttrs attrs) {
        NlWriter w = NlWriter.genl(cmd, 1).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex);
        attrs.add(w);
        return w.build(0x1c, 0, 0, 0);
    }

    @FunctionalInterface
    interface NlWriterAttrs {
        void add(NlWriter w);
    }
}
