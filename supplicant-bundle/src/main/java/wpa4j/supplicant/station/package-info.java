/**
 * One station per interface, as wpa_supplicant runs one per {@code -i}: its network blocks (from a
 * wpa_supplicant.conf, from Config Admin, from the control interface), the core on its event loop, and the
 * lines it reports. Plain Java; the OSGi wiring is in {@code internal}. Not exported.
 */
package wpa4j.supplicant.station;
