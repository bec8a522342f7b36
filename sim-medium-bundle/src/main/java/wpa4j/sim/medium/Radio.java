package wpa4j.sim.medium;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.crypto.Ccmp;
import wpa4j.common.eapol.EapolFrame;
import wpa4j.common.frame.FrameControl;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.driver.DriverException;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.ApParams;
import wpa4j.driver.types.AssociateParams;
import wpa4j.driver.types.AuthParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.InterfaceChange;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.ScanParams;
import wpa4j.driver.types.ScanResults;
import wpa4j.driver.types.SendActionParams;
import wpa4j.driver.types.SignalInfo;
import wpa4j.driver.types.Ssid;
import wpa4j.driver.types.StaAddParams;
import wpa4j.driver.types.StaDriverData;
import wpa4j.driver.types.StaFlag;

/**
 * One virtual radio with one interface: what the kernel keeps for a SoftMAC wiphy. Its public methods may
 * be called from any thread; they run on the medium's air loop, in the order called: those that send or change
 * stations and keys are queued there and return at once (their outcome comes as an event; a refusal by the
 * radio's state, such as sta_set_flags for an unknown station, is counted, not thrown), the others wait for
 * their result. Events go to the attached sink; while none is attached (a driver being
 * replaced) they are kept and handed over on the next attach.
 */
public final class Radio {
    private static final int MAX_PENDING_EVENTS = 10_000;
    private static final System.Logger LOG = System.getLogger(Radio.class.getName());

    final Medium medium;
    private final String ifname;
    private final MacAddress mac;
    final Counters counters = new Counters();
    final KeyTable keys = new KeyTable();
    final StationMlme station;
    final ApBss ap;
    private final MgmtProtection protection;
    private final List<DataListener> dataListeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<DriverEvent> pending = new ArrayDeque<>();
    private final Set<Integer> extraListenFreqs = new HashSet<>();
    private Consumer<DriverEvent> sink;
    /** The channel the radio is tuned to; change it with {@link #tune}, which keeps the medium's index of listeners. */
    int freq = 2412;
    private int seq;
    private boolean shutdown;
    /** This radio's set_key ops queued on the air and not run yet: while there are none, {@link #seqnum} reads off the air. */
    private final AtomicInteger queuedKeyOps = new AtomicInteger();

    Radio(Medium medium, String ifname, MacAddress mac) {
        this.medium = medium;
        this.ifname = ifname;
        this.mac = mac;
        this.station = new StationMlme(this);
        this.ap = new ApBss(this);
        this.protection = new MgmtProtection(keys, counters, peer -> ap.active() ? ap.mfp(peer) : station.mfp(peer),
                () -> ap.active() ? null : station.associatedBssid());
    }

    public String ifname() {
        return ifname;
    }

    public MacAddress mac() {
        return mac;
    }

    // ---- driver attachment ---------------------------------------------------------------------

    /** Attaches the driver's event sink; events kept while detached are delivered first, in order. */
    public void attach(Consumer<DriverEvent> eventSink) throws DriverException {
        run(() -> {
            sink = eventSink;
            while (!pending.isEmpty()) {
                sink.accept(pending.poll());
            }
            return null;
        });
    }

    /** Detaches the sink: the link stays as it is, events are kept for the next driver. */
    public void detach() throws DriverException {
        run(() -> {
            sink = null;
            return null;
        });
    }

    /**
     * Detaches {@code eventSink} if it is still the attached one: a driver instance closed late (after a hang) must
     * not cut off the instance that replaced it.
     */
    public void detach(Consumer<DriverEvent> eventSink) throws DriverException {
        run(() -> {
            if (sink == eventSink) {
                sink = null;
            }
            return null;
        });
    }

    void emit(DriverEvent e) {
        if (sink != null) {
            try {
                sink.accept(e);
            } catch (RuntimeException bug) {
                counters.eventsDropped++;
            }
        } else if (pending.size() < MAX_PENDING_EVENTS) {
            pending.add(e);
        } else {
            counters.eventsDropped++;
        }
    }

    /**
     * Queues an op on the air and returns, as a driver hands work to its firmware's queue: the caller neither waits
     * for the air nor runs its other work (other radios' frames), which is what kept an AP with thousands of stations
     * behind and its stations retrying. Ops queued and ops run ({@link #run}) keep their order on the air; a caller
     * on the air itself (an event handler) runs the op at once, so it too reads what it wrote. The caller checked the
     * arguments; what the radio's state refuses when the op comes up ({@link DriverException}) is counted
     * ({@link RadioCounters#queuedOpsFailed}) and logged, no caller being left to tell; anything else is a bug and
     * goes to the loop's guard with its stack trace.
     */
    private void queue(String op, Callable<?> work) throws DriverException {
        queue(op, null, work);
    }

    /** {@link #queue(String, Callable)}, counting the op in {@code pending} until it has run on the air. */
    private void queue(String op, AtomicInteger pending, Callable<?> work) throws DriverException {
        if (medium.air().inLoop()) {
            run(work);
            return;
        }
        if (medium.closed()) {
            throw new DriverException(op, "the medium is closed", 19, null);
        }
        if (pending != null) {
            pending.incrementAndGet();
        }
        medium.air().execute(() -> {
            try {
                work.call();
            } catch (DriverException refused) {
                counters.queuedOpsFailed++;
                LOG.log(System.Logger.Level.WARNING, () -> ifname + ": queued " + op + " failed: " + refused.getMessage());
            } catch (RuntimeException bug) {
                throw bug;
            } catch (Exception e) {
                throw new IllegalStateException(op + " failed on the air", e);
            } finally {
                if (pending != null) {
                    pending.decrementAndGet();
                }
            }
        });
    }

    <T> T run(Callable<T> op) throws DriverException {
        try {
            return medium.call(op);
        } catch (DriverException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DriverException("sim", e.toString(), 0, e);
        }
    }

    // ---- station ops ---------------------------------------------------------------------------

    public void scan(ScanParams p) throws DriverException {
        run(() -> station.scan(p));
    }

    public ScanResults scanResults() throws DriverException {
        return run(station::results);
    }

    public void authenticate(AuthParams p) throws DriverException {
        run(() -> station.authenticate(p));
    }

    public void associate(AssociateParams p) throws DriverException {
        run(() -> station.associate(p));
    }

    public void deauthenticate(MacAddress addr, int reason) throws DriverException {
        run(() -> station.leave(addr, reason, true));
    }

    public void disassociate(MacAddress addr, int reason) throws DriverException {
        run(() -> station.leave(addr, reason, false));
    }

    public Optional<MacAddress> bssid() throws DriverException {
        return run(() -> Optional.ofNullable(station.associatedBssid()));
    }

    public Optional<Ssid> ssid() throws DriverException {
        return run(() -> Optional.ofNullable(station.associatedSsid()));
    }

    public SignalInfo signal() throws DriverException {
        return run(station::signal);
    }

    /**
     * send_action: an Action frame (body from the Category on) on {@code freq}, protected like every robust
     * frame; its TX status follows. No off-channel wait: the sim answers on the frequency it hears.
     */
    public void sendAction(SendActionParams p) throws DriverException {
        run(() -> {
            MgmtHeader h = MgmtHeader.of(MgmtSubtype.ACTION, p.dst(), p.src(), p.bssid());
            Bytes frame = new MgmtFrame.Action(h, p.data().u8(0), p.data().slice(1, p.data().length() - 1)).encode();
            sendMgmt(frame.toArray(), p.freq(), ack -> emit(new DriverEvent.TxStatus(0, MgmtSubtype.ACTION.value(), p.dst(), frame, ack)));
            return null;
        });
    }

    /**
     * Sends an EAPOL PDU to the AP (station) or to a station (AP); encrypted once a pairwise key is set. Its TX status
     * follows (acknowledged or not, after the retries), as mac80211 reports it for the control port.
     */
    public void sendEapol(MacAddress dst, Bytes pdu, boolean encrypt) throws DriverException {
        Consumer<Boolean> status = dst.isMulticast() ? null : ack -> emit(new DriverEvent.EapolTxStatus(dst, pdu, ack));
        queue("tx_control_port", () -> {
            try {
                sendDataFrame(dst, EapolFrame.ETHERTYPE, pdu, encrypt, status);
            } catch (DriverException notAssociated) {
                if (status != null) {
                    status.accept(false); // not sent: the sender learns it as from an unacknowledged frame
                }
                throw notAssociated;
            }
            return null;
        });
    }

    // ---- AP ops --------------------------------------------------------------------------------

    public void setFreq(int mhz) throws DriverException {
        run(() -> {
            tune(mhz);
            return null;
        });
    }

    public int freq() throws DriverException {
        return run(() -> freq);
    }

    public void setAp(ApParams p) throws DriverException {
        run(() -> ap.start(p));
    }

    /** As mac80211's stop_ap: the BSS ends and its keys go with it (a BIGTK left over would make a later station drop Beacons). */
    public void stopAp() throws DriverException {
        run(() -> {
            ap.stop();
            keys.clear();
            return null;
        });
    }

    /** Sends a management frame; the TX status event follows unless {@code noAck}. */
    public void sendMlme(Bytes frame, boolean noAck) throws DriverException {
        ApBss.checkMlme(frame);
        queue("send_mlme", () -> ap.sendMlme(frame, noAck));
    }

    public void staAdd(StaAddParams p) throws DriverException {
        // the BSS is started and stopped by this radio's own driver, in the caller's order: known here already
        ap.requireActive("sta_add");
        queue("sta_add", () -> ap.staAdd(p));
    }

    public void staRemove(MacAddress addr) throws DriverException {
        queue("sta_remove", () -> ap.staRemove(addr));
    }

    public void staSetFlags(MacAddress addr, Set<StaFlag> flagsOr, Set<StaFlag> flagsAnd) throws DriverException {
        queue("sta_set_flags", () -> ap.staSetFlags(addr, flagsOr, flagsAnd));
    }

    public StaDriverData staData(MacAddress addr) throws DriverException {
        return run(() -> ap.staData(addr));
    }

    public int inactiveSeconds(MacAddress addr) throws DriverException {
        return run(() -> (int) (ap.staData(addr).inactiveMsec() / 1000));
    }

    public List<MacAddress> stations() throws DriverException {
        return run(ap::stationAddresses);
    }

    // ---- keys ----------------------------------------------------------------------------------

    public void setKey(KeyParams p) throws DriverException {
        KeyTable.check(p);
        queue("set_key", queuedKeyOps, () -> {
            keys.set(p);
            return null;
        });
    }

    /**
     * Last TX packet number of a key: pairwise of {@code addr}, or group {@code idx} (IGTK: 4, 5; BIGTK: 6, 7) for
     * broadcast. A group key's is read here, without waiting for the air (an AP asks it for every station's handshake,
     * and the air may be busy with thousands of others' frames), unless a set_key of this radio is still queued: that
     * one must come first. Whatever else runs on the air meanwhile only counts the PN on or clears the key (stop,
     * removal): the reader sees a lower PN at worst, the safe side for a receive sequence counter.
     */
    public Bytes seqnum(MacAddress addr, int idx) throws DriverException {
        if (addr.isBroadcast() && queuedKeyOps.get() == 0 && !medium.air().inLoop()) {
            if (medium.closed()) {
                throw new DriverException("get_seqnum", "the medium is closed", 19, null);
            }
            return keys.seqnum(addr, idx);
        }
        return run(() -> keys.seqnum(addr, idx));
    }

    // ---- data, for applications and tests ---------------------------------------------------------

    /** Sends a data frame as the network stack would: encrypted when a key is installed. */
    public void sendData(MacAddress dst, int ethertype, Bytes payload) throws DriverException {
        run(() -> {
            sendDataFrame(dst, ethertype, payload, true, null);
            return null;
        });
    }

    public void addDataListener(DataListener l) {
        dataListeners.add(l);
    }

    public void removeDataListener(DataListener l) {
        dataListeners.remove(l);
    }

    public RadioCounters counters() throws DriverException {
        return run(counters::snapshot);
    }

    // ---- the air -------------------------------------------------------------------------------

    int nextSeq() {
        return seq = (seq + 1) & 0xfff;
    }

    /** Whether the radio listens on {@code mhz}: its channel, or one it is scanning. */
    boolean hears(int mhz) {
        return !shutdown && (freq == mhz || extraListenFreqs.contains(mhz));
    }

    void listenAlsoOn(int mhz, boolean on) {
        if (on ? extraListenFreqs.add(mhz) : extraListenFreqs.remove(mhz)) {
            if (mhz != freq) {
                medium.listen(this, mhz, on);
            }
        }
    }

    /** Tunes the radio to {@code mhz} (its operating channel). */
    void tune(int mhz) {
        if (mhz == freq) {
            return;
        }
        if (!extraListenFreqs.contains(freq)) {
            medium.listen(this, freq, false);
        }
        freq = mhz;
        medium.listen(this, mhz, true);
    }

    void transmit(byte[] frame, int onFreq, MacAddress addr1, Consumer<Boolean> onAck) {
        counters.txFrames++;
        medium.transmit(this, frame, onFreq, addr1, () -> shutdown, onAck);
    }

    /** Sends a management frame as mac80211 does: the next sequence number, then 802.11w protection where it applies. */
    void sendMgmt(byte[] frame, int onFreq, Consumer<Boolean> onAck) {
        stampSeq(frame);
        transmit(protection.protect(frame), onFreq, MacAddress.of(frame, 4), onAck);
    }

    /** A Beacon as it goes on the air: with the MME of the default beacon key (BIGTK) once the AP has one. */
    byte[] protectBeacon(byte[] beacon) {
        return protection.protectBeacon(beacon);
    }

    /** Writes the next sequence number (fragment 0) into a frame's Sequence Control field. */
    void stampSeq(byte[] frame) {
        int seqCtrl = nextSeq() << 4;
        frame[22] = (byte) seqCtrl;
        frame[23] = (byte) (seqCtrl >> 8);
    }

    void receive(byte[] frame, int onFreq, int rssi) {
        if (frame.length < 24) {
            counters.rxMalformed++;
            return;
        }
        int type = FrameControl.peek(frame).type();
        MacAddress a1 = MacAddress.of(frame, 4);
        if (!a1.equals(mac) && !a1.isMulticast()) {
            return;
        }
        counters.rxFrames++;
        try {
            if (type == 0) {
                onMgmt(frame, onFreq, rssi);
            } else if (type == 2) {
                onData(frame);
            }
        } catch (MalformedFrameException e) {
            counters.rxMalformed++;
        }
    }

    private void onMgmt(byte[] frame, int onFreq, int rssi) throws MalformedFrameException {
        MgmtProtection.Verdict v = protection.receive(frame);
        if (v instanceof MgmtProtection.Verdict.Unprotected u) {
            emit(u.event());
        } else if (v instanceof MgmtProtection.Verdict.Accept a) {
            if (ap.active()) {
                ap.onMgmt(a.frame(), onFreq, rssi);
            } else {
                station.onMgmt(a.frame(), onFreq, rssi);
            }
        }
    }

    private void sendDataFrame(MacAddress dst, int ethertype, Bytes payload, boolean encrypt, Consumer<Boolean> onAck) throws DriverException {
        MacAddress peer;
        byte[] frame;
        if (ap.active()) {
            peer = dst;
            frame = DataFrames.fromAp(dst, mac, mac, nextSeq(), ethertype, payload);
        } else {
            peer = station.associatedBssid();
            if (peer == null) {
                throw new DriverException("send", "not associated", 107, null);
            }
            frame = DataFrames.toAp(peer, mac, dst, nextSeq(), ethertype, payload);
        }
        KeyTable.Key key = dst.isMulticast() && ap.active() ? keys.groupTx() : keys.pairwise(peer);
        if (encrypt && key != null) {
            try {
                frame = key.ccmp.encrypt(frame, ++key.txPn, key.idx);
            } catch (MalformedFrameException e) {
                throw new IllegalStateException("own data frame did not encrypt", e);
            }
        }
        transmit(frame, freq, MacAddress.of(frame, 4), onAck);
    }

    private void onData(byte[] frame) throws MalformedFrameException {
        MacAddress a2 = MacAddress.of(frame, 10);
        boolean fromStation = ap.active();
        if (fromStation && !ap.knows(a2)) {
            emit(new DriverEvent.RxFromUnknown(mac, a2, false));
            return;
        }
        if (!fromStation && !a2.equals(station.associatedBssid())) {
            return;
        }
        byte[] plain = frame;
        boolean wasProtected = DataFrames.isProtected(frame);
        if (wasProtected) {
            MacAddress a1 = MacAddress.of(frame, 4);
            KeyTable.Key key = a1.isMulticast() ? keys.group((frame[27] & 0xff) >>> 6) : keys.pairwise(a2);
            if (key == null) {
                counters.rxDecryptFailed++;
                return;
            }
            Ccmp.Decrypted d;
            try {
                d = key.ccmp.decrypt(frame);
            } catch (MalformedFrameException micFailure) {
                counters.rxDecryptFailed++;
                return;
            }
            if (d.pn() <= key.rxPn) {
                counters.rxReplayed++;
                return;
            }
            key.rxPn = d.pn();
            plain = d.mpdu();
        }
        DataFrames.Data data = DataFrames.parse(plain);
        if (fromStation) {
            ap.heard(a2);
        }
        if (data.ethertype() == EapolFrame.ETHERTYPE) {
            counters.rxEapol++;
            emit(new DriverEvent.EapolRx(data.src(), data.payload()));
            return;
        }
        boolean authorized = fromStation ? ap.authorized(a2) : keys.pairwise(a2) != null || !station.protectedBss();
        if (!authorized || (!wasProtected && keys.pairwise(a2) != null)) {
            counters.rxUnauthorized++;
            return;
        }
        counters.rxData++;
        for (DataListener l : dataListeners) {
            l.onData(data.src(), data.dst(), data.ethertype(), data.payload());
        }
    }

    void shutdown() {
        // as the kernel's netdev going away: the driver above is told first (EVENT_INTERFACE_STATUS)
        emit(new DriverEvent.InterfaceStatus(ifname, InterfaceChange.REMOVED));
        shutdown = true;
        station.shutdown();
        ap.stop();
        keys.clear();
    }

    List<DataListener> dataListeners() {
        return new ArrayList<>(dataListeners);
    }
}
