package wpa4j.ndis;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import wpa4j.runtime.registry.DriverRegistry;
import wpa4j.driver.BackendStatus;
import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverBackend;
import wpa4j.driver.DriverException;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.KeyMgmtCapability;
import wpa4j.ndis.transport.NdisException;
import wpa4j.ndis.transport.NdisTransport;
import wpa4j.ndis.transport.NdisuioTransport;

/**
 * The ndis backend. The bundle resolves on every OS so that it can say why it does nothing: off Windows it
 * is "inactive: not Windows" (logged once); on Windows it opens NDISUIO, probes every bound adapter and
 * registers a {@link NdisDriver} per 802.11 adapter, ranked by what the probe found.
 */
@Component(property = DriverBackend.PROP_DRIVER + "=ndis")
public class NdisBackend implements DriverBackend {
    static final String NAME = NdisDriver.NAME;

    private DriverRegistry registry;
    private String osName;
    private String reason;
    private ScheduledExecutorService timers;

    @Activate
    void activate(BundleContext context) {
        registry = new DriverRegistry(context);
        osName = System.getProperty("os.name", "unknown");
        if (!NdisuioTransport.available()) {
            reason = "not Windows (os.name=" + osName + ")";
        } else {
            reason = registerAdapters();
        }
        System.getLogger(NdisBackend.class.getName()).log(System.Logger.Level.INFO, status().toString());
    }

    /** Registers a driver per adapter that answers the 802.11 OIDs; returns the status line. */
    private String registerAdapters() {
        timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wpa4j-ndis-poll");
            t.setDaemon(true);
            return t;
        });
        List<NdisTransport.Adapter> adapters;
        try (NdisTransport t = NdisuioTransport.connect()) {
            adapters = t.adapters();
        } catch (NdisException e) {
            return "Windows, but NDISUIO is not reachable: " + e.getMessage();
        }
        for (NdisTransport.Adapter a : adapters) {
            try (NdisTransport t = NdisuioTransport.connect()) {
                t.open(a.deviceName());
                Capabilities caps = NdisInterface.probe(t);
                if (caps.enc().isEmpty()) {
                    continue; // a wired adapter: no 802.11 ciphers
                }
                NdisDriver driver = new NdisDriver(a, NdisBackend::transport, timers, caps);
                registry.register(driver, ranking(caps));
            } catch (NdisException | DriverException e) {
                // an adapter that cannot be probed is not offered
            }
        }
        return registry.ifnames().isEmpty() ? "Windows, NDISUIO reachable, but no 802.11 adapter answered" : "NDISUIO adapters";
    }

    private static NdisTransport transport() {
        try {
            return NdisuioTransport.connect();
        } catch (NdisException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The probe score: an NDIS adapter that does WPA2 with CCMP ranks above one that only does older security. */
    static int ranking(Capabilities caps) {
        int r = 50;
        if (caps.enc().contains(Cipher.CCMP)) {
            r += 20;
        }
        if (caps.keyMgmt().contains(KeyMgmtCapability.WPA2_PSK)) {
            r += 10;
        }
        return r;
    }

    @Deactivate
    void deactivate() {
        registry.clear();
        if (timers != null) {
            timers.shutdownNow();
        }
    }

    @Override
    public BackendStatus status() {
        List<String> interfaces = registry.ifnames();
        return status(registry.version(), reason, !interfaces.isEmpty(), interfaces);
    }

    static BackendStatus status(String version, String reason, boolean active, List<String> interfaces) {
        return active ? new BackendStatus(NAME, version, true, reason, interfaces) : BackendStatus.inactive(NAME, version, reason);
    }
}
