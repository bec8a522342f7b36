package wpa4j.nl80211;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.WifiDriver;
import wpa4j.driver.types.ApInitParams;
import wpa4j.driver.types.DriverFlag;
import wpa4j.driver.event.DriverEventSink;
import wpa4j.driver.types.InterfaceInfo;
import wpa4j.nl80211.cmd.InterfaceRecord;
import wpa4j.nl80211.cmd.Nl80211;
import wpa4j.nl80211.cmd.Nl80211Events;
import wpa4j.nl80211.cmd.WiphyInfo;
import wpa4j.linux.netlink.NetlinkException;
import wpa4j.linux.netlink.Rtnetlink;
import wpa4j.nl80211.uapi.Uapi;

/** The WifiDriver of one nl80211 interface; each open interface gets its own command socket. */
public final class Nl80211Driver implements WifiDriver {
    public static final String NAME = "nl80211";

    private final InterfaceRecord iface;
    private final WiphyInfo wiphy;
    private final Capabilities capabilities;
    private final Map<Integer, Nl80211Interface> sinks;
    private final EapolMode eapol;
    private final java.util.function.BooleanSupplier endLinksOnClose;

    Nl80211Driver(InterfaceRecord iface, WiphyInfo wiphy, Map<Integer, Nl80211Interface> sinks, EapolMode eapol,
            java.util.function.BooleanSupplier endLinksOnClose) {
        this.eapol = eapol;
        this.endLinksOnClose = endLinksOnClose;
        this.iface = iface;
        this.wiphy = wiphy;
        this.capabilities = Nl80211Interface.capabilities(wiphy);
        this.sinks = sinks;
    }

    /** Routes nl80211 notifications to the open interface they are for. */
    static void route(Map<Integer, Nl80211Interface> open, Nl80211Events.Notification n) {
        Nl80211Interface i = open.get(n.ifindex());
        if (i != null) {
            i.onNotification(n);
        }
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

    @Override
    public DriverInterface open(String ifname, DriverEventSink sink) throws DriverException {
        if (!ifname.equals(iface.ifname())) {
            throw new DriverException("init", "this service drives " + iface.ifname() + ", not " + ifname);
        }
        Nl80211 nl;
        try {
            // as driver_nl80211's init: the interface must be up for scans and connections
            Rtnetlink.setUp(iface.ifindex(), true);
            if (iface.iftype() == Uapi.NL80211_IFTYPE_STATION) {
                Rtnetlink.setLinkModeDormant(iface.ifindex(), true);
            }
            nl = Nl80211.open();
        } catch (NetlinkException e) {
            throw new DriverException("init", e.getMessage(), e.errno(), e);
        }
        Nl80211Interface station = register(nl, sink, () -> { });
        station.subscribeStationFrames();
        return station;
    }

    private Nl80211Interface register(Nl80211 nl, DriverEventSink sink, Runnable afterClose) {
        Nl80211Interface[] self = new Nl80211Interface[1];
        boolean controlPort = eapol == EapolMode.AUTO && wiphy.extFeature(Uapi.NL80211_EXT_FEATURE_CONTROL_PORT_OVER_NL80211);
        self[0] = new Nl80211Interface(nl, iface, wiphy, sink, controlPort, () -> {
            sinks.remove(iface.ifindex(), self[0]);
            nl.close();
            afterClose.run();
        });
        self[0].endLinksOnClose(endLinksOnClose);
        sinks.put(iface.ifindex(), self[0]);
        return self[0];
    }

    /**
     * hapd_init as driver_nl80211's i802_init: the interface becomes an AP (down, NL80211_CMD_SET_INTERFACE,
     * up), a socket registers for the AP's management frames, and EAPOL is opened. A BSS that is already
     * beaconing (left by the driver instance before this one) is adopted instead. close() gives the interface
     * back as a station unless it leaves a beaconing BSS for the next instance (see ApOps#close()).
     */
    @Override
    public DriverInterface openAp(ApInitParams params, DriverEventSink sink) throws DriverException {
        if (!params.ifname().equals(iface.ifname())) {
            throw new DriverException("hapd_init", "this service drives " + iface.ifname() + ", not " + params.ifname());
        }
        if (!capabilities.has(DriverFlag.AP)) {
            throw new DriverException("hapd_init", "wiphy " + iface.wiphy() + " cannot run an AP (no AP interface type or START_AP)", 95, null);
        }
        Nl80211 nl = null;
        Nl80211Interface[] self = new Nl80211Interface[1];
        try {
            nl = Nl80211.open();
            InterfaceRecord now = nl.iface(iface.ifindex());
            // a BSS that an instance before this one left beaconing (a live swap) is adopted as it runs
            int runningFreq = now.iftype() == Uapi.NL80211_IFTYPE_AP ? now.freq() : 0;
            if (runningFreq == 0) {
                Rtnetlink.setUp(iface.ifindex(), false);
                nl.setIftype(iface.ifindex(), Uapi.NL80211_IFTYPE_AP);
                Rtnetlink.setUp(iface.ifindex(), true);
            }
            Nl80211Events frames = Nl80211.openFrameReceiver(iface.ifindex(), ApOps.AP_FRAMES, n -> {
                if (self[0] != null) {
                    self[0].onNotification(n);
                }
            });
            self[0] = register(nl, sink, () -> {
                if (!self[0].leavesBssRunning()) {
                    backToStation();
                }
            });
            self[0].becomeAp(new ApOps(nl, iface, frames, self[0].controlPort(), runningFreq));
            return self[0];
        } catch (NetlinkException e) {
            if (self[0] != null) {
                self[0].close();
            } else if (nl != null) {
                nl.close();
            }
            throw new DriverException("hapd_init", e.getMessage(), e.errno(), e);
        } catch (DriverException e) {
            self[0].close();
            throw e;
        }
    }

    private void backToStation() {
        try (Nl80211 nl = Nl80211.open()) {
            Rtnetlink.setUp(iface.ifindex(), false);
            nl.setIftype(iface.ifindex(), Uapi.NL80211_IFTYPE_STATION);
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
