/**
 * The OSGi edge every backend shares: its {@code WifiDriver} services, one per interface, registered with
 * the properties consumers filter and rank on. The only package of this bundle that needs a framework.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package wpa4j.common.registry;
