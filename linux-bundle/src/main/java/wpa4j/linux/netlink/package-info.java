/**
 * Netlink over JNA for the Linux backends: message and attribute codecs (plain Java, native byte order),
 * sockets and transports (a socket of its own, or one held elsewhere), generic netlink family and
 * multicast-group resolution, request/dump/ack handling with errno and extended ack messages, and
 * rtnetlink link state and link notifications.
 */
@Export
@Version("2.0.0")
package wpa4j.linux.netlink;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
