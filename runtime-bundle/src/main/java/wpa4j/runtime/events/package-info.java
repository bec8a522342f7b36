/**
 * The cores' control events (wpa_cli/hostapd_cli monitor lines) as Event Admin events: {@code wpa4j/station/<EVENT>}
 * and {@code wpa4j/ap/<EVENT>} with the line's fields as properties.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package wpa4j.runtime.events;
