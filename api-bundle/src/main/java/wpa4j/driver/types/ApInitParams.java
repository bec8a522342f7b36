package wpa4j.driver.types;

import java.util.List;

/**
 * The AP-side open parameters ({@code struct wpa_init_params} of {@code hapd_init}).
 *
 * @param ifname interface to drive
 * @param bssid BSSID to use, or {@code null} for the interface's own address
 * @param ssid the SSID of the BSS
 * @param usePaeGroupAddr whether EAPOL frames go to the PAE group address
 * @param bridges bridge interfaces the AP interface is in, one per BSS (empty entries: none)
 */
public record ApInitParams(String ifname, MacAddress bssid, Ssid ssid, boolean usePaeGroupAddr, List<String> bridges) {
    public ApInitParams {
        Validate.ifname("ifname", ifname);
        Validate.nonNull("ssid", ssid);
        bridges = Validate.list("bridges", bridges, 32);
    }
}
