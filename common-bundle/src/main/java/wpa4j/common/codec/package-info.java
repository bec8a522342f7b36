/**
 * Bounded readers and writers for untrusted octets, and the one checked exception every decoder throws.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package wpa4j.common.codec;
