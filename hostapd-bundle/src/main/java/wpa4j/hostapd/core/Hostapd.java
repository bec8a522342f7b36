package wpa4j.hostapd.core;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import wpa4j.runtime.binding.CoreDriverSlot;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.common.frame.AuthenticationBody;
import wpa4j.common.frame.FrameControl;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.frame.ReasonCode;
import wpa4j.common.frame.SaQuery;
import wpa4j.common.frame.StatusCode;
import wpa4j.common.ie.ElementId;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.Rates;
import wpa4j.common.ie.TimeoutInterval;
import wpa4j.common.sae.PmksaCache;
import wpa4j.common.sae.SaeGroup;
import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.ApParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.DriverFlag;
import wpa4j.driver.types.FreqParams;
import wpa4j.driver.types.HwModeType;
import wpa4j.driver.types.InterfaceChange;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.StaAddParams;
import wpa4j.driver.types.StaFlag;
import wpa4j.hostapd.ApStatus;
import wpa4j.hostapd.StationInfo;

/**
 * The AP core for one interface: hostapd's user-space MLME and authenticator over whichever driver is
 * attached. Everything runs on the interface's event loop. Station state and keys live here (and in the
 * driver's station table), never in the driver instance.
 */
public final class Hostapd implements CoreDriverSlot.Core {
    private static final System.Logger LOG = System.getLogger(Hostapd.class.getName());
    /** At most this many events wait while no driver is bound. */
    private static final int DETACHED_EVENTS = 256;
    /** Immediate resends of one key message the driver reported unacknowledged (the station never got it). */
    private static final int UNACKED_RESENDS = 8;
    /** hostapd's pmksa_cache_auth size. */
    private static final int PMKSA_CACHE_SIZE = 1024;
    /** The errno of a driver op on a station the kernel has no entry for. */
    private static final int ENOENT = 2;
    /** The errno of sta_add for a station the kernel has an entry for. */
    private static final int EEXIST = 17;

    private final EventLoop loop;
    private final String ifname;
    private ApConfig config;
    private final ApTiming timing;
    private final ApListener listener;
    private final SecureRandom random = new SecureRandom();
    private final Map<MacAddress, ApStation> stations = new LinkedHashMap<>();
    /** Events that came while no driver was bound, handled in order once the next one carries the BSS on. */
    private final ArrayDeque<DriverEvent> detachedEvents = new ArrayDeque<>();
    private final BitSet aids = new BitSet();
    private final GroupKeyring groupKeys = new GroupKeyring(random);
    private final PmksaCache pmksa = new PmksaCache(PMKSA_CACHE_SIZE);
    private final PmfGuard pmf;
    private final StationAdmission admission;
    /** SAE of the running BSS when it offers SAE, else null. */
    private SaeAuthenticator sae;
    private DriverInterface driver;
    private MacAddress own;
    private BeaconTemplate template;
    private boolean enabled;
    /** A periodic group rekey fell due while no driver was bound (a backend update): it runs on the next driver. */
    private boolean rekeyMissed;
    /** DISABLE by the operator: a new driver or new settings do not start the BSS until ENABLE. */
    private boolean operatorDisabled;
    private EventLoop.Timer rekeyTimer;
    private EventLoop.Timer inactivityTimer;
    /** Sweeps pre-association entries that did not associate in time; set while there are any. */
    private EventLoop.Timer pendingTimer;
    private long eapolDropped;
    private long mgmtDropped;
    private long driverErrors;

    /**
     * Driver events an AP's loop should let wait at once: every station of a full BSS (2007) arriving together brings
     * about eight (Authentication, Association, two EAPOL-Key messages, and the TX status of each answer).
     */
    public static final int MAX_QUEUED_EVENTS = 16_384;

    public Hostapd(EventLoop loop, String ifname, ApConfig config, ApTiming timing, ApListener listener) {
        this(loop, ifname, config, timing, AdmissionLimits.DEFAULT, listener);
    }

    public Hostapd(EventLoop loop, String ifname, ApConfig config, ApTiming timing, AdmissionLimits limits, ApListener listener) {
        this.loop = loop;
        this.admission = new StationAdmission(limits, System::nanoTime);
        this.ifname = ifname;
        this.config = config;
        this.timing = timing;
        this.listener = listener;
        this.pmf = new PmfGuard(loop, random, (sta, frame) -> mlme(frame, false), this::saQueryTimedOut);
    }

    // ---- driver binding ------------------------------------------------------------------------

    /** A driver is bound: set up the BSS the first time; afterwards the BSS, stations and keys carry on. */
    @Override
    public void attach(DriverInterface d) {
        driver = d;
        if (enabled) {
            try {
                // the BSS goes on: the new driver carries it (set_ap is then a template update)
                driver.setAp(apParams());
                listener.onEvent("AP-DRIVER-RESYNC driver=" + d.driverName() + " stations=" + stations.size());
                // the stations a pending rekey waited for may have left while no driver was bound
                rekeyTaken(null);
                replayDetachedEvents();
                resumeKeyMessages();
                if (rekeyMissed && !groupKeys.inProgress()) {
                    // a rekey still in progress goes on with its re-sent messages first (rekeyTaken runs this one after)
                    missedRekey();
                }
                return;
            } catch (DriverException | UnsupportedOperationException e) {
                // the BSS did not survive the swap (its owner socket took it down): its stations are gone, start over
                driverErrors++;
                listener.onEvent("AP-DRIVER-RESYNC-FAILED driver=" + d.driverName() + ": restarting the BSS");
                forgetBss();
            }
        }
        startAfresh(d);
    }

    /**
     * After the last driver hung in an op (its task given up half done: a group key perhaps not installed, a station's
     * key half set), the BSS is not trusted: it is stopped, its stations dropped, and started afresh on {@code d}; the
     * stations join again, as after a restart of hostapd.
     */
    @Override
    public void attachAfterFault(DriverInterface d) {
        driver = d;
        if (enabled) {
            listener.onEvent("AP-DRIVER-FAULT driver=" + d.driverName() + ": restarting the BSS");
            // the stations still think they are associated: told, as hostapd's flush of old stations at a start
            deauthenticate(MacAddress.BROADCAST, ReasonCode.PREV_AUTH_NOT_VALID);
            forgetBss();
        }
        startAfresh(d);
    }

    private void startAfresh(DriverInterface d) {
        // a BSS started afresh: what its predecessor's stations sent is moot
        mgmtDropped += detachedEvents.size();
        detachedEvents.clear();
        own = d.getMacAddr();
        clearLeftovers();
        if (!operatorDisabled) {
            startBss();
        }
    }

    /**
     * Sets up the BSS of the current configuration on the attached driver: channel, GTK (and IGTK with PMF, BIGTK with
     * beacon protection), beacon.
     */
    private void startBss() {
        boolean beaconProtection = beaconProtection(driver);
        template = new BeaconTemplate(config, own, beaconProtection);
        try {
            driver.setFreq(new FreqParams(HwModeType.IEEE80211G, config.freq(), config.channel(), false, 0));
            if (config.isRsn()) {
                groupKeys.start(driver, config.security().pmfCapable(), beaconProtection);
            }
            closeSae();
            if (config.security().offersSae()) {
                sae = new SaeAuthenticator(loop, config.security().sae(), config.ssid(), own, random, pmksa, saeOutcome());
            }
            driver.setAp(apParams());
            enabled = true;
            listener.onEvent("AP-ENABLED");
            scheduleRekey();
            scheduleInactivityCheck();
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
            listener.onEvent("AP-DISABLED " + e.getMessage());
        }
    }

    /** The BSS's set_ap parameters for the bound driver (with the Probe Response template if it answers probes itself). */
    private ApParams apParams() {
        return template.apParams(driver.getCapa().has(DriverFlag.PROBE_RESP_OFFLOAD));
    }

    /**
     * Whether the BSS about to start protects its Beacons: beacon_prot (which needs PMF) and a driver that can. On a
     * driver without {@link DriverFlag#BEACON_PROTECTION} the BSS runs without, as hostapd does (it clears beacon_prot
     * then), and one line says so.
     */
    private boolean beaconProtection(DriverInterface d) {
        if (!config.security().beaconProt()) {
            return false;
        }
        if (d.getCapa().has(DriverFlag.BEACON_PROTECTION)) {
            return true;
        }
        listener.onEvent("beacon_prot=1 not used: driver " + d.driverName() + " cannot protect Beacons; the BSS runs without beacon protection");
        return false;
    }

    @Override
    public void detach() {
        driver = null;
    }

    /** A BSS an earlier instance left running is not ours to continue: stop it and drop its stations first. */
    private void clearLeftovers() {
        try {
            driver.deinitAp();
        } catch (DriverException | UnsupportedOperationException e) {
            // nothing was running: the fresh start below decides
        }
        try {
            driver.flush();
        } catch (DriverException | UnsupportedOperationException e) {
            // no station table to clear in this driver
        }
    }

    /** The station table and timers of a BSS that no longer exists in the driver. */
    private void forgetBss() {
        // the next BSS gets new group keys; these are not kept while the AP waits (dropped first: no rekey completes)
        groupKeys.drop();
        rekeyMissed = false;
        for (MacAddress addr : new ArrayList<>(stations.keySet())) {
            removeStation(addr);
        }
        cancelTimers();
        closeSae();
        enabled = false;
    }

    private void closeSae() {
        if (sae != null) {
            sae.close();
            sae = null;
        }
    }

    private void cancelTimers() {
        if (rekeyTimer != null) {
            rekeyTimer.cancel();
        }
        if (inactivityTimer != null) {
            inactivityTimer.cancel();
        }
        if (pendingTimer != null) {
            pendingTimer.cancel();
            pendingTimer = null;
        }
    }

    /** ENABLE (hostapd_cli enable): starts the BSS again after {@link #disable()}. */
    public boolean enable() {
        operatorDisabled = false;
        if (enabled || driver == null) {
            return false;
        }
        startBss();
        return enabled;
    }

    /** DISABLE (hostapd_cli disable): the BSS stops, every station deauthenticated; the driver stays bound. */
    public boolean disable() {
        if (!enabled) {
            return false;
        }
        operatorDisabled = true;
        stop();
        listener.onEvent("AP-DISABLED");
        return true;
    }

    /** RELOAD: the BSS restarted with new settings (stations must join again, as with hostapd's reload). */
    public void reconfigure(ApConfig next) {
        if (enabled) {
            stop();
        }
        config = next;
        // the passwords may have changed: PMKSAs of the old ones must not let a station skip SAE
        pmksa.clear();
        // also an AP whose start failed (a channel the driver refused) gets the new settings' chance; not one DISABLEd
        if (!operatorDisabled && driver != null) {
            startBss();
        }
    }

    public ApConfig config() {
        return config;
    }

    /** Disassociates a station and forgets it (hostapd_cli disassociate). */
    public void disassociate(MacAddress addr, int reason) {
        if (driver != null) {
            try {
                driver.staDisassoc(own, addr, reason);
            } catch (DriverException | UnsupportedOperationException e) {
                driverErrors++;
            }
        }
        if (stations.containsKey(addr)) {
            removeStation(addr);
        }
    }

    /** Stops the BSS: every station deauthenticated, beaconing stopped. */
    public void stop() {
        // no rekey completes while the stations are sent away
        groupKeys.drop();
        rekeyMissed = false;
        for (MacAddress addr : new ArrayList<>(stations.keySet())) {
            deauthenticate(addr, ReasonCode.DEAUTH_LEAVING);
        }
        cancelTimers();
        // also when not enabled: a BSS this driver adopted is stopped with us (deinit_ap without one is a no-op)
        if (driver != null) {
            try {
                driver.deinitAp();
            } catch (DriverException | UnsupportedOperationException e) {
                driverErrors++;
            }
        }
        enabled = false;
        closeSae();
    }

    // ---- status --------------------------------------------------------------------------------

    public ApStatus status() {
        ApSecurity s = config.security();
        return new ApStatus(ifname, driver == null ? "none" : driver.driverName(), enabled ? "ENABLED" : "DISABLED", own == null ? "" : own.toString(),
                config.ssid().toPrintable(), config.freq(), config.channel(), (int) stations.values().stream().filter(x -> x.associated).count(),
                s.describe(), s.isRsn() ? s.keyMgmtNames() : "NONE", s.ieee80211wValue());
    }

    public List<StationInfo> stationInfos() {
        List<StationInfo> list = new ArrayList<>();
        for (ApStation s : stations.values()) {
            String keyState = s.keys == null ? (config.isRsn() ? "-" : "open") : s.keys.step().name();
            String akm = s.associated && s.akm != null ? s.akm.selectorText() : "";
            list.add(new StationInfo(s.addr.toString(), s.aid, s.flags(), keyState, akm, s.saeGroup));
        }
        return list;
    }

    /** The PMKSA cache: SAE fills it; a station naming one of its PMKIDs skips SAE. */
    PmksaCache pmksaCache() {
        return pmksa;
    }

    public long eapolDropped() {
        return eapolDropped;
    }

    public long mgmtDropped() {
        return mgmtDropped;
    }

    /** Probe, Authentication and (Re)Association Requests, and Deauthentications to strangers, over their rate limits. */
    public long rateLimited() {
        return admission.limited();
    }

    /** Driver ops that failed (their refusals are logged or carried by the event lines they caused). */
    public long driverErrors() {
        return driverErrors;
    }

    /** Station entries, associated or not: bounded by max_num_sta, the pre-association ones by their own cap. */
    public int stationEntries() {
        return stations.size();
    }

    /** Unprotected Deauthentication/Disassociation (and robust Action) frames from PMF stations that were ignored. */
    public long unprotectedIgnored() {
        return pmf.unprotectedIgnored();
    }

    // ---- events --------------------------------------------------------------------------------

    @Override
    public void onEvent(DriverEvent e) {
        if (driver == null && !(e instanceof DriverEvent.InterfaceStatus)) {
            // queued by the driver that went (an update): nothing can answer it now, the next driver will
            if (detachedEvents.size() < DETACHED_EVENTS) {
                detachedEvents.add(e);
            } else {
                mgmtDropped++;
            }
            return;
        }
        if (e instanceof DriverEvent.RxMgmt m) {
            onMgmt(m.frame());
        } else if (e instanceof DriverEvent.EapolRx x) {
            onEapol(x.src(), x.data());
        } else if (e instanceof DriverEvent.TxStatus t) {
            onTxStatus(t);
        } else if (e instanceof DriverEvent.EapolTxStatus t) {
            onEapolTxStatus(t);
        } else if (e instanceof DriverEvent.UnprotDeauth u) {
            // the kernel dropped it: a forged frame must not end a protected association, so only count it
            pmf.countUnprotectedEvent(u.sa(), "Deauthentication");
        } else if (e instanceof DriverEvent.UnprotDisassoc u) {
            pmf.countUnprotectedEvent(u.sa(), "Disassociation");
        } else if (e instanceof DriverEvent.RxFromUnknown u && !u.addr().isMulticast()) {
            deauthStranger(u.addr(), ReasonCode.CLASS3_FRAME_FROM_NONASSOC_STA);
        } else if (e instanceof DriverEvent.InterfaceStatus s && s.change() == InterfaceChange.REMOVED && s.ifname().equals(ifname) && enabled) {
            // the BSS and its stations went with the netdev; the next driver for the name starts a fresh BSS
            forgetBss();
            listener.onEvent("AP-DISABLED interface " + ifname + " is gone: waiting for it");
        }
    }

    /**
     * As hostapd's handle_auth, handle_assoc and handle_action: a frame the station's MAC sent again (Retry bit, the
     * Sequence Control and subtype of its last such frame) because our ACK was lost is dropped, not handled twice (a
     * second Association Request would restart the key handshake, a second SAE Commit the exchange). The frame a
     * station's entry came with counts as its last.
     */
    private void onMgmt(Bytes raw) {
        if (raw.length() < MgmtHeader.LENGTH) {
            mgmtDropped++;
            return;
        }
        FrameControl fc = FrameControl.peek(raw);
        int subtype = fc.subtype();
        boolean tracked = subtype == MgmtSubtype.AUTH.value() || subtype == MgmtSubtype.ASSOC_REQ.value()
                || subtype == MgmtSubtype.REASSOC_REQ.value() || subtype == MgmtSubtype.ACTION.value();
        if (!tracked) {
            handleMgmt(raw);
            return;
        }
        MacAddress sa = MacAddress.of(raw.toArray(), 10);
        int seqCtrl = raw.u8(22) | raw.u8(23) << 8;
        ApStation sta = stations.get(sa);
        if (sta != null && fc.retry() && sta.lastSeqCtrl == seqCtrl && sta.lastSubtype == subtype) {
            mgmtDropped++;
            LOG.log(System.Logger.Level.DEBUG, () -> ifname + ": repeated frame (subtype " + subtype + ", seq_ctrl " + seqCtrl + ") from " + sa + " dropped");
            return;
        }
        handleMgmt(raw);
        sta = stations.get(sa);
        if (sta != null) {
            sta.lastSeqCtrl = seqCtrl;
            sta.lastSubtype = subtype;
        }
    }

    private void handleMgmt(Bytes raw) {
        MgmtFrame.Received rx;
        try {
            Optional<AuthenticationBody> auth = AuthenticationBody.decode(raw).filter(AuthenticationBody::isSae);
            if (auth.isPresent()) {
                onSaeAuth(auth.get());
                return;
            }
            rx = MgmtFrame.decodeReceived(raw);
        } catch (MalformedFrameException e) {
            mgmtDropped++;
            return;
        }
        MgmtFrame f = rx.frame();
        MacAddress sa = f.header().sa();
        if (sa.isMulticast()) {
            // a transmitter address is never a group address: answering one would deauthenticate every station
            mgmtDropped++;
            return;
        }
        if (f instanceof MgmtFrame.Deauthentication || f instanceof MgmtFrame.Disassociation) {
            onLeave(sa, f instanceof MgmtFrame.Deauthentication ? "Deauthentication" : "Disassociation", rx.wasProtected());
        } else if (f instanceof MgmtFrame.Action a) {
            onAction(a, rx.wasProtected());
        } else if (rx.wasProtected()) {
            // no other subtype we answer is ever protected
            mgmtDropped++;
        } else if (f instanceof MgmtFrame.ProbeRequest p) {
            if (admission.allowProbe(sa)) {
                onProbe(sa, p);
            }
        } else if (f instanceof MgmtFrame.Authentication a) {
            if (allowRequest(sa)) {
                onAuth(sa, a);
            }
        } else if (f instanceof MgmtFrame.AssocRequest a) {
            if (allowRequest(sa)) {
                onAssoc(sa, a.capability(), a.listenInterval(), a.ies(), false);
            }
        } else if (f instanceof MgmtFrame.ReassocRequest a) {
            if (allowRequest(sa)) {
                onAssoc(sa, a.capability(), a.listenInterval(), a.ies(), true);
            }
        } else {
            mgmtDropped++;
        }
    }

    /**
     * An Authentication or (Re)Association Request within its source's rate. A station with a protected association
     * is exempt: its address can be forged, and a stranger's flood in its name must not keep it from re-associating
     * (its requests meet the SA Query instead).
     */
    private boolean allowRequest(MacAddress sa) {
        ApStation sta = stations.get(sa);
        return (sta != null && sta.protectedLink()) || admission.allowRequest(sa);
    }

    private void onLeave(MacAddress sa, String what, boolean wasProtected) {
        ApStation sta = stations.get(sa);
        if (sta == null || (!wasProtected && pmf.ignoresUnprotected(sta, what))) {
            return;
        }
        removeStation(sa);
    }

    private void onAction(MgmtFrame.Action a, boolean wasProtected) {
        Optional<SaQuery> q = SaQuery.of(a);
        if (q.isEmpty() || a.header().da().isMulticast()) {
            // hostapd ignores group-addressed SA Query frames; other categories are not ours to answer
            mgmtDropped++;
            return;
        }
        pmf.onSaQuery(stations.get(a.header().sa()), q.get(), wasProtected, own);
    }

    private void onProbe(MacAddress sa, MgmtFrame.ProbeRequest p) {
        if (!enabled || !template.answersProbeFor(p.ies().ssid().orElse(wpa4j.driver.types.Ssid.WILDCARD))) {
            return;
        }
        mlme(template.probeResponse(sa), true);
    }

    private void onAuth(MacAddress sa, MgmtFrame.Authentication a) {
        if (!enabled || a.transaction() != 1) {
            mgmtDropped++;
            return;
        }
        int status = StatusCode.SUCCESS;
        ApSecurity sec = config.security();
        if (a.algorithm() != MgmtFrame.Authentication.ALG_OPEN) {
            status = StatusCode.NOT_SUPPORTED_AUTH_ALG;
        } else if (!config.macFilter().allows(sa) || (sec.offersPsk() && !sec.offersSae() && config.psksFor(sa).isEmpty())) {
            // as hostapd: a station the MAC lists refuse, or that has no PSK here, is refused at authentication
            status = StatusCode.UNSPECIFIED_FAILURE;
            listener.onEvent("Station " + sa + " not allowed to authenticate");
        } else if (!makeRoom(sa)) {
            status = StatusCode.AP_UNABLE_TO_HANDLE_NEW_STA;
        }
        if (status == StatusCode.SUCCESS) {
            authenticated(sa, MgmtFrame.Authentication.ALG_OPEN);
        }
        MgmtHeader h = MgmtHeader.of(MgmtSubtype.AUTH, sa, own, own);
        mlme(new MgmtFrame.Authentication(h, a.algorithm(), 2, status, IeList.EMPTY).encode(), false);
    }

    /**
     * A successful authentication. A station whose protected association stands keeps it (entry, keys, port): an
     * unprotected Authentication frame could be forged, and only the SA Query at its next association decides, as in
     * hostapd. Any other association of the station ends: it starts over.
     */
    private ApStation authenticated(MacAddress sa, int algorithm) {
        ApStation sta = stations.get(sa);
        if (sta == null) {
            sta = newEntry(sa);
        } else if (sta.associated && !sta.protectedLink()) {
            dropFromDriver(sta);
            listener.onEvent("AP-STA-DISCONNECTED " + sa);
        } else if (!sta.associated) {
            // progress: its wait for the association starts again (an SAE exchange on a slow host takes seconds)
            awaitAssociation(sta);
        }
        sta.authenticated = true;
        sta.authAlg = algorithm;
        return sta;
    }

    /**
     * SAE Authentication frames (algorithm 3), checked as hostapd's handle_auth checks every algorithm (offered, MAC
     * lists, room for the station), then handed to the station's SAE exchange. The station gets an entry at its first
     * Commit, so max_num_sta bounds the exchanges too; an entry SAE keeps nothing for goes again.
     */
    private void onSaeAuth(AuthenticationBody f) {
        MacAddress sa = f.header().sa();
        if (!enabled || sa.isMulticast()) {
            mgmtDropped++;
            return;
        }
        if (!allowRequest(sa)) {
            return;
        }
        int status = StatusCode.SUCCESS;
        if (sae == null) {
            status = StatusCode.NOT_SUPPORTED_AUTH_ALG;
        } else if (!config.macFilter().allows(sa)) {
            status = StatusCode.UNSPECIFIED_FAILURE;
            listener.onEvent("Station " + sa + " not allowed to authenticate");
        } else if (!makeRoom(sa)) {
            status = StatusCode.AP_UNABLE_TO_HANDLE_NEW_STA;
        }
        if (status != StatusCode.SUCCESS) {
            mlme(AuthenticationBody.sae(sa, own, own, f.transaction(), status, Bytes.EMPTY).encode(), false);
            return;
        }
        if (!stations.containsKey(sa)) {
            newEntry(sa);
        }
        sae.receive(f);
        ApStation sta = stations.get(sa);
        if (sae != null && !sae.active(sa)) {
            forgetUnauthenticated(sa);
        } else if (sta != null && !sta.associated) {
            // the exchange goes on: the entry is idle only once it stops
            awaitAssociation(sta);
        }
    }

    private SaeAuthenticator.Outcome saeOutcome() {
        return new SaeAuthenticator.Outcome() {
            @Override
            public void send(AuthenticationBody frame) {
                mlme(frame.encode(), false);
            }

            @Override
            public void accepted(MacAddress addr, SecretKeyBytes pmk, Bytes pmkid, SaeGroup group, boolean h2e) {
                saeAccepted(addr, pmk, pmkid, group, h2e);
            }

            @Override
            public void failed(MacAddress addr, int status, String why) {
                LOG.log(System.Logger.Level.INFO, () -> ifname + ": SAE with " + addr + " failed (status " + status + "): " + why);
                forgetUnauthenticated(addr);
            }
        };
    }

    /** As hostapd's sae_accept_sta: authenticated with SAE, its PMK kept for the 4-way handshake. */
    private void saeAccepted(MacAddress addr, SecretKeyBytes pmk, Bytes pmkid, SaeGroup group, boolean h2e) {
        ApStation sta = authenticated(addr, MgmtFrame.Authentication.ALG_SAE);
        sta.setPmk(pmk, pmkid);
        sta.saeGroup = group.id();
        sta.saeH2e = h2e;
    }

    /** A station entry that only an SAE exchange made goes when the exchange keeps nothing. */
    private void forgetUnauthenticated(MacAddress addr) {
        ApStation sta = stations.get(addr);
        if (sta != null && !sta.authenticated && !sta.associated) {
            removeStation(addr);
        }
    }

    /**
     * Whether {@code sa} has or can get a station entry. A newcomer displaces the oldest entry that has not associated
     * when those reach their cap or the table is full, so forged Authentication frames from random addresses cannot
     * lock real stations out; only a table full of associated stations refuses one (max_num_sta, as hostapd).
     */
    private boolean makeRoom(MacAddress sa) {
        if (stations.containsKey(sa)) {
            return true;
        }
        if (admission.pendingFull() || stations.size() >= config.maxStations()) {
            admission.oldestPending(this::withoutProgress).ifPresent(oldest -> {
                LOG.log(System.Logger.Level.DEBUG, () -> ifname + ": " + oldest + " has not associated yet: its entry gives way to " + sa);
                removeStation(oldest);
            });
        }
        return stations.size() < config.maxStations();
    }

    /**
     * A pre-association entry that may give way: neither an SAE exchange under way nor an Association Response
     * outstanding, so a forged Commit or Authentication cannot end a real station's progress.
     */
    private boolean withoutProgress(MacAddress addr) {
        ApStation sta = stations.get(addr);
        return sta == null || (sta.aid == 0 && (sae == null || !sae.active(addr) || sta.authenticated));
    }

    /** A station entry, not associated yet: forgotten if it does not associate within the pre-association timeout. */
    private ApStation newEntry(MacAddress sa) {
        ApStation sta = new ApStation(sa);
        stations.put(sa, sta);
        awaitAssociation(sta);
        return sta;
    }

    private void awaitAssociation(ApStation sta) {
        admission.pending(sta.addr);
        if (pendingTimer == null) {
            pendingTimer = loop.schedule(admission.sweepPeriodMs(), this::expirePending);
        }
    }

    private void expirePending() {
        pendingTimer = null;
        if (driver == null) {
            // an entry the kernel has too could not leave it now: wait for the next driver
            pendingTimer = loop.schedule(admission.sweepPeriodMs(), this::expirePending);
            return;
        }
        for (MacAddress addr : admission.expired()) {
            ApStation sta = stations.get(addr);
            if (sta != null && !sta.associated) {
                LOG.log(System.Logger.Level.DEBUG, () -> ifname + ": " + addr + " did not associate in time: forgotten");
                removeStation(addr);
            }
        }
        if (admission.anyPending()) {
            pendingTimer = loop.schedule(admission.sweepPeriodMs(), this::expirePending);
        }
    }

    private void onAssoc(MacAddress sa, int capability, int listenInterval, IeList ies, boolean reassoc) {
        ApStation sta = stations.get(sa);
        if (sta == null || !sta.authenticated) {
            deauthStranger(sa, ReasonCode.CLASS2_FRAME_FROM_NONAUTH_STA);
            return;
        }
        AssocDecision d = AssocDecision.decide(config, sta, ies, pmksa, pmf, own);
        int status = d.status();
        String why = d.reason();
        if (status == StatusCode.SUCCESS && sta.aid == 0) {
            int aid = aids.nextClearBit(1);
            if (aid > StaAddParams.MAX_AID || aid > config.maxStations()) {
                status = StatusCode.AP_UNABLE_TO_HANDLE_NEW_STA;
                why = "no association ID left (max_num_sta " + config.maxStations() + ")";
            } else {
                aids.set(aid);
                sta.aid = aid;
            }
        }
        if (status == StatusCode.SUCCESS) {
            String driverWhy = addToDriver(sta, d.rsn(), capability, listenInterval, ies);
            if (driverWhy != null) {
                status = StatusCode.UNSPECIFIED_FAILURE;
                why = "the driver did not add the station: " + driverWhy;
            }
        }
        MgmtHeader h = MgmtHeader.of(reassoc ? MgmtSubtype.REASSOC_RESP : MgmtSubtype.ASSOC_RESP, sa, own, own);
        // hostapd's hostapd_eid_supp_rates: the Beacon's rates, membership selectors included
        List<InformationElement> respIes = new ArrayList<>(template.rates().toElements());
        d.comebackTu().ifPresent(tu -> respIes.add(TimeoutInterval.assocComeback(tu).toElement()));
        // as hostapd_eid_ext_capab in send_assoc_resp: bit 84 when the Beacons are protected
        template.extendedCapabilities().ifPresent(respIes::add);
        if (ies.find(ElementId.RSNX).isPresent()) {
            // as hostapd: our RSNXE answers a station that sent one
            ApRsnElements.rsnxe(config.security()).ifPresent(respIes::add);
        }
        mlme(MgmtFrame.AssocResponse.of(h, template.capability(), status, status == 0 ? sta.aid : 0, new IeList(respIes)).encode(), false);
        if (status != StatusCode.SUCCESS) {
            // the reason goes with the event line (console, monitors), as the status code alone rarely says what to fix
            listener.onEvent("AP-STA-ASSOC-REJECT " + sa + " status_code=" + status + " (" + why + ")");
        }
    }

    /**
     * The station enters the driver's table with its association's flags. A retried (our response was late) or repeated
     * (Re)Association Request replaces the driver's entry first, the key handshake starting over with the new response.
     * An entry we do not know of (left by an instance that could not remove it) makes the kernel refuse the new one
     * (EEXIST): it is removed and the add tried once more, where hostapd's add_associated_sta removes before every add
     * (a sta_remove waits for the kernel's RCU grace period: 10 - 30 ms a station on a slow host, for nothing as a rule).
     *
     * @return null when added, else the driver's error (it goes into the refusal line: an operator must see it)
     */
    private String addToDriver(ApStation sta, RsnNegotiation.Accepted rsn, int capability, int listenInterval, IeList ies) {
        if (sta.added) {
            dropFromDriver(sta);
        }
        if (rsn != null) {
            sta.akm = rsn.akm();
            sta.mfp = rsn.mfp();
            sta.rsnBody = rsn.rsnBody();
            sta.rsnxeBody = rsn.rsnxeBody();
            // the cached PMKSA the station named (a reconnect that skips SAE): the handshake uses its PMK and PMKID
            rsn.pmksa().ifPresent(p -> sta.setPmk(SecretKeyBytes.adopt(p.pmk().copy()), p.pmkid()));
        }
        Set<StaFlag> flags = sta.mfp ? Set.of(StaFlag.MFP) : Set.of();
        StaAddParams p = new StaAddParams(sta.addr, sta.aid, capability, rates(ies), listenInterval, Bytes.EMPTY, flags, false, 0);
        try {
            try {
                driver.staAdd(p);
            } catch (DriverException e) {
                if (e.errno() != EEXIST) {
                    throw e;
                }
                LOG.log(System.Logger.Level.INFO, () -> ifname + ": the driver had an entry for " + sta.addr + " already: replaced");
                removeUnknownEntry(sta.addr);
                driver.staAdd(p);
            }
            sta.added = true;
            return null;
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
            return e.getMessage();
        }
    }

    /** sta_remove of an entry we did not add: the kernel's "no such station" (ENOENT) is no error here. */
    private void removeUnknownEntry(MacAddress addr) {
        try {
            driver.staRemove(addr);
        } catch (DriverException e) {
            if (e.errno() != ENOENT) {
                driverErrors++;
                LOG.log(System.Logger.Level.WARNING, () -> ifname + ": the driver did not remove its entry for " + addr + ": " + e.getMessage());
            }
        } catch (UnsupportedOperationException e) {
            driverErrors++;
            LOG.log(System.Logger.Level.WARNING, () -> ifname + ": " + e.getMessage());
        }
    }

    /** The SA Query of a station associated with PMF went unanswered: its old association ends, its authentication stays. */
    private void saQueryTimedOut(ApStation sta) {
        LOG.log(System.Logger.Level.INFO, () -> ifname + ": association SA Query to " + sta.addr + " timed out: its association is replaced");
        boolean wasAssociated = sta.associated;
        dropFromDriver(sta);
        if (wasAssociated) {
            listener.onEvent("AP-STA-DISCONNECTED " + sta.addr);
        }
    }

    /** The station leaves the driver's table and starts its association over: unauthorized, no keys, no timer. */
    private void dropFromDriver(ApStation sta) {
        if (driver != null) {
            try {
                driver.staRemove(sta.addr);
            } catch (DriverException | UnsupportedOperationException e) {
                driverErrors++;
            }
        }
        sta.added = false;
        sta.associated = false;
        sta.authorized = false;
        // sta_remove took its keys with it
        sta.ptkInstalled = false;
        if (sta.timer != null) {
            sta.timer.cancel();
        }
        sta.cancelPtkRekey();
        sta.groupRekeyDue = false;
        sta.closeKeys();
        // as hostapd's WPA_ASSOC/WPA_REAUTH: a station starting over no longer holds up a group rekey
        rekeyTaken(sta.addr);
        if (stations.get(sta.addr) == sta) {
            awaitAssociation(sta);
        }
    }

    /** The station's rates in 500 kbps units for sta_add; a membership selector it echoes is no rate. */
    private static List<Integer> rates(IeList ies) {
        List<Integer> r = new ArrayList<>();
        for (InformationElement e : ies.elements()) {
            if (e.id() == ElementId.SUPPORTED_RATES || e.id() == ElementId.EXTENDED_SUPPORTED_RATES) {
                for (int i = 0; i < e.body().length() && r.size() < 32; i++) {
                    int octet = e.body().u8(i);
                    if ((octet & 0x7f) > 0 && !Rates.isMembershipSelector(octet)) {
                        r.add(octet & 0x7f);
                    }
                }
            }
        }
        return r.isEmpty() ? List.of(2) : r;
    }

    private void onTxStatus(DriverEvent.TxStatus t) {
        if (t.frameType() != 0 || (t.frameSubtype() != MgmtSubtype.ASSOC_RESP.value() && t.frameSubtype() != MgmtSubtype.REASSOC_RESP.value())) {
            return;
        }
        ApStation sta = stations.get(t.dst());
        if (sta == null || sta.associated || sta.aid == 0 || !t.ack()) {
            return;
        }
        try {
            if (MgmtFrame.decode(t.data()) instanceof MgmtFrame.AssocResponse r && r.statusCode() != 0) {
                return;
            }
        } catch (MalformedFrameException e) {
            return;
        }
        sta.associated = true;
        admission.settled(sta.addr);
        if (sta.saQuery != null) {
            sta.saQuery.associated();
        }
        listener.onEvent("AP-STA-ASSOCIATED " + sta.addr + " aid=" + sta.aid);
        if (!config.isRsn()) {
            authorize(sta);
            return;
        }
        sta.closeKeys();
        sta.keys = new AuthenticatorHandshake(handshakeSetup(sta), own, sta.addr, random, sta.replayCounter);
        sta.attempts = 0;
        sendKeyMessage(sta);
    }

    /** The AKM's PMK: the station's PSKs, or the PMK of its SAE exchange or PMKSA (with its PMKID for message 1). */
    private AuthenticatorHandshake.Setup handshakeSetup(ApStation sta) {
        boolean sae = sta.akm == Akm.SAE;
        List<SecretKeyBytes> pmks = sae ? (sta.pmk == null ? List.of() : List.of(sta.pmk)) : config.psksFor(sta.addr);
        Optional<Bytes> pmkid = sae ? Optional.ofNullable(sta.pmkid) : Optional.empty();
        return new AuthenticatorHandshake.Setup(sta.akm, sta.mfp, pmks, pmkid, sta.rsnBody, sta.rsnxeBody, ApRsnElements.all(config.security()));
    }

    // ---- EAPOL ---------------------------------------------------------------------------------

    private void sendKeyMessage(ApStation sta) {
        if (driver == null) {
            // no driver bound (a backend update): the station was not asked, so no retry is spent; the next driver sends it
            sta.awaitingDriver = true;
            return;
        }
        if (sta.attempts >= timing.attempts()) {
            boolean group = sta.keys.step() == AuthenticatorHandshake.Step.GROUP_NEGOTIATING;
            listener.onEvent((group ? "WPA: group key handshake" : "WPA: 4-way handshake") + " timed out for " + sta.addr);
            deauthenticate(sta.addr, group ? ReasonCode.GROUP_KEY_UPDATE_TIMEOUT : ReasonCode.FOURWAY_HANDSHAKE_TIMEOUT);
            return;
        }
        send(sta, sta.keys.nextMessage(() -> groupKeys.current(driver)));
    }

    private void replayDetachedEvents() {
        while (!detachedEvents.isEmpty() && driver != null) {
            onEvent(detachedEvents.poll());
        }
    }

    /** The key messages that fell due while no driver was bound, sent on the driver that is now. */
    private void resumeKeyMessages() {
        for (ApStation sta : new ArrayList<>(stations.values())) {
            if (sta.awaitingDriver && sta.keys != null && sta.keys.step() != AuthenticatorHandshake.Step.PTK_DONE) {
                sta.awaitingDriver = false;
                sendKeyMessage(sta);
            }
        }
    }

    private void send(ApStation sta, Bytes pdu) {
        boolean group = sta.keys.step() == AuthenticatorHandshake.Step.GROUP_NEGOTIATING;
        int wait = sta.attempts > 0 ? timing.timeoutMs() : group ? timing.firstGroupTimeoutMs() : timing.firstTimeoutMs();
        sta.attempts++;
        sendAsLast(sta, pdu);
        armRetransmission(sta, wait);
    }

    /** Transmits the key message the station is now to answer; its attempts and retransmission deadline are the caller's. */
    private void sendAsLast(ApStation sta, Bytes pdu) {
        // sent now: a retransmission that fell due while no driver was bound is this one
        sta.awaitingDriver = false;
        sta.lastSent = pdu;
        sta.unackedResends = 0;
        transmit(sta, pdu);
    }

    private void transmit(ApStation sta, Bytes pdu) {
        try {
            // encrypted once the station has a pairwise key (hostapd's pairwise_set): a PTK rekey's messages go protected
            driver.hapdSendEapol(sta.addr, pdu, sta.ptkInstalled, own, sta.driverFlags());
        } catch (DriverException | UnsupportedOperationException | NullPointerException e) {
            driverErrors++;
        }
    }

    private void armRetransmission(ApStation sta, int waitMs) {
        if (sta.timer != null) {
            sta.timer.cancel();
        }
        sta.timer = loop.schedule(waitMs, () -> sendKeyMessage(sta));
    }

    /**
     * The driver's word on a key message, after its own retries (drivers that report EAPOL TX status). Acknowledged
     * message 1: the station has it, so its reply gets the longer timeout, as hostapd's wpa_auth_eapol_key_tx_status.
     * Not acknowledged: the station never got it, so it goes again at once without spending one of the handshake's
     * attempts, which are for a station that does not answer, not for frames the air lost.
     */
    private void onEapolTxStatus(DriverEvent.EapolTxStatus t) {
        ApStation sta = stations.get(t.dst());
        if (sta == null || sta.keys == null || sta.timer == null || !t.data().equals(sta.lastSent)) {
            return;
        }
        boolean first = sta.attempts == 1;
        if (t.ack()) {
            if (first && sta.keys.step() == AuthenticatorHandshake.Step.PTK_START) {
                armRetransmission(sta, timing.timeoutMs());
            }
            return;
        }
        if (sta.unackedResends++ >= UNACKED_RESENDS || driver == null) {
            return;
        }
        transmit(sta, sta.lastSent);
    }

    private void onEapol(MacAddress src, Bytes pdu) {
        ApStation sta = stations.get(src);
        if (sta == null || sta.keys == null) {
            eapolDropped++;
            return;
        }
        List<ApKeyAction> actions;
        try {
            actions = sta.keys.onEapol(pdu, () -> groupKeys.current(driver));
        } catch (MalformedFrameException bad) {
            eapolDropped++;
            LOG.log(System.Logger.Level.DEBUG, "EAPOL-Key from " + src + " dropped: " + bad.reason());
            return;
        }
        for (ApKeyAction a : actions) {
            if (a instanceof ApKeyAction.Send s) {
                sta.attempts = 0;
                send(sta, s.pdu());
            } else if (a instanceof ApKeyAction.Install i) {
                try {
                    driver.setKey(i.key());
                    sta.ptkInstalled = true;
                } catch (DriverException | UnsupportedOperationException e) {
                    driverErrors++;
                    deauthenticate(src, ReasonCode.UNSPECIFIED);
                    return;
                }
            } else if (a instanceof ApKeyAction.PairwiseDone) {
                sta.timer.cancel();
                if (sta.authorized) {
                    LOG.log(System.Logger.Level.INFO, () -> ifname + ": PTK rekey with " + src + " completed");
                } else {
                    authorize(sta);
                }
                if (stations.get(src) != sta) {
                    // authorizing failed and the station was sent away
                    return;
                }
                schedulePtkRekey(sta);
                if (sta.groupRekeyDue) {
                    // a group rekey came during its PTK rekey: its message 3 may have carried the older keys
                    sta.groupRekeyDue = false;
                    sta.attempts = 0;
                    send(sta, sta.keys.startGroupRekey(groupKeys.current(driver)));
                    return;
                }
                // its message 3 carried the keys of a rekey in progress
                rekeyTaken(src);
            } else if (a instanceof ApKeyAction.PtkRekeyRequested) {
                LOG.log(System.Logger.Level.INFO, () -> ifname + ": " + src + " asked for a new PTK");
                rekeyPtk(sta);
            } else if (a instanceof ApKeyAction.GroupDone) {
                sta.timer.cancel();
                listener.onEvent("WPA-GROUP-KEY-COMPLETED " + src + " keyid=" + groupKeys.gtk().keyId());
                rekeyTaken(src);
            } else if (a instanceof ApKeyAction.PskMismatch) {
                eapolDropped++;
                listener.onEvent("AP-STA-POSSIBLE-PSK-MISMATCH " + src);
            } else if (a instanceof ApKeyAction.Deauth d) {
                deauthenticate(src, d.reason());
                return;
            }
        }
    }

    /** The station's next PTK rekey, wpa_ptk_rekey from now (none when 0). */
    private void schedulePtkRekey(ApStation sta) {
        sta.cancelPtkRekey();
        if (config.ptkRekeyMs() > 0) {
            schedulePtkRekeyIn(sta, config.ptkRekeyMs());
        }
    }

    /**
     * A new 4-way handshake over the station's association, as hostapd's wpa_rekey_ptk: a new ANonce and PTK, the
     * installed one protecting the link until message 4. A station in a group key handshake gets it afterwards.
     */
    public void rekeyPtk(MacAddress addr) {
        ApStation sta = stations.get(addr);
        if (sta != null) {
            rekeyPtk(sta);
        }
    }

    private void rekeyPtk(ApStation sta) {
        if (stations.get(sta.addr) != sta || sta.keys == null || !sta.authorized) {
            return;
        }
        if (ptkRekeyRunning(sta)) {
            return;
        }
        if (sta.keys.step() != AuthenticatorHandshake.Step.PTK_DONE || driver == null) {
            // a group handshake first, or no driver bound (an update): shortly
            schedulePtkRekeyRetry(sta);
            return;
        }
        sta.attempts = 0;
        send(sta, sta.keys.startPtkRekey());
    }

    /** Whether the station is in a 4-way handshake over its running association (a PTK rekey). */
    private static boolean ptkRekeyRunning(ApStation sta) {
        AuthenticatorHandshake.Step step = sta.keys.step();
        return sta.authorized && (step == AuthenticatorHandshake.Step.PTK_START || step == AuthenticatorHandshake.Step.PTK_NEGOTIATING);
    }

    private void schedulePtkRekeyRetry(ApStation sta) {
        sta.cancelPtkRekey();
        schedulePtkRekeyIn(sta, timing.timeoutMs());
    }

    private void schedulePtkRekeyIn(ApStation sta, long ms) {
        sta.ptkRekeyTimer = loop.schedule(ms, () -> {
            sta.ptkRekeyTimer = null;
            rekeyPtk(sta);
        });
    }

    private void authorize(ApStation sta) {
        try {
            sta.authorized = true;
            Set<StaFlag> flags = sta.driverFlags();
            driver.staSetFlags(sta.addr, flags, flags, EnumSet.allOf(StaFlag.class));
            listener.onEvent("AP-STA-CONNECTED " + sta.addr);
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
            deauthenticate(sta.addr, ReasonCode.UNSPECIFIED);
        }
    }

    // ---- group rekey, inactivity, leaving --------------------------------------------------------

    private void scheduleRekey() {
        if (config.isRsn() && config.groupRekeyMs() > 0) {
            rekeyTimer = loop.schedule(config.groupRekeyMs(), () -> {
                rekeyGroup();
                scheduleRekey();
            });
        }
    }

    /**
     * A new GTK (and IGTK with PMF, BIGTK with beacon protection), sent to every authorized station with the group key
     * handshake and transmitting once they all have it ({@link #rekeyTaken}). A rekey still pending is replaced: its
     * keys never transmit (a station may not have them), the new ones go to every station.
     */
    public void rekeyGroup() {
        if (!config.isRsn() || !enabled || !groupKeys.started()) {
            return;
        }
        if (driver == null) {
            // during a backend update: not skipped (the keys would live a whole period longer), but done on the next driver
            rekeyMissed = true;
            return;
        }
        rekeyMissed = false;
        groupKeys.rekey();
        listener.onEvent("WPA-GROUP-REKEY keyid=" + groupKeys.gtk().keyId());
        GroupKeys keys = groupKeys.current(driver);
        for (ApStation sta : stations.values()) {
            if (sta.authorized && sta.keys != null) {
                groupKeys.awaiting(sta.addr);
                if (ptkRekeyRunning(sta)) {
                    // as hostapd's wpa_group_update_sta (not in PTKINITDONE): its group handshake follows message 4
                    sta.groupRekeyDue = true;
                    continue;
                }
                if (sta.keys.step() == AuthenticatorHandshake.Step.GROUP_NEGOTIATING && !sta.awaitingDriver) {
                    // still in the replaced rekey's handshake: the new message goes now (a reply to the old one no
                    // longer counts), but its attempts and retransmission deadline stay, as hostapd's TimeoutCtr, so a
                    // station that never answers times out even when rekeys come faster than its retries run out
                    sendAsLast(sta, sta.keys.startGroupRekey(keys));
                    continue;
                }
                sta.attempts = 0;
                send(sta, sta.keys.startGroupRekey(keys));
            }
        }
        rekeyTaken(null);
    }

    /**
     * {@code addr} has the keys of the rekey in progress, or is gone (null: nobody in particular). When no station is
     * left waiting, the new keys start transmitting (hostapd's SETKEYSDONE); until then the old ones still do, so a
     * station mid-handshake misses no group-addressed frame or protected Beacon.
     */
    private void rekeyTaken(MacAddress addr) {
        if (!groupKeys.taken(addr) || driver == null) {
            return;
        }
        try {
            groupKeys.completeRekey(driver);
            LOG.log(System.Logger.Level.DEBUG, () -> ifname + ": every station has the new group keys; they transmit now");
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
            listener.onEvent("AP-GROUP-REKEY-FAILED " + e.getMessage());
            return;
        }
        if (rekeyMissed) {
            missedRekey();
        }
    }

    /** The rekey that fell due during a backend update, now: the period counts from it, as hostapd's wpa_rekey_gtk re-arms. */
    private void missedRekey() {
        rekeyGroup();
        if (rekeyTimer != null) {
            rekeyTimer.cancel();
            scheduleRekey();
        }
    }

    private void scheduleInactivityCheck() {
        if (config.maxInactivityMs() <= 0) {
            return;
        }
        inactivityTimer = loop.schedule(Math.max(1000, config.maxInactivityMs() / 4), () -> {
            for (ApStation sta : new ArrayList<>(stations.values())) {
                try {
                    if (driver != null && sta.associated && driver.getInactSec(sta.addr) * 1000L > config.maxInactivityMs()) {
                        listener.onEvent("AP-STA-INACTIVE " + sta.addr);
                        deauthenticate(sta.addr, ReasonCode.DISASSOC_DUE_TO_INACTIVITY);
                    }
                } catch (DriverException | UnsupportedOperationException e) {
                    driverErrors++;
                }
            }
            scheduleInactivityCheck();
        });
    }

    /** Deauthenticates a station and forgets it (hostapd_cli deauthenticate). */
    public void deauthenticate(MacAddress addr, int reason) {
        if (addr.equals(MacAddress.BROADCAST)) {
            // hostapd_cli deauthenticate ff:ff:ff:ff:ff:ff: one broadcast frame, and every station is forgotten
            sendDeauth(addr, reason);
            new ArrayList<>(stations.keySet()).forEach(this::removeStation);
            return;
        }
        sendDeauth(addr, reason);
        if (stations.containsKey(addr)) {
            removeStation(addr);
        }
    }

    /** A Deauthentication to a sender with no association here, within the global rate for those. */
    private void deauthStranger(MacAddress addr, int reason) {
        if (admission.allowStrangerDeauth()) {
            sendDeauth(addr, reason);
        }
    }

    private void sendDeauth(MacAddress addr, int reason) {
        if (driver == null) {
            return;
        }
        try {
            driver.staDeauth(own, addr, reason);
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
        }
    }

    private void removeStation(MacAddress addr) {
        ApStation sta = stations.remove(addr);
        sta.release();
        admission.settled(addr);
        rekeyTaken(addr);
        if (sae != null) {
            sae.remove(addr);
        }
        if (sta.aid > 0) {
            aids.clear(sta.aid);
        }
        try {
            if (driver != null && sta.added) {
                driver.staRemove(addr);
            }
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
        }
        if (sta.associated) {
            listener.onEvent("AP-STA-DISCONNECTED " + addr);
        }
    }

    private void mlme(Bytes frame, boolean noAck) {
        try {
            driver.sendMlme(frame, noAck);
        } catch (DriverException | UnsupportedOperationException | NullPointerException e) {
            driverErrors++;
        }
    }
}
