/** OSGi wiring of the AP core (not exported). */
package wpa4j.hostapd.internal;
