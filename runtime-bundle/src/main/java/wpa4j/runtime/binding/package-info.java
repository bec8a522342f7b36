/**
 * Which driver a core uses: the candidates (WifiDriver services and their properties), the core's
 * requirements, and the choice (highest ranking, then oldest service), as plain Java.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.6.0")
package wpa4j.runtime.binding;
