package wpa4j.hostapd.core;

import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.driver.types.Ssid;
import wpa4j.driver.types.StaAddParams;
import wpa4j.driver.types.Validate;

/**
 * The settings of hostapd.conf the AP core uses.
 *
 * @param ssid the SSID
 * @param channel 2.4 GHz channel 1..14
 * @param psk 32-octet PSK for WPA2-PSK, or null for an open network; never printed
 * @param hidden how the SSID is hidden in beacons (ignore_broadcast_ssid)
 * @param beaconInt beacon interval in TUs
 * @param dtimPeriod DTIM period
 * @param maxStations max_num_sta
 * @param groupRekeyMs wpa_group_rekey in ms, 0 for never
 * @param maxInactivityMs ap_max_inactivity in ms, 0 for never
 */
public record ApConfig(Ssid ssid, int channel, SecretKeyBytes psk, HiddenSsid hidden, int beaconInt, int dtimPeriod, int maxStations,
        long groupRekeyMs, long maxInactivityMs) {
    public ApConfig {
        Validate.nonNull("ssid", ssid);
        Validate.range("channel", channel, 1, 14);
        if (psk != null && psk.length() != 32) {
            throw new IllegalArgumentException("psk: length " + psk.length() + ", expected 32");
        }
        Validate.nonNull("hidden", hidden);
        Validate.range("beaconInt", beaconInt, 15, 65535);
        Validate.range("dtimPeriod", dtimPeriod, 1, 255);
        Validate.range("maxStations", maxStations, 1, StaAddParams.MAX_AID);
        Validate.range("groupRekeyMs", groupRekeyMs, 0, Long.MAX_VALUE);
        Validate.range("maxInactivityMs", maxInactivityMs, 0, Long.MAX_VALUE);
    }

    public int freq() {
        return channel == 14 ? 2484 : 2407 + 5 * channel;
    }

    public boolean isPsk() {
        return psk != null;
    }

    @Override
    public String toString() {
        return "ApConfig[ssid=" + ssid + ", channel=" + channel + ", security=" + (isPsk() ? "WPA2-PSK" : "open") + ", hidden=" + hidden
                + ", maxStations=" + maxStations + "]";
    }
}
