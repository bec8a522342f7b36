package wpa4j.nl80211;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import wpa4j.common.frame.LeaveFrames;
import wpa4j.driver.DriverException;
import wpa4j.driver.types.ApParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.FreqParams;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.StaAddParams;
import wpa4j.driver.types.StaDriverData;
import wpa4j.driver.types.StaFlag;
import wpa4j.nl80211.cmd.ApBeacon;
import wpa4j.nl80211.cmd.InterfaceRecord;
import wpa4j.nl80211.cmd.Nl80211;
import wpa4j.nl80211.cmd.StationRecord;
import wpa4j.nl80211.uapi.Uapi;

import static wpa4j.nl80211.NlOps.run;

/**
 * The AP side of one interface opened with hapd_init, as driver_nl80211 serves hostapd on a SoftMAC
 * (AP_MLME) wiphy: the core is the MLME, so management frames come up through a registered socket and go
 * down with NL80211_CMD_FRAME; mac80211 keeps the station table, keys and beaconing.
 */
final class ApOps {
    /**
     * What hostapd registers for in AP mode, every frame of each type: (re)assoc req, auth (any algorithm: Open
     * System and SAE alike), disassoc, deauth, action (SA Query included); Probe Requests on a socket of their own.
     */
    static final List<Nl80211.FrameMatch> AP_FRAMES = Stream.of(0x0000, 0x0020, 0x00b0, 0x00a0, 0x00c0, 0x00d0).map(Nl80211.FrameMatch::all)
            .toList();
    static final List<Nl80211.FrameMatch> AP_PROBES = List.of(Nl80211.FrameMatch.all(0x0040));
    /** The AKMs an RSN BSS can be started with: what the AP core negotiates (PSK, PSK-SHA256, SAE; with PMF where it asks for it). */
    static final Set<KeyMgmt> AP_AKMS = EnumSet.of(KeyMgmt.PSK, KeyMgmt.PSK_SHA256, KeyMgmt.SAE);

    private final Nl80211 nl;
    private final InterfaceRecord iface;
    private final boolean controlPort;
    private volatile int freq;
    private volatile boolean beaconing;

    /** {@code runningFreq}: the channel of a BSS another instance left beaconing (a live swap), 0 for none. */
    ApOps(Nl80211 nl, InterfaceRecord iface, boolean controlPort, int runningFreq) {
        this.nl = nl;
        this.controlPort = controlPort;
        this.iface = iface;
        this.freq = runningFreq;
        this.beaconing = runningFreq != 0;
    }

    /** Whether the BSS beacons (started here or adopted). */
    boolean beaconing() {
        return beaconing;
    }

    /** NL80211_CMD_SET_WIPHY with the channel; before the BSS starts it also becomes START_AP's channel. */
    void setFreq(FreqParams f) throws DriverException {
        if (f.htEnabled()) {
            throw new DriverException("set_freq", "HT channels are not configured by this version (20 MHz, no HT only)", 95, null);
        }
        freq = f.freq();
        if (beaconing) {
            run("set_freq", () -> nl.setWiphy(iface.ifindex(), f.freq(), null, null));
        }
    }

    /** START_AP the first time, SET_BEACON for updates of the templates. */
    void setAp(ApParams p) throws DriverException {
        if (!beaconing && freq == 0) {
            // a core re-syncing expects a BSS this interface does not have (its owner socket took it down)
            throw new DriverException("set_ap", "no BSS to update and no channel to start one on: set_freq first", 22, null);
        }
        boolean rsn = p.wpaVersion().contains(wpa4j.driver.types.Proto.RSN);
        if (rsn && (p.pairwiseCiphers().size() != 1 || p.keyMgmtSuites().isEmpty() || !AP_AKMS.containsAll(p.keyMgmtSuites()))) {
            throw new DriverException("set_ap", "this version starts RSN BSSs with one pairwise cipher and key management among " + AP_AKMS
                    + ", not " + p.pairwiseCiphers() + " / " + p.keyMgmtSuites(), 95, null);
        }
        int hidden = switch (p.hideSsid()) {
            case NO_SSID_HIDING -> Uapi.NL80211_HIDDEN_SSID_NOT_IN_USE;
            case ZERO_LEN -> Uapi.NL80211_HIDDEN_SSID_ZERO_LEN;
            case ZERO_CONTENTS -> Uapi.NL80211_HIDDEN_SSID_ZERO_CONTENTS;
        };
        long pairwise = rsn ? Suites.cipher(p.pairwiseCiphers().iterator().next()) : 0;
        ApBeacon b = new ApBeacon(p.head(), p.tail(), p.beaconIes(), p.proberespIes(), p.assocrespIes(), p.beaconInt(), p.dtimPeriod(), p.ssid(),
                hidden, freq, rsn, pairwise, rsn ? Suites.cipher(p.groupCipher()) : 0, rsn ? akms(p.keyMgmtSuites()) : List.of(), controlPort);
        run("set_ap", () -> nl.startAp(iface.ifindex(), b, beaconing));
        beaconing = true;
    }

    /** The AKM selectors of the BSS in key management order (EnumSet), e.g. PSK then SAE in transition mode. */
    static List<Long> akms(Set<KeyMgmt> suites) {
        return EnumSet.copyOf(suites).stream().map(k -> Suites.akm(k).orElseThrow()).toList();
    }

    void deinitAp() throws DriverException {
        if (!beaconing) {
            return;
        }
        run("deinit_ap", () -> nl.stopAp(iface.ifindex()));
        beaconing = false;
    }

    void sendMlme(Bytes frame, boolean noAck) throws DriverException {
        run("send_mlme", () -> nl.sendFrame(iface.ifindex(), frame, noAck));
    }

    /** driver_nl80211 sends these as frames itself on an AP_MLME wiphy. */
    void staDeauth(MacAddress own, MacAddress sta, int reason) throws DriverException {
        sendMlme(LeaveFrames.deauth(own, sta, reason), false);
    }

    void staDisassoc(MacAddress own, MacAddress sta, int reason) throws DriverException {
        sendMlme(LeaveFrames.disassoc(own, sta, reason), false);
    }

    /** NL80211_CMD_NEW_STATION (or SET_STATION when {@code set}): added as authenticated and associated. */
    void staAdd(StaAddParams p) throws DriverException {
        long flags = flagBits(p.flags());
        if (p.set()) {
            run("sta_add", () -> nl.setStationFlags(iface.ifindex(), p.addr(), flagBits(EnumSet.allOf(StaFlag.class)), flags));
            return;
        }
        byte[] rates = new byte[p.suppRates().size()];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = (byte) (int) p.suppRates().get(i);
        }
        run("sta_add", () -> nl.newStation(iface.ifindex(), p.addr(), p.aid(), p.listenInterval(), rates, p.capability(), flags, flags));
    }

    void staRemove(MacAddress sta) throws DriverException {
        run("sta_remove", () -> nl.delStation(iface.ifindex(), sta));
    }

    /** As driver_nl80211: the mask is every flag that is set or cleared, the value the ones set. */
    void staSetFlags(MacAddress sta, Set<StaFlag> flagsOr, Set<StaFlag> flagsAnd) throws DriverException {
        Set<StaFlag> cleared = EnumSet.complementOf(flagsAnd.isEmpty() ? EnumSet.noneOf(StaFlag.class) : EnumSet.copyOf(flagsAnd));
        long set = flagBits(flagsOr);
        run("sta_set_flags", () -> nl.setStationFlags(iface.ifindex(), sta, set | flagBits(cleared), set));
    }

    /** NL80211_STA_FLAG_* bits; MFP makes mac80211 protect robust management frames to the station and drop unprotected ones from it. */
    static long flagBits(Set<StaFlag> flags) {
        long bits = 0;
        for (StaFlag f : flags) {
            bits |= switch (f) {
                case AUTHORIZED -> 1L << Uapi.NL80211_STA_FLAG_AUTHORIZED;
                case WMM -> 1L << Uapi.NL80211_STA_FLAG_WME;
                case SHORT_PREAMBLE -> 1L << Uapi.NL80211_STA_FLAG_SHORT_PREAMBLE;
                case MFP -> 1L << Uapi.NL80211_STA_FLAG_MFP;
                case TDLS_PEER -> 0L;
            };
        }
        return bits;
    }

    StationRecord station(String op, MacAddress sta) throws DriverException {
        return NlOps.get(op, () -> nl.station(iface.ifindex(), sta));
    }

    StaDriverData readStaData(MacAddress sta) throws DriverException {
        StationRecord s = station("read_sta_data", sta);
        return new StaDriverData(s.rxPackets(), s.txPackets(), s.rxBytes(), s.txBytes(), s.txBitrate(), s.inactiveMs(), Set.of(), 0, s.txFailed(),
                s.txRetries(), s.signal(), 0);
    }

    /** NL80211_CMD_GET_KEY (also for the IGTK at 4/5 and the BIGTK at 6/7, whose IPN/BIPN then fills the first 6 octets). */
    Bytes getSeqnum(MacAddress addr, int idx) throws DriverException {
        return rsc(NlOps.get("get_seqnum", () -> nl.keySeq(iface.ifindex(), addr == null || addr.isMulticast() ? null : addr, idx)));
    }

    /** The kernel's counter (6 octets for CCMP/TKIP/BIP) padded to the 8 octets of an EAPOL-Key RSC, as hostapd's buffer. */
    static Bytes rsc(Bytes seq) {
        byte[] rsc = new byte[8];
        System.arraycopy(seq.toArray(), 0, rsc, 0, Math.min(8, seq.length()));
        return Bytes.of(rsc);
    }

    int freq() {
        return freq;
    }
}
