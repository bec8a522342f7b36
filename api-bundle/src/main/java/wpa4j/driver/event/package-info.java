/**
 * Driver events ({@code wpa_supplicant_event()} with {@code enum wpa_event_type} and
 * {@code union wpa_event_data} of hostap 2.0) as the sealed {@link wpa4j.driver.event.DriverEvent}
 * family, delivered to the {@link wpa4j.driver.event.DriverEventSink} a consumer passes to
 * {@code WifiDriver.open}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package wpa4j.driver.event;
