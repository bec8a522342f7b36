package wpa4j.driver.types;

/**
 * The arguments of {@code authenticate} ({@code struct wpa_driver_auth_params}).
 *
 * @param freq frequency of the BSS in MHz
 * @param bssid the BSS to authenticate with
 * @param ssid its SSID
 * @param authAlg the one algorithm to use
 * @param ie extra IEs for the Authentication frame, empty for none
 * @param wepKeys static WEP keys for Shared Key authentication
 * @param localStateChange whether only the local state changes (no frame is sent)
 * @param p2p whether this is for a P2P group
 * @param saeData SAE commit/confirm data after the Authentication frame header, empty for none
 */
public record AuthParams(int freq, MacAddress bssid, Ssid ssid, AuthAlg authAlg, Bytes ie, WepKeys wepKeys,
        boolean localStateChange, boolean p2p, Bytes saeData) {
    public AuthParams {
        Validate.frequency("freq", freq);
        Validate.nonNull("bssid", bssid);
        Validate.nonNull("ssid", ssid);
        Validate.nonNull("authAlg", authAlg);
        Validate.nonNull("ie", ie);
        Validate.nonNull("wepKeys", wepKeys);
        Validate.nonNull("saeData", saeData);
    }

    /** Open System authentication with {@code bssid} on {@code freq}. */
    public static AuthParams open(int freq, MacAddress bssid, Ssid ssid) {
        return new AuthParams(freq, bssid, ssid, AuthAlg.OPEN, Bytes.EMPTY, WepKeys.NONE, false, false, Bytes.EMPTY);
    }
}
