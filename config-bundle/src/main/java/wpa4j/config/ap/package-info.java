/**
 * The access point side: {@code hostapd.conf} and the files it names ({@code wpa_psk_file},
 * {@code accept_mac_file}, {@code deny_mac_file}). {@link wpa4j.config.ap.ApBlock} validates key by key
 * for the file and Config Admin alike; {@link wpa4j.config.ap.ApProfile} is the complete BSS the AP core runs;
 * {@link wpa4j.config.ap.HostapdConf} parses the file.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package wpa4j.config.ap;
