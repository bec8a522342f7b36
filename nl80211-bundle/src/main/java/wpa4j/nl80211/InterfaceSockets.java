package wpa4j.nl80211;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import wpa4j.linux.custody.Channel;
import wpa4j.linux.custody.ChannelOptions;
import wpa4j.linux.custody.Lease;
import wpa4j.linux.custody.Receiver;
import wpa4j.linux.custody.SocketCustody;
import wpa4j.linux.custody.Will;
import wpa4j.linux.netlink.GenlClient;
import wpa4j.linux.netlink.NetlinkException;
import wpa4j.nl80211.cmd.Nl80211;
import wpa4j.nl80211.cmd.Nl80211Events;
import wpa4j.nl80211.uapi.Uapi;

/**
 * The sockets of one open interface, leased from custody under {@code nl80211/<ifindex>}: the command
 * socket (the SOCKET_OWNER of a control-port link, and where its EAPOL arrives), one socket joined to
 * mlme and scan, one per frame registration, and the PF_PACKET socket of a link no netlink socket owns. A successor instance finds them held, with their queues,
 * and sends nothing to set them up again: that is what keeps the link across a backend update.
 */
final class InterfaceSockets {
    static final String CMD = "cmd";
    static final String EVENTS = "events";
    static final String AP_FRAMES = "frames-ap";
    static final String STATION_FRAMES = "frames-station";
    static final String PROBE_REQUESTS = "frames-probe";
    static final String AP_PROBE_REQUESTS = "frames-ap-probe";
    /** The PF_PACKET socket of a link no netlink socket owns (its EAPOL arrives on the interface). */
    static final String EAPOL_PACKET = "eapol-packet";
    /** Notes a successor reads: the role, whether the command socket owns the link, and the link itself. */
    static final String ROLE = "role";
    static final String CONTROL_PORT = "controlPort";
    static final String BSSID = "bssid";
    static final String SSID = "ssid";
    static final String FREQ = "freq";
    /** When the noted link began, in milliseconds of the JVM's monotonic clock (custody lives in the same JVM). */
    static final String LINK_SINCE = "linkSince";

    private static final ChannelOptions IN_ORDER = ChannelOptions.defaults();
    private static final ChannelOptions LATEST = ChannelOptions.defaults().withOverflow(ChannelOptions.Overflow.DROP_OLDEST);

    private final Lease lease;
    private final GenlClient.Family family;
    private final int ifindex;
    private final boolean inherited;
    private Nl80211 cmd;

    private InterfaceSockets(Lease lease, GenlClient.Family family, int ifindex) {
        this.lease = lease;
        this.family = family;
        this.ifindex = ifindex;
        this.inherited = lease.channel(CMD).isPresent();
    }

    static InterfaceSockets lease(SocketCustody custody, GenlClient.Family family, int ifindex, String lessee) {
        return new InterfaceSockets(custody.lease("nl80211/" + ifindex, lessee), family, ifindex);
    }

    /** Whether an instance before this one left these sockets (a live handover), so the link may be running. */
    boolean inherited() {
        return inherited;
    }

    Optional<String> note(String name) {
        return Optional.ofNullable(lease.notes().get(name));
    }

    void note(String name, Object value) {
        lease.note(name, value == null ? null : value.toString());
    }

    /** The command socket: every request of the interface goes out on it. */
    synchronized Nl80211 cmd() throws NetlinkException {
        if (cmd == null) {
            cmd = Nl80211.on(client(CMD, IN_ORDER), family);
        }
        return cmd;
    }

    /** Unicast notifications to the command socket (control-port EAPOL when it owns the link) go to {@code handler}. */
    void listenOwner(Consumer<Nl80211Events.Notification> handler) throws NetlinkException {
        Nl80211Events.listen(cmd().client(), family.id(), handler, "");
    }

    /** The interface's mlme and scan notifications (the groups carry every interface's: the others are filtered out). */
    void listenEvents(Consumer<Nl80211Events.Notification> handler) throws NetlinkException {
        boolean fresh = lease.channel(EVENTS).isEmpty();
        GenlClient events = client(EVENTS, LATEST);
        if (fresh) {
            for (String g : List.of("mlme", "scan")) {
                Integer id = family.groups().get(g);
                if (id != null) {
                    join(EVENTS, id);
                }
            }
        }
        Nl80211Events.listen(events, family.id(), n -> {
            if (n.ifindex() == ifindex) {
                handler.accept(n);
            }
        }, "");
    }

    /**
     * Management frames matching {@code matches} to {@code handler}: registered on a socket of their own,
     * or, when a predecessor registered them, only listened to (cfg80211 would refuse a second registration).
     */
    void listenFrames(String name, List<Nl80211.FrameMatch> matches, boolean keepLatest, Consumer<Nl80211Events.Notification> handler)
            throws NetlinkException {
        boolean fresh = lease.channel(name).isEmpty();
        GenlClient frames = client(name, keepLatest ? LATEST : IN_ORDER);
        if (fresh) {
            try {
                Nl80211.on(frames, family).registerFrames(ifindex, matches);
            } catch (NetlinkException e) {
                drop(name);
                throw e;
            }
        }
        Nl80211Events.listen(frames, family.id(), handler, "");
    }

    /**
     * The interface's PF_PACKET socket for {@code ethertype}, whole Ethernet frames to {@code receiver}: held, so a
     * frame that comes between two instances queues for the next; opened when no predecessor left one.
     */
    Channel eapolPacket(int ethertype, Receiver receiver) throws IOException {
        Optional<Channel> held = lease.channel(EAPOL_PACKET);
        Channel c = held.isPresent() ? held.get() : lease.openPacket(EAPOL_PACKET, ifindex, ethertype, IN_ORDER);
        c.attach(receiver);
        return c;
    }

    /** Closes one socket (its registrations go with it: cfg80211 has no unregister). */
    void drop(String name) {
        lease.channel(name).ifPresent(Channel::close);
    }

    /** Every frame registration socket: before an iftype change, which purges their registrations in the kernel. */
    void dropFrames() {
        List.of(AP_FRAMES, AP_PROBE_REQUESTS, PROBE_REQUESTS, STATION_FRAMES).forEach(this::drop);
    }

    /** A request a lapsed handover sends on the command socket before the sockets close. */
    Will cmdWill(byte[] request) {
        return new Will(CMD, Uapi.NETLINK_GENERIC, request);
    }

    /** Leaves the sockets to a successor; without one within {@code grace}, {@code will} runs and they close. */
    void release(Duration grace, List<Will> will) {
        lease.release(grace, will);
    }

    /** Closes every socket now (the kernel ends a link the command socket owns). */
    void end() {
        lease.close();
    }

    private GenlClient client(String name, ChannelOptions options) throws NetlinkException {
        Optional<Channel> held = lease.channel(name);
        try {
            return new GenlClient(new ChannelTransport(held.isPresent() ? held.get() : lease.openNetlink(name, Uapi.NETLINK_GENERIC, options)));
        } catch (IOException e) {
            throw new NetlinkException("socket " + name + " for interface " + ifindex + ": " + e.getMessage(), 24, "");
        }
    }

    private void join(String name, int group) throws NetlinkException {
        try {
            lease.channel(name).orElseThrow().joinGroup(group);
        } catch (IOException e) {
            throw new NetlinkException("join group " + group + ": " + e.getMessage(), 5, "");
        }
    }
}
