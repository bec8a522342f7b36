/**
 * The gateway's console log: timestamped lines on standard output, also entries of the calling bundle in the
 * OSGi Log Service (1.1: {@code warn} and {@code debug}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package wpa4j.runtime.console;
