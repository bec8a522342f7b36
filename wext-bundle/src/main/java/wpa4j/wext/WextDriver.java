package wpa4j.wext;

import java.util.List;
import java.util.Map;

import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.WifiDriver;
import wpa4j.driver.event.DriverEventSink;
import wpa4j.driver.types.InterfaceInfo;
import wpa4j.linux.netlink.NetlinkException;
import wpa4j.linux.netlink.Rtnetlink;
import wpa4j.wext.ioctl.WextException;
import wpa4j.wext.ioctl.WextSocket;

/** The WifiDriver of one WEXT interface; each open interface has its own ioctl and PF_PACKET sockets. */
public final class WextDriver implements WifiDriver {
    public static final String NAME = "wext";

    private final WextLink link;
    private final Map<Integer, WextInterface> open;
    private final WextStack stack;
    private final java.util.function.BooleanSupplier endLinksOnClose;

    WextDriver(WextLink link, Map<Integer, WextInterface> open, WextStack stack, java.util.function.BooleanSupplier endLinksOnClose) {
        this.link = link;
        this.open = open;
        this.stack = stack;
        this.endLinksOnClose = endLinksOnClose;
    }

    int ranking() {
        return link.ranking();
    }

    int ifindex() {
        return link.ifindex();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Linux Wireless Extensions interface " + link.ifname();
    }

    @Override
    public String ifname() {
        return link.ifname();
    }

    @Override
    public Capabilities capabilities() {
        return link.capabilities();
    }

    /** As driver_wext's init: the interface up, link mode dormant until the port is authorized. */
    @Override
    public DriverInterface open(String ifname, DriverEventSink sink) throws DriverException {
        if (!ifname.equals(link.ifname())) {
            throw new DriverException("init", "this service drives " + link.ifname() + ", not " + ifname);
        }
        WextSocket sock = null;
        boolean opened = false;
        try {
            Rtnetlink.setUp(link.ifindex(), true);
            Rtnetlink.setLinkModeDormant(link.ifindex(), true);
            sock = WextSocket.open();
            WextSocket s = sock;
            WextInterface[] self = new WextInterface[1];
            self[0] = new WextInterface(link, sink, sock, endLinksOnClose, () -> {
                open.remove(link.ifindex(), self[0]);
                s.close();
            });
            open.put(link.ifindex(), self[0]);
            opened = true;
            return self[0];
        } catch (NetlinkException e) {
            throw new DriverException("init", e.getMessage(), e.errno(), e);
        } catch (WextException e) {
            throw new DriverException("init", e.getMessage(), e.errno(), e);
        } catch (java.io.IOException e) {
            throw new DriverException("init", "EAPOL socket: " + e.getMessage());
        } finally {
            if (!opened) {
                undoOpen(sock);
            }
        }
    }

    /** A failed open leaves nothing behind: no socket, no dormant link mode on a link another backend may drive. */
    private void undoOpen(WextSocket sock) {
        if (sock != null) {
            sock.close();
        }
        try {
            Rtnetlink.setLinkModeDormant(link.ifindex(), false);
        } catch (NetlinkException e) {
            // the interface is gone
        }
    }

    @Override
    public List<InterfaceInfo> getInterfaces() {
        return stack.drivers().stream().map(d -> new InterfaceInfo(d.ifname(), "Wireless Extensions", NAME)).toList();
    }
}
