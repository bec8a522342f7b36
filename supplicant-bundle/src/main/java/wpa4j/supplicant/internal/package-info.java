/** OSGi wiring of the station core (not exported). */
package wpa4j.supplicant.internal;
