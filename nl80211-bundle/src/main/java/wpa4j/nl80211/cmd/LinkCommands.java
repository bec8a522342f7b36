package wpa4j.nl80211.cmd;

import java.util.List;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;
import wpa4j.linux.netlink.NetlinkException;
import wpa4j.linux.netlink.NlWriter;
import wpa4j.nl80211.uapi.Uapi;

/**
 * The link-keeping commands around a connection: PMKSA cache entries, GTK rekey offload, signal (CQM)
 * monitoring, client probing, scheduled scans and the WMM TX queue parameters.
 */
public final class LinkCommands {
    private final Nl80211 nl;

    public LinkCommands(Nl80211 nl) {
        this.nl = nl;
    }

    /** NL80211_CMD_SET_PMKSA / DEL_PMKSA (MAC, PMKID); FLUSH_PMKSA when {@code bssid} is null. */
    public void pmksa(int cmd, int ifindex, MacAddress bssid, Bytes pmkid) throws NetlinkException {
        NlWriter w = NlWriter.genl(cmd, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex);
        if (bssid != null) {
            w.attr(Uapi.NL80211_ATTR_MAC, bssid.octets()).attr(Uapi.NL80211_ATTR_PMKID, pmkid);
        }
        nl.request(w, 0, "NL80211 PMKSA command " + cmd);
    }

    /** NL80211_CMD_SET_REKEY_OFFLOAD: KEK, KCK and replay counter for the device's own GTK rekeying. */
    public void rekeyOffload(int ifindex, Bytes kek, Bytes kck, Bytes replayCtr) throws NetlinkException {
        nl.request(NlWriter.genl(Uapi.NL80211_CMD_SET_REKEY_OFFLOAD, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex).nestStart(Uapi.NL80211_ATTR_REKEY_DATA)
                .attr(Uapi.NL80211_REKEY_DATA_KEK, kek).attr(Uapi.NL80211_REKEY_DATA_KCK, kck).attr(Uapi.NL80211_REKEY_DATA_REPLAY_CTR, replayCtr)
                .nestEnd(), 0, "NL80211_CMD_SET_REKEY_OFFLOAD");
    }

    /** NL80211_CMD_SET_CQM: NOTIFY_CQM when the RSSI crosses {@code threshold} dBm (± {@code hysteresis}); 0 turns it off. */
    public void cqm(int ifindex, int threshold, int hysteresis) throws NetlinkException {
        nl.request(NlWriter.genl(Uapi.NL80211_CMD_SET_CQM, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex).nestStart(Uapi.NL80211_ATTR_CQM)
                .u32(Uapi.NL80211_ATTR_CQM_RSSI_THOLD, threshold).u32(Uapi.NL80211_ATTR_CQM_RSSI_HYST, hysteresis).nestEnd(), 0, "NL80211_CMD_SET_CQM");
    }

    /** NL80211_CMD_PROBE_CLIENT: a null data frame to {@code sta}; the ACK comes as a PROBE_CLIENT notification. */
    public long probeClient(int ifindex, MacAddress sta) throws NetlinkException {
        return OffChannel.cookie(nl.request(NlWriter.genl(Uapi.NL80211_CMD_PROBE_CLIENT, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex)
                .attr(Uapi.NL80211_ATTR_MAC, sta.octets()), 0, "NL80211_CMD_PROBE_CLIENT"), "NL80211_CMD_PROBE_CLIENT");
    }

    /** NL80211_CMD_START_SCHED_SCAN: SSIDs, frequencies, extra IEs, interval in ms. */
    public void startSchedScan(int ifindex, List<Ssid> ssids, List<Integer> freqs, Bytes ies, int intervalMs) throws NetlinkException {
        NlWriter w = NlWriter.genl(Uapi.NL80211_CMD_START_SCHED_SCAN, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex)
                .u32(Uapi.NL80211_ATTR_SCHED_SCAN_INTERVAL, intervalMs);
        Nl80211.scanTargets(w, ssids, freqs, ies);
        nl.request(w, 0, "NL80211_CMD_START_SCHED_SCAN");
    }

    public void stopSchedScan(int ifindex) throws NetlinkException {
        nl.request(NlWriter.genl(Uapi.NL80211_CMD_STOP_SCHED_SCAN, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex), 0, "NL80211_CMD_STOP_SCHED_SCAN");
    }

    /** NL80211_CMD_SET_POWER_SAVE: legacy (802.11 PS-Poll/U-APSD) power save on or off. */
    public void powerSave(int ifindex, boolean enabled) throws NetlinkException {
        nl.request(NlWriter.genl(Uapi.NL80211_CMD_SET_POWER_SAVE, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex)
                .u32(Uapi.NL80211_ATTR_PS_STATE, enabled ? Uapi.NL80211_PS_ENABLED : Uapi.NL80211_PS_DISABLED), 0, "NL80211_CMD_SET_POWER_SAVE");
    }

    /** NL80211_CMD_DEL_STATION without a MAC: every station of the AP interface. */
    public void flushStations(int ifindex) throws NetlinkException {
        nl.request(NlWriter.genl(Uapi.NL80211_CMD_DEL_STATION, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex), 0, "NL80211_CMD_DEL_STATION (all)");
    }

    /** NL80211_CMD_SET_WIPHY WIPHY_TXQ_PARAMS for one access category (0 VO, 1 VI, 2 BE, 3 BK); TXOP in 32 µs units. */
    public void txQueue(int ifindex, int ac, int txop, int cwMin, int cwMax, int aifs) throws NetlinkException {
        nl.request(NlWriter.genl(Uapi.NL80211_CMD_SET_WIPHY, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex).nestStart(Uapi.NL80211_ATTR_WIPHY_TXQ_PARAMS)
                .nestStart(1).u8(Uapi.NL80211_TXQ_ATTR_AC, ac).u16(Uapi.NL80211_TXQ_ATTR_TXOP, txop).u16(Uapi.NL80211_TXQ_ATTR_CWMIN, cwMin)
                .u16(Uapi.NL80211_TXQ_ATTR_CWMAX, cwMax).u8(Uapi.NL80211_TXQ_ATTR_AIFS, aifs).nestEnd().nestEnd(), 0, "NL80211_CMD_SET_WIPHY txq");
    }
}
