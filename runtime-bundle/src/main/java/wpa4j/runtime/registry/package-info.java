/**
 * The OSGi edge every backend shares: its {@code WifiDriver} services, one per interface, registered with
 * the properties consumers filter and rank on, and how a backend instance ends (hands its links over, or
 * ends them when the gateway stops).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package wpa4j.runtime.registry;
