package wpa4j.sim.medium;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import wpa4j.runtime.eloop.EventLoop;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.frame.FrameControl;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.driver.DriverException;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.ApParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.StaAddParams;
import wpa4j.driver.types.StaDriverData;
import wpa4j.driver.types.StaFlag;
import wpa4j.driver.types.Ssid;

/**
 * The AP side of a radio, as mac80211 does it for hostapd with user-space MLME: beacons from the set_ap
 * template (TIM inserted, TSF stamped, a BIP MME added once there is a default beacon key), management
 * frames up to user space, frames down with TX status, and the station table hostapd fills with sta_add and
 * sta_set_flags (MFP there turns on 802.11w for it). With a Probe Response template in set_ap it answers Probe
 * Requests itself, as a driver with probe response offload does: on the air, within a scanner's dwell time, however
 * busy hostapd is.
 */
final class ApBss {
    private final Radio radio;
    private final Map<MacAddress, Sta> stations = new LinkedHashMap<>();
    /** Volatile: sta_add reads it on the caller's thread, to refuse at once when there is no BSS. */
    private volatile ApParams params;
    private EventLoop.Timer beaconTimer;
    private int dtimCount;

    /** A station entry. */
    private static final class Sta {
        StaAddParams params;
        final EnumSet<StaFlag> flags = EnumSet.noneOf(StaFlag.class);
        long lastHeardNanos = System.nanoTime();
        long rxPackets;
    }

    ApBss(Radio radio) {
        this.radio = radio;
    }

    boolean active() {
        return params != null;
    }

    Void start(ApParams p) {
        boolean first = params == null;
        params = p;
        radio.medium.bss(radio, true);
        if (first) {
            dtimCount = 0;
            beacon();
        }
        return null;
    }

    Void stop() {
        if (beaconTimer != null) {
            beaconTimer.cancel();
        }
        params = null;
        radio.medium.bss(radio, false);
        stations.clear();
        return null;
    }

    private void beacon() {
        if (params == null) {
            return;
        }
        byte[] head = params.head().toArray();
        long tsf = radio.medium.tsf();
        for (int i = 0; i < 8; i++) {
            head[24 + i] = (byte) (tsf >>> (8 * i));
        }
        radio.stampSeq(head);
        byte[] tim = {5, 4, (byte) dtimCount, (byte) params.dtimPeriod(), 0, 0};
        dtimCount = dtimCount == 0 ? params.dtimPeriod() - 1 : dtimCount - 1;
        byte[] tail = params.tail().toArray();
        byte[] frame = new byte[head.length + tim.length + tail.length];
        System.arraycopy(head, 0, frame, 0, head.length);
        System.arraycopy(tim, 0, frame, head.length, tim.length);
        System.arraycopy(tail, 0, frame, head.length + tim.length, tail.length);
        radio.transmit(radio.protectBeacon(frame), radio.freq, MacAddress.BROADCAST, null);
        beaconTimer = radio.medium.air().schedule(Math.max(1, params.beaconInt() * 1024L / 1000), this::beacon);
    }

    /**
     * Management frames for this BSS go to hostapd as EVENT_RX_MGMT, bodies untouched (SAE too); decrypted
     * ones keep the Protected bit, as mac80211 reports them.
     */
    void onMgmt(byte[] frame, int onFreq, int rssi) {
        MgmtSubtype subtype = RobustFrames.subtype(frame);
        if (subtype != MgmtSubtype.PROBE_REQ && !RobustFrames.bssid(frame).equals(radio.mac())) {
            return;
        }
        if (subtype == MgmtSubtype.BEACON || subtype == MgmtSubtype.PROBE_RESP) {
            return;
        }
        if (subtype == MgmtSubtype.PROBE_REQ && !params.proberesp().isEmpty()) {
            answerProbe(frame);
            return;
        }
        heard(RobustFrames.sa(frame));
        radio.emit(new DriverEvent.RxMgmt(Bytes.of(frame), 0, onFreq, rssi));
    }

    /** Answers a Probe Request for the wildcard SSID (unless the SSID is hidden) or for ours with the template. */
    private void answerProbe(byte[] frame) {
        Ssid asked;
        try {
            asked = ((MgmtFrame.ProbeRequest) MgmtFrame.decode(Bytes.of(frame))).ies().ssid().orElse(Ssid.WILDCARD);
        } catch (MalformedFrameException | ClassCastException e) {
            radio.counters.rxMalformed++;
            return;
        }
        if (!params.hideSsid().answersProbe(asked, params.ssid())) {
            return;
        }
        byte[] resp = params.proberesp().toArray();
        if (resp.length < 24) {
            return;
        }
        System.arraycopy(frame, 10, resp, 4, 6);
        radio.sendMgmt(resp, radio.freq, null);
    }

    /** What send_mlme refuses before a frame is queued: one too short for a management header. */
    static void checkMlme(Bytes frame) throws DriverException {
        if (frame.length() < 24) {
            throw new DriverException("send_mlme", "frame of " + frame.length() + " octets has no header", 22, null);
        }
    }

    /** Sends hostapd's frame with a sequence number, protected where 802.11w applies; TX status reports the frame as given. */
    Void sendMlme(Bytes frame, boolean noAck) {
        byte[] raw = frame.toArray();
        MacAddress da = MacAddress.of(raw, 4);
        FrameControl fc = FrameControl.peek(raw);
        radio.sendMgmt(raw, radio.freq, noAck ? null
                : ack -> radio.emit(new DriverEvent.TxStatus(fc.type(), fc.subtype(), da, frame, ack)));
        return null;
    }

    /** Refuses a station op while no BSS runs, as the kernel refuses one on an interface that is not an AP. */
    void requireActive(String op) throws DriverException {
        if (params == null) {
            throw new DriverException(op, "not an AP", 95, null);
        }
    }

    /** As mac80211: NEW_STATION refuses an entry that exists (EEXIST), SET_STATION ({@code set}) one that does not (ENOENT). */
    Void staAdd(StaAddParams p) throws DriverException {
        requireActive("sta_add");
        Sta s = stations.get(p.addr());
        if (s == null && p.set()) {
            throw new DriverException("sta_add", "no station " + p.addr() + " to update", 2, null);
        } else if (s == null) {
            s = new Sta();
            stations.put(p.addr(), s);
        } else if (!p.set()) {
            throw new DriverException("sta_add", "station " + p.addr() + " exists", 17, null);
        }
        s.params = p;
        s.flags.addAll(p.flags());
        return null;
    }

    Void staRemove(MacAddress addr) {
        stations.remove(addr);
        radio.keys.removePeer(addr);
        return null;
    }

    Void staSetFlags(MacAddress addr, Set<StaFlag> flagsOr, Set<StaFlag> flagsAnd) throws DriverException {
        Sta s = stations.get(addr);
        if (s == null) {
            throw new DriverException("sta_set_flags", "no station " + addr, 2, null);
        }
        s.flags.retainAll(flagsAnd);
        s.flags.addAll(flagsOr);
        return null;
    }

    StaDriverData staData(MacAddress addr) throws DriverException {
        Sta s = stations.get(addr);
        if (s == null) {
            throw new DriverException("read_sta_data", "no station " + addr, 2, null);
        }
        long inactive = (System.nanoTime() - s.lastHeardNanos) / 1_000_000;
        return new StaDriverData(s.rxPackets, 0, 0, 0, 540, inactive, s.flags, 0, 0, 0, -40, -40);
    }

    List<MacAddress> stationAddresses() {
        return new ArrayList<>(stations.keySet());
    }

    boolean knows(MacAddress addr) {
        return stations.containsKey(addr);
    }

    /** Whether hostapd marked {@code addr} as an MFP station (sta_add or sta_set_flags). */
    boolean mfp(MacAddress addr) {
        Sta s = stations.get(addr);
        return s != null && s.flags.contains(StaFlag.MFP);
    }

    boolean authorized(MacAddress addr) {
        Sta s = stations.get(addr);
        return s != null && s.flags.contains(StaFlag.AUTHORIZED);
    }

    void heard(MacAddress addr) {
        Sta s = stations.get(addr);
        if (s != null) {
            s.lastHeardNanos = System.nanoTime();
            s.rxPackets++;
        }
    }
}
