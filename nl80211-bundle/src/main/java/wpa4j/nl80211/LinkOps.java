package wpa4j.nl80211;

import static wpa4j.nl80211.NlOps.run;

import java.util.List;
import java.util.Map;
import java.util.Set;

import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.driver.DriverException;
import wpa4j.driver.OperationNotSupportedException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.PmkidEntry;
import wpa4j.driver.types.RekeyInfo;
import wpa4j.driver.types.ScanParams;
import wpa4j.driver.types.SendActionParams;
import wpa4j.driver.types.TxQueueParams;
import wpa4j.nl80211.cmd.InterfaceRecord;
import wpa4j.nl80211.cmd.LinkCommands;
import wpa4j.nl80211.cmd.Nl80211;
import wpa4j.nl80211.cmd.Nl80211Events;
import wpa4j.nl80211.cmd.OffChannel;
import wpa4j.nl80211.cmd.WiphyInfo;
import wpa4j.linux.netlink.NetlinkException;
import wpa4j.nl80211.uapi.Uapi;

/**
 * The ops around a link that are not connection or AP setup: PMKSA cache, rekey offload, CQM, scheduled
 * scan, WMM queues, remain-on-channel, action frames, probe request reports and client polls. Ops whose
 * nl80211 command the wiphy does not list in SUPPORTED_COMMANDS throw the named OperationNotSupportedException.
 */
final class LinkOps {
    /** The command an op needs in the wiphy's NL80211_ATTR_SUPPORTED_COMMANDS (cfg80211 lists only what the driver has). */
    static final Map<String, Integer> REQUIRED_COMMAND = Map.ofEntries(Map.entry("add_pmkid", Uapi.NL80211_CMD_SET_PMKSA),
            Map.entry("remove_pmkid", Uapi.NL80211_CMD_DEL_PMKSA), Map.entry("flush_pmkid", Uapi.NL80211_CMD_FLUSH_PMKSA),
            Map.entry("remain_on_channel", Uapi.NL80211_CMD_REMAIN_ON_CHANNEL), Map.entry("cancel_remain_on_channel", Uapi.NL80211_CMD_REMAIN_ON_CHANNEL),
            Map.entry("send_action", Uapi.NL80211_CMD_FRAME), Map.entry("send_action_cancel_wait", Uapi.NL80211_CMD_FRAME_WAIT_CANCEL),
            Map.entry("sched_scan", Uapi.NL80211_CMD_START_SCHED_SCAN), Map.entry("stop_sched_scan", Uapi.NL80211_CMD_START_SCHED_SCAN),
            Map.entry("poll_client", Uapi.NL80211_CMD_PROBE_CLIENT), Map.entry("authenticate", Uapi.NL80211_CMD_AUTHENTICATE),
            Map.entry("associate", Uapi.NL80211_CMD_ASSOCIATE), Map.entry("set_ap", Uapi.NL80211_CMD_START_AP));

    private final InterfaceRecord iface;
    private final Set<Integer> commands;
    private final OffChannel offChannel;
    private final LinkCommands link;
    private final java.util.function.Consumer<Nl80211Events.Notification> notifications;
    private volatile long rocCookie = -1;
    private volatile long actionCookie = -1;
    private final InterfaceSockets sockets;
    private boolean probeRequests;
    /**
     * The Action frames a station needs for itself, as driver_nl80211's nl80211_mgmt_subscribe_non_ap: SA Query
     * Responses (category 8, action 1) for the core's SA Query under PMF. Requests mac80211 answers itself.
     */
    static final List<Nl80211.FrameMatch> STATION_FRAMES = List.of(new Nl80211.FrameMatch(0x00d0, Bytes.of((byte) 8, (byte) 1)));

    LinkOps(Nl80211 nl, InterfaceSockets sockets, InterfaceRecord iface, WiphyInfo wiphy,
            java.util.function.Consumer<Nl80211Events.Notification> notifications) {
        this.sockets = sockets;
        this.iface = iface;
        this.commands = wiphy.commands();
        this.offChannel = new OffChannel(nl);
        this.link = new LinkCommands(nl);
        this.notifications = notifications;
    }

    /** Whether the wiphy has what {@code op} needs (ops without an entry need nothing special). */
    static boolean available(String op, WiphyInfo w) {
        Integer cmd = REQUIRED_COMMAND.get(op);
        return cmd == null || w.commands().contains(cmd);
    }

    private void require(String op) {
        Integer cmd = REQUIRED_COMMAND.get(op);
        if (cmd != null && !commands.contains(cmd)) {
            throw new OperationNotSupportedException(op, Nl80211Driver.NAME);
        }
    }

    void addPmkid(PmkidEntry e) throws DriverException {
        require("add_pmkid");
        run("add_pmkid", () -> link.pmksa(Uapi.NL80211_CMD_SET_PMKSA, iface.ifindex(), e.bssid(), e.pmkid()));
    }

    void removePmkid(PmkidEntry e) throws DriverException {
        require("remove_pmkid");
        run("remove_pmkid", () -> link.pmksa(Uapi.NL80211_CMD_DEL_PMKSA, iface.ifindex(), e.bssid(), e.pmkid()));
    }

    void flushPmkid() throws DriverException {
        require("flush_pmkid");
        run("flush_pmkid", () -> link.pmksa(Uapi.NL80211_CMD_FLUSH_PMKSA, iface.ifindex(), null, null));
    }

    /** The op has no error path in the API: a wiphy that cannot offload says so with EOPNOTSUPP, which becomes the named exception. */
    void setRekeyInfo(RekeyInfo info) {
        try {
            link.rekeyOffload(iface.ifindex(), info.kek(), info.kck(), info.replayCtr());
        } catch (NetlinkException e) {
            if (e.errno() == 95) {
                throw new OperationNotSupportedException("set_rekey_info", Nl80211Driver.NAME);
            }
            throw new IllegalStateException("set_rekey_info: " + e.getMessage(), e);
        }
    }

    void signalMonitor(int threshold, int hysteresis) throws DriverException {
        run("signal_monitor", () -> link.cqm(iface.ifindex(), threshold, hysteresis));
    }

    void schedScan(ScanParams p, int intervalMs) throws DriverException {
        require("sched_scan");
        run("sched_scan", () -> link.startSchedScan(iface.ifindex(), p.ssids(), p.freqs(), p.extraIes(), intervalMs));
    }

    void stopSchedScan() throws DriverException {
        require("stop_sched_scan");
        run("stop_sched_scan", () -> link.stopSchedScan(iface.ifindex()));
    }

    /** Only the legacy power-save part: opportunistic PS and CTWindow are P2P GO settings nl80211 carries in START_AP. */
    void setP2pPowersave(int legacyPs, int oppPs, int ctwindow) throws DriverException {
        if (oppPs != -1 || ctwindow != -1) {
            throw new DriverException("set_p2p_powersave", "opportunistic power save and CTWindow are not set by this version", 95, null);
        }
        if (legacyPs != -1) {
            run("set_p2p_powersave", () -> link.powerSave(iface.ifindex(), legacyPs != 0));
        }
    }

    void flush() throws DriverException {
        run("flush", () -> link.flushStations(iface.ifindex()));
    }

    /** As driver_nl80211: the burst time (0.1 ms) becomes a TXOP in 32 µs units. */
    void setTxQueueParams(TxQueueParams p) throws DriverException {
        run("set_tx_queue_params", () -> link.txQueue(iface.ifindex(), p.queue(), (p.burstTime() * 100 + 16) / 32, p.cwMin(), p.cwMax(), p.aifs()));
    }

    void remainOnChannel(int freq, int durationMs) throws DriverException {
        require("remain_on_channel");
        run("remain_on_channel", () -> rocCookie = offChannel.remainOnChannel(iface.ifindex(), freq, durationMs));
    }

    void cancelRemainOnChannel() throws DriverException {
        require("cancel_remain_on_channel");
        long cookie = rocCookie;
        if (cookie == -1) {
            throw new DriverException("cancel_remain_on_channel", "no remain-on-channel in progress", 2, null);
        }
        run("cancel_remain_on_channel", () -> offChannel.cancelRemainOnChannel(iface.ifindex(), cookie));
        rocCookie = -1;
    }

    void sendAction(SendActionParams p) throws DriverException {
        require("send_action");
        if (p.data().isEmpty()) {
            throw new DriverException("send_action", "an Action frame needs at least its category", 22, null);
        }
        MgmtHeader h = MgmtHeader.of(MgmtSubtype.ACTION, p.dst(), p.src(), p.bssid());
        var frame = new MgmtFrame.Action(h, p.data().u8(0), p.data().slice(1, p.data().length() - 1)).encode();
        run("send_action", () -> actionCookie = offChannel.sendAction(iface.ifindex(), p.freq(), p.waitMs(), frame, p.noCck()));
    }

    /** No error path in the API: nothing to cancel, or the wait already over, is fine. */
    void sendActionCancelWait() {
        long cookie = actionCookie;
        if (cookie != -1 && commands.contains(Uapi.NL80211_CMD_FRAME_WAIT_CANCEL)) {
            try {
                offChannel.cancelWait(iface.ifindex(), cookie);
            } catch (NetlinkException e) {
                // ENOENT when the wait has ended already
            }
            actionCookie = -1;
        }
    }

    /** Probe Requests come up (EVENT_RX_PROBE_REQ) through a socket registered for them while reporting is on. */
    synchronized void probeReqReport(boolean report) throws DriverException {
        if (report && !probeRequests) {
            try {
                sockets.listenFrames(InterfaceSockets.PROBE_REQUESTS, List.of(Nl80211.FrameMatch.all(0x0040)), true, notifications);
                probeRequests = true;
            } catch (NetlinkException e) {
                throw NlOps.failed("probe_req_report", e);
            }
        } else if (!report) {
            // also a registration a predecessor left in custody
            sockets.drop(InterfaceSockets.PROBE_REQUESTS);
            probeRequests = false;
        }
    }

    /**
     * Registers {@link #STATION_FRAMES} on a socket of its own (station interfaces only: an AP's registration of
     * every Action frame would clash, EALREADY). They arrive as NL80211_CMD_FRAME for the notification handler.
     */
    void subscribeStationFrames() throws NetlinkException {
        sockets.listenFrames(InterfaceSockets.STATION_FRAMES, STATION_FRAMES, false, notifications);
    }

    /** NL80211_CMD_PROBE_CLIENT; the API has no error path, so a refusal is thrown unchecked. */
    void pollClient(wpa4j.driver.types.MacAddress addr) {
        require("poll_client");
        try {
            link.probeClient(iface.ifindex(), addr);
        } catch (NetlinkException e) {
            throw new IllegalStateException("poll_client " + addr + ": " + e.getMessage(), e);
        }
    }
}
