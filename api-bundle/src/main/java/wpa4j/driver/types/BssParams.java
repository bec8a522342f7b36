package wpa4j.driver.types;

import java.util.Set;

/**
 * The arguments of {@code set_ieee8021x} ({@code struct wpa_bss_params}).
 *
 * @param ifname interface of the BSS
 * @param enabled whether IEEE 802.1X/WPA is enabled
 * @param wpa WPA versions
 * @param ieee8021x whether IEEE 802.1X is used
 * @param wpaGroup group cipher
 * @param wpaPairwise pairwise ciphers
 * @param wpaKeyMgmt key management suites
 * @param rsnPreauth whether RSN pre-authentication is enabled
 * @param ieee80211w management frame protection
 */
public record BssParams(String ifname, boolean enabled, Set<Proto> wpa, boolean ieee8021x, Cipher wpaGroup, Set<Cipher> wpaPairwise,
        Set<KeyMgmt> wpaKeyMgmt, boolean rsnPreauth, Mfp ieee80211w) {
    public BssParams {
        Validate.ifname("ifname", ifname);
        wpa = Validate.set("wpa", wpa);
        Validate.nonNull("wpaGroup", wpaGroup);
        wpaPairwise = Validate.set("wpaPairwise", wpaPairwise);
        wpaKeyMgmt = Validate.set("wpaKeyMgmt", wpaKeyMgmt);
        Validate.nonNull("ieee80211w", ieee80211w);
    }
}
