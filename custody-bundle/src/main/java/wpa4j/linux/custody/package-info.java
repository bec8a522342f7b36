/**
 * Socket custody: the kernel sockets that own a link (the nl80211 socket that is SOCKET_OWNER of a
 * connection or an AP, its frame registrations, its event subscriptions) held by this small, stable bundle
 * and lent to the backend instance that drives the interface. A new instance of the backend takes them
 * over; what arrives in between is queued, bounded, and delivered to it in order. Custody reads nothing
 * beyond the netlink message header: the protocol stays in the backend. Since 1.1 it holds AF_PACKET sockets too
 * (a station's EAPOL on a link no netlink socket owns), whose frames it queues the same way.
 */
@Export
@Version("1.1.0")
package wpa4j.linux.custody;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
