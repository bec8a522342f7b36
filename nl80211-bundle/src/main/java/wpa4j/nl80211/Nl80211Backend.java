package wpa4j.nl80211;

import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import wpa4j.runtime.registry.DriverRegistry;
import wpa4j.driver.BackendStatus;
import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverBackend;
import wpa4j.driver.types.DriverFlag;
import wpa4j.linux.custody.SocketCustody;
import wpa4j.linux.netlink.NetlinkException;

/**
 * Registers the drivers of the {@link Nl80211Stack} as services, ranked by what GET_WIPHY says, and
 * follows interfaces coming and going. Off a kernel without cfg80211 it reports why it is inactive.
 */
@Component(property = DriverBackend.PROP_DRIVER + "=nl80211", configurationPid = "wpa4j.nl80211")
@Designate(ocd = Nl80211Backend.Config.class)
public class Nl80211Backend implements DriverBackend, Nl80211Stack.Listener {

    @ObjectClassDefinition(name = "wpa4j nl80211 backend", description = "The Linux cfg80211 backend over generic netlink")
    public @interface Config {
        @AttributeDefinition(description = "EAPOL path: AUTO (the nl80211 control port where the wiphy supports it, else PF_PACKET) or PACKET")
        EapolMode eapol() default EapolMode.AUTO;

        @AttributeDefinition(description = "How long (ms) the sockets of an open interface wait in custody for the next instance of this backend"
                + " (an update) before the links they own end")
        long handoverGraceMs() default 10_000;
    }

    static final String NAME = Nl80211Driver.NAME;

    private DriverRegistry registry;
    private volatile String reason = "starting";
    private Nl80211Stack stack;
    /** Static: this component goes before the custody does, so at shutdown links end while their sockets exist. */
    @Reference
    private SocketCustody custody;

    @Activate
    void activate(BundleContext ctx, Config config) {
        registry = new DriverRegistry(ctx);
        try {
            stack = Nl80211Stack.open(this, config.eapol(), custody, Duration.ofMillis(Math.max(0, config.handoverGraceMs())));
            reason = "nl80211 family " + stack.familyId();
        } catch (NetlinkException e) {
            reason = e.errno() == 2 ? "no nl80211 generic netlink family (kernel without cfg80211)" : "netlink: " + e.getMessage();
        } catch (UnsupportedOperationException | UnsatisfiedLinkError e) {
            reason = "netlink unavailable: " + e.getMessage();
        }
    }

    @Override
    public void added(Nl80211Driver d) {
        registry.register(d, ranking(d.capabilities()));
    }

    @Override
    public void removed(Nl80211Driver d) {
        registry.unregister(d.ifname());
    }

    /** The probe score: nl80211 outranks wext on the same interface; AP and SME support add to it. */
    static int ranking(Capabilities caps) {
        return 100 + (caps.has(DriverFlag.SME) ? 10 : 0) + (caps.has(DriverFlag.AP) ? 10 : 0);
    }

    /** An update (or a stop: then custody ends the links after the grace) hands over; the gateway stopping ends them. */
    @Deactivate
    void deactivate() {
        registry.retire(stack);
    }

    @Override
    public BackendStatus status() {
        return registry.status(NAME, reason, reason);
    }
}
