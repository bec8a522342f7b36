package wpa4j.nl80211;

import java.util.List;
import java.util.Set;

import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.event.DriverEventSink;
import wpa4j.driver.types.AssociateParams;
import wpa4j.driver.types.AuthParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.SignalInfo;
import wpa4j.driver.types.Ssid;
import wpa4j.driver.types.CountryCode;
import wpa4j.driver.types.HwFeatures;
import wpa4j.driver.types.IfAddParams;
import wpa4j.driver.types.IfAddResult;
import wpa4j.driver.types.IfType;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.TxQueueParams;
import wpa4j.driver.types.SendActionParams;
import wpa4j.driver.types.RekeyInfo;
import wpa4j.driver.types.PmkidEntry;
import wpa4j.driver.types.StaFlag;
import wpa4j.driver.types.StaDriverData;
import wpa4j.driver.types.StaAddParams;
import wpa4j.driver.types.FreqParams;
import wpa4j.driver.types.ApParams;
import wpa4j.driver.types.Operstate;
import wpa4j.driver.types.ScanParams;
import wpa4j.driver.types.ScanResults;
import wpa4j.nl80211.cmd.InterfaceRecord;
import wpa4j.nl80211.cmd.Nl80211;
import wpa4j.nl80211.cmd.Nl80211Events;
import wpa4j.nl80211.cmd.WiphyInfo;
import wpa4j.linux.netlink.NetlinkException;
import wpa4j.linux.netlink.Rtnetlink;
import wpa4j.nl80211.uapi.Uapi;

import static wpa4j.nl80211.NlOps.failed;
import static wpa4j.nl80211.NlOps.run;

/**
 * One interface driven through nl80211, as hostap's driver_nl80211 maps the ops: the facade over its
 * concerns, each in a class of its own as driver_nl80211 splits them into files. {@link Nl80211Capabilities}
 * (get_capa, hw features), {@link Nl80211EventDecoder} (events), {@link StationMlme} (SME, keys),
 * {@link EapolPath}, {@link ApOps} (hapd_init and the AP ops), {@link LinkOps} (PMKSA, CQM, off-channel,
 * scheduled scan, ...), {@link InterfaceSockets} (the sockets, leased from custody). This class keeps the
 * life cycle and the scan, regulatory and virtual-interface ops. Ops it lacks throw the named
 * OperationNotSupportedException and are left out of {@link Capabilities#supportedOps()}.
 */
final class Nl80211Interface implements DriverInterface {
    private static final System.Logger LOG = System.getLogger(Nl80211Interface.class.getName());
    private final InterfaceSockets sockets;
    private final Nl80211 nl;
    private final Handover handover;
    private final InterfaceRecord iface;
    private final WiphyInfo wiphy;
    private final Capabilities capabilities;
    private final DriverEventSink sink;
    private final Runnable onClose;
    private final LinkOps linkOps;
    private final EapolPath eapol;
    private final StationMlme station;
    private final Nl80211EventDecoder events;
    /** The AP side when opened with hapd_init, else empty. */
    private final java.util.concurrent.atomic.AtomicReference<ApOps> apSide = new java.util.concurrent.atomic.AtomicReference<>();
    /** Closed by the core; handed over (sockets released for a successor) or ended (link ended, sockets closed) by the stack. */
    private boolean closed;
    private boolean handedOver;
    private boolean ended;
    /** The netdev was deleted: nothing is left for a successor, so closing frees the sockets at once. */
    private volatile boolean gone;

    /**
     * Receives nothing until {@link #start()}: the command socket and the sockets for events and frames
     * may hold what arrived while no instance drove the interface, and that must meet a complete object.
     */
    Nl80211Interface(InterfaceSockets sockets, InterfaceRecord iface, WiphyInfo wiphy, DriverEventSink sink, boolean controlPort, Handover handover,
            Runnable onClose) throws NetlinkException {
        this.sockets = sockets;
        this.nl = sockets.cmd();
        this.handover = handover;
        this.iface = iface;
        this.wiphy = wiphy;
        this.capabilities = Nl80211Capabilities.of(wiphy);
        this.sink = sink;
        this.onClose = onClose;
        this.eapol = new EapolPath(nl, sockets, iface, sink, controlPort);
        this.station = new StationMlme(nl, sockets, iface, wiphy, eapol);
        java.util.concurrent.atomic.AtomicReference<ApOps> ap = apSide;
        this.events = new Nl80211EventDecoder(iface, sink, station, () -> ap.get() != null);
        this.linkOps = new LinkOps(nl, sockets, iface, wiphy, events::onNotification);
    }

    /** How closing hands the sockets on: kept for a successor for {@code grace} (zero: closed at once), links ended or not. */
    record Handover(java.time.Duration grace, java.util.function.BooleanSupplier endLinks) {}

    /** From here on notifications arrive: first those held while no instance listened, in order. */
    void start() throws NetlinkException {
        sockets.listenOwner(events::onNotification);
        sockets.listenEvents(events::onNotification);
    }

    /** A station link a predecessor left in custody, if the kernel still has it (see {@link StationMlme#resumeLink()}). */
    void resumeLink() {
        station.resumeLink();
    }

    /** An nl80211 notification for this interface (the frame sockets' receivers, tests). */
    void onNotification(Nl80211Events.Notification n) {
        events.onNotification(n);
    }

    /** Beacons of our BSS the kernel reported as failing BIGTK verification (NL80211_CMD_UNPROT_BEACON). */
    long unprotectedBeacons() {
        return events.unprotectedBeacons();
    }

    /** The station's MLME (tests). */
    StationMlme stationMlme() {
        return station;
    }

    /** Whether EAPOL goes over the control port now (tests). */
    boolean eapolOverControlPort() {
        return eapol.controlPort();
    }

    @Override
    public String driverName() {
        return Nl80211Driver.NAME;
    }

    @Override
    public String getIfname() {
        return iface.ifname();
    }

    @Override
    public MacAddress getMacAddr() {
        return iface.mac();
    }

    @Override
    public Capabilities getCapa() {
        return capabilities;
    }

    /**
     * A link the command socket owns ends only when nothing may take it over: at shutdown, or without a
     * handover grace. Otherwise the sockets stay in custody for the grace, and the link with them.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean end = !handedOver && !ended && (handover.endLinks().getAsBoolean() || handover.grace().isZero() || gone);
        if (end && (handover.endLinks().getAsBoolean() || eapol.controlPort())) {
            endLink();
        }
        eapol.close();
        if (handedOver) {
            onClose.run();
            return;
        }
        try {
            // as driver_nl80211's deinit: hand the link back in default mode
            Rtnetlink.setLinkModeDormant(iface.ifindex(), false);
            Rtnetlink.setOperstate(iface.ifindex(), true);
        } catch (NetlinkException e) {
            // the interface may be gone already (hot-unplug); nothing is left to restore
        }
        if (end || ended) {
            sockets.end();
        } else {
            sockets.release(handover.grace(), will());
        }
        ApOps ap = apSide.get();
        if (ap != null && !ap.beaconing()) {
            Nl80211Driver.backToStation(iface.ifindex());
        }
        onClose.run();
    }

    /** The backend instance goes (an update): the sockets stay for its successor, this instance may finish what it is doing. */
    synchronized void handOver() {
        if (!closed && !ended && !handedOver) {
            handedOver = true;
            sockets.release(handover.grace(), will());
        }
    }

    /** The gateway stops: the link ends now, as driver_nl80211's deinit, and the sockets close. */
    synchronized void endNow() {
        if (!closed && !ended) {
            ended = true;
            endLink();
            sockets.end();
        }
    }

    /**
     * What custody sends when no successor comes: the link back in default mode (a station's link mode is
     * DORMANT while driven), and an AP whose BSS the command socket owns stopped and made a station again (the
     * kernel would stop it anyway when the socket closes). A station's owned link ends with the socket; a
     * PF_PACKET link stays for whoever comes next (wext, say).
     */
    private List<wpa4j.linux.custody.Will> will() {
        wpa4j.linux.custody.Will defaultMode = new wpa4j.linux.custody.Will(null, wpa4j.linux.uapi.Uapi.NETLINK_ROUTE,
                Rtnetlink.defaultModeRequest(iface.ifindex()));
        ApOps ap = apSide.get();
        if (ap == null || !eapol.controlPort() || !ap.beaconing()) {
            return List.of(defaultMode);
        }
        return List.of(sockets.cmdWill(nl.requestOctets(Nl80211.stopApRequest(iface.ifindex()))),
                new wpa4j.linux.custody.Will(null, wpa4j.linux.uapi.Uapi.NETLINK_ROUTE, Rtnetlink.setUpRequest(iface.ifindex(), false)),
                sockets.cmdWill(nl.requestOctets(Nl80211.setIftypeRequest(iface.ifindex(), Uapi.NL80211_IFTYPE_STATION))), defaultMode);
    }

    /** IFLA_OPERSTATE over rtnetlink; with link mode DORMANT (set at open) DORMANT holds IP traffic back. */
    @Override
    public void setOperstate(Operstate state) throws DriverException {
        run("set_operstate", () -> Rtnetlink.setOperstate(iface.ifindex(), state == Operstate.UP));
    }

    // ---- station: SME, keys, EAPOL: delegated to StationMlme and EapolPath ---------------------------

    @Override
    public void authenticate(AuthParams p) throws DriverException {
        station.authenticate(p);
    }

    @Override
    public void associate(AssociateParams p) throws DriverException {
        station.associate(p);
    }

    @Override
    public void deauthenticate(MacAddress addr, int reasonCode) throws DriverException {
        station.deauthenticate(addr, reasonCode);
    }

    @Override
    public void disassociate(MacAddress addr, int reasonCode) throws DriverException {
        station.disassociate(addr, reasonCode);
    }

    @Override
    public void setKey(KeyParams k) throws DriverException {
        station.setKey(k);
    }

    @Override
    public void setSuppPort(boolean authorized) throws DriverException {
        station.setSuppPort(authorized);
    }

    @Override
    public java.util.Optional<MacAddress> getBssid() throws DriverException {
        return station.getBssid();
    }

    @Override
    public java.util.Optional<Ssid> getSsid() throws DriverException {
        return station.getSsid();
    }

    @Override
    public SignalInfo signalPoll() throws DriverException {
        return station.signalPoll();
    }

    @Override
    public void sendEapol(MacAddress dest, int proto, Bytes data) throws DriverException {
        eapol.send("send_eapol", dest, data, false);
    }

    /**
     * A station's own frame registrations (SA Query Responses, for PMF), as driver_nl80211 makes them at init.
     * Should they fail (another process holds them), the station goes on without, as wpa_supplicant does.
     */
    void subscribeStationFrames() {
        try {
            linkOps.subscribeStationFrames();
        } catch (NetlinkException e) {
            LOG.log(System.Logger.Level.WARNING, iface.ifname() + ": SA Query Responses (PMF) will not reach the station: " + e.getMessage());
        }
    }

    /** The kernel removed the netdev: the consumer hears it before the service goes, as EVENT_INTERFACE_STATUS. */
    void interfaceRemoved() {
        gone = true;
        sink.onEvent(new DriverEvent.InterfaceStatus(iface.ifname(), wpa4j.driver.types.InterfaceChange.REMOVED));
    }

    // ---- link extras: delegated to LinkOps --------------------------------------------------------

    @Override
    public void addPmkid(PmkidEntry entry) throws DriverException {
        linkOps.addPmkid(entry);
    }

    @Override
    public void removePmkid(PmkidEntry entry) throws DriverException {
        linkOps.removePmkid(entry);
    }

    @Override
    public void flushPmkid() throws DriverException {
        linkOps.flushPmkid();
    }

    @Override
    public void setRekeyInfo(RekeyInfo info) {
        linkOps.setRekeyInfo(info);
    }

    @Override
    public void signalMonitor(int threshold, int hysteresis) throws DriverException {
        linkOps.signalMonitor(threshold, hysteresis);
    }

    @Override
    public void schedScan(ScanParams params, int intervalMs) throws DriverException {
        linkOps.schedScan(params, intervalMs);
    }

    @Override
    public void stopSchedScan() throws DriverException {
        linkOps.stopSchedScan();
    }

    @Override
    public void setTxQueueParams(TxQueueParams params) throws DriverException {
        linkOps.setTxQueueParams(params);
    }

    @Override
    public void remainOnChannel(int freq, int durationMs) throws DriverException {
        linkOps.remainOnChannel(freq, durationMs);
    }

    @Override
    public void cancelRemainOnChannel() throws DriverException {
        linkOps.cancelRemainOnChannel();
    }

    @Override
    public void sendAction(SendActionParams params) throws DriverException {
        linkOps.sendAction(params);
    }

    @Override
    public void sendActionCancelWait() {
        linkOps.sendActionCancelWait();
    }

    @Override
    public void probeReqReport(boolean report) throws DriverException {
        linkOps.probeReqReport(report);
    }

    @Override
    public void pollClient(MacAddress ownAddr, MacAddress addr, boolean qos) {
        linkOps.pollClient(addr);
    }

    @Override
    public void setP2pPowersave(int legacyPs, int oppPs, int ctwindow) throws DriverException {
        linkOps.setP2pPowersave(legacyPs, oppPs, ctwindow);
    }

    /** The channel another interface of this wiphy operates on (the radio is shared), as driver_nl80211; 0 when none. */
    @Override
    public int sharedFreq() throws DriverException {
        return NlOps.get("shared_freq", () -> nl.interfaces().stream().filter(r -> r.wiphy() == iface.wiphy() && r.ifindex() != iface.ifindex())
                .mapToInt(InterfaceRecord::freq).filter(f -> f != 0).findFirst().orElse(0));
    }

    /** An FT Action frame (category 6) to the current AP, as driver_nl80211: action code, our address, the target AP, IEs. */
    @Override
    public void sendFtAction(int action, MacAddress targetAp, Bytes ies) throws DriverException {
        MacAddress b = station.bssid();
        if (b == null) {
            throw new DriverException("send_ft_action", "not associated", 107, null);
        }
        byte[] body = new byte[2 + 12 + ies.length()];
        body[0] = 6;
        body[1] = (byte) action;
        System.arraycopy(iface.mac().octets(), 0, body, 2, 6);
        System.arraycopy(targetAp.octets(), 0, body, 8, 6);
        System.arraycopy(ies.toArray(), 0, body, 14, ies.length());
        linkOps.sendAction(new SendActionParams(station.lastFreq(), 0, b, iface.mac(), b, Bytes.of(body), false));
    }

    /** The wiphy's name (phyN), as driver_nl80211. */
    @Override
    public String getRadioName() {
        return wiphy.name();
    }

    /** After a system resume: the interface up again, as driver_nl80211. */
    @Override
    public void resume() {
        try {
            Rtnetlink.setUp(iface.ifindex(), true);
        } catch (NetlinkException e) {
            throw new IllegalStateException("resume: " + e.getMessage(), e);
        }
    }

    // ---- AP (hapd_init): delegated to ApOps --------------------------------------------------------

    /** Called by the driver's openAp: from here on this interface is an AP and receives management frames. */
    void becomeAp(ApOps ops) throws DriverException {
        apSide.set(ops);
        sockets.note(InterfaceSockets.ROLE, "ap");
        sockets.note(InterfaceSockets.CONTROL_PORT, eapol.controlPort());
        try {
            eapol.ready();
        } catch (java.io.IOException e) {
            throw new DriverException("hapd_init", "EAPOL socket: " + e.getMessage(), 0, e);
        }
    }

    /** As driver_nl80211's deinit: stop the BSS, or leave the BSS the station is on (reason 3, leaving). */
    private void endLink() {
        ApOps ap = apSide.get();
        MacAddress bssid = station.bssid();
        try {
            if (ap != null) {
                ap.deinitAp();
            } else if (bssid != null) {
                nl.leave(iface.ifindex(), bssid, 3, true);
            }
        } catch (DriverException | NetlinkException e) {
            // already gone: nothing is left to end
        }
    }

    private ApOps ap(String op) throws DriverException {
        ApOps a = apSide.get();
        if (a == null) {
            throw new DriverException(op, iface.ifname() + " was opened as a station (init), not as an AP (hapd_init)", 95, null);
        }
        return a;
    }

    @Override
    public void setFreq(FreqParams freq) throws DriverException {
        ap("set_freq").setFreq(freq);
    }

    @Override
    public void setAp(ApParams params) throws DriverException {
        ap("set_ap").setAp(params);
    }

    @Override
    public void deinitAp() throws DriverException {
        ap("deinit_ap").deinitAp();
    }

    @Override
    public void sendMlme(Bytes frame, boolean noAck) throws DriverException {
        ap("send_mlme").sendMlme(frame, noAck);
    }

    @Override
    public void hapdSendEapol(MacAddress addr, Bytes data, boolean encrypt, MacAddress ownAddr, Set<StaFlag> flags) throws DriverException {
        ap("hapd_send_eapol");
        eapol.send("hapd_send_eapol", addr, data, !encrypt);
    }

    @Override
    public void staAdd(StaAddParams params) throws DriverException {
        ap("sta_add").staAdd(params);
    }

    @Override
    public void staRemove(MacAddress addr) throws DriverException {
        ap("sta_remove").staRemove(addr);
    }

    @Override
    public void staSetFlags(MacAddress addr, Set<StaFlag> total, Set<StaFlag> flagsOr, Set<StaFlag> flagsAnd) throws DriverException {
        ap("sta_set_flags").staSetFlags(addr, flagsOr, flagsAnd);
    }

    @Override
    public void staDeauth(MacAddress ownAddr, MacAddress addr, int reason) throws DriverException {
        ap("sta_deauth").staDeauth(ownAddr, addr, reason);
    }

    @Override
    public void staDisassoc(MacAddress ownAddr, MacAddress addr, int reason) throws DriverException {
        ap("sta_disassoc").staDisassoc(ownAddr, addr, reason);
    }

    @Override
    public StaDriverData readStaData(MacAddress addr) throws DriverException {
        return ap("read_sta_data").readStaData(addr);
    }

    @Override
    public int getInactSec(MacAddress addr) throws DriverException {
        return (int) (ap("get_inact_sec").station("get_inact_sec", addr).inactiveMs() / 1000);
    }

    /** Every station of the BSS removed from the kernel (hostapd does this when the BSS starts). */
    @Override
    public void flush() throws DriverException {
        ap("flush");
        linkOps.flush();
    }

    @Override
    public Bytes getSeqnum(String ifname, MacAddress addr, int idx) throws DriverException {
        return ap("get_seqnum").getSeqnum(addr, idx);
    }

    /** NL80211_CMD_SET_WIPHY RTS threshold; -1 or 2347 and above turn RTS off ((u32) -1), as driver_nl80211. */
    @Override
    public void setRts(int rts) throws DriverException {
        run("set_rts", () -> nl.setWiphy(iface.ifindex(), null, rts < 0 || rts >= 2347 ? 0xffffffffL : rts, null));
    }

    /** NL80211_CMD_SET_WIPHY fragmentation threshold; -1 or 2346 and above turn it off. */
    @Override
    public void setFrag(int frag) throws DriverException {
        run("set_frag", () -> nl.setWiphy(iface.ifindex(), null, null, frag < 0 || frag >= 2346 ? 0xffffffffL : frag & ~1L));
    }

    /** NL80211_CMD_TRIGGER_SCAN; NL80211_CMD_NEW_SCAN_RESULTS (or SCAN_ABORTED) comes as EVENT_SCAN_RESULTS. */
    @Override
    public void scan2(ScanParams params) throws DriverException {
        run("scan2", () -> nl.triggerScan(iface.ifindex(), params.ssids(), params.freqs(), params.extraIes()));
    }

    @Override
    public ScanResults getScanResults2() throws DriverException {
        try {
            return new ScanResults(nl.scanResults(iface.ifindex()));
        } catch (NetlinkException e) {
            throw failed("get_scan_results2", e);
        }
    }

    @Override
    public void setCountry(CountryCode alpha2) throws DriverException {
        run("set_country", () -> nl.setRegulatory(alpha2.alpha2()));
    }

    /** NL80211_CMD_NEW_INTERFACE on this interface's wiphy. */
    @Override
    public IfAddResult ifAdd(IfAddParams params) throws DriverException {
        int type = switch (params.type()) {
            case STATION -> Uapi.NL80211_IFTYPE_STATION;
            case AP_BSS -> Uapi.NL80211_IFTYPE_AP;
            case AP_VLAN -> Uapi.NL80211_IFTYPE_AP_VLAN;
            case P2P_GO -> Uapi.NL80211_IFTYPE_P2P_GO;
            case P2P_CLIENT, P2P_GROUP -> Uapi.NL80211_IFTYPE_P2P_CLIENT;
        };
        try {
            InterfaceRecord created = nl.newInterface(iface.ifindex(), params.ifname(), type);
            return new IfAddResult(created.ifname(), created.mac());
        } catch (NetlinkException e) {
            throw failed("if_add", e);
        }
    }

    /** NL80211_CMD_DEL_INTERFACE for the interface of that name on this wiphy. */
    @Override
    public void ifRemove(IfType type, String ifname) throws DriverException {
        try {
            for (InterfaceRecord r : nl.interfaces()) {
                if (r.ifname().equals(ifname)) {
                    nl.deleteInterface(r.ifindex());
                    return;
                }
            }
        } catch (NetlinkException e) {
            throw failed("if_remove", e);
        }
        throw new DriverException("if_remove", "no interface " + ifname, 19, null);
    }

    /** The bands of the wiphy as hostapd_hw_modes: 2.4 GHz as 802.11g (and b), 5 GHz as 802.11a. */
    @Override
    public HwFeatures getHwFeatureData() {
        return Nl80211Capabilities.hwFeatures(wiphy);
    }

    int ifindex() {
        return iface.ifindex();
    }
}
