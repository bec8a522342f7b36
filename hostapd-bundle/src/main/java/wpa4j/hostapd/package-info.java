/** The AP core's control surface: one {@link wpa4j.hostapd.ApControl} service per configured interface. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package wpa4j.hostapd;
