package wpa4j.nl80211;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import wpa4j.common.frame.FrameControl;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.DriverOps;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.event.DriverEventSink;
import wpa4j.driver.types.AssociateParams;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.AuthParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.Mfp;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.SignalInfo;
import wpa4j.driver.types.Ssid;
import wpa4j.driver.types.ChannelData;
import wpa4j.driver.types.ChannelFlag;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.CountryCode;
import wpa4j.driver.types.DriverFlag;
import wpa4j.driver.types.HwFeatures;
import wpa4j.driver.types.HwMode;
import wpa4j.driver.types.HwModeType;
import wpa4j.driver.types.IfAddParams;
import wpa4j.driver.types.IfAddResult;
import wpa4j.driver.types.IfType;
import wpa4j.driver.types.KeyMgmtCapability;
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
import wpa4j.driver.types.ScanResult;
import wpa4j.driver.types.ScanResultFlag;
import wpa4j.driver.types.ScanResults;
import wpa4j.nl80211.cmd.Association;
import wpa4j.nl80211.cmd.InterfaceRecord;
import wpa4j.nl80211.cmd.Nl80211;
import wpa4j.nl80211.cmd.Nl80211Events;
import wpa4j.nl80211.cmd.NlAttrs;
import wpa4j.nl80211.cmd.StationRecord;
import wpa4j.linux.packet.EapolSocket;
import wpa4j.linux.netlink.NlAttr;
import wpa4j.nl80211.cmd.WiphyInfo;
import wpa4j.linux.netlink.NetlinkException;
import wpa4j.linux.netlink.Rtnetlink;
import wpa4j.nl80211.uapi.Uapi;

import static wpa4j.nl80211.NlOps.failed;
import static wpa4j.nl80211.NlOps.run;

/**
 * One interface driven through nl80211, as hostap's driver_nl80211 maps the ops. This version carries the
 * capability, scan, regulatory, virtual-interface and station (SME, keys, EAPOL over PF_PACKET) ops; the
 * others throw the named OperationNotSupportedException and are left out of {@link Capabilities#supportedOps()}.
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
    /** driver_nl80211's WPA_INVALID_NOISE: the kernel reports no noise floor for the channel. */
    static final int NOISE_UNKNOWN = 9999;
    private final LinkOps linkOps;
    /** The AP side when opened with hapd_init, else null. */
    private volatile ApOps ap;
    private EapolSocket eapol;
    /** The control port (this socket owns the link) or PF_PACKET; an adopted link is owned by nobody, so PF_PACKET. */
    private volatile boolean controlPort;
    /** What the SME sent last and got back: needed to report EVENT_ASSOC as driver_nl80211 does. */
    private volatile Bytes lastReqIes = Bytes.EMPTY;
    private volatile int lastFreq;
    private volatile MacAddress bssid;
    private volatile int linkEpoch;
    /** Guards bssid/epoch between the event reader and adoption only (close() holds the object's lock for long). */
    private final Object linkLock = new Object();
    /** Closed by the core; handed over (sockets released for a successor) or ended (link ended, sockets closed) by the stack. */
    private boolean closed;
    private boolean handedOver;
    private boolean ended;
    /** The netdev was deleted: nothing is left for a successor, so closing frees the sockets at once. */
    private volatile boolean gone;
    private volatile Ssid ssid;
    /** NL80211_CMD_UNPROT_BEACON notifications: the 2.0 API has no event for them, so they are only counted and logged. */
    private final java.util.concurrent.atomic.AtomicLong unprotectedBeacons = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Receives nothing until {@link #start()}: the command socket and the sockets for events and frames
     * may hold what arrived while no instance drove the interface, and that must meet a complete object.
     */
    Nl80211Interface(InterfaceSockets sockets, InterfaceRecord iface, WiphyInfo wiphy, DriverEventSink sink, boolean controlPort, Handover handover,
            Runnable onClose) throws NetlinkException {
        this.sockets = sockets;
        this.nl = sockets.cmd();
        this.controlPort = controlPort;
        this.handover = handover;
        this.linkOps = new LinkOps(nl, sockets, iface, wiphy, this::onNotification);
        this.iface = iface;
        this.wiphy = wiphy;
        this.capabilities = capabilities(wiphy);
        this.sink = sink;
        this.onClose = onClose;
        sockets.note(InterfaceSockets.CONTROL_PORT, controlPort);
    }

    /** How closing hands the sockets on: kept for a successor for {@code grace} (zero: closed at once), links ended or not. */
    record Handover(java.time.Duration grace, java.util.function.BooleanSupplier endLinks) {}

    /** From here on notifications arrive: first those held while no instance listened, in order. */
    void start() throws NetlinkException {
        sockets.listenOwner(this::onNotification);
        sockets.listenEvents(this::onNotification);
    }

    /**
     * A station link a predecessor left (its notes), if the kernel still has it: taken over as it runs,
     * with the EAPOL path it was made with. Cheaper than the scan dump of {@link #adoptKernelLink()}.
     */
    void resumeLink() {
        java.util.Optional<MacAddress> noted = sockets.note(InterfaceSockets.BSSID).map(MacAddress::parse);
        if (noted.isEmpty()) {
            return;
        }
        try {
            nl.station(iface.ifindex(), noted.get());
        } catch (NetlinkException e) {
            return; // the link ended while nobody held it: its deauthentication waits in the event queue
        }
        ssid = sockets.note(InterfaceSockets.SSID).map(h -> new Ssid(Bytes.fromHex(h))).orElse(null);
        lastFreq = sockets.note(InterfaceSockets.FREQ).map(Integer::parseInt).orElse(0);
        linkChanged(noted.get());
    }

    /** driver_nl80211's get_capa from GET_WIPHY: ciphers, interface types, commands, limits. */
    static Capabilities capabilities(WiphyInfo w) {
        Set<Cipher> enc = EnumSet.noneOf(Cipher.class);
        for (long s : w.cipherSuites()) {
            Suites.fromSuite(s).ifPresent(enc::add);
        }
        Set<KeyMgmtCapability> keyMgmt = EnumSet.noneOf(KeyMgmtCapability.class);
        if (enc.contains(Cipher.CCMP) || enc.contains(Cipher.TKIP)) {
            keyMgmt.addAll(EnumSet.of(KeyMgmtCapability.WPA, KeyMgmtCapability.WPA2, KeyMgmtCapability.WPA_PSK, KeyMgmtCapability.WPA2_PSK));
        }
        Set<DriverFlag> flags = EnumSet.of(DriverFlag.SANE_ERROR_CODES);
        if (w.commands().contains(Uapi.NL80211_CMD_AUTHENTICATE)) {
            flags.add(DriverFlag.SME);
        }
        if (w.iftypes().contains(Uapi.NL80211_IFTYPE_AP) && w.commands().contains(Uapi.NL80211_CMD_START_AP)) {
            flags.add(DriverFlag.AP);
            if (!w.apSme()) {
                flags.add(DriverFlag.AP_MLME);
            }
        }
        if (w.iftypes().contains(Uapi.NL80211_IFTYPE_P2P_CLIENT) && w.iftypes().contains(Uapi.NL80211_IFTYPE_P2P_GO)) {
            flags.add(DriverFlag.P2P_CAPABLE);
        }
        if ((w.featureFlags() & Uapi.NL80211_FEATURE_INACTIVITY_TIMER) != 0) {
            flags.add(DriverFlag.INACTIVITY_TIMER);
        }
        // as hostap 2.10's driver_nl80211_capa: the ext features map one to one onto the driver flags
        if (w.extFeature(Uapi.NL80211_EXT_FEATURE_BEACON_PROTECTION)) {
            flags.add(DriverFlag.BEACON_PROTECTION);
        }
        if (w.extFeature(Uapi.NL80211_EXT_FEATURE_BEACON_PROTECTION_CLIENT)) {
            flags.add(DriverFlag.BEACON_PROTECTION_CLIENT);
        }
        Set<AuthAlg> auth = EnumSet.of(AuthAlg.OPEN, AuthAlg.SHARED, AuthAlg.LEAP);
        if (saeCapable(w)) {
            // SAE runs in the core (commit/confirm through authenticate); the wiphy only has to carry it
            flags.add(DriverFlag.SAE);
            auth.add(AuthAlg.SAE);
        }
        return new Capabilities(keyMgmt, enc, auth, flags, Math.min(w.maxScanSsids(), 255),
                Math.min(w.maxSchedScanSsids(), 255), w.maxSchedScanSsids() > 0, Math.min(w.maxMatchSets(), 255), (int) w.maxRemainOnChannel(), 0,
                Set.of(), supportedOps(w));
    }

    /** NL80211_FEATURE_SAE: the wiphy takes SAE authentication data in NL80211_CMD_AUTHENTICATE. */
    static boolean saeCapable(WiphyInfo w) {
        return (w.featureFlags() & Uapi.NL80211_FEATURE_SAE) != 0;
    }

    /** The ops this class implements whose nl80211 command the wiphy has, plus the lifecycle ops. */
    static Set<String> supportedOps(WiphyInfo w) {
        Set<String> ops = new HashSet<>(DriverOps.implementedBy(Nl80211Interface.class));
        ops.removeIf(op -> !LinkOps.available(op, w));
        ops.addAll(List.of("init", "init2", "global_init", "global_deinit", "get_interfaces"));
        if (w.iftypes().contains(Uapi.NL80211_IFTYPE_AP)) {
            ops.add("hapd_init");
        }
        return ops;
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
        if (end && (handover.endLinks().getAsBoolean() || controlPort)) {
            endLink();
        }
        if (eapol != null) {
            eapol.close();
            eapol = null;
        }
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
     * What custody sends when no successor comes: an AP whose BSS the command socket owns is stopped and
     * made a station again (the kernel would stop it anyway when the socket closes); a station's owned link
     * ends with the socket, a PF_PACKET link stays for whoever comes next (wext, say).
     */
    private List<wpa4j.linux.custody.Will> will() {
        if (ap == null || !controlPort || !ap.beaconing()) {
            return List.of();
        }
        return List.of(sockets.cmdWill(nl.requestOctets(Nl80211.stopApRequest(iface.ifindex()))),
                new wpa4j.linux.custody.Will(null, wpa4j.linux.uapi.Uapi.NETLINK_ROUTE, Rtnetlink.setUpRequest(iface.ifindex(), false)),
                sockets.cmdWill(nl.requestOctets(Nl80211.setIftypeRequest(iface.ifindex(), Uapi.NL80211_IFTYPE_STATION))));
    }

    /** IFLA_OPERSTATE over rtnetlink; with link mode DORMANT (set at open) DORMANT holds IP traffic back. */
    @Override
    public void setOperstate(Operstate state) throws DriverException {
        run("set_operstate", () -> Rtnetlink.setOperstate(iface.ifindex(), state == Operstate.UP));
    }

    // ---- station: SME, keys, EAPOL (driver_nl80211 with the supplicant as SME, EAPOL over PF_PACKET) ----

    /** Open System, or one SAE message (commit, then confirm: called once for each) with the core's SAE data. */
    @Override
    public void authenticate(AuthParams p) throws DriverException {
        int authType = authType(p, wiphy);
        try {
            if (!controlPort) {
                openEapol();
            }
            lastFreq = p.freq();
            nl.authenticate(iface.ifindex(), p.bssid(), p.freq(), p.ssid(), authType, p.ie(), p.authAlg() == AuthAlg.SAE ? p.saeData() : Bytes.EMPTY);
        } catch (NetlinkException e) {
            throw failed("authenticate", e);
        } catch (java.io.IOException e) {
            throw new DriverException("authenticate", "EAPOL socket: " + e.getMessage(), 0, e);
        }
    }

    /** NL80211_AUTHTYPE_* of the request; what this backend or the wiphy cannot do is refused before the kernel. */
    static int authType(AuthParams p, WiphyInfo w) throws DriverException {
        if (p.authAlg() == AuthAlg.OPEN) {
            return Uapi.NL80211_AUTHTYPE_OPEN_SYSTEM;
        }
        if (p.authAlg() != AuthAlg.SAE) {
            throw new DriverException("authenticate", p.authAlg() + " authentication is not done by this version (Open System and SAE)", 95, null);
        }
        if (!saeCapable(w)) {
            throw new DriverException("authenticate", "wiphy " + w.name() + " cannot do SAE (no NL80211_FEATURE_SAE)", 95, null);
        }
        if (p.saeData().length() < 4) {
            throw new DriverException("authenticate", "SAE needs saeData: transaction sequence number, status code, then the SAE fields", 22, null);
        }
        return Uapi.NL80211_AUTHTYPE_SAE;
    }

    @Override
    public void associate(AssociateParams p) throws DriverException {
        if (p.bssid() == null) {
            throw new DriverException("associate", "a BSSID is required (the supplicant is the SME)", 22, null);
        }
        try {
            lastReqIes = p.wpaIe();
            lastFreq = p.freq() != 0 ? p.freq() : lastFreq;
            ssid = p.ssid();
            nl.associate(iface.ifindex(), association(p, lastFreq, controlPort));
        } catch (NetlinkException e) {
            throw failed("associate", e);
        }
    }

    /**
     * What ASSOCIATE carries for {@code p}: the AKM of its key management (PSK 2, PSK-SHA256 6, SAE 8, ...; none
     * for those without one, as driver_nl80211), and USE_MFP when management frame protection is to be used
     * (the core passes other than NO only when PMF was negotiated with this AP, as wpa_supplicant's SME does).
     */
    static Association association(AssociateParams p, int freq, boolean controlPortOwner) {
        return new Association(p.bssid(), freq, p.ssid(), p.wpaIe(), Suites.cipher(p.pairwiseSuite()), Suites.cipher(p.groupSuite()),
                Suites.akm(p.keyMgmtSuite()).orElse(Association.NO_AKM), p.mgmtFrameProtection() != Mfp.NO, controlPortOwner);
    }

    @Override
    public void deauthenticate(MacAddress addr, int reasonCode) throws DriverException {
        run("deauthenticate", () -> nl.leave(iface.ifindex(), addr, reasonCode, true));
    }

    @Override
    public void disassociate(MacAddress addr, int reasonCode) throws DriverException {
        run("disassociate", () -> nl.leave(iface.ifindex(), addr, reasonCode, false));
    }

    @Override
    public void setKey(KeyParams k) throws DriverException {
        try {
            if (k.alg() == KeyAlg.NONE) {
                nl.deleteKey(iface.ifindex(), k.isPairwise() ? k.addr() : null, k.keyIdx());
                return;
            }
            long cipher = Suites.keyCipher(k.alg(), k.key().length())
                    .orElseThrow(() -> new DriverException("set_key", k.alg() + " keys are not installed through nl80211", 95, null));
            checkBigtk(k, wiphy);
            nl.newKey(iface.ifindex(), k.isPairwise() ? k.addr() : null, k.keyIdx(), cipher, k.seq(), k.key());
            if (!k.isPairwise() && k.setTx()) {
                // the AP's group key (GTK; IGTK for BIP; BIGTK for Beacons): the default for its group-addressed TX
                nl.setDefaultGroupKey(iface.ifindex(), k.keyIdx());
            }
        } catch (NetlinkException e) {
            throw failed("set_key", e);
        }
    }

    /**
     * A BIGTK (6/7) the wiphy cannot use is refused before the kernel (which would only say EINVAL): the AP's
     * default beacon key needs NL80211_EXT_FEATURE_BEACON_PROTECTION, a station's BIGTK either beacon feature.
     */
    static void checkBigtk(KeyParams k, WiphyInfo w) throws DriverException {
        if (!k.isBigtk()) {
            return;
        }
        boolean ap = w.extFeature(Uapi.NL80211_EXT_FEATURE_BEACON_PROTECTION);
        boolean client = w.extFeature(Uapi.NL80211_EXT_FEATURE_BEACON_PROTECTION_CLIENT);
        if (k.setTx() ? !ap : !(ap || client)) {
            throw new DriverException("set_key", "wiphy " + w.name() + " cannot do beacon protection (no NL80211_EXT_FEATURE_BEACON_PROTECTION"
                    + (k.setTx() ? "" : "[_CLIENT]") + "), so no BIGTK at index " + k.keyIdx(), 95, null);
        }
    }

    /** Beacons of our BSS the kernel reported as failing BIGTK verification (NL80211_CMD_UNPROT_BEACON). */
    long unprotectedBeacons() {
        return unprotectedBeacons.get();
    }

    @Override
    public void sendEapol(MacAddress dest, int proto, Bytes data) throws DriverException {
        eapolTx("send_eapol", dest, data, false);
    }

    /** One EAPOL PDU out: NL80211_CMD_CONTROL_PORT_FRAME when this socket owns the control port, else the PF_PACKET socket. */
    private void eapolTx(String op, MacAddress dest, Bytes data, boolean noEncrypt) throws DriverException {
        if (controlPort) {
            run(op, () -> nl.controlPortFrame(iface.ifindex(), dest, data, noEncrypt));
            return;
        }
        try {
            openEapol().send(dest, data);
        } catch (java.io.IOException e) {
            throw new DriverException(op, e.getMessage(), 0, e);
        }
    }

    /** The 802.1X controlled port, as driver_nl80211 sets it: NL80211_CMD_SET_STATION with the AUTHORIZED flag. */
    @Override
    public void setSuppPort(boolean authorized) throws DriverException {
        MacAddress b = bssid;
        if (b == null) {
            throw new DriverException("set_supp_port", "not associated", 107, null);
        }
        run("set_supp_port", () -> nl.authorize(iface.ifindex(), b, authorized));
    }

    @Override
    public java.util.Optional<MacAddress> getBssid() throws DriverException {
        if (bssid == null) {
            adoptKernelLink();
        }
        return java.util.Optional.ofNullable(bssid);
    }

    @Override
    public java.util.Optional<Ssid> getSsid() throws DriverException {
        return getBssid().isEmpty() ? java.util.Optional.empty() : java.util.Optional.ofNullable(ssid);
    }

    /**
     * A link this instance did not make (another backend's, or this bundle's previous version's): as
     * driver_nl80211's get_assoc_bssid, the BSS the scan dump marks ASSOCIATED is the one the kernel is on.
     */
    private void adoptKernelLink() throws DriverException {
        int epoch = linkEpoch;
        try {
            for (ScanResult r : nl.scanResults(iface.ifindex())) {
                if (r.flags().contains(ScanResultFlag.ASSOCIATED)) {
                    adopt(epoch, r);
                    return;
                }
            }
        } catch (NetlinkException e) {
            throw failed("get_bssid", e);
        } catch (java.io.IOException e) {
            throw new DriverException("get_bssid", "EAPOL socket for the adopted link: " + e.getMessage(), 0, e);
        }
    }

    /** Takes the dumped link unless an association event changed the link meanwhile; rekeys need EAPOL from now on. */
    private void adopt(int epoch, ScanResult r) throws java.io.IOException {
        synchronized (linkLock) {
            if (epoch != linkEpoch) {
                return;
            }
            controlPort = false;
            ssid = r.ssid().orElse(null);
            lastFreq = r.freq();
            bssid = r.bssid();
        }
        noteLink(r.bssid());
        openEapol();
    }

    /** The event reader's link changes; the epoch lets {@link #adopt} see that it raced one. */
    private void linkChanged(MacAddress now) {
        synchronized (linkLock) {
            linkEpoch++;
            bssid = now;
        }
        noteLink(now);
    }

    /** The link as a successor needs it (see {@link #resumeLink()}). */
    private void noteLink(MacAddress now) {
        Ssid s = ssid;
        sockets.note(InterfaceSockets.BSSID, now);
        sockets.note(InterfaceSockets.SSID, now == null || s == null ? null : s.octets().toHex());
        sockets.note(InterfaceSockets.FREQ, now == null ? null : lastFreq);
        sockets.note(InterfaceSockets.CONTROL_PORT, controlPort);
    }

    @Override
    public SignalInfo signalPoll() throws DriverException {
        MacAddress b = bssid;
        if (b == null) {
            throw new DriverException("signal_poll", "not associated", 107, null);
        }
        try {
            StationRecord st = nl.station(iface.ifindex(), b);
            return new SignalInfo(lastFreq, true, st.signal(), NOISE_UNKNOWN, st.txBitrate() * 100);
        } catch (NetlinkException e) {
            throw failed("signal_poll", e);
        }
    }

    private synchronized EapolSocket openEapol() throws java.io.IOException {
        if (eapol == null) {
            eapol = EapolSocket.open(iface.ifindex(), (src, pdu) -> sink.onEvent(new DriverEvent.EapolRx(src, pdu)));
        }
        return eapol;
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

    /** An mlme notification for this interface, as driver_nl80211's mlme event handlers turn them into events. */
    void onNotification(Nl80211Events.Notification n) {
        try {
            List<NlAttr> a = n.attrs();
            boolean timedOut = NlAttr.find(a, Uapi.NL80211_ATTR_TIMED_OUT).isPresent();
            MacAddress peer = NlAttr.find(a, Uapi.NL80211_ATTR_MAC).filter(x -> x.value().length() == 6).map(x -> MacAddress.of(x.value())).orElse(null);
            java.util.Optional<NlAttr> frame = NlAttr.find(a, Uapi.NL80211_ATTR_FRAME);
            if (n.cmd() == Uapi.NL80211_CMD_CONTROL_PORT_FRAME && frame.isPresent() && peer != null) {
                sink.onEvent(new DriverEvent.EapolRx(peer, frame.get().value()));
            } else if (n.cmd() == Uapi.NL80211_CMD_FRAME && frame.isPresent()) {
                sink.onEvent(FrameEvents.received(frame.get().value(), u32(a, Uapi.NL80211_ATTR_WIPHY_FREQ), u32(a, Uapi.NL80211_ATTR_RX_SIGNAL_DBM),
                        ap != null));
            } else if (n.cmd() == Uapi.NL80211_CMD_REMAIN_ON_CHANNEL) {
                sink.onEvent(new DriverEvent.RemainOnChannel(u32(a, Uapi.NL80211_ATTR_WIPHY_FREQ), u32(a, Uapi.NL80211_ATTR_DURATION)));
            } else if (n.cmd() == Uapi.NL80211_CMD_CANCEL_REMAIN_ON_CHANNEL) {
                sink.onEvent(new DriverEvent.CancelRemainOnChannel(u32(a, Uapi.NL80211_ATTR_WIPHY_FREQ), u32(a, Uapi.NL80211_ATTR_DURATION)));
            } else if (n.cmd() == Uapi.NL80211_CMD_NOTIFY_CQM) {
                List<NlAttr> cqm = NlAttr.find(a, Uapi.NL80211_ATTR_CQM).orElseThrow(() -> new wpa4j.common.codec.MalformedFrameException(0, "no CQM"))
                        .nested();
                if (NlAttr.find(cqm, Uapi.NL80211_ATTR_CQM_RSSI_THRESHOLD_EVENT).isPresent()) {
                    boolean high = u32(cqm, Uapi.NL80211_ATTR_CQM_RSSI_THRESHOLD_EVENT) == Uapi.NL80211_CQM_RSSI_THRESHOLD_EVENT_HIGH;
                    sink.onEvent(new DriverEvent.SignalChange(new SignalInfo(lastFreq, high, u32(cqm, Uapi.NL80211_ATTR_CQM_RSSI_LEVEL), NOISE_UNKNOWN, 0)));
                }
            } else if (n.cmd() == Uapi.NL80211_CMD_PROBE_CLIENT && peer != null && NlAttr.find(a, Uapi.NL80211_ATTR_ACK).isPresent()) {
                sink.onEvent(new DriverEvent.DriverClientPollOk(peer));
            } else if (n.cmd() == Uapi.NL80211_CMD_SCHED_SCAN_RESULTS) {
                sink.onEvent(new DriverEvent.ScanResults(false, List.of(), List.of()));
            } else if (n.cmd() == Uapi.NL80211_CMD_SCHED_SCAN_STOPPED) {
                sink.onEvent(new DriverEvent.SchedScanStopped());
            } else if (n.cmd() == Uapi.NL80211_CMD_FRAME_TX_STATUS && frame.isPresent()) {
                Bytes fr = frame.get().value();
                if (fr.length() >= 10) {
                    FrameControl fc = FrameControl.peek(fr);
                    sink.onEvent(new DriverEvent.TxStatus(fc.type(), fc.subtype(), MacAddress.of(fr.slice(4, 6)), fr,
                            NlAttr.find(a, Uapi.NL80211_ATTR_ACK).isPresent()));
                }
            } else if (n.cmd() == Uapi.NL80211_CMD_NEW_SCAN_RESULTS) {
                sink.onEvent(new DriverEvent.ScanResults(false, List.of(), List.of()));
            } else if (n.cmd() == Uapi.NL80211_CMD_SCAN_ABORTED) {
                sink.onEvent(new DriverEvent.ScanResults(true, List.of(), List.of()));
            } else if (n.cmd() == Uapi.NL80211_CMD_AUTHENTICATE) {
                if (timedOut) {
                    sink.onEvent(new DriverEvent.AuthTimedOut(peer));
                } else if (frame.isPresent()) {
                    sink.onEvent(FrameEvents.auth(frame.get().value()));
                }
            } else if (n.cmd() == Uapi.NL80211_CMD_ASSOCIATE) {
                if (timedOut) {
                    sink.onEvent(new DriverEvent.AssocTimedOut(peer));
                } else if (frame.isPresent() && MgmtFrame.decode(frame.get().value()) instanceof MgmtFrame.AssocResponse r) {
                    if (r.statusCode() != 0) {
                        sink.onEvent(new DriverEvent.AssocReject(r.header().sa(), r.ies().encode(), r.statusCode()));
                    } else {
                        linkChanged(r.header().sa());
                        sink.onEvent(new DriverEvent.Assoc(new DriverEvent.AssocInfoData(r.header().sa(), r.isReassoc(), lastReqIes, r.ies().encode(),
                                Bytes.EMPTY, lastFreq)));
                    }
                }
            } else if ((n.cmd() == Uapi.NL80211_CMD_DEAUTHENTICATE || n.cmd() == Uapi.NL80211_CMD_DISASSOCIATE) && frame.isPresent()) {
                // read raw: the AP's deauthentication under PMF arrives decrypted with its Protected bit still set
                DriverEvent left = FrameEvents.leave(frame.get().value(), iface.mac());
                linkChanged(null);
                if (left != null) {
                    sink.onEvent(left);
                }
            } else if ((n.cmd() == Uapi.NL80211_CMD_UNPROT_DEAUTHENTICATE || n.cmd() == Uapi.NL80211_CMD_UNPROT_DISASSOCIATE) && frame.isPresent()) {
                // dropped by the kernel (MFP in use with the sender): the link stays; the core may start an SA Query
                sink.onEvent(FrameEvents.unprotectedLeave(n.cmd(), frame.get().value()));
            } else if (n.cmd() == Uapi.NL80211_CMD_UNPROT_BEACON) {
                // a Beacon of our BSS without a valid BIGTK MME (forged or replayed): the kernel dropped it
                long count = unprotectedBeacons.incrementAndGet();
                String from = frame.isPresent() && frame.get().value().length() >= FrameEvents.HEADER ? " from "
                        + MgmtHeader.peek(frame.get().value()).bssid() : "";
                LOG.log(System.Logger.Level.DEBUG,
                        () -> iface.ifname() + ": unprotected or wrongly protected Beacon" + from + " dropped (" + count + " so far)");
            }
        } catch (wpa4j.common.codec.MalformedFrameException e) {
            // a notification whose frame does not decode is dropped (the event socket counts malformed input)
        }
    }

    private static int u32(List<NlAttr> a, int type) {
        return NlAttr.find(a, type).map(x -> (int) NlAttrs.u32OrZero(x)).orElse(0);
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
        MacAddress b = bssid;
        if (b == null) {
            throw new DriverException("send_ft_action", "not associated", 107, null);
        }
        byte[] body = new byte[2 + 12 + ies.length()];
        body[0] = 6;
        body[1] = (byte) action;
        System.arraycopy(iface.mac().octets(), 0, body, 2, 6);
        System.arraycopy(targetAp.octets(), 0, body, 8, 6);
        System.arraycopy(ies.toArray(), 0, body, 14, ies.length());
        linkOps.sendAction(new SendActionParams(lastFreq, 0, b, iface.mac(), b, Bytes.of(body), false));
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
        ap = ops;
        sockets.note(InterfaceSockets.ROLE, "ap");
        if (controlPort) {
            return;
        }
        try {
            openEapol();
        } catch (java.io.IOException e) {
            throw new DriverException("hapd_init", "EAPOL socket: " + e.getMessage(), 0, e);
        }
    }

    /** As driver_nl80211's deinit: stop the BSS, or leave the BSS the station is on (reason 3, leaving). */
    private void endLink() {
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
        ApOps a = ap;
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
        eapolTx("hapd_send_eapol", addr, data, !encrypt);
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
        List<HwMode> modes = new ArrayList<>();
        for (WiphyInfo.Band b : wiphy.bands()) {
            List<ChannelData> channels = new ArrayList<>();
            boolean g = false;
            for (WiphyInfo.Channel c : b.channels()) {
                int f = c.freq();
                // 60 GHz stays out: the table below has no 802.11ad mode, it would pass as 5 GHz
                int chan = f <= 5950 ? FreqParams.frequencyToChannel(f) : 0;
                if (chan == 0) {
                    continue;
                }
                g |= f < 2500;
                channels.add(new ChannelData(chan, f, c.disabled() ? EnumSet.of(ChannelFlag.DISABLED) : EnumSet.noneOf(ChannelFlag.class),
                        Math.max(-128, Math.min(127, c.maxTxPowerMbm() / 100))));
            }
            if (channels.isEmpty()) {
                continue;
            }
            modes.add(new HwMode(g ? HwModeType.IEEE80211G : HwModeType.IEEE80211A, channels,
                    b.rates().stream().filter(r -> r >= 10 && r <= 6000).limit(64).toList(), 0, Bytes.EMPTY, 0, 0, Bytes.EMPTY, 0));
        }
        return new HwFeatures(modes, 0);
    }

    int ifindex() {
        return iface.ifindex();
    }
}
