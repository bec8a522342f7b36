/**
 * Socket custody in plain Java: an instance of the caller's own, for code that runs without the custody
 * bundle's service. Its own package, so the API package does not depend on the implementation.
 */
@Export
@Version("1.0.0")
package wpa4j.linux.custody.plain;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
