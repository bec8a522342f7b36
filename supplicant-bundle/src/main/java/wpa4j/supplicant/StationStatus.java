package wpa4j.supplicant;

/**
 * What {@code wifi:status} shows for a station interface (as wpa_cli STATUS). Never carries key material.
 *
 * @param ifname the interface
 * @param driver the bound backend, or "none"
 * @param state the state
 * @param bssid the BSS connected to, or empty
 * @param ssid the SSID connected to (printable form), or empty
 * @param freq frequency in MHz, 0 when not connected
 * @param keyMgmt "WPA2-PSK" or "NONE"
 * @param address own MAC address, or empty
 */
public record StationStatus(String ifname, String driver, SupplicantState state, String bssid, String ssid, int freq, String keyMgmt,
        String address) {

    /** As wpa_cli STATUS prints it: key=value lines. */
    public String toWpaCli() {
        StringBuilder sb = new StringBuilder();
        if (!bssid.isEmpty()) {
            sb.append("bssid=").append(bssid).append('\n').append("freq=").append(freq).append('\n').append("ssid=").append(ssid).append('\n')
                    .append("mode=station\n").append("pairwise_cipher=").append(keyMgmt.equals("NONE") ? "NONE" : "CCMP").append('\n')
                    .append("group_cipher=").append(keyMgmt.equals("NONE") ? "NONE" : "CCMP").append('\n').append("key_mgmt=").append(keyMgmt)
                    .append('\n');
        }
        sb.append("wpa_state=").append(state.wpaName()).append('\n');
        if (!address.isEmpty()) {
            sb.append("address=").append(address).append('\n');
        }
        sb.append("driver=").append(driver).append('\n');
        return sb.toString();
    }
}
