package wpa4j.hostapd;

/**
 * One station of the AP (as hostapd_cli ALL_STA).
 *
 * @param addr its MAC address
 * @param aid association ID, 0 before association
 * @param flags e.g. [AUTH][ASSOC][AUTHORIZED][MFP]
 * @param keyState where its key handshake is
 * @param akmSuite the AKM of its association as hostapd prints AKMSuiteSelector (e.g. 00-0f-ac-8), empty without one
 * @param saeGroup the SAE group it authenticated with, 0 without SAE
 */
public record StationInfo(String addr, int aid, String flags, String keyState, String akmSuite, int saeGroup) {
    /** A station without RSN facts (before 1.2). */
    public StationInfo(String addr, int aid, String flags, String keyState) {
        this(addr, aid, flags, keyState, "", 0);
    }
}
