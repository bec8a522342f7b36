/** Wireless Extensions events from rtnetlink (IFLA_WIRELESS), decoded in plain Java (not exported). */
package wpa4j.wext.event;
