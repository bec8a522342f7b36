package wpa4j.driver.event;

/** The 51 event types of hostap 2.0 ({@code enum wpa_event_type}), in the C order. */
public enum EventType {
    ASSOC, DISASSOC, MICHAEL_MIC_FAILURE, SCAN_RESULTS, ASSOCINFO, INTERFACE_STATUS, PMKID_CANDIDATE, STKSTART, TDLS,
    FT_RESPONSE, IBSS_RSN_START, AUTH, DEAUTH, ASSOC_REJECT, AUTH_TIMED_OUT, ASSOC_TIMED_OUT, FT_RRB_RX, WPS_BUTTON_PUSHED,
    TX_STATUS, RX_FROM_UNKNOWN, RX_MGMT, RX_ACTION, REMAIN_ON_CHANNEL, CANCEL_REMAIN_ON_CHANNEL, MLME_RX, RX_PROBE_REQ,
    NEW_STA, EAPOL_RX, SIGNAL_CHANGE, INTERFACE_ENABLED, INTERFACE_DISABLED, CHANNEL_LIST_CHANGED, INTERFACE_UNAVAILABLE,
    BEST_CHANNEL, UNPROT_DEAUTH, UNPROT_DISASSOC, STATION_LOW_ACK, P2P_DEV_FOUND, P2P_GO_NEG_REQ_RX, P2P_GO_NEG_COMPLETED,
    P2P_PROV_DISC_REQUEST, P2P_PROV_DISC_RESPONSE, P2P_SD_REQUEST, P2P_SD_RESPONSE, IBSS_PEER_LOST, DRIVER_GTK_REKEY,
    SCHED_SCAN_STOPPED, DRIVER_CLIENT_POLL_OK, EAPOL_TX_STATUS, CH_SWITCH, WNM;

    /** The C constant, e.g. {@code EVENT_ASSOC}. */
    public String cName() {
        return "EVENT_" + name();
    }

    /**
     * An Event Admin topic name for this event type, {@code wpa4j/driver/<TYPE>}, for a bundle that chooses to post
     * driver events. No wpa4j bundle posts on it: the cores' events go out on {@code wpa4j/station/...} and
     * {@code wpa4j/ap/...} ({@code wpa4j.runtime.events.ControlEvents}).
     */
    public String topic() {
        return "wpa4j/driver/" + name();
    }
}
