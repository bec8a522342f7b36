package wpa4j.wext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import wpa4j.driver.BackendStatus;
import wpa4j.driver.DriverBackend;

/**
 * The wext backend's status: reads {@code /proc/net/wireless} for interfaces with Wireless Extensions.
 * The ioctl driver itself is not part of this version, so it never claims to be active.
 */
@Component(property = DriverBackend.PROP_DRIVER + "=wext")
public class WextBackend implements DriverBackend {
    static final String NAME = "wext";
    private static final Path PROC_NET_WIRELESS = Path.of("/proc/net/wireless");

    private String version;

    @Activate
    void activate(BundleContext context) {
        version = context.getBundle().getVersion().toString();
    }

    @Override
    public BackendStatus status() {
        String text;
        try {
            text = Files.readString(PROC_NET_WIRELESS);
        } catch (IOException e) {
            return BackendStatus.inactive(NAME, version, PROC_NET_WIRELESS + " unreadable (" + e.getClass().getSimpleName() + "): no Wireless Extensions");
        }
        return status(version, ProcNetWireless.parse(text));
    }

    static BackendStatus status(String version, ProcNetWireless.Parsed found) {
        if (found.interfaces().isEmpty()) {
            return BackendStatus.inactive(NAME, version, "no interface with Wireless Extensions in /proc/net/wireless");
        }
        return new BackendStatus(NAME, version, false,
                "WEXT interfaces " + found.interfaces() + ", but the ioctl driver is not in this version", List.of());
    }
}
