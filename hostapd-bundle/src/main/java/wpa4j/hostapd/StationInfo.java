package wpa4j.hostapd;

/**
 * One station of the AP (as hostapd_cli ALL_STA).
 *
 * @param addr its MAC address
 * @param aid association ID, 0 before association
 * @param flags e.g. [AUTH][ASSOC][AUTHORIZED]
 * @param keyState where its key handshake is
 */
public record StationInfo(String addr, int aid, String flags, String keyState) {}
