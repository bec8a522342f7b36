package wpa4j.driver;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A backend bundle's report on itself, registered once per backend whether or not it can drive anything,
 * so that an operator sees why a backend offers no {@link WifiDriver} (e.g. "inactive: not Windows").
 */
@ConsumerType
public interface DriverBackend {
    /** Service property: the backend name, as {@link WifiDriver#PROP_DRIVER}. */
    String PROP_DRIVER = WifiDriver.PROP_DRIVER;

    /** The backend's current state; may change as interfaces come and go. */
    BackendStatus status();
}
