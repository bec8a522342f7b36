package wpa4j.wext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import wpa4j.linux.netlink.NetlinkException;
import wpa4j.runtime.registry.BackendStack;
import wpa4j.linux.netlink.RtnetlinkEvents;
import wpa4j.wext.ioctl.WextException;
import wpa4j.wext.ioctl.WextSocket;

/**
 * The WEXT interfaces of this host: probed at start (every link in /sys/class/net that answers
 * SIOCGIWNAME) and followed through rtnetlink link notifications (hot-plug), which also carry the wireless
 * events (IFLA_WIRELESS) routed here to the open interface they are for.
 */
public final class WextStack implements BackendStack {
    /** Told of every change in the set of drivers. */
    public interface Listener {
        void added(WextDriver driver);

        void removed(WextDriver driver);
    }

    private static final Path SYS_CLASS_NET = Path.of("/sys/class/net");

    private final WextSocket probe;
    private final Listener listener;
    private final Map<String, WextDriver> drivers = new ConcurrentHashMap<>();
    private final Map<Integer, WextInterface> open = new ConcurrentHashMap<>();
    /** Off: closing an interface leaves its association for the next driver (a swap). On: closing ends it. */
    private final java.util.concurrent.atomic.AtomicBoolean endLinksOnClose = new java.util.concurrent.atomic.AtomicBoolean();
    private RtnetlinkEvents events;

    private WextStack(WextSocket probe, Listener listener) {
        this.probe = probe;
        this.listener = listener;
    }

    /** Probes the interfaces and follows them; {@code listener} may be null. */
    public static WextStack open(Listener listener) throws WextException, NetlinkException {
        WextStack s = new WextStack(WextSocket.open(), listener);
        try {
            s.events = RtnetlinkEvents.open(s::onLink);
            for (String ifname : links()) {
                s.consider(ifname);
            }
            return s;
        } catch (NetlinkException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static List<String> links() {
        try (Stream<Path> l = Files.list(SYS_CLASS_NET)) {
            return l.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A driver for {@code ifname} when it answers the WEXT probe and has none yet. */
    private synchronized void consider(String ifname) {
        if (ifname.isEmpty() || drivers.containsKey(ifname)) {
            return;
        }
        try {
            WextDriver d = new WextDriver(WextProbe.probe(probe, ifname), open, this, endLinksOnClose::get);
            drivers.put(ifname, d);
            if (listener != null) {
                listener.added(d);
            }
        } catch (WextException | IllegalArgumentException e) {
            // no Wireless Extensions on this link (EOPNOTSUPP, ENODEV), or a name WEXT cannot take
        }
    }

    private synchronized void forget(String ifname) {
        WextDriver d = drivers.remove(ifname);
        if (d != null && listener != null) {
            listener.removed(d);
        }
    }

    private void onLink(RtnetlinkEvents.LinkEvent e) {
        WextDriver known = drivers.values().stream().filter(d -> d.ifindex() == e.ifindex()).findFirst().orElse(null);
        if (e.removed() || known != null && !known.ifname().equals(e.ifname())) {
            // gone, or renamed (udev): the service under the old name goes; a renamed link is probed anew below
            String name = known != null ? known.ifname() : e.ifname();
            WextInterface i = open.get(e.ifindex());
            if (i != null) {
                i.interfaceRemoved(name);
            }
            forget(name);
            if (e.removed()) {
                return;
            }
        }
        if (!e.wireless().isEmpty()) {
            WextInterface i = open.get(e.ifindex());
            if (i != null) {
                i.onWireless(e.wireless());
            }
            return;
        }
        consider(e.ifname());
    }

    public List<WextDriver> drivers() {
        return new ArrayList<>(drivers.values());
    }

    public WextDriver driver(String ifname) {
        return drivers.get(ifname);
    }

    /** rtnetlink notifications that did not decode. */
    public long malformedNotifications() {
        return events.malformed();
    }

    /** From now on, closing an interface ends its association, as the gateway shutting down should. */
    @Override
    public void endLinks() {
        endLinksOnClose();
    }

    /** A WEXT link belongs to the interface, not to a socket: the next instance (or nl80211) takes it as it is. */
    @Override
    public void handOver() {
        // nothing to hand: closing leaves the association in the kernel
    }

    /** As {@link #endLinks()}: from now on, closing an interface ends its association. */
    public void endLinksOnClose() {
        endLinksOnClose.set(true);
    }

    @Override
    public void close() {
        if (events != null) {
            events.close();
        }
        probe.close();
    }
}
