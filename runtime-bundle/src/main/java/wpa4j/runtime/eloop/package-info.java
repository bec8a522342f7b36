/**
 * The event loop: a serial queue per interface that runs driver events, commands and timers one at a time, as
 * hostapd's eloop does, so state machines need no locks; loops take turns on a few shared threads ({@link
 * wpa4j.runtime.eloop.LoopThreads}) or have one of their own.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package wpa4j.runtime.eloop;
