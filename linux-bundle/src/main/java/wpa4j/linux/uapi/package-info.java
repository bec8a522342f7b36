/** Kernel uapi constants of netlink, rtnetlink and PF_PACKET, generated from the installed headers. */
@Export
@Version("1.0.0")
package wpa4j.linux.uapi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
