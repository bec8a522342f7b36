package wpa4j.nl80211;

import java.util.List;

import wpa4j.common.frame.FrameControl;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.event.DriverEventSink;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.SignalInfo;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.ScanResults;
import wpa4j.nl80211.cmd.InterfaceRecord;
import wpa4j.nl80211.cmd.Nl80211Events;
import wpa4j.nl80211.cmd.NlAttrs;
import wpa4j.linux.netlink.NlAttr;
import wpa4j.nl80211.uapi.Uapi;

/**
 * The nl80211 notifications of one interface (mlme and scan multicast, frames of its registrations,
 * unicast control-port frames) as driver events, as driver_nl80211's event handlers make them; the
 * station's link follows association and deauthentication here.
 */
final class Nl80211EventDecoder {
    private static final System.Logger LOG = System.getLogger(Nl80211EventDecoder.class.getName());
    /** driver_nl80211's WPA_INVALID_NOISE: the kernel reports no noise floor for the channel. */
    static final int NOISE_UNKNOWN = 9999;
    private final InterfaceRecord iface;
    private final DriverEventSink sink;
    private final StationMlme station;
    private final java.util.function.BooleanSupplier ap;
    /** NL80211_CMD_UNPROT_BEACON notifications: the 2.0 API has no event for them, so they are only counted and logged. */
    private final java.util.concurrent.atomic.AtomicLong unprotectedBeacons = new java.util.concurrent.atomic.AtomicLong();

    /** {@code ap}: whether the interface is an AP now (received management frames are then the AP's). */
    Nl80211EventDecoder(InterfaceRecord iface, DriverEventSink sink, StationMlme station, java.util.function.BooleanSupplier ap) {
        this.iface = iface;
        this.sink = sink;
        this.station = station;
        this.ap = ap;
    }

    /** Beacons of our BSS the kernel reported as failing BIGTK verification (NL80211_CMD_UNPROT_BEACON). */
    long unprotectedBeacons() {
        return unprotectedBeacons.get();
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
                        ap.getAsBoolean()));
            } else if (n.cmd() == Uapi.NL80211_CMD_REMAIN_ON_CHANNEL) {
                sink.onEvent(new DriverEvent.RemainOnChannel(u32(a, Uapi.NL80211_ATTR_WIPHY_FREQ), u32(a, Uapi.NL80211_ATTR_DURATION)));
            } else if (n.cmd() == Uapi.NL80211_CMD_CANCEL_REMAIN_ON_CHANNEL) {
                sink.onEvent(new DriverEvent.CancelRemainOnChannel(u32(a, Uapi.NL80211_ATTR_WIPHY_FREQ), u32(a, Uapi.NL80211_ATTR_DURATION)));
            } else if (n.cmd() == Uapi.NL80211_CMD_NOTIFY_CQM) {
                List<NlAttr> cqm = NlAttr.find(a, Uapi.NL80211_ATTR_CQM).orElseThrow(() -> new wpa4j.common.codec.MalformedFrameException(0, "no CQM"))
                        .nested();
                if (NlAttr.find(cqm, Uapi.NL80211_ATTR_CQM_RSSI_THRESHOLD_EVENT).isPresent()) {
                    boolean high = u32(cqm, Uapi.NL80211_ATTR_CQM_RSSI_THRESHOLD_EVENT) == Uapi.NL80211_CQM_RSSI_THRESHOLD_EVENT_HIGH;
                    sink.onEvent(new DriverEvent.SignalChange(new SignalInfo(station.lastFreq(), high, u32(cqm, Uapi.NL80211_ATTR_CQM_RSSI_LEVEL), NOISE_UNKNOWN, 0)));
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
                    // a time-out names the peer; one without (the kernel always sends it; fuzzing did not) says nothing
                    if (peer != null) {
                        sink.onEvent(new DriverEvent.AuthTimedOut(peer));
                    }
                } else if (frame.isPresent()) {
                    sink.onEvent(FrameEvents.auth(frame.get().value()));
                }
            } else if (n.cmd() == Uapi.NL80211_CMD_ASSOCIATE) {
                if (timedOut) {
                    if (peer != null) {
                        sink.onEvent(new DriverEvent.AssocTimedOut(peer));
                    }
                } else if (frame.isPresent() && MgmtFrame.decode(frame.get().value()) instanceof MgmtFrame.AssocResponse r) {
                    if (r.statusCode() != 0) {
                        sink.onEvent(new DriverEvent.AssocReject(r.header().sa(), r.ies().encode(), r.statusCode()));
                    } else {
                        station.linkChanged(r.header().sa());
                        sink.onEvent(new DriverEvent.Assoc(new DriverEvent.AssocInfoData(r.header().sa(), r.isReassoc(), station.lastReqIes(), r.ies().encode(),
                                Bytes.EMPTY, station.lastFreq())));
                    }
                }
            } else if ((n.cmd() == Uapi.NL80211_CMD_DEAUTHENTICATE || n.cmd() == Uapi.NL80211_CMD_DISASSOCIATE) && frame.isPresent()) {
                // read raw: the AP's deauthentication under PMF arrives decrypted with its Protected bit still set
                DriverEvent left = FrameEvents.leave(frame.get().value(), iface.mac());
                station.linkChanged(null);
                if (left instanceof DriverEvent.Deauth d && d.locallyGenerated() && station.forcedDeauthFrom(d.addr())) {
                    return;
                }
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
        } catch (wpa4j.common.codec.MalformedFrameException | IllegalArgumentException e) {
            // a notification whose frame does not decode, or whose values no driver event can hold (a remain-on-channel
            // without a channel frequency: fuzzing found it), is dropped (the event socket counts malformed input)
        }
    }

    private static int u32(List<NlAttr> a, int type) {
        return NlAttr.find(a, type).map(x -> (int) NlAttrs.u32OrZero(x)).orElse(0);
    }
}
