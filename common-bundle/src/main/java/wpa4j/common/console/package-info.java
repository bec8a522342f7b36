/** The gateway's console log: timestamped lines on standard output. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package wpa4j.common.console;
