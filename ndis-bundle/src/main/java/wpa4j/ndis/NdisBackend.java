package wpa4j.ndis;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import wpa4j.driver.BackendStatus;
import wpa4j.driver.DriverBackend;

/**
 * The ndis backend's status. The bundle resolves on every OS so that it can say why it does nothing:
 * off Windows it is "inactive: not Windows"; the NDISUIO transport itself is not part of this version.
 */
@Component(property = DriverBackend.PROP_DRIVER + "=ndis")
public class NdisBackend implements DriverBackend {
    static final String NAME = "ndis";

    private String version;
    private String osName;

    @Activate
    void activate(BundleContext context) {
        version = context.getBundle().getVersion().toString();
        osName = System.getProperty("os.name", "unknown");
        System.getLogger(NdisBackend.class.getName()).log(System.Logger.Level.INFO, status().toString());
    }

    @Override
    public BackendStatus status() {
        return status(version, osName);
    }

    static BackendStatus status(String version, String osName) {
        if (!osName.startsWith("Windows")) {
            return BackendStatus.inactive(NAME, version, "not Windows (os.name=" + osName + ")");
        }
        return BackendStatus.inactive(NAME, version, "Windows, but the NDISUIO transport is not in this version");
    }
}
