/** The AP state machine, plain Java on one event loop (not exported). */
package wpa4j.hostapd.core;
