package wpa4j.nl80211;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import wpa4j.linux.custody.SocketCustody;
import wpa4j.runtime.registry.BackendStack;
import wpa4j.linux.custody.plain.PlainCustody;
import wpa4j.nl80211.cmd.InterfaceRecord;
import wpa4j.nl80211.cmd.Nl80211;
import wpa4j.nl80211.cmd.Nl80211Events;
import wpa4j.linux.netlink.NetlinkException;
import wpa4j.nl80211.uapi.Uapi;

/**
 * The nl80211 backend in plain Java: the family, the event socket, and one {@link Nl80211Driver} per
 * wireless interface, kept in step with interfaces that come and go. The DS component only registers what
 * this holds as services.
 */
public final class Nl80211Stack implements BackendStack {
    private static final System.Logger LOG = System.getLogger(Nl80211Stack.class.getName());
    /** Told of every change in the set of drivers. */
    public interface Listener {
        void added(Nl80211Driver driver);

        void removed(Nl80211Driver driver);
    }

    private final Nl80211 nl;
    private final Nl80211Events events;
    private final Map<Integer, Nl80211Driver> drivers = new ConcurrentHashMap<>();
    private final Map<Integer, Nl80211Interface> open = Nl80211Driver.newSinkTable();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Nl80211Driver.Stacked stacked;
    /** A custody of this stack's own (plain Java without a handover), closed with it; null when the caller's. */
    private final SocketCustody.Owned ownCustody;
    /** Off: closing an interface leaves its link for the next driver (a swap). On: closing ends it (shutdown). */
    private final java.util.concurrent.atomic.AtomicBoolean endLinksOnClose = new java.util.concurrent.atomic.AtomicBoolean();

    private Nl80211Stack(Nl80211 nl, EapolMode eapol, SocketCustody custody, Duration grace, SocketCustody.Owned ownCustody) throws NetlinkException {
        this.nl = nl;
        this.ownCustody = ownCustody;
        this.stacked = new Nl80211Driver.Stacked(nl.family(), eapol, custody, lessee(),
                new Nl80211Interface.Handover(grace, endLinksOnClose::get));
        // interfaces coming and going; each open interface holds its own mlme and scan subscription
        this.events = new Nl80211Events(nl.family(), List.of("config"), n -> {
            if (n.cmd() == Uapi.NL80211_CMD_NEW_INTERFACE || n.cmd() == Uapi.NL80211_CMD_DEL_INTERFACE) {
                refresh();
            }
        });
    }

    /** This code's bundle and version where there is one (for custody's status), else the class. */
    private static String lessee() {
        Package p = Nl80211Stack.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return "nl80211 backend" + (v == null ? "" : " " + v) + " (" + Integer.toHexString(System.identityHashCode(Nl80211Stack.class)) + ")";
    }

    /** Resolves nl80211 (ENOENT, errno 2, without cfg80211) and finds the interfaces. */
    public static Nl80211Stack open(Listener listener) throws NetlinkException {
        return open(listener, EapolMode.AUTO);
    }

    /**
     * As {@link #open(Listener)}, with the EAPOL path the interfaces use and a custody of the stack's own
     * with no handover grace: closing an interface closes its sockets (plain Java, tests).
     */
    public static Nl80211Stack open(Listener listener, EapolMode eapol) throws NetlinkException {
        SocketCustody.Owned own = PlainCustody.create();
        try {
            return open(listener, eapol, own, Duration.ZERO, own);
        } catch (NetlinkException | RuntimeException e) {
            own.close();
            throw e;
        }
    }

    /**
     * As {@link #open(Listener)}, with sockets leased from {@code custody}: an instance that closes leaves
     * them there for {@code grace}, and a stack opened after it on the same custody takes their links over.
     */
    public static Nl80211Stack open(Listener listener, EapolMode eapol, SocketCustody custody, Duration grace) throws NetlinkException {
        return open(listener, eapol, custody, grace, null);
    }

    private static Nl80211Stack open(Listener listener, EapolMode eapol, SocketCustody custody, Duration grace, SocketCustody.Owned own)
            throws NetlinkException {
        Nl80211 nl = Nl80211.open();
        try {
            Nl80211Stack s = new Nl80211Stack(nl, eapol, custody, grace, own);
            if (listener != null) {
                s.listeners.add(listener);
            }
            s.refresh();
            return s;
        } catch (NetlinkException e) {
            nl.close();
            throw e;
        }
    }

    public int familyId() {
        return nl.family().id();
    }

    /** The driver of {@code ifname}, if it is a wireless interface. */
    public Nl80211Driver driver(String ifname) {
        return drivers.values().stream().filter(d -> d.ifname().equals(ifname)).findFirst().orElse(null);
    }

    public List<Nl80211Driver> drivers() {
        return new ArrayList<>(drivers.values());
    }

    /** Re-reads the interfaces: drivers for new ones, none for those that are gone. */
    public synchronized void refresh() {
        List<InterfaceRecord> now;
        try {
            now = nl.interfaces();
        } catch (NetlinkException e) {
            return;
        }
        java.util.Set<Integer> present = new java.util.HashSet<>();
        now.forEach(r -> present.add(r.ifindex()));
        // gone ones first: a netdev deleted and re-created under the same name (new ifindex) must end up registered
        for (Integer gone : new ArrayList<>(drivers.keySet())) {
            if (!present.contains(gone)) {
                Nl80211Driver d = drivers.remove(gone);
                Nl80211Interface i = open.get(gone);
                LOG.log(System.Logger.Level.INFO, "nl80211: " + d.ifname() + " (ifindex " + gone + ") is gone"
                        + (i == null ? "; no instance of this backend had it open" : "; its open instance is told"));
                if (i != null) {
                    i.interfaceRemoved();
                }
                listeners.forEach(l -> l.removed(d));
            }
        }
        for (InterfaceRecord r : now) {
            if (!drivers.containsKey(r.ifindex())) {
                try {
                    Nl80211Driver d = new Nl80211Driver(r, nl.wiphy(r.wiphy()), open, stacked);
                    drivers.put(r.ifindex(), d);
                    listeners.forEach(l -> l.added(d));
                } catch (NetlinkException e) {
                    // a wiphy that does not answer is not offered
                }
            }
        }
    }

    /** The gateway stops: every open interface ends its link now, while its sockets still exist. */
    @Override
    public void endLinks() {
        endLinksOnClose.set(true);
        open.values().forEach(Nl80211Interface::endNow);
    }

    /** This instance goes and another is expected (an update): every open interface leaves its sockets, and so its link, in custody. */
    @Override
    public void handOver() {
        open.values().forEach(Nl80211Interface::handOver);
    }

    /** Interfaces still open are handed over first (a custody of the caller's keeps them for its grace; one of our own ends them). */
    @Override
    public void close() {
        handOver();
        events.close();
        nl.close();
        if (ownCustody != null) {
            ownCustody.close();
        }
    }
}
