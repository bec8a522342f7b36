/** Kernel uapi constants for netlink, generic netlink and nl80211 (not exported). */
package wpa4j.nl80211.uapi;
