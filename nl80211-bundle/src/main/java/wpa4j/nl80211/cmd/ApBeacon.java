package wpa4j.nl80211.cmd;

import java.util.List;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Ssid;

/**
 * What NL80211_CMD_START_AP carries: beacon head/tail templates, extra IEs, timing, SSID and its hiding
 * (NL80211_HIDDEN_SSID_*), the channel (0: the one set before), for RSN the suite selectors (AKMs in key
 * management order), and whether EAPOL goes over the nl80211 control port to the starting socket.
 */
public record ApBeacon(Bytes head, Bytes tail, Bytes beaconIes, Bytes probeRespIes, Bytes assocRespIes, int beaconInt, int dtimPeriod, Ssid ssid,
        int hiddenSsid, int freq, boolean rsn, long pairwise, long group, List<Long> akms, boolean controlPortOwner) {}
