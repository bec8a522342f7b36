package wpa4j.driver.event;

import static wpa4j.driver.types.Validate.nonNull;
import static wpa4j.driver.types.Validate.u16;
import static wpa4j.driver.types.Validate.u8;

import java.util.List;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.InterfaceChange;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.RegInitiator;
import wpa4j.driver.types.SignalInfo;
import wpa4j.driver.types.Ssid;
import wpa4j.driver.types.Validate;
import wpa4j.driver.types.WnmOper;

/**
 * A driver event: one record per {@code enum wpa_event_type} value, carrying that event's part of
 * {@code union wpa_event_data}. Addresses that C leaves NULL when unknown are {@code null} here and say so.
 */
public sealed interface DriverEvent {

    /** Which of the 51 event types this is. */
    EventType type();

    /**
     * Association information of {@code EVENT_ASSOC} and {@code EVENT_ASSOCINFO} ({@code assoc_info}).
     *
     * @param addr the BSSID (or the station in AP mode), {@code null} when the driver does not say
     * @param reassoc whether it was a reassociation
     * @param reqIes IEs of the (Re)Association Request
     * @param respIes IEs of the (Re)Association Response
     * @param beaconIes IEs of the BSS's Beacon or Probe Response
     * @param freq operating frequency in MHz, 0 when unknown
     */
    record AssocInfoData(MacAddress addr, boolean reassoc, Bytes reqIes, Bytes respIes, Bytes beaconIes, int freq) {
        public AssocInfoData {
            nonNull("reqIes", reqIes);
            nonNull("respIes", respIes);
            nonNull("beaconIes", beaconIes);
            Validate.frequencyOrZero("freq", freq);
        }
    }

    /** Associated (station) or a station associated (AP, for drivers doing MLME). */
    record Assoc(AssocInfoData info) implements DriverEvent {
        public Assoc { nonNull("info", info); }
        @Override public EventType type() { return EventType.ASSOC; }
    }

    /**
     * Disassociated. {@code addr} is the peer; {@code locallyGenerated} when this side decided it.
     */
    record Disassoc(MacAddress addr, int reasonCode, Bytes ie, boolean locallyGenerated) implements DriverEvent {
        public Disassoc { u16("reasonCode", reasonCode); nonNull("ie", ie); }
        @Override public EventType type() { return EventType.DISASSOC; }
    }

    /** A Michael MIC failure (TKIP); {@code src} is the transmitter when known. */
    record MichaelMicFailure(boolean unicast, MacAddress src) implements DriverEvent {
        @Override public EventType type() { return EventType.MICHAEL_MIC_FAILURE; }
    }

    /** Scan finished: results can be fetched with {@code get_scan_results2} ({@code scan_info}). */
    record ScanResults(boolean aborted, List<Integer> freqs, List<Ssid> ssids) implements DriverEvent {
        public ScanResults {
            freqs = Validate.list("freqs", freqs, 256);
            ssids = Validate.list("ssids", ssids, 16);
        }
        @Override public EventType type() { return EventType.SCAN_RESULTS; }
    }

    /** Association information available after the fact (drivers reporting it separately). */
    record AssocInfo(AssocInfoData info) implements DriverEvent {
        public AssocInfo { nonNull("info", info); }
        @Override public EventType type() { return EventType.ASSOCINFO; }
    }

    /** An interface was added or removed. */
    record InterfaceStatus(String ifname, InterfaceChange change) implements DriverEvent {
        public InterfaceStatus { nonNull("ifname", ifname); nonNull("change", change); }
        @Override public EventType type() { return EventType.INTERFACE_STATUS; }
    }

    /** A BSS that could be pre-authenticated with, by priority {@code index}. */
    record PmkidCandidate(MacAddress bssid, int index, boolean preauth) implements DriverEvent {
        public PmkidCandidate { nonNull("bssid", bssid); Validate.nonNegative("index", index); }
        @Override public EventType type() { return EventType.PMKID_CANDIDATE; }
    }

    /** Request to start an STK handshake with {@code peer}. */
    record StkStart(MacAddress peer) implements DriverEvent {
        public StkStart { nonNull("peer", peer); }
        @Override public EventType type() { return EventType.STKSTART; }
    }

    /** What a TDLS event asks for. */
    enum TdlsRequest { REQUEST_SETUP, REQUEST_TEARDOWN }

    /** The driver asks for a TDLS set-up or tear-down with {@code peer}. */
    record Tdls(MacAddress peer, TdlsRequest oper, int reasonCode) implements DriverEvent {
        public Tdls { nonNull("peer", peer); nonNull("oper", oper); u16("reasonCode", reasonCode); }
        @Override public EventType type() { return EventType.TDLS; }
    }

    /** FT IEs from an FT Authentication or Action response. */
    record FtResponse(Bytes ies, MacAddress targetAp, Bytes ricIes, boolean ftAction) implements DriverEvent {
        public FtResponse { nonNull("ies", ies); nonNull("targetAp", targetAp); nonNull("ricIes", ricIes); }
        @Override public EventType type() { return EventType.FT_RESPONSE; }
    }

    /** Start IBSS RSN with a new peer. */
    record IbssRsnStart(MacAddress peer) implements DriverEvent {
        public IbssRsnStart { nonNull("peer", peer); }
        @Override public EventType type() { return EventType.IBSS_RSN_START; }
    }

    /** An Authentication frame from {@code peer} (SME in user space). */
    record Auth(MacAddress peer, MacAddress bssid, int authType, int authTransaction, int statusCode, Bytes ies) implements DriverEvent {
        public Auth {
            nonNull("peer", peer);
            nonNull("bssid", bssid);
            u16("authType", authType);
            u16("authTransaction", authTransaction);
            u16("statusCode", statusCode);
            nonNull("ies", ies);
        }
        @Override public EventType type() { return EventType.AUTH; }
    }

    /** Deauthenticated. {@code addr} is the peer; {@code locallyGenerated} when this side decided it. */
    record Deauth(MacAddress addr, int reasonCode, Bytes ie, boolean locallyGenerated) implements DriverEvent {
        public Deauth { u16("reasonCode", reasonCode); nonNull("ie", ie); }
        @Override public EventType type() { return EventType.DEAUTH; }
    }

    /** The AP rejected the association with {@code statusCode}. */
    record AssocReject(MacAddress bssid, Bytes respIes, int statusCode) implements DriverEvent {
        public AssocReject { nonNull("respIes", respIes); u16("statusCode", statusCode); }
        @Override public EventType type() { return EventType.ASSOC_REJECT; }
    }

    /** No answer to the Authentication frame sent to {@code addr}. */
    record AuthTimedOut(MacAddress addr) implements DriverEvent {
        public AuthTimedOut { nonNull("addr", addr); }
        @Override public EventType type() { return EventType.AUTH_TIMED_OUT; }
    }

    /** No answer to the Association Request sent to {@code addr}. */
    record AssocTimedOut(MacAddress addr) implements DriverEvent {
        public AssocTimedOut { nonNull("addr", addr); }
        @Override public EventType type() { return EventType.ASSOC_TIMED_OUT; }
    }

    /** An FT remote request/response (RRB) frame received from {@code src}. */
    record FtRrbRx(MacAddress src, Bytes data) implements DriverEvent {
        public FtRrbRx { nonNull("src", src); nonNull("data", data); }
        @Override public EventType type() { return EventType.FT_RRB_RX; }
    }

    /** The WPS push button was pressed. */
    record WpsButtonPushed() implements DriverEvent {
        @Override public EventType type() { return EventType.WPS_BUTTON_PUSHED; }
    }

    /** Transmit status of a frame sent with {@code send_mlme} (type/subtype of its Frame Control). */
    record TxStatus(int frameType, int frameSubtype, MacAddress dst, Bytes data, boolean ack) implements DriverEvent {
        public TxStatus { Validate.range("frameType", frameType, 0, 3); Validate.range("frameSubtype", frameSubtype, 0, 15); nonNull("dst", dst); nonNull("data", data); }
        @Override public EventType type() { return EventType.TX_STATUS; }
    }

    /** A data frame from a station not associated with the AP ({@code wds}: a 4-address frame). */
    record RxFromUnknown(MacAddress bssid, MacAddress addr, boolean wds) implements DriverEvent {
        public RxFromUnknown { nonNull("bssid", bssid); nonNull("addr", addr); }
        @Override public EventType type() { return EventType.RX_FROM_UNKNOWN; }
    }

    /** A management frame received (user-space MLME). */
    record RxMgmt(Bytes frame, int datarate, int freq, int ssiSignal) implements DriverEvent {
        public RxMgmt { Validate.length("frame", frame, 24, 65535); Validate.frequencyOrZero("freq", freq); }
        @Override public EventType type() { return EventType.RX_MGMT; }
    }

    /** An Action frame received; {@code data} starts after the Category field. */
    record RxAction(MacAddress da, MacAddress sa, MacAddress bssid, int category, Bytes data, int freq) implements DriverEvent {
        public RxAction { nonNull("sa", sa); u8("category", category); nonNull("data", data); Validate.frequencyOrZero("freq", freq); }
        @Override public EventType type() { return EventType.RX_ACTION; }
    }

    /** The radio is now on {@code freq} for {@code durationMs} as {@code remain_on_channel} asked. */
    record RemainOnChannel(int freq, int durationMs) implements DriverEvent {
        public RemainOnChannel { Validate.frequency("freq", freq); Validate.nonNegative("durationMs", durationMs); }
        @Override public EventType type() { return EventType.REMAIN_ON_CHANNEL; }
    }

    /** A remain-on-channel period ended or was cancelled. */
    record CancelRemainOnChannel(int freq, int durationMs) implements DriverEvent {
        public CancelRemainOnChannel { Validate.frequency("freq", freq); Validate.nonNegative("durationMs", durationMs); }
        @Override public EventType type() { return EventType.CANCEL_REMAIN_ON_CHANNEL; }
    }

    /** A frame for the MLME (test drivers). */
    record MlmeRx(Bytes frame, int freq, int channel, int ssi) implements DriverEvent {
        public MlmeRx { nonNull("frame", frame); Validate.frequencyOrZero("freq", freq); }
        @Override public EventType type() { return EventType.MLME_RX; }
    }

    /** A Probe Request received (reported after {@code probe_req_report}). */
    record RxProbeReq(MacAddress sa, MacAddress da, MacAddress bssid, Bytes ie, int ssiSignal) implements DriverEvent {
        public RxProbeReq { nonNull("sa", sa); nonNull("ie", ie); }
        @Override public EventType type() { return EventType.RX_PROBE_REQ; }
    }

    /** A new station appeared (drivers doing MLME themselves). */
    record NewSta(MacAddress addr) implements DriverEvent {
        public NewSta { nonNull("addr", addr); }
        @Override public EventType type() { return EventType.NEW_STA; }
    }

    /** An EAPOL frame (the 802.1X PDU, without Ethernet header) received from {@code src}. */
    record EapolRx(MacAddress src, Bytes data) implements DriverEvent {
        public EapolRx { nonNull("src", src); Validate.length("data", data, 4, 65535); }
        @Override public EventType type() { return EventType.EAPOL_RX; }
    }

    /** The signal crossed the {@code signal_monitor} threshold. */
    record SignalChange(SignalInfo info) implements DriverEvent {
        public SignalChange { nonNull("info", info); }
        @Override public EventType type() { return EventType.SIGNAL_CHANGE; }
    }

    /** The interface became usable again. */
    record InterfaceEnabled() implements DriverEvent {
        @Override public EventType type() { return EventType.INTERFACE_ENABLED; }
    }

    /** The interface was disabled (e.g. rfkill, link down). */
    record InterfaceDisabled() implements DriverEvent {
        @Override public EventType type() { return EventType.INTERFACE_DISABLED; }
    }

    /** The channel list changed (regulatory domain update). */
    record ChannelListChanged(RegInitiator initiator) implements DriverEvent {
        public ChannelListChanged { nonNull("initiator", initiator); }
        @Override public EventType type() { return EventType.CHANNEL_LIST_CHANGED; }
    }

    /** The interface is temporarily unavailable (e.g. used by another function). */
    record InterfaceUnavailable() implements DriverEvent {
        @Override public EventType type() { return EventType.INTERFACE_UNAVAILABLE; }
    }

    /** The driver's preferred channels (MHz, 0 when none) for 2.4 GHz, 5 GHz and overall. */
    record BestChannel(int freq24, int freq5, int freqOverall) implements DriverEvent {
        public BestChannel {
            Validate.frequencyOrZero("freq24", freq24);
            Validate.frequencyOrZero("freq5", freq5);
            Validate.frequencyOrZero("freqOverall", freqOverall);
        }
        @Override public EventType type() { return EventType.BEST_CHANNEL; }
    }

    /** An unprotected Deauthentication frame received while MFP is in use. */
    record UnprotDeauth(MacAddress sa, MacAddress da, int reasonCode) implements DriverEvent {
        public UnprotDeauth { nonNull("sa", sa); nonNull("da", da); u16("reasonCode", reasonCode); }
        @Override public EventType type() { return EventType.UNPROT_DEAUTH; }
    }

    /** An unprotected Disassociation frame received while MFP is in use. */
    record UnprotDisassoc(MacAddress sa, MacAddress da, int reasonCode) implements DriverEvent {
        public UnprotDisassoc { nonNull("sa", sa); nonNull("da", da); u16("reasonCode", reasonCode); }
        @Override public EventType type() { return EventType.UNPROT_DISASSOC; }
    }

    /** Many frames to {@code addr} went unacknowledged. */
    record StationLowAck(MacAddress addr) implements DriverEvent {
        public StationLowAck { nonNull("addr", addr); }
        @Override public EventType type() { return EventType.STATION_LOW_ACK; }
    }

    /** A P2P device was found (driver-based P2P). */
    record P2pDevFound(MacAddress addr, MacAddress devAddr, Bytes priDevType, String devName, int configMethods, int devCapab,
            int groupCapab) implements DriverEvent {
        public P2pDevFound {
            nonNull("addr", addr);
            nonNull("devAddr", devAddr);
            Validate.exactLength("priDevType", priDevType, 8);
            nonNull("devName", devName);
            u16("configMethods", configMethods);
            u8("devCapab", devCapab);
            u8("groupCapab", groupCapab);
        }
        @Override public EventType type() { return EventType.P2P_DEV_FOUND; }
    }

    /** A GO Negotiation Request from {@code src}. */
    record P2pGoNegReqRx(MacAddress src, int devPasswdId) implements DriverEvent {
        public P2pGoNegReqRx { nonNull("src", src); u16("devPasswdId", devPasswdId); }
        @Override public EventType type() { return EventType.P2P_GO_NEG_REQ_RX; }
    }

    /** GO negotiation finished ({@code struct p2p_go_neg_results}, credentials left out). */
    record P2pGoNegCompleted(int status, boolean roleGo, int freq, Ssid ssid, MacAddress peerDeviceAddr,
            MacAddress peerInterfaceAddr, boolean persistentGroup) implements DriverEvent {
        public P2pGoNegCompleted { Validate.frequencyOrZero("freq", freq); nonNull("ssid", ssid); nonNull("peerDeviceAddr", peerDeviceAddr); }
        @Override public EventType type() { return EventType.P2P_GO_NEG_COMPLETED; }
    }

    /** A Provision Discovery Request from {@code peer}. */
    record P2pProvDiscRequest(MacAddress peer, int configMethods, MacAddress devAddr, Bytes priDevType, String devName,
            int suppConfigMethods, int devCapab, int groupCapab) implements DriverEvent {
        public P2pProvDiscRequest {
            nonNull("peer", peer);
            u16("configMethods", configMethods);
            nonNull("devAddr", devAddr);
            Validate.exactLength("priDevType", priDevType, 8);
            nonNull("devName", devName);
            u16("suppConfigMethods", suppConfigMethods);
        }
        @Override public EventType type() { return EventType.P2P_PROV_DISC_REQUEST; }
    }

    /** A Provision Discovery Response from {@code peer}. */
    record P2pProvDiscResponse(MacAddress peer, int configMethods) implements DriverEvent {
        public P2pProvDiscResponse { nonNull("peer", peer); u16("configMethods", configMethods); }
        @Override public EventType type() { return EventType.P2P_PROV_DISC_RESPONSE; }
    }

    /** A service discovery request. */
    record P2pSdRequest(int freq, MacAddress sa, int dialogToken, int updateIndic, Bytes tlvs) implements DriverEvent {
        public P2pSdRequest { Validate.frequencyOrZero("freq", freq); nonNull("sa", sa); u8("dialogToken", dialogToken); u16("updateIndic", updateIndic); nonNull("tlvs", tlvs); }
        @Override public EventType type() { return EventType.P2P_SD_REQUEST; }
    }

    /** A service discovery response. */
    record P2pSdResponse(MacAddress sa, int updateIndic, Bytes tlvs) implements DriverEvent {
        public P2pSdResponse { nonNull("sa", sa); u16("updateIndic", updateIndic); nonNull("tlvs", tlvs); }
        @Override public EventType type() { return EventType.P2P_SD_RESPONSE; }
    }

    /** An IBSS peer is gone. */
    record IbssPeerLost(MacAddress peer) implements DriverEvent {
        public IbssPeerLost { nonNull("peer", peer); }
        @Override public EventType type() { return EventType.IBSS_PEER_LOST; }
    }

    /** The driver rekeyed the GTK itself (offload); the replay counter moved to {@code replayCtr}. */
    record DriverGtkRekey(MacAddress bssid, Bytes replayCtr) implements DriverEvent {
        public DriverGtkRekey { nonNull("bssid", bssid); Validate.exactLength("replayCtr", replayCtr, 8); }
        @Override public EventType type() { return EventType.DRIVER_GTK_REKEY; }
    }

    /** A scheduled scan stopped. */
    record SchedScanStopped() implements DriverEvent {
        @Override public EventType type() { return EventType.SCHED_SCAN_STOPPED; }
    }

    /** A station answered {@code poll_client}. */
    record DriverClientPollOk(MacAddress addr) implements DriverEvent {
        public DriverClientPollOk { nonNull("addr", addr); }
        @Override public EventType type() { return EventType.DRIVER_CLIENT_POLL_OK; }
    }

    /** Transmit status of an EAPOL frame. */
    record EapolTxStatus(MacAddress dst, Bytes data, boolean ack) implements DriverEvent {
        public EapolTxStatus { nonNull("dst", dst); nonNull("data", data); }
        @Override public EventType type() { return EventType.EAPOL_TX_STATUS; }
    }

    /** The AP or its BSS moved to another channel. */
    record ChSwitch(int freq, boolean htEnabled, int chOffset) implements DriverEvent {
        public ChSwitch { Validate.frequency("freq", freq); Validate.range("chOffset", chOffset, -1, 1); }
        @Override public EventType type() { return EventType.CH_SWITCH; }
    }

    /** A WNM (802.11v) sleep mode exchange. */
    record Wnm(WnmOper oper, MacAddress addr, int sleepAction, int sleepIntval, Bytes tfsIe) implements DriverEvent {
        public Wnm { nonNull("oper", oper); nonNull("addr", addr); u8("sleepAction", sleepAction); u16("sleepIntval", sleepIntval); nonNull("tfsIe", tfsIe); }
        @Override public EventType type() { return EventType.WNM; }
    }
}
