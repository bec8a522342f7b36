/**
 * The event loop: one thread per interface that runs driver events, commands and timers one at a time,
 * as hostapd's eloop does, so state machines need no locks.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package wpa4j.runtime.eloop;
