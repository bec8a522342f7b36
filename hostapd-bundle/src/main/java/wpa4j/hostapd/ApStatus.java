package wpa4j.hostapd;

/**
 * What {@code wifi:ap} shows (as hostapd_cli STATUS). Never carries key material.
 *
 * @param ifname the interface
 * @param driver the bound backend, or "none"
 * @param state ENABLED, DISABLED or "waiting for driver"
 * @param bssid the BSSID
 * @param ssid the SSID (printable)
 * @param freq frequency in MHz
 * @param channel channel number
 * @param numSta associated stations
 * @param security as wpa_supplicant's scan flags describe the BSS, e.g. "WPA2-PSK-CCMP", "WPA2-PSK+SAE-CCMP", or "open"
 * @param keyMgmt the AKMs offered as hostapd.conf names them ("WPA-PSK SAE"), "NONE" for an open BSS
 * @param ieee80211w management frame protection: 0 disabled, 1 optional, 2 required
 */
public record ApStatus(String ifname, String driver, String state, String bssid, String ssid, int freq, int channel, int numSta,
        String security, String keyMgmt, int ieee80211w) {

    /** The status of an AP without PMF facts (before 1.2). */
    public ApStatus(String ifname, String driver, String state, String bssid, String ssid, int freq, int channel, int numSta, String security) {
        this(ifname, driver, state, bssid, ssid, freq, channel, numSta, security, "", 0);
    }

    /** As hostapd_cli STATUS prints it, with the security lines wpa4j adds. */
    public String toHostapdCli() {
        return "state=" + state + "\nfreq=" + freq + "\nchannel=" + channel + "\nbssid[0]=" + bssid + "\nssid[0]=" + ssid + "\nnum_sta[0]="
                + numSta + "\nsecurity=" + security + (keyMgmt.isEmpty() ? "" : "\nkey_mgmt=" + keyMgmt + "\nieee80211w=" + ieee80211w)
                + "\ndriver=" + driver + "\n";
    }
}
