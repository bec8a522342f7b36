package wpa4j.nl80211;

/**
 * How EAPOL frames travel. {@code AUTO}: over the nl80211 control port (NL80211_CMD_CONTROL_PORT_FRAME to the
 * socket that owns the connection) when the wiphy has NL80211_EXT_FEATURE_CONTROL_PORT_OVER_NL80211, else a
 * PF_PACKET socket on ETH_P_PAE. {@code PACKET}: always the PF_PACKET socket.
 */
public enum EapolMode {
    AUTO, PACKET
}
