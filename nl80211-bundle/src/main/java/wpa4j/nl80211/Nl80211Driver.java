package wpa4j.nl80211;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.WifiDriver;
import wpa4j.driver.types.ApInitParams;
import wpa4j.driver.types.DriverFlag;
import wpa4j.driver.event.DriverEventSink;
import wpa4j.driver.types.InterfaceInfo;
import wpa4j.driver.types.MacAddress;
import wpa4j.nl80211.cmd.InterfaceRecord;
import wpa4j.nl80211.cmd.Nl80211;
import wpa4j.linux.custody.SocketCustody;
import wpa4j.linux.netlink.GenlClient;
import wpa4j.nl80211.cmd.WiphyInfo;
import wpa4j.linux.netlink.NetlinkException;
import wpa4j.linux.netlink.Rtnetlink;
import wpa4j.nl80211.uapi.Uapi;

/** The WifiDriver of one nl80211 interface; each open interface leases its own sockets from custody. */
public final class Nl80211Driver implements WifiDriver {
    public static final String NAME = "nl80211";
    private static final System.Logger LOG = System.getLogger(Nl80211Driver.class.getName());

    private final InterfaceRecord iface;
    private final WiphyInfo wiphy;
    private final Capabilities capabilities;
    private final Map<Integer, Nl80211Interface> open;
    private final Stacked stack;

    /** What every driver of one stack shares: the family, the EAPOL mode, where sockets are kept and how they are handed on. */
    record Stacked(GenlClient.Family family, EapolMode eapol, SocketCustody custody, String lessee, Nl80211Interface.Handover handover) {}

    Nl80211Driver(InterfaceRecord iface, WiphyInfo wiphy, Map<Integer, Nl80211Interface> open, Stacked stack) {
        this.iface = iface;
        this.wiphy = wiphy;
        this.capabilities = Nl80211Capabilities.of(wiphy);
        this.open = open;
        this.stack = stack;
    }

    static Map<Integer, Nl80211Interface> newSinkTable() {
        return new ConcurrentHashMap<>();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Linux cfg80211 interface " + iface.ifname() + " on " + wiphy.name();
    }

    @Override
    public String ifname() {
        return iface.ifname();
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    /**
     * As driver_nl80211's init. When an instance before this one left the interface's sockets in custody
     * (a backend update), their link is taken over as it runs: no new socket, registration or association.
     */
    @Override
    public DriverInterface open(String ifname, DriverEventSink sink) throws DriverException {
        if (!ifname.equals(iface.ifname())) {
            throw new DriverException("init", "this service drives " + iface.ifname() + ", not " + ifname);
        }
        InterfaceSockets sockets = InterfaceSockets.lease(stack.custody(), stack.family(), iface.ifindex(), stack.lessee());
        if (sockets.inherited() && heldLinkReplaced(sockets)) {
            // their queue tells of the old link's end (a deauthentication the core has seen from whoever drove the
            // interface meanwhile) and their notes of its EAPOL path: the newer link is adopted as somebody else's
            sockets.end();
            sockets = InterfaceSockets.lease(stack.custody(), stack.family(), iface.ifindex(), stack.lessee());
        }
        Nl80211Interface station = null;
        try {
            if (sockets.inherited() && "ap".equals(sockets.note(InterfaceSockets.ROLE).orElse(""))) {
                // an AP whose core went within the grace: a station core ends it first, as the AP's will would
                endInheritedAp(sockets);
            }
            // the interface must be up for scans and connections
            Rtnetlink.setUp(iface.ifindex(), true);
            if (iface.iftype() == Uapi.NL80211_IFTYPE_STATION) {
                Rtnetlink.setLinkModeDormant(iface.ifindex(), true);
            }
            // a link taken over keeps the EAPOL path it was made with (resumeLink); a new one follows this instance's setting
            station = register(sockets, sink, controlPortByDefault());
            sockets.note(InterfaceSockets.ROLE, "station");
            if (sockets.inherited()) {
                station.resumeLink();
            }
            station.subscribeStationFrames();
            station.start();
            return station;
        } catch (NetlinkException e) {
            abandon(station, sockets);
            throw new DriverException("init", e.getMessage(), e.errno(), e);
        } catch (RuntimeException e) {
            abandon(station, sockets);
            throw e;
        }
    }

    /**
     * Whether the station link noted with the held sockets ended while nobody held them and the kernel is now on a
     * newer link to the same BSS (another backend made it within the handover grace): told apart by the kernel's
     * connected time. No link to that BSS: the held queue says how it ended, and the core must hear it.
     */
    private boolean heldLinkReplaced(InterfaceSockets sockets) {
        Optional<MacAddress> noted = sockets.note(InterfaceSockets.BSSID).map(MacAddress::parse);
        Optional<Long> since = sockets.note(InterfaceSockets.LINK_SINCE).map(Long::parseLong);
        if (!"station".equals(sockets.note(InterfaceSockets.ROLE).orElse("")) || noted.isEmpty() || since.isEmpty()) {
            return false;
        }
        long connected;
        try (Nl80211 nl = Nl80211.open()) {
            connected = nl.station(iface.ifindex(), noted.get()).connectedSeconds();
        } catch (NetlinkException e) {
            return false;
        }
        long now = StationMlme.monotonicMs();
        if (StationMlme.sameLink(since.get(), connected, now)) {
            return false;
        }
        LOG.log(System.Logger.Level.INFO, iface.ifname() + ": the link to " + noted.get() + " held in custody began " + (now - since.get())
                + " ms ago, the kernel's is " + connected + " s old: it ended meanwhile and another was made; the held sockets are closed"
                + " and the newer link is taken over");
        return true;
    }

    /** STOP_AP on the owner socket, the AP's frame registrations closed, the interface a station again. */
    private void endInheritedAp(InterfaceSockets sockets) throws NetlinkException {
        Nl80211 nl = sockets.cmd();
        try {
            nl.stopAp(iface.ifindex());
        } catch (NetlinkException e) {
            // not beaconing any more (ENOENT): nothing to stop
        }
        sockets.dropFrames();
        Rtnetlink.setUp(iface.ifindex(), false);
        nl.setIftype(iface.ifindex(), Uapi.NL80211_IFTYPE_STATION);
        sockets.note(InterfaceSockets.ROLE, null);
    }

    private boolean controlPortByDefault() {
        return stack.eapol() == EapolMode.AUTO && wiphy.extFeature(Uapi.NL80211_EXT_FEATURE_CONTROL_PORT_OVER_NL80211);
    }

    private Nl80211Interface register(InterfaceSockets sockets, DriverEventSink sink, boolean controlPort) throws NetlinkException {
        AtomicReference<Nl80211Interface> made = new AtomicReference<>();
        Nl80211Interface i = new Nl80211Interface(sockets, iface, wiphy, sink, controlPort, stack.handover(),
                () -> open.remove(iface.ifindex(), made.get()));
        made.set(i);
        open.put(iface.ifindex(), i);
        return i;
    }

    /** A failed open gives back what it took: the interface if it got that far, else the lease (a held link is left for the grace). */
    private void abandon(Nl80211Interface made, InterfaceSockets sockets) {
        if (made != null) {
            made.close();
        } else {
            sockets.release(stack.handover().grace(), List.of());
        }
    }

    /**
     * hapd_init as driver_nl80211's i802_init: the interface becomes an AP (down, NL80211_CMD_SET_INTERFACE,
     * up), a socket registers for the AP's management frames, and EAPOL is opened. A BSS an instance before
     * this one left beaconing is taken over as it runs: with the sockets in custody (its owner, its frame
     * registration) when they are held, else owned by nobody, with EAPOL over PF_PACKET. close() gives the
     * interface back as a station unless it leaves a beaconing BSS for the next instance.
     */
    @Override
    public DriverInterface openAp(ApInitParams params, DriverEventSink sink) throws DriverException {
        if (!params.ifname().equals(iface.ifname())) {
            throw new DriverException("hapd_init", "this service drives " + iface.ifname() + ", not " + params.ifname());
        }
        if (!capabilities.has(DriverFlag.AP)) {
            throw new DriverException("hapd_init", "wiphy " + iface.wiphy() + " cannot run an AP (no AP interface type or START_AP)", 95, null);
        }
        InterfaceSockets sockets = InterfaceSockets.lease(stack.custody(), stack.family(), iface.ifindex(), stack.lessee());
        Nl80211Interface ap = null;
        try {
            Nl80211 nl = sockets.cmd();
            InterfaceRecord now = nl.iface(iface.ifindex());
            int runningFreq = now.iftype() == Uapi.NL80211_IFTYPE_AP ? now.freq() : 0;
            if (runningFreq == 0) {
                // an iftype change purges every frame registration: sockets a predecessor registered would stay deaf
                sockets.dropFrames();
                Rtnetlink.setUp(iface.ifindex(), false);
                nl.setIftype(iface.ifindex(), Uapi.NL80211_IFTYPE_AP);
                Rtnetlink.setUp(iface.ifindex(), true);
            }
            boolean controlPort = runningFreq == 0 ? controlPortByDefault()
                    : sockets.inherited() && sockets.note(InterfaceSockets.CONTROL_PORT).map(Boolean::parseBoolean).orElse(false);
            Nl80211Interface made = register(sockets, sink, controlPort);
            ap = made;
            // an AP before any queued frame is decoded: they are the AP's management frames
            made.becomeAp(new ApOps(nl, iface, controlPort, runningFreq));
            sockets.listenFrames(InterfaceSockets.AP_FRAMES, ApOps.AP_FRAMES, false, made::onNotification);
            // Probe Requests apart, newest kept: a flood of them must not push out a station's Authentication
            sockets.listenFrames(InterfaceSockets.AP_PROBE_REQUESTS, ApOps.AP_PROBES, true, made::onNotification);
            made.start();
            return made;
        } catch (NetlinkException e) {
            abandon(ap, sockets);
            throw new DriverException("hapd_init", e.getMessage(), e.errno(), e);
        } catch (DriverException | RuntimeException e) {
            abandon(ap, sockets);
            throw e;
        }
    }

    /** An AP interface whose BSS ended goes back to being a station, as driver_nl80211's deinit. */
    static void backToStation(int ifindex) {
        try (Nl80211 nl = Nl80211.open()) {
            Rtnetlink.setUp(ifindex, false);
            nl.setIftype(ifindex, Uapi.NL80211_IFTYPE_STATION);
        } catch (NetlinkException e) {
            // the interface may be gone (hot-unplug); nothing is left to give back
        }
    }

    @Override
    public List<InterfaceInfo> getInterfaces() {
        try (Nl80211 nl = Nl80211.open()) {
            return nl.interfaces().stream().map(r -> new InterfaceInfo(r.ifname(), "wiphy " + r.wiphy(), NAME)).toList();
        } catch (NetlinkException e) {
            return List.of();
        }
    }
}
