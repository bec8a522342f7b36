package wpa4j.nl80211.cmd;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;

/**
 * What NL80211_CMD_AUTHENTICATE carries: the BSS, the NL80211_AUTHTYPE_*, the station's extra elements and,
 * for SAE, one message's fields (transaction sequence number, status, then the SAE body).
 */
public record Authentication(MacAddress bssid, int freq, Ssid ssid, int authType, Bytes ies, Bytes saeData) {
}
