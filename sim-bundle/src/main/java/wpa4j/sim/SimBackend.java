package wpa4j.sim;

import java.util.List;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import wpa4j.runtime.registry.DriverRegistry;
import wpa4j.driver.BackendStatus;
import wpa4j.driver.DriverBackend;
import wpa4j.sim.medium.Medium;
import wpa4j.sim.medium.MediumService;
import wpa4j.sim.medium.Radio;

/** Registers a {@link SimDriver} for every radio of the medium, and unregisters it when the radio goes. */
@Component(property = DriverBackend.PROP_DRIVER + "=" + SimDriver.NAME)
public class SimBackend implements DriverBackend {
    private DriverRegistry registry;
    private Medium medium;
    private final Consumer<Radio> added = this::register;
    private final Consumer<Radio> removed = this::unregister;

    @Reference
    MediumService mediumService;

    @Activate
    void activate(BundleContext ctx) throws Exception {
        registry = new DriverRegistry(ctx);
        medium = mediumService.medium();
        medium.onRadioAdded(added);
        medium.onRadioRemoved(removed);
        medium.radios().forEach(this::register);
    }

    @Deactivate
    void deactivate() {
        medium.removeListeners(added, removed);
        registry.clear();
    }

    private void register(Radio radio) {
        registry.register(new SimDriver(medium, radio), SimDriver.RANKING);
    }

    private void unregister(Radio radio) {
        registry.unregister(radio.ifname());
    }

    @Override
    public BackendStatus status() {
        List<String> names = registry.ifnames();
        return new BackendStatus(SimDriver.NAME, registry.version(), true, "in-JVM medium, " + names.size() + " radios", names);
    }
}
