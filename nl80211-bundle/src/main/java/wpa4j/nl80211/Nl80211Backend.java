package wpa4j.nl80211;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import wpa4j.driver.BackendStatus;
import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverBackend;
import wpa4j.driver.WifiDriver;
import wpa4j.driver.types.DriverFlag;
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
    }

    static final String NAME = Nl80211Driver.NAME;

    private final Map<String, ServiceRegistration<WifiDriver>> registrations = new ConcurrentHashMap<>();
    private BundleContext context;
    private String version;
    private volatile String reason = "starting";
    private Nl80211Stack stack;

    @Activate
    void activate(BundleContext ctx, Config config) {
        context = ctx;
        version = ctx.getBundle().getVersion().toString();
        try {
            stack = Nl80211Stack.open(this, config.eapol());
            reason = "nl80211 family " + stack.familyId();
        } catch (NetlinkException e) {
            reason = e.errno() == 2 ? "no nl80211 generic netlink family (kernel without cfg80211)" : "netlink: " + e.getMessage();
        } catch (UnsupportedOperationException | UnsatisfiedLinkError e) {
            reason = "netlink unavailable: " + e.getMessage();
        }
    }

    @Override
    public void added(Nl80211Driver d) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(WifiDriver.PROP_IFNAME, d.ifname());
        props.put(WifiDriver.PROP_DRIVER, NAME);
        props.put(WifiDriver.PROP_DRIVER_VERSION, version);
        props.put(WifiDriver.PROP_CAPABILITIES, d.capabilities().tags().toArray(new String[0]));
        props.put(Constants.SERVICE_RANKING, ranking(d.capabilities()));
        registrations.put(d.ifname(), context.registerService(WifiDriver.class, d, props));
    }

    @Override
    public void removed(Nl80211Driver d) {
        ServiceRegistration<WifiDriver> r = registrations.remove(d.ifname());
        if (r != null) {
            r.unregister();
        }
    }

    /** The probe score: nl80211 outranks wext on the same interface; AP and SME support add to it. */
    static int ranking(Capabilities caps) {
        return 100 + (caps.has(DriverFlag.SME) ? 10 : 0) + (caps.has(DriverFlag.AP) ? 10 : 0);
    }

    @Deactivate
    void deactivate() {
        if (stack != null) {
            stack.close();
        }
        registrations.values().forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    @Override
    public BackendStatus status() {
        List<String> ifs = new ArrayList<>(registrations.keySet());
        ifs.sort(null);
        return ifs.isEmpty() ? BackendStatus.inactive(NAME, version, reason) : new BackendStatus(NAME, version, true, reason, ifs);
    }
}
