package wpa4j.nl80211.cmd;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;

/**
 * What NL80211_CMD_ASSOCIATE carries: the BSS, the station's RSN element with the suite selectors it chose
 * (none for an open network; {@code akm} {@link #NO_AKM} for a key management without one), whether management
 * frame protection is used (NL80211_ATTR_USE_MFP), and whether EAPOL goes over the nl80211 control port to the
 * associating socket.
 */
public record Association(MacAddress bssid, int freq, Ssid ssid, Bytes rsnIe, long pairwise, long group, long akm, boolean mfp,
        boolean controlPortOwner) {
    public static final long NO_AKM = 0;
}
