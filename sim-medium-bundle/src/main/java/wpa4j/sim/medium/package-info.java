/**
 * A virtual 802.11 medium in the JVM, the role {@code mac80211_hwsim} plays for the Linux kernel: radios
 * with MAC addresses and channels, frames delivered between radios on the same channel with configurable
 * loss, latency and RSSI, and per radio the part of cfg80211/mac80211 a SoftMAC driver has (scan cache,
 * station MLME, beaconing, station table, key table, CCMP data path, 802.11w and beacon protection). Radio
 * state lives here, not in a driver instance, so a driver can be replaced while a link stays up.
 * Since 1.5 a radio's sending, station and key ops are queued on the air and return at once, as a driver hands
 * work to its firmware: argument faults are still thrown, a refusal by the radio's state is counted
 * ({@link wpa4j.sim.medium.RadioCounters#queuedOpsFailed()}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package wpa4j.sim.medium;
