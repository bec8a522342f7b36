package wpa4j.sim;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import wpa4j.driver.BackendStatus;
import wpa4j.driver.DriverBackend;
import wpa4j.driver.WifiDriver;
import wpa4j.sim.medium.Medium;
import wpa4j.sim.medium.MediumService;
import wpa4j.sim.medium.Radio;

/** Registers a {@link SimDriver} for every radio of the medium, and unregisters it when the radio goes. */
@Component(property = DriverBackend.PROP_DRIVER + "=" + SimDriver.NAME)
public class SimBackend implements DriverBackend {
    private final Map<String, ServiceRegistration<WifiDriver>> registrations = new ConcurrentHashMap<>();
    private BundleContext context;
    private Medium medium;
    private String version;
    private final Consumer<Radio> added = this::register;
    private final Consumer<Radio> removed = this::unregister;

    @Reference
    MediumService mediumService;

    @Activate
    void activate(BundleContext ctx) throws Exception {
        context = ctx;
        version = ctx.getBundle().getVersion().toString();
        medium = mediumService.medium();
        medium.onRadioAdded(added);
        medium.onRadioRemoved(removed);
        medium.radios().forEach(this::register);
    }

    @Deactivate
    void deactivate() {
        medium.removeListeners(added, removed);
        registrations.values().forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    private void register(Radio radio) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(WifiDriver.PROP_IFNAME, radio.ifname());
        props.put(WifiDriver.PROP_DRIVER, SimDriver.NAME);
        props.put(WifiDriver.PROP_DRIVER_VERSION, version);
        props.put(WifiDriver.PROP_CAPABILITIES, SimDriver.CAPABILITIES.tags().toArray(new String[0]));
        props.put(Constants.SERVICE_RANKING, SimDriver.RANKING);
        registrations.computeIfAbsent(radio.ifname(), n -> context.registerService(WifiDriver.class, new SimDriver(medium, radio), props));
    }

    private void unregister(Radio radio) {
        ServiceRegistration<WifiDriver> r = registrations.remove(radio.ifname());
        if (r != null) {
            r.unregister();
        }
    }

    @Override
    public BackendStatus status() {
        List<String> names = new ArrayList<>(registrations.keySet());
        names.sort(null);
        return new BackendStatus(SimDriver.NAME, version, true, "in-JVM medium, " + names.size() + " radios", names);
    }
}
