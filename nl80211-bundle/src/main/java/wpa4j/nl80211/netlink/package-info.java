/**
 * Netlink over JNA: message and attribute codecs (plain Java, native byte order), sockets, generic
 * netlink family and multicast-group resolution, and request/dump/ack handling with errno and extended
 * ack messages (not exported).
 */
package wpa4j.nl80211.netlink;
