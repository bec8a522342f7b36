package wpa4j.nl80211;

import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import wpa4j.driver.BackendStatus;
import wpa4j.driver.DriverBackend;

/**
 * The nl80211 backend's status. It probes sysfs for cfg80211 wiphys and says what it found; the netlink
 * driver itself (which registers a {@code WifiDriver} per interface) is not part of this version, so it
 * never claims to be active.
 */
@Component(property = DriverBackend.PROP_DRIVER + "=nl80211")
public class Nl80211Backend implements DriverBackend {
    static final String NAME = "nl80211";

    private String version;
    private WiphyProbe probe;

    @Activate
    void activate(BundleContext context) {
        version = context.getBundle().getVersion().toString();
        probe = new WiphyProbe(Path.of("/sys"));
    }

    @Override
    public BackendStatus status() {
        return status(version, probe.probe());
    }

    static BackendStatus status(String version, WiphyProbe.Result found) {
        if (found.wiphys().isEmpty()) {
            return BackendStatus.inactive(NAME, version, "no cfg80211 wiphy in /sys/class/ieee80211 (kernel without cfg80211, or no Wi-Fi device)");
        }
        return new BackendStatus(NAME, version, false,
                "wiphys " + found.wiphys() + " with interfaces " + found.interfaces() + ", but the netlink driver is not in this version",
                List.of());
    }
}
