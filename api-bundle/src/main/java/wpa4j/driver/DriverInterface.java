package wpa4j.driver;

import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

import wpa4j.driver.types.ApParams;
import wpa4j.driver.types.AssociateParams;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.AuthParams;
import wpa4j.driver.types.BssParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.CountryCode;
import wpa4j.driver.types.FreqParams;
import wpa4j.driver.types.HwFeatures;
import wpa4j.driver.types.IfAddParams;
import wpa4j.driver.types.IfAddResult;
import wpa4j.driver.types.IfType;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.KeyType;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Operstate;
import wpa4j.driver.types.P2pConnectParams;
import wpa4j.driver.types.P2pFindType;
import wpa4j.driver.types.P2pInviteParams;
import wpa4j.driver.types.P2pParams;
import wpa4j.driver.types.PmkidEntry;
import wpa4j.driver.types.ProtectType;
import wpa4j.driver.types.RekeyInfo;
import wpa4j.driver.types.ScanParams;
import wpa4j.driver.types.ScanResults;
import wpa4j.driver.types.SendActionParams;
import wpa4j.driver.types.SignalInfo;
import wpa4j.driver.types.Ssid;
import wpa4j.driver.types.StaAddParams;
import wpa4j.driver.types.StaAssocParams;
import wpa4j.driver.types.StaAuthParams;
import wpa4j.driver.types.StaDriverData;
import wpa4j.driver.types.StaFlag;
import wpa4j.driver.types.TdlsMgmtParams;
import wpa4j.driver.types.TdlsOper;
import wpa4j.driver.types.TxQueueParams;

/**
 * One open interface of a backend: the C {@code priv} together with the ops that take it. Obtained from
 * {@link WifiDriver#open} or {@link WifiDriver#openAp}; {@link #close()} is {@code deinit}/{@code hapd_deinit}.
 *
 * <p>Failures are {@link DriverException} (the C op's -1). An op the backend cannot do throws
 * {@link OperationNotSupportedException} naming op and backend: that is what every default method here
 * does, so a backend implements exactly the ops its OS driver offers and lists them in
 * {@link Capabilities#supportedOps()}. Ops are called from the consumer's event loop, one at a time per
 * interface; events come back through the sink given to {@code open}.
 *
 * <p>Methods annotated with {@link DriverOp} name the C op they stand for; later API versions add ops
 * only as default methods, so a backend built against 1.x keeps working.
 */
@ConsumerType
public interface DriverInterface extends AutoCloseable {

    // ---- identity and lifecycle ------------------------------------------------------------------

    /** The backend's name as in {@link WifiDriver#name()}; used in messages. */
    String driverName();

    /** Get interface name. */
    @DriverOp("get_ifname")
    String getIfname();

    /** Get own MAC address. */
    @DriverOp("get_mac_addr")
    MacAddress getMacAddr();

    /**
     * Get driver capabilities: what this interface supports, including which ops.
     */
    @DriverOp("get_capa")
    Capabilities getCapa();

    /**
     * Deinitialize driver interface: stop delivering events and release what {@code open} took.
     * Idempotent. What the kernel keeps (an association, an AP) is the backend's documented choice;
     * backends that support live replacement leave the link up.
     */
    @DriverOp({"deinit", "hapd_deinit"})
    @Override
    void close();

    /**
     * Set driver configuration parameters: a backend-specific string (wpa_supplicant's
     * {@code driver_param}).
     */
    @DriverOp("set_param")
    default void setParam(String param) throws DriverException {
        throw unsupported("set_param");
    }

    // ---- station: connection --------------------------------------------------------------------

    /**
     * Get the current BSSID, or empty when not associated.
     */
    @DriverOp("get_bssid")
    default Optional<MacAddress> getBssid() throws DriverException {
        throw unsupported("get_bssid");
    }

    /**
     * Get the current SSID, or empty when not associated.
     */
    @DriverOp("get_ssid")
    default Optional<Ssid> getSsid() throws DriverException {
        throw unsupported("get_ssid");
    }

    /**
     * Request the driver to initiate scan. Results are announced with {@code EVENT_SCAN_RESULTS} and
     * fetched with {@link #getScanResults2()}.
     */
    @DriverOp("scan2")
    default void scan2(ScanParams params) throws DriverException {
        throw unsupported("scan2");
    }

    /**
     * Fetch the latest scan results.
     */
    @DriverOp("get_scan_results2")
    default ScanResults getScanResults2() throws DriverException {
        throw unsupported("get_scan_results2");
    }

    /**
     * Request driver to authenticate. For drivers that split authentication and association so that the
     * supplicant is the SME ({@link wpa4j.driver.types.DriverFlag#SME}); otherwise {@link #associate}
     * authenticates too. The result is {@code EVENT_AUTH} or {@code EVENT_AUTH_TIMED_OUT}.
     */
    @DriverOp("authenticate")
    default void authenticate(AuthParams params) throws DriverException {
        throw unsupported("authenticate");
    }

    /**
     * Request driver to associate. The result is {@code EVENT_ASSOC}, {@code EVENT_ASSOC_REJECT} or
     * {@code EVENT_ASSOC_TIMED_OUT}.
     */
    @DriverOp("associate")
    default void associate(AssociateParams params) throws DriverException {
        throw unsupported("associate");
    }

    /**
     * Request driver to deauthenticate from {@code addr} (the BSSID) with a 16-bit reason code.
     */
    @DriverOp("deauthenticate")
    default void deauthenticate(MacAddress addr, int reasonCode) throws DriverException {
        throw unsupported("deauthenticate");
    }

    /**
     * Request driver to disassociate from {@code addr} (the BSSID) with a 16-bit reason code.
     */
    @DriverOp("disassociate")
    default void disassociate(MacAddress addr, int reasonCode) throws DriverException {
        throw unsupported("disassociate");
    }

    /**
     * Configure encryption key: install or (with {@link wpa4j.driver.types.KeyAlg#NONE}) remove a
     * pairwise or group key. An IGTK is {@link wpa4j.driver.types.KeyAlg#IGTK} at index 4/5, a BIGTK the same
     * algorithm at index 6/7 (only on a driver with {@link wpa4j.driver.types.DriverFlag#BEACON_PROTECTION} or
     * {@link wpa4j.driver.types.DriverFlag#BEACON_PROTECTION_CLIENT}; others refuse it).
     */
    @DriverOp("set_key")
    default void setKey(KeyParams params) throws DriverException {
        throw unsupported("set_key");
    }

    /**
     * Enable/disable TKIP countermeasures (station).
     */
    @DriverOp("set_countermeasures")
    default void setCountermeasures(boolean enabled) throws DriverException {
        throw unsupported("set_countermeasures");
    }

    /**
     * Add PMKSA cache entry to the driver, for drivers that build the RSN IE themselves.
     */
    @DriverOp("add_pmkid")
    default void addPmkid(PmkidEntry entry) throws DriverException {
        throw unsupported("add_pmkid");
    }

    /**
     * Remove PMKSA cache entry from the driver.
     */
    @DriverOp("remove_pmkid")
    default void removePmkid(PmkidEntry entry) throws DriverException {
        throw unsupported("remove_pmkid");
    }

    /**
     * Flush PMKSA cache.
     */
    @DriverOp("flush_pmkid")
    default void flushPmkid() throws DriverException {
        throw unsupported("flush_pmkid");
    }

    /**
     * Poll driver for association information, for drivers that do not send association events.
     */
    @DriverOp("poll")
    default void poll() {
        throw unsupported("poll");
    }

    /**
     * Optional function for sending EAPOL packets to {@code dest} with Ethertype {@code proto}
     * (0x888e); {@code data} is the 802.1X PDU.
     */
    @DriverOp("send_eapol")
    default void sendEapol(MacAddress dest, int proto, Bytes data) throws DriverException {
        throw unsupported("send_eapol");
    }

    /**
     * Sets device operating state to DORMANT (link up, port not authorized) or UP.
     */
    @DriverOp("set_operstate")
    default void setOperstate(Operstate state) throws DriverException {
        throw unsupported("set_operstate");
    }

    /**
     * MLME-SETPROTECTION.request primitive: which frames to/from {@code addr} must be protected.
     */
    @DriverOp("mlme_setprotection")
    default void mlmeSetprotection(MacAddress addr, ProtectType protectType, KeyType keyType) throws DriverException {
        throw unsupported("mlme_setprotection");
    }

    /**
     * Set IEEE 802.1X Supplicant Port status, for drivers that filter data until authorized.
     */
    @DriverOp("set_supp_port")
    default void setSuppPort(boolean authorized) throws DriverException {
        throw unsupported("set_supp_port");
    }

    /**
     * Get current connection information (signal, noise, TX rate, frequency).
     */
    @DriverOp("signal_poll")
    default SignalInfo signalPoll() throws DriverException {
        throw unsupported("signal_poll");
    }

    /**
     * Set signal monitoring parameters: {@code EVENT_SIGNAL_CHANGE} when the signal crosses
     * {@code threshold} dBm with {@code hysteresis} dB; threshold 0 disables.
     */
    @DriverOp("signal_monitor")
    default void signalMonitor(int threshold, int hysteresis) throws DriverException {
        throw unsupported("signal_monitor");
    }

    /**
     * Set authentication algorithm(s) for static WEP.
     */
    @DriverOp("set_authmode")
    default void setAuthmode(Set<AuthAlg> authAlgs) throws DriverException {
        throw unsupported("set_authmode");
    }

    /**
     * Set rekey information (KEK, KCK, replay counter) for GTK rekey offload while suspended.
     */
    @DriverOp("set_rekey_info")
    default void setRekeyInfo(RekeyInfo info) {
        throw unsupported("set_rekey_info");
    }

    /**
     * Request the driver to initiate scheduled scan every {@code intervalMs}.
     */
    @DriverOp("sched_scan")
    default void schedScan(ScanParams params, int intervalMs) throws DriverException {
        throw unsupported("sched_scan");
    }

    /**
     * Request the driver to stop a scheduled scan.
     */
    @DriverOp("stop_sched_scan")
    default void stopSchedScan() throws DriverException {
        throw unsupported("stop_sched_scan");
    }

    // ---- radio and regulatory -------------------------------------------------------------------

    /**
     * Get hardware support data (channels and rates).
     */
    @DriverOp("get_hw_feature_data")
    default HwFeatures getHwFeatureData() throws DriverException {
        throw unsupported("get_hw_feature_data");
    }

    /**
     * Set country (regulatory domain hint).
     */
    @DriverOp("set_country")
    default void setCountry(CountryCode alpha2) throws DriverException {
        throw unsupported("set_country");
    }

    /**
     * Set channel/frequency (AP only).
     */
    @DriverOp("set_freq")
    default void setFreq(FreqParams freq) throws DriverException {
        throw unsupported("set_freq");
    }

    /**
     * Set RTS threshold in octets; -1 disables RTS.
     */
    @DriverOp("set_rts")
    default void setRts(int rts) throws DriverException {
        throw unsupported("set_rts");
    }

    /**
     * Set fragmentation threshold in octets; -1 disables fragmentation.
     */
    @DriverOp("set_frag")
    default void setFrag(int frag) throws DriverException {
        throw unsupported("set_frag");
    }

    /**
     * Set TX queue (EDCA) parameters.
     */
    @DriverOp("set_tx_queue_params")
    default void setTxQueueParams(TxQueueParams params) throws DriverException {
        throw unsupported("set_tx_queue_params");
    }

    /**
     * Disable/enable radio.
     */
    @DriverOp("radio_disable")
    default void radioDisable(boolean disabled) throws DriverException {
        throw unsupported("radio_disable");
    }

    /**
     * Get physical radio name for the device (e.g. {@code phy0}).
     */
    @DriverOp("get_radio_name")
    default String getRadioName() {
        throw unsupported("get_radio_name");
    }

    /**
     * Get operating frequency of shared interface(s) in MHz, 0 when none.
     */
    @DriverOp("shared_freq")
    default int sharedFreq() throws DriverException {
        throw unsupported("shared_freq");
    }

    /**
     * Notification on system suspend/hibernate event.
     */
    @DriverOp("suspend")
    default void suspend() {
        throw unsupported("suspend");
    }

    /**
     * Notification on system resume/thaw event.
     */
    @DriverOp("resume")
    default void resume() {
        throw unsupported("resume");
    }

    /**
     * Enable/disable A-MPDU aggregation.
     */
    @DriverOp("ampdu")
    default void ampdu(boolean enabled) throws DriverException {
        throw unsupported("ampdu");
    }

    // ---- virtual interfaces ---------------------------------------------------------------------

    /**
     * Add a virtual interface; returns the name and address it got.
     */
    @DriverOp("if_add")
    default IfAddResult ifAdd(IfAddParams params) throws DriverException {
        throw unsupported("if_add");
    }

    /**
     * Remove a virtual interface.
     */
    @DriverOp("if_remove")
    default void ifRemove(IfType type, String ifname) throws DriverException {
        throw unsupported("if_remove");
    }

    // ---- management frames and off-channel ------------------------------------------------------

    /**
     * Send management frame from MLME: a whole 802.11 frame from the Frame Control field on. Unless
     * {@code noAck}, the result comes as {@code EVENT_TX_STATUS}.
     */
    @DriverOp("send_mlme")
    default void sendMlme(Bytes frame, boolean noAck) throws DriverException {
        throw unsupported("send_mlme");
    }

    /**
     * Send IEEE 802.11 frame (testing use only), encrypted with the current keys if {@code encrypt}.
     */
    @DriverOp("send_frame")
    default void sendFrame(Bytes frame, boolean encrypt) throws DriverException {
        throw unsupported("send_frame");
    }

    /**
     * Transmit an Action frame, possibly off-channel.
     */
    @DriverOp("send_action")
    default void sendAction(SendActionParams params) throws DriverException {
        throw unsupported("send_action");
    }

    /**
     * Cancel action frame TX wait.
     */
    @DriverOp("send_action_cancel_wait")
    default void sendActionCancelWait() {
        throw unsupported("send_action_cancel_wait");
    }

    /**
     * Remain awake on a channel for {@code durationMs}; {@code EVENT_REMAIN_ON_CHANNEL} confirms.
     */
    @DriverOp("remain_on_channel")
    default void remainOnChannel(int freq, int durationMs) throws DriverException {
        throw unsupported("remain_on_channel");
    }

    /**
     * Cancel remain-on-channel operation.
     */
    @DriverOp("cancel_remain_on_channel")
    default void cancelRemainOnChannel() throws DriverException {
        throw unsupported("cancel_remain_on_channel");
    }

    /**
     * Request Probe Request frames to be indicated ({@code EVENT_RX_PROBE_REQ}).
     */
    @DriverOp("probe_req_report")
    default void probeReqReport(boolean report) throws DriverException {
        throw unsupported("probe_req_report");
    }

    // ---- fast transition (802.11r) --------------------------------------------------------------

    /**
     * Update FT (IEEE 802.11r) IEs for the next (re)association; {@code md} is the 2-octet MDID.
     */
    @DriverOp("update_ft_ies")
    default void updateFtIes(Bytes md, Bytes ies) throws DriverException {
        throw unsupported("update_ft_ies");
    }

    /**
     * Send FT Action frame (IEEE 802.11r) to {@code targetAp}.
     */
    @DriverOp("send_ft_action")
    default void sendFtAction(int action, MacAddress targetAp, Bytes ies) throws DriverException {
        throw unsupported("send_ft_action");
    }

    // ---- AP -------------------------------------------------------------------------------------

    /**
     * Set Beacon and Probe Response information for AP mode; starts beaconing the first time.
     */
    @DriverOp("set_ap")
    default void setAp(ApParams params) throws DriverException {
        throw unsupported("set_ap");
    }

    /**
     * Deinitialize AP mode: stop beaconing and return to station mode.
     */
    @DriverOp("deinit_ap")
    default void deinitAp() throws DriverException {
        throw unsupported("deinit_ap");
    }

    /**
     * Enable/disable IEEE 802.1X support (AP only).
     */
    @DriverOp("set_ieee8021x")
    default void setIeee8021x(BssParams params) throws DriverException {
        throw unsupported("set_ieee8021x");
    }

    /**
     * Enable/disable privacy (AP only).
     */
    @DriverOp("set_privacy")
    default void setPrivacy(boolean enabled) throws DriverException {
        throw unsupported("set_privacy");
    }

    /**
     * Fetch the current TSC/packet number (AP only) of key {@code idx} for {@code addr} (broadcast for
     * the group key): 8 octets, little-endian, as {@code set_key}'s {@code seq}; for an IGTK (4/5) or BIGTK (6/7)
     * the first 6 octets are its IPN/BIPN.
     *
     * @param ifname interface (an AP VLAN), or {@code null} for this one
     */
    @DriverOp("get_seqnum")
    default Bytes getSeqnum(String ifname, MacAddress addr, int idx) throws DriverException {
        throw unsupported("get_seqnum");
    }

    /**
     * Flush all association stations (AP only).
     */
    @DriverOp("flush")
    default void flush() throws DriverException {
        throw unsupported("flush");
    }

    /**
     * Add IEs into Beacon/Probe Response frames (AP), for drivers that build them.
     */
    @DriverOp("set_generic_elem")
    default void setGenericElem(Bytes elem) throws DriverException {
        throw unsupported("set_generic_elem");
    }

    /**
     * Fetch station data (AP only).
     */
    @DriverOp("read_sta_data")
    default StaDriverData readStaData(MacAddress addr) throws DriverException {
        throw unsupported("read_sta_data");
    }

    /**
     * Send an EAPOL packet (AP only) to station {@code addr} from {@code ownAddr}; {@code flags} are the
     * station's flags (e.g. whether it uses WMM).
     */
    @DriverOp("hapd_send_eapol")
    default void hapdSendEapol(MacAddress addr, Bytes data, boolean encrypt, MacAddress ownAddr, Set<StaFlag> flags)
            throws DriverException {
        throw unsupported("hapd_send_eapol");
    }

    /**
     * Deauthenticate a station (AP only): send a Deauthentication frame with {@code reason}.
     */
    @DriverOp("sta_deauth")
    default void staDeauth(MacAddress ownAddr, MacAddress addr, int reason) throws DriverException {
        throw unsupported("sta_deauth");
    }

    /**
     * Disassociate a station (AP only): send a Disassociation frame with {@code reason}.
     */
    @DriverOp("sta_disassoc")
    default void staDisassoc(MacAddress ownAddr, MacAddress addr, int reason) throws DriverException {
        throw unsupported("sta_disassoc");
    }

    /**
     * Remove a station entry (AP only).
     */
    @DriverOp("sta_remove")
    default void staRemove(MacAddress addr) throws DriverException {
        throw unsupported("sta_remove");
    }

    /**
     * Get the current SSID (AP only).
     */
    @DriverOp("hapd_get_ssid")
    default Ssid hapdGetSsid() throws DriverException {
        throw unsupported("hapd_get_ssid");
    }

    /**
     * Set SSID (AP only).
     */
    @DriverOp("hapd_set_ssid")
    default void hapdSetSsid(Ssid ssid) throws DriverException {
        throw unsupported("hapd_set_ssid");
    }

    /**
     * Enable/disable TKIP countermeasures (AP).
     */
    @DriverOp("hapd_set_countermeasures")
    default void hapdSetCountermeasures(boolean enabled) throws DriverException {
        throw unsupported("hapd_set_countermeasures");
    }

    /**
     * Add a station entry (or update one when {@link StaAddParams#set()}), after association.
     */
    @DriverOp("sta_add")
    default void staAdd(StaAddParams params) throws DriverException {
        throw unsupported("sta_add");
    }

    /**
     * Get station inactivity duration in seconds (AP only).
     */
    @DriverOp("get_inact_sec")
    default int getInactSec(MacAddress addr) throws DriverException {
        throw unsupported("get_inact_sec");
    }

    /**
     * Clear station statistics (AP only).
     */
    @DriverOp("sta_clear_stats")
    default void staClearStats(MacAddress addr) throws DriverException {
        throw unsupported("sta_clear_stats");
    }

    /**
     * Set station flags (AP only): the new flags are {@code (current & flagsAnd) | flagsOr};
     * {@code total} is the complete resulting set, for drivers that take it whole.
     */
    @DriverOp("sta_set_flags")
    default void staSetFlags(MacAddress addr, Set<StaFlag> total, Set<StaFlag> flagsOr, Set<StaFlag> flagsAnd) throws DriverException {
        throw unsupported("sta_set_flags");
    }

    /**
     * Bind a station into a specific interface (AP only): dynamic VLAN {@code vlanId} on {@code ifname}.
     */
    @DriverOp("set_sta_vlan")
    default void setStaVlan(MacAddress addr, String ifname, int vlanId) throws DriverException {
        throw unsupported("set_sta_vlan");
    }

    /**
     * Optional commit changes handler (AP only), called when the initial configuration is done.
     */
    @DriverOp("commit")
    default void commit() throws DriverException {
        throw unsupported("commit");
    }

    /**
     * Send an ethernet packet (AP only) with Ethertype {@code proto}.
     */
    @DriverOp("send_ether")
    default void sendEther(MacAddress dst, MacAddress src, int proto, Bytes data) throws DriverException {
        throw unsupported("send_ether");
    }

    /**
     * Notification of RADIUS ACL change: {@code mac} was accepted or not, for {@code sessionTimeout} seconds.
     */
    @DriverOp("set_radius_acl_auth")
    default void setRadiusAclAuth(MacAddress mac, boolean accepted, long sessionTimeout) throws DriverException {
        throw unsupported("set_radius_acl_auth");
    }

    /**
     * Notification of RADIUS ACL expiration.
     */
    @DriverOp("set_radius_acl_expire")
    default void setRadiusAclExpire(MacAddress mac) throws DriverException {
        throw unsupported("set_radius_acl_expire");
    }

    /**
     * Add WPS IE(s) into Beacon/Probe Response/(Re)Association Response frames (AP).
     */
    @DriverOp("set_ap_wps_ie")
    default void setApWpsIe(Bytes beacon, Bytes proberesp, Bytes assocresp) throws DriverException {
        throw unsupported("set_ap_wps_ie");
    }

    /**
     * Bind a station into a 4-address WDS (AP only) interface, bridged to {@code bridgeIfname} if given.
     */
    @DriverOp("set_wds_sta")
    default void setWdsSta(MacAddress addr, int aid, boolean enabled, String bridgeIfname) throws DriverException {
        throw unsupported("set_wds_sta");
    }

    /**
     * Station association indication: send the (Re)Association Response, for drivers doing the
     * association in firmware.
     */
    @DriverOp("sta_assoc")
    default void staAssoc(StaAssocParams params) throws DriverException {
        throw unsupported("sta_assoc");
    }

    /**
     * Station authentication indication: send the Authentication response, for drivers doing the
     * authentication in firmware.
     */
    @DriverOp("sta_auth")
    default void staAuth(StaAuthParams params) throws DriverException {
        throw unsupported("sta_auth");
    }

    /**
     * Add traffic stream: returns the TSPEC IE with the medium time the driver filled in.
     */
    @DriverOp("add_tspec")
    default Bytes addTspec(MacAddress addr, Bytes tspecIe) throws DriverException {
        throw unsupported("add_tspec");
    }

    /**
     * Add a station node in the driver (a station added by FT-over-DS).
     */
    @DriverOp("add_sta_node")
    default void addStaNode(MacAddress addr, AuthAlg authAlg) throws DriverException {
        throw unsupported("add_sta_node");
    }

    /**
     * Probe (null data or such) the given station; a reply is {@code EVENT_DRIVER_CLIENT_POLL_OK}.
     */
    @DriverOp("poll_client")
    default void pollClient(MacAddress ownAddr, MacAddress addr, boolean qos) {
        throw unsupported("poll_client");
    }

    // ---- P2P and WPS ----------------------------------------------------------------------------

    /**
     * Deinitialize P2P client mode, back to station mode.
     */
    @DriverOp("deinit_p2p_cli")
    default void deinitP2pCli() throws DriverException {
        throw unsupported("deinit_p2p_cli");
    }

    /**
     * Get current Notice of Absence attribute payload.
     */
    @DriverOp("get_noa")
    default Bytes getNoa() throws DriverException {
        throw unsupported("get_noa");
    }

    /**
     * Set Notice of Absence parameters for GO (testing).
     */
    @DriverOp("set_noa")
    default void setNoa(int count, int start, int duration) throws DriverException {
        throw unsupported("set_noa");
    }

    /**
     * Set P2P power save options (-1 leaves a value unchanged).
     */
    @DriverOp("set_p2p_powersave")
    default void setP2pPowersave(int legacyPs, int oppPs, int ctwindow) throws DriverException {
        throw unsupported("set_p2p_powersave");
    }

    /** Start P2P Device Discovery for {@code timeoutSec} (0: until stopped). */
    @DriverOp("p2p_find")
    default void p2pFind(int timeoutSec, P2pFindType type) throws DriverException {
        throw unsupported("p2p_find");
    }

    /** Stop P2P Device Discovery. */
    @DriverOp("p2p_stop_find")
    default void p2pStopFind() throws DriverException {
        throw unsupported("p2p_stop_find");
    }

    /** Start P2P Listen state for {@code timeoutSec}. */
    @DriverOp("p2p_listen")
    default void p2pListen(int timeoutSec) throws DriverException {
        throw unsupported("p2p_listen");
    }

    /** Start P2P group formation (GO negotiation). */
    @DriverOp("p2p_connect")
    default void p2pConnect(P2pConnectParams params) throws DriverException {
        throw unsupported("p2p_connect");
    }

    /** Report successfully completed WPS provisioning with {@code peerAddr}. */
    @DriverOp("wps_success_cb")
    default void wpsSuccessCb(MacAddress peerAddr) throws DriverException {
        throw unsupported("wps_success_cb");
    }

    /** Report failed WPS provisioning (group formation failed). */
    @DriverOp("p2p_group_formation_failed")
    default void p2pGroupFormationFailed() throws DriverException {
        throw unsupported("p2p_group_formation_failed");
    }

    /** Set P2P parameters. */
    @DriverOp("p2p_set_params")
    default void p2pSetParams(P2pParams params) throws DriverException {
        throw unsupported("p2p_set_params");
    }

    /** Send Provision Discovery Request. */
    @DriverOp("p2p_prov_disc_req")
    default void p2pProvDiscReq(MacAddress peerAddr, int configMethods, boolean join) throws DriverException {
        throw unsupported("p2p_prov_disc_req");
    }

    /** Schedule a service discovery query; returns a handle for {@link #p2pSdCancelRequest}. */
    @DriverOp("p2p_sd_request")
    default long p2pSdRequest(MacAddress dst, Bytes tlvs) throws DriverException {
        throw unsupported("p2p_sd_request");
    }

    /** Cancel a pending service discovery query. */
    @DriverOp("p2p_sd_cancel_request")
    default void p2pSdCancelRequest(long req) throws DriverException {
        throw unsupported("p2p_sd_cancel_request");
    }

    /** Send response to a service discovery query. */
    @DriverOp("p2p_sd_response")
    default void p2pSdResponse(int freq, MacAddress dst, int dialogToken, Bytes respTlvs) throws DriverException {
        throw unsupported("p2p_sd_response");
    }

    /** Indicate a change in local services. */
    @DriverOp("p2p_service_update")
    default void p2pServiceUpdate() throws DriverException {
        throw unsupported("p2p_service_update");
    }

    /** Reject peer device (explicitly block connections). */
    @DriverOp("p2p_reject")
    default void p2pReject(MacAddress addr) throws DriverException {
        throw unsupported("p2p_reject");
    }

    /** Invite a P2P Device into a group. */
    @DriverOp("p2p_invite")
    default void p2pInvite(P2pInviteParams params) throws DriverException {
        throw unsupported("p2p_invite");
    }

    // ---- TDLS -----------------------------------------------------------------------------------

    /** Send a TDLS management frame. */
    @DriverOp("send_tdls_mgmt")
    default void sendTdlsMgmt(TdlsMgmtParams params) throws DriverException {
        throw unsupported("send_tdls_mgmt");
    }

    /** Ask the driver to perform a high-level TDLS operation with {@code peer}. */
    @DriverOp("tdls_oper")
    default void tdlsOper(TdlsOper oper, MacAddress peer) throws DriverException {
        throw unsupported("tdls_oper");
    }

    /** The exception every unimplemented op throws: names the op and {@link #driverName()}. */
    private OperationNotSupportedException unsupported(String op) {
        return new OperationNotSupportedException(op, driverName());
    }
}
