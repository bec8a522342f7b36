package wpa4j.wext;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import wpa4j.runtime.registry.DriverRegistry;
import wpa4j.driver.BackendStatus;
import wpa4j.driver.DriverBackend;
import wpa4j.linux.netlink.NetlinkException;
import wpa4j.wext.ioctl.WextException;

/**
 * Registers a {@code WifiDriver} for every interface with Wireless Extensions, ranked by what
 * SIOCGIWRANGE says and always below nl80211, and follows interfaces coming and going. Where there is none
 * (no cfg80211 WEXT layer, not Linux) it reports why it is inactive.
 */
@Component(property = DriverBackend.PROP_DRIVER + "=wext")
public class WextBackend implements DriverBackend, WextStack.Listener {
    static final String NAME = WextDriver.NAME;

    private DriverRegistry registry;
    private volatile String reason = "starting";
    private WextStack stack;

    @Activate
    void activate(BundleContext ctx) {
        registry = new DriverRegistry(ctx);
        try {
            stack = WextStack.open(this);
            reason = "Wireless Extensions ioctls and rtnetlink events";
        } catch (WextException | NetlinkException e) {
            reason = "unavailable: " + e.getMessage();
        } catch (UnsupportedOperationException | UnsatisfiedLinkError e) {
            reason = "not available on this system: " + e.getMessage();
        } catch (RuntimeException e) {
            // the stack is closed; what it registered goes in deactivate
            reason = "failed to start: " + e;
        }
    }

    @Override
    public void added(WextDriver d) {
        registry.register(d, d.ranking());
    }

    @Override
    public void removed(WextDriver d) {
        registry.unregister(d.ifname());
    }

    /** The gateway stopping ends the links; a bundle update or stop alone keeps them (no socket owns a WEXT link). */
    @Deactivate
    void deactivate() {
        registry.retire(stack);
    }

    @Override
    public BackendStatus status() {
        return registry.status(NAME, reason, stack == null ? reason : "no interface answers SIOCGIWNAME");
    }
}
