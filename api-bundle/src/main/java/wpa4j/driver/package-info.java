/**
 * The driver-ops API of wpa4j: hostap 2.0's {@code struct wpa_driver_ops} as OSGi services.
 *
 * <p>A backend registers one {@link wpa4j.driver.WifiDriver} per interface it can drive; a core opens it
 * to get the per-interface {@link wpa4j.driver.DriverInterface} (the C {@code priv}) whose methods are the
 * ops. Every method and lifecycle step carries {@link wpa4j.driver.DriverOp} with the C op(s) it stands
 * for; {@code docs/driver-ops.md} is the table of all 110.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package wpa4j.driver;
