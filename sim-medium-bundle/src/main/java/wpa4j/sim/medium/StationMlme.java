package wpa4j.sim.medium;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import wpa4j.common.codec.FrameReader;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.common.frame.AuthenticationBody;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.frame.ReasonCode;
import wpa4j.common.frame.SaQuery;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.Rates;
import wpa4j.driver.DriverException;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.AssociateParams;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.AuthParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Mfp;
import wpa4j.driver.types.ScanParams;
import wpa4j.driver.types.ScanResult;
import wpa4j.driver.types.ScanResultFlag;
import wpa4j.driver.types.ScanResults;
import wpa4j.driver.types.SignalInfo;
import wpa4j.driver.types.Ssid;

/**
 * The station side of a radio, as mac80211 does it for a supplicant that is its own SME: scanning with a
 * BSS cache, authentication (Open System with retries and timeouts; SAE frames as user space gives them)
 * and association, leaving, beacon loss, and answering the AP's SA Queries.
 */
final class StationMlme {
    static final Rates RATES = Rates.of(List.of(2, 4, 11, 22, 12, 18, 24, 36, 48, 72, 96, 108), List.of(2, 4, 11, 22));
    private static final List<Integer> ALL_24GHZ = List.of(2412, 2417, 2422, 2427, 2432, 2437, 2442, 2447, 2452, 2457, 2462, 2467, 2472);
    private static final int CATEGORY_PUBLIC = 4;

    private final Radio radio;
    private final Map<MacAddress, Bss> cache = new LinkedHashMap<>();
    private boolean scanning;
    private MacAddress authenticatedWith;
    private MacAddress bssid;
    private Ssid ssid;
    private boolean protectedBss;
    private boolean mfp;
    private Pending pending;
    private SaeExchange sae;
    private long lastBeaconNanos;
    private EventLoop.Timer beaconLossTimer;

    /** What the cache knows of a BSS. */
    private static final class Bss {
        MacAddress bssid;
        int freq;
        int beaconInt;
        int caps;
        int level;
        long tsf;
        long seenNanos;
        Bytes beaconIes = Bytes.EMPTY;
        Bytes probeRespIes = Bytes.EMPTY;
    }

    /** An Authentication or Association exchange waiting for its response. */
    private static final class Pending {
        final MacAddress peer;
        final byte[] frame;
        final int freq;
        final boolean assoc;
        final Bytes reqIes;
        int attempts;
        EventLoop.Timer timer;

        Pending(MacAddress peer, byte[] frame, int freq, boolean assoc, Bytes reqIes) {
            this.peer = peer;
            this.frame = frame;
            this.freq = freq;
            this.assoc = assoc;
            this.reqIes = reqIes;
        }
    }

    /**
     * An SAE authentication in progress: {@code transaction} is the last one we sent (1 commit, 2 confirm), and
     * {@code peerConfirmed} whether the peer's successful confirm already came (before ours: mac80211's peer_confirmed).
     * Not retransmitted here: user space runs the SAE timers, as with mac80211.
     */
    private record SaeExchange(MacAddress peer, int transaction, boolean peerConfirmed) {}

    StationMlme(Radio radio) {
        this.radio = radio;
    }

    // ---- scanning ------------------------------------------------------------------------------

    Void scan(ScanParams p) throws DriverException {
        if (scanning) {
            throw new DriverException("scan2", "scan already in progress", 16, null);
        }
        if (radio.ap.active()) {
            throw new DriverException("scan2", "interface is an AP", 95, null);
        }
        scanning = true;
        List<Integer> freqs = p.freqs().isEmpty() ? ALL_24GHZ : p.freqs();
        int dwell = radio.medium.timing().scanDwellMs();
        for (int i = 0; i < freqs.size(); i++) {
            int f = freqs.get(i);
            radio.medium.air().schedule((long) i * dwell, () -> visitChannel(f, p));
        }
        radio.medium.air().schedule((long) freqs.size() * dwell, () -> {
            freqs.forEach(f -> radio.listenAlsoOn(f, false));
            scanning = false;
            radio.emit(new DriverEvent.ScanResults(false, p.freqs(), p.ssids()));
        });
        return null;
    }

    private void visitChannel(int f, ScanParams p) {
        radio.listenAlsoOn(f, true);
        for (Ssid s : p.ssids()) {
            IeList ies = new IeList(new ArrayList<>(List.of(new InformationElement(0, s.octets()))));
            for (InformationElement e : RATES.toElements()) {
                ies = ies.with(e);
            }
            Bytes body = Bytes.of(concat(ies.encode().toArray(), p.extraIes().toArray()));
            MgmtHeader h = MgmtHeader.of(MgmtSubtype.PROBE_REQ, MacAddress.BROADCAST, radio.mac(), MacAddress.BROADCAST)
                    .withSeqCtrl(radio.nextSeq() << 4);
            byte[] frame = concat(new MgmtFrame.ProbeRequest(h, IeList.EMPTY).encode().toArray(), body.toArray());
            radio.transmit(frame, f, MacAddress.BROADCAST, null);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    ScanResults results() {
        long now = System.nanoTime();
        long maxAge = radio.medium.timing().scanCacheMs() * 1_000_000L;
        cache.values().removeIf(b -> now - b.seenNanos > maxAge && !b.bssid.equals(bssid));
        List<ScanResult> list = new ArrayList<>();
        for (Bss b : cache.values()) {
            EnumSet<ScanResultFlag> flags = EnumSet.of(ScanResultFlag.LEVEL_DBM, ScanResultFlag.QUAL_INVALID, ScanResultFlag.NOISE_INVALID);
            if (b.bssid.equals(bssid)) {
                flags.add(ScanResultFlag.ASSOCIATED);
            }
            Bytes ies = b.probeRespIes.isEmpty() ? b.beaconIes : b.probeRespIes;
            list.add(new ScanResult(flags, b.bssid, b.freq, b.beaconInt, b.caps, 0, 0, b.level, b.tsf,
                    (int) ((now - b.seenNanos) / 1_000_000), ies, b.beaconIes));
        }
        return new ScanResults(list);
    }

    // ---- MLME ----------------------------------------------------------------------------------

    Void authenticate(AuthParams p) throws DriverException {
        if (p.authAlg() != AuthAlg.OPEN && p.authAlg() != AuthAlg.SAE) {
            throw new DriverException("authenticate", "the sim medium does Open System and SAE authentication only", 95, null);
        }
        if (p.authAlg() == AuthAlg.SAE && p.saeData().length() < 4) {
            throw new DriverException("authenticate", "SAE data needs at least its transaction and status fields", 22, null);
        }
        if (bssid != null) {
            leaveQuietly();
        }
        radio.tune(p.freq());
        MgmtHeader h = MgmtHeader.of(MgmtSubtype.AUTH, p.bssid(), radio.mac(), p.bssid()).withSeqCtrl(radio.nextSeq() << 4);
        if (p.authAlg() == AuthAlg.SAE) {
            cancelPending();
            int transaction = p.saeData().u8(0) | p.saeData().u8(1) << 8;
            boolean peerConfirmed = sae != null && sae.peer().equals(p.bssid()) && sae.peerConfirmed();
            sae = new SaeExchange(p.bssid(), transaction, peerConfirmed);
            radio.transmit(saeAuthFrame(h, p.saeData(), p.ie()), p.freq(), p.bssid(), null);
            if (transaction == 2 && peerConfirmed) {
                // as ieee80211_mgd_auth: the peer has confirmed and our confirm is on its way, so SAE is complete
                sae = null;
                authenticatedWith = p.bssid();
            }
            return null;
        }
        byte[] frame = concat(new MgmtFrame.Authentication(h, MgmtFrame.Authentication.ALG_OPEN, 1, 0, IeList.EMPTY).encode().toArray(),
                p.ie().toArray());
        start(new Pending(p.bssid(), frame, p.freq(), false, Bytes.EMPTY));
        return null;
    }

    Void associate(AssociateParams p) throws DriverException {
        if (p.bssid() == null || !p.bssid().equals(authenticatedWith)) {
            throw new DriverException("associate", "not authenticated with " + p.bssid(), 67, null);
        }
        List<InformationElement> ies = new ArrayList<>();
        ies.add(new InformationElement(0, p.ssid().octets()));
        ies.addAll(RATES.toElements());
        Bytes wpaIe = p.wpaIe();
        int capability = 0x0001 | 0x0400 | (wpaIe.isEmpty() ? 0 : 0x0010);
        MgmtHeader h = MgmtHeader.of(MgmtSubtype.ASSOC_REQ, p.bssid(), radio.mac(), p.bssid()).withSeqCtrl(radio.nextSeq() << 4);
        Bytes reqIes = Bytes.of(concat(new IeList(ies).encode().toArray(), wpaIe.toArray()));
        if (bssid != null) {
            // associating again: as mac80211, the old association's keys go first
            radio.keys.clear();
        }
        byte[] fixed = new MgmtFrame.AssocRequest(h, capability, 10, IeList.EMPTY).encode().toArray();
        ssid = p.ssid();
        protectedBss = !wpaIe.isEmpty();
        mfp = p.mgmtFrameProtection() != Mfp.NO;
        start(new Pending(p.bssid(), concat(fixed, reqIes.toArray()), radio.freq, true, reqIes));
        return null;
    }

    private void start(Pending p) {
        cancelPending();
        sae = null;
        pending = p;
        attempt(p);
    }

    private void cancelPending() {
        if (pending != null && pending.timer != null) {
            pending.timer.cancel();
        }
        pending = null;
    }

    private void attempt(Pending p) {
        if (pending != p) {
            return;
        }
        if (p.attempts++ >= radio.medium.timing().mlmeAttempts()) {
            pending = null;
            radio.emit(p.assoc ? new DriverEvent.AssocTimedOut(p.peer) : new DriverEvent.AuthTimedOut(p.peer));
            return;
        }
        radio.transmit(p.frame, p.freq, p.peer, null);
        p.timer = radio.medium.air().schedule(radio.medium.timing().mlmeTimeoutMs(), () -> attempt(p));
    }

    /** A frame that passed the 802.11w checks; Authentication and Action bodies are never decoded as elements. */
    void onMgmt(byte[] frame, int onFreq, int rssi) throws MalformedFrameException {
        switch (RobustFrames.subtype(frame)) {
            case AUTH -> onAuth(AuthenticationBody.decode(Bytes.of(frame)).orElseThrow());
            case ACTION -> onAction(frame, onFreq, rssi);
            case BEACON, PROBE_RESP -> onBssFrame(frame, onFreq, rssi);
            default -> onDecoded(MgmtFrame.decodeReceived(Bytes.of(frame)).frame(), onFreq, rssi);
        }
    }

    /**
     * A Beacon or Probe Response, read in place (timestamp, interval, capability, elements as they are): every station
     * hears every Beacon on its channel, and making element objects only to encode them again cost the air most of
     * its time with 2000 stations.
     */
    private void onBssFrame(byte[] frame, int onFreq, int rssi) throws MalformedFrameException {
        if (frame.length < BSS_FRAME_IES) {
            throw new MalformedFrameException(frame.length, "Beacon or Probe Response without its fixed fields");
        }
        IeList.requireWellFormed(frame, BSS_FRAME_IES);
        FrameReader fixed = new FrameReader(frame, 24, BSS_FRAME_IES - 24);
        long tsf = fixed.u64le("timestamp");
        int beaconInt = fixed.u16le("beacon interval");
        int caps = fixed.u16le("capability");
        Bytes ies = Bytes.of(frame, BSS_FRAME_IES, frame.length - BSS_FRAME_IES);
        learn(RobustFrames.sa(frame), onFreq, beaconInt, caps, rssi, tsf, ies, RobustFrames.subtype(frame) == MgmtSubtype.BEACON);
    }

    /** Where the elements of a Beacon or Probe Response start: header (24), timestamp (8), interval (2), capability (2). */
    private static final int BSS_FRAME_IES = 36;

    private void onDecoded(MgmtFrame f, int onFreq, int rssi) {
        MacAddress from = f.header().sa();
        if (f instanceof MgmtFrame.AssocResponse r) {
            onAssocResp(r);
        } else if (f instanceof MgmtFrame.Deauthentication d) {
            onLeave(from, d.reasonCode(), d.ies().encode(), true);
        } else if (f instanceof MgmtFrame.Disassociation d) {
            onLeave(from, d.reasonCode(), d.ies().encode(), false);
        }
    }

    private void learn(MacAddress from, int onFreq, int beaconInt, int caps, int rssi, long tsf, Bytes ies, boolean beacon) {
        Bss b = cache.computeIfAbsent(from, k -> new Bss());
        b.bssid = from;
        b.freq = onFreq;
        b.beaconInt = beaconInt;
        b.caps = caps;
        b.level = rssi;
        b.tsf = tsf;
        b.seenNanos = System.nanoTime();
        if (beacon) {
            b.beaconIes = ies;
            if (from.equals(bssid)) {
                lastBeaconNanos = b.seenNanos;
            }
        } else {
            b.probeRespIes = ies;
        }
    }

    private void onAuth(AuthenticationBody a) {
        if (a.isSae()) {
            onSaeAuth(a);
            return;
        }
        Pending p = pending;
        if (p == null || p.assoc || !a.header().sa().equals(p.peer) || a.transaction() != 2) {
            return;
        }
        p.timer.cancel();
        pending = null;
        if (a.statusCode() == 0) {
            authenticatedWith = p.peer;
        }
        radio.emit(new DriverEvent.Auth(p.peer, p.peer, a.algorithm(), a.transaction(), a.statusCode(), a.body()));
    }

    /**
     * An SAE Authentication frame from nl80211's SAE_DATA (transaction, status and SAE fields: the frame body after
     * the algorithm number) and the extra elements after it, as mac80211 builds it.
     */
    private static byte[] saeAuthFrame(MgmtHeader h, Bytes saeData, Bytes ies) {
        int transaction = saeData.u8(0) | saeData.u8(1) << 8;
        int status = saeData.u8(2) | saeData.u8(3) << 8;
        Bytes fields = saeData.slice(4, saeData.length() - 4);
        byte[] body = concat(fields.toArray(), ies.toArray());
        return new AuthenticationBody(h, MgmtFrame.Authentication.ALG_SAE, transaction, status, Bytes.of(body)).encode().toArray();
    }

    /**
     * mac80211's filter: the AP's commit or confirm after our commit, only its confirm after ours; all go up.
     * A successful confirm after ours completes the authentication; one before ours (hostapd sends its commit and
     * confirm together) is remembered, and sending ours then completes it.
     */
    private void onSaeAuth(AuthenticationBody a) {
        SaeExchange x = sae;
        if (x == null || !a.header().sa().equals(x.peer()) || a.transaction() < x.transaction() || a.transaction() > 2) {
            return;
        }
        if (a.statusCode() == 0 && a.transaction() == 2 && x.transaction() == 2) {
            sae = null;
            authenticatedWith = x.peer();
        } else if (a.statusCode() == 0 && a.transaction() == 2) {
            sae = new SaeExchange(x.peer(), x.transaction(), true);
        }
        radio.emit(new DriverEvent.Auth(x.peer(), x.peer(), a.algorithm(), a.transaction(), a.statusCode(), a.body()));
    }

    /**
     * Action frames from the BSS, and Public ones from anyone (mac80211 drops the rest), go up as the nl80211
     * backend reports them: SA Query whole as RX_MGMT (decrypted, Protected bit kept), others as RX_ACTION.
     * The AP's SA Query Request is answered here, as mac80211's ieee80211_process_sa_query_req, not reported.
     */
    private void onAction(byte[] frame, int onFreq, int rssi) throws MalformedFrameException {
        MacAddress from = RobustFrames.sa(frame);
        if (!from.equals(bssid) && RobustFrames.category(frame) != CATEGORY_PUBLIC) {
            return;
        }
        MgmtFrame.Action a = (MgmtFrame.Action) MgmtFrame.decodeReceived(Bytes.of(frame)).frame();
        Optional<SaQuery> query = SaQuery.of(a);
        if (query.isPresent() && query.get().request()) {
            if (a.header().da().equals(radio.mac())) {
                MgmtHeader h = MgmtHeader.of(MgmtSubtype.ACTION, from, radio.mac(), bssid);
                radio.sendMgmt(new MgmtFrame.Opaque(h, query.get().response().actionBody()).encode().toArray(), radio.freq, null);
            }
        } else if (query.isPresent()) {
            radio.emit(new DriverEvent.RxMgmt(Bytes.of(frame), 0, onFreq, rssi));
        } else {
            radio.emit(new DriverEvent.RxAction(a.header().da(), from, a.header().bssid(), a.category(), a.body(), onFreq));
        }
    }

    private void onAssocResp(MgmtFrame.AssocResponse r) {
        Pending p = pending;
        if (p == null || !p.assoc || !r.header().sa().equals(p.peer)) {
            return;
        }
        p.timer.cancel();
        pending = null;
        if (r.statusCode() != 0) {
            authenticatedWith = null;
            radio.emit(new DriverEvent.AssocReject(p.peer, r.ies().encode(), r.statusCode()));
            return;
        }
        bssid = p.peer;
        Bss b = cache.get(bssid);
        Bytes beaconIes = b == null ? Bytes.EMPTY : b.beaconIes;
        lastBeaconNanos = System.nanoTime();
        watchBeacons();
        radio.emit(new DriverEvent.Assoc(new DriverEvent.AssocInfoData(bssid, false, p.reqIes, r.ies().encode(), beaconIes, radio.freq)));
    }

    private void watchBeacons() {
        int loss = radio.medium.timing().beaconLossMs();
        beaconLossTimer = radio.medium.air().schedule(Math.max(10, loss / 4), () -> {
            if (bssid == null) {
                return;
            }
            if ((System.nanoTime() - lastBeaconNanos) / 1_000_000 > loss) {
                MacAddress lost = bssid;
                clear();
                radio.emit(new DriverEvent.Deauth(lost, ReasonCode.DISASSOC_DUE_TO_INACTIVITY, Bytes.EMPTY, true));
            } else {
                watchBeacons();
            }
        });
    }

    private void onLeave(MacAddress from, int reason, Bytes ies, boolean deauth) {
        if (!from.equals(bssid) && !from.equals(authenticatedWith)) {
            return;
        }
        clear();
        radio.emit(deauth ? new DriverEvent.Deauth(from, reason, ies, false) : new DriverEvent.Disassoc(from, reason, ies, false));
    }

    /** deauthenticate/disassociate: frame to the AP, state and keys gone, and the event as nl80211 reports it. */
    Void leave(MacAddress addr, int reason, boolean deauth) {
        MacAddress peer = bssid != null ? bssid : authenticatedWith != null ? authenticatedWith : addr;
        MgmtHeader h = MgmtHeader.of(deauth ? MgmtSubtype.DEAUTH : MgmtSubtype.DISASSOC, peer, radio.mac(), peer);
        MgmtFrame f = deauth ? new MgmtFrame.Deauthentication(h, reason, IeList.EMPTY) : new MgmtFrame.Disassociation(h, reason, IeList.EMPTY);
        radio.sendMgmt(f.encode().toArray(), radio.freq, null);
        clear();
        radio.emit(deauth ? new DriverEvent.Deauth(peer, reason, Bytes.EMPTY, true) : new DriverEvent.Disassoc(peer, reason, Bytes.EMPTY, true));
        return null;
    }

    private void leaveQuietly() {
        clear();
    }

    private void clear() {
        cancelPending();
        sae = null;
        if (beaconLossTimer != null) {
            beaconLossTimer.cancel();
        }
        bssid = null;
        authenticatedWith = null;
        ssid = null;
        protectedBss = false;
        mfp = false;
        radio.keys.clear();
    }

    MacAddress associatedBssid() {
        return bssid;
    }

    Ssid associatedSsid() {
        return bssid == null ? null : ssid;
    }

    boolean protectedBss() {
        return protectedBss;
    }

    /** Whether MFP is in use with {@code peer}: the BSS we are associated with, when associate asked for MFP. */
    boolean mfp(MacAddress peer) {
        return mfp && peer.equals(bssid);
    }

    SignalInfo signal() throws DriverException {
        if (bssid == null) {
            throw new DriverException("signal_poll", "not associated", 107, null);
        }
        Bss b = cache.get(bssid);
        return new SignalInfo(radio.freq, true, b == null ? -40 : b.level, -95, 54_000);
    }

    void shutdown() {
        clear();
        scanning = false;
    }
}
