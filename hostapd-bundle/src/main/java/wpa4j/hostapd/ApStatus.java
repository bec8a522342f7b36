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
 * @param security "WPA2-PSK-CCMP" or "open"
 */
public record ApStatus(String ifname, String driver, String state, String bssid, String ssid, int freq, int channel, int numSta,
        String security) {

    /** As hostapd_cli STATUS prints it. */
    public String toHostapdCli() {
        return "state=" + state + "\nfreq=" + freq + "\nchannel=" + channel + "\nbssid[0]=" + bssid + "\nssid[0]=" + ssid + "\nnum_sta[0]="
                + numSta + "\nsecurity=" + security + "\ndriver=" + driver + "\n";
    }
}
