/**
 * The station side: {@code wpa_supplicant.conf} and its network blocks. {@link wpa4j.config.station.NetworkBlock}
 * is one network as wpa_supplicant keeps it ({@code struct wpa_ssid}), validated key by key for the file,
 * Config Admin and the control interface ({@code SET_NETWORK}/{@code GET_NETWORK}) alike;
 * {@link wpa4j.config.station.NetworkProfile} is its immutable, complete form the station core runs;
 * {@link wpa4j.config.station.WpaSupplicantConf} parses, formats ({@code SAVE_CONFIG}) and saves the file.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package wpa4j.config.station;
