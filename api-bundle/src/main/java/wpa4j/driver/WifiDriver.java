package wpa4j.driver;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

import wpa4j.driver.event.DriverEventSink;
import wpa4j.driver.types.ApInitParams;
import wpa4j.driver.types.InterfaceInfo;

/**
 * A backend's offer to drive one network interface: the OSGi service form of {@code struct wpa_driver_ops}.
 *
 * <p>Register one per interface the backend can drive, with the service properties below and
 * {@code service.ranking} = the backend's probe score for that interface (what the OS says it supports,
 * not a constant). Consumers bind the highest-ranked matching service and {@link #open} it.
 *
 * <p>The C global lifecycle maps onto the service lifecycle: {@code global_init} is the backend
 * component's activation (which registers its services) and {@code global_deinit} its deactivation.
 */
@ConsumerType
@DriverOp({"global_init", "global_deinit"})
public interface WifiDriver {
    /** Service property: the interface this service drives, e.g. {@code wlan0}. */
    String PROP_IFNAME = "wifi.ifname";
    /** Service property: the backend name, e.g. {@code nl80211}, {@code wext}, {@code ndis}, {@code sim}. */
    String PROP_DRIVER = "wifi.driver";
    /** Service property: the backend's version (its bundle version). */
    String PROP_DRIVER_VERSION = "wifi.driver.version";
    /** Service property: {@link Capabilities#tags()} as a {@code String[]}, for target filters. */
    String PROP_CAPABILITIES = "wifi.capabilities";

    /** The backend's short name ({@code name} in the C table). */
    String name();

    /** One-line description of the backend ({@code desc} in the C table). */
    String description();

    /** The interface this service drives. */
    String ifname();

    /** What the backend found this interface supports; the same as {@link DriverInterface#getCapa()}. */
    Capabilities capabilities();

    /**
     * Initialize driver interface for a station/supplicant ({@code init}, {@code init2}: the global data
     * of {@code init2} is this service itself). Events of the interface go to {@code sink} until the
     * returned interface is closed.
     *
     * @param ifname the interface; must be {@link #ifname()}
     * @throws DriverException if the interface cannot be opened
     */
    @DriverOp({"init", "init2"})
    DriverInterface open(String ifname, DriverEventSink sink) throws DriverException;

    /**
     * Initialize driver interface for an AP ({@code hapd_init}).
     *
     * @throws DriverException if the interface cannot be opened for AP use
     */
    @DriverOp("hapd_init")
    default DriverInterface openAp(ApInitParams params, DriverEventSink sink) throws DriverException {
        throw new OperationNotSupportedException("hapd_init", name());
    }

    /**
     * Get information about available interfaces: those this backend can see, driven or not.
     */
    @DriverOp("get_interfaces")
    default List<InterfaceInfo> getInterfaces() {
        throw new OperationNotSupportedException("get_interfaces", name());
    }
}
