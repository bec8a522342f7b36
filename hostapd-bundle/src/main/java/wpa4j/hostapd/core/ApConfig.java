package wpa4j.hostapd.core;

import wpa4j.common.crypto.SecretKeyBytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import wpa4j.driver.types.FreqParams;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.driver.types.HwModeType;
import wpa4j.driver.types.MacAddress;
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
 * @param macFilter which stations may authenticate (macaddr_acl)
 * @param stationPsks per-station PSKs (wpa_psk_file entries naming a station), used instead of {@code psk}
 * @param security AKMs, PMF and SAE; {@link ApSecurity#OPEN} for an open BSS
 * @param ptkRekeyMs wpa_ptk_rekey in ms: each station's PTK renewed with a new 4-way handshake this often, 0 for never
 */
public record ApConfig(Ssid ssid, int channel, SecretKeyBytes psk, HiddenSsid hidden, int beaconInt, int dtimPeriod, int maxStations,
        long groupRekeyMs, long maxInactivityMs, MacFilter macFilter, Map<MacAddress, SecretKeyBytes> stationPsks, ApSecurity security,
        long ptkRekeyMs) {
    public ApConfig {
        Validate.range("ptkRekeyMs", ptkRekeyMs, 0, Long.MAX_VALUE);
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
        Validate.nonNull("macFilter", macFilter);
        stationPsks = Map.copyOf(stationPsks);
        stationPsks.values().forEach(k -> {
            if (k.length() != 32) {
                throw new IllegalArgumentException("stationPsks: a PSK of length " + k.length() + ", expected 32");
            }
        });
        Validate.nonNull("security", security);
        boolean anyPsk = psk != null || !stationPsks.isEmpty();
        if (security.offersPsk() && !anyPsk) {
            throw new IllegalArgumentException("psk: missing, required by wpa_key_mgmt " + security.keyMgmtNames());
        }
        if (!security.isRsn() && anyPsk) {
            throw new IllegalArgumentException("psk: given for an open BSS");
        }
    }

    /** No PTK rekey (wpa_ptk_rekey=0, hostapd's default). */
    public ApConfig(Ssid ssid, int channel, SecretKeyBytes psk, HiddenSsid hidden, int beaconInt, int dtimPeriod, int maxStations,
            long groupRekeyMs, long maxInactivityMs, MacFilter macFilter, Map<MacAddress, SecretKeyBytes> stationPsks, ApSecurity security) {
        this(ssid, channel, psk, hidden, beaconInt, dtimPeriod, maxStations, groupRekeyMs, maxInactivityMs, macFilter, stationPsks, security, 0);
    }

    /** The same settings with wpa_ptk_rekey {@code ms}. */
    public ApConfig withPtkRekeyMs(long ms) {
        return new ApConfig(ssid, channel, psk, hidden, beaconInt, dtimPeriod, maxStations, groupRekeyMs, maxInactivityMs, macFilter, stationPsks,
                security, ms);
    }

    /** WPA2-PSK (or open without a PSK) with a MAC filter and per-station PSKs. */
    public ApConfig(Ssid ssid, int channel, SecretKeyBytes psk, HiddenSsid hidden, int beaconInt, int dtimPeriod, int maxStations,
            long groupRekeyMs, long maxInactivityMs, MacFilter macFilter, Map<MacAddress, SecretKeyBytes> stationPsks) {
        this(ssid, channel, psk, hidden, beaconInt, dtimPeriod, maxStations, groupRekeyMs, maxInactivityMs, macFilter, stationPsks,
                psk != null || !stationPsks.isEmpty() ? ApSecurity.WPA2_PSK : ApSecurity.OPEN);
    }

    /** Every station may join with the one PSK (WPA2-PSK), or none for an open network. */
    public ApConfig(Ssid ssid, int channel, SecretKeyBytes psk, HiddenSsid hidden, int beaconInt, int dtimPeriod, int maxStations,
            long groupRekeyMs, long maxInactivityMs) {
        this(ssid, channel, psk, hidden, beaconInt, dtimPeriod, maxStations, groupRekeyMs, maxInactivityMs, MacFilter.OPEN, Map.of());
    }

    /** The PSKs station {@code sta} may use, as hostapd tries them: its own from wpa_psk_file, then the BSS's; none for an open BSS. */
    public List<SecretKeyBytes> psksFor(MacAddress sta) {
        List<SecretKeyBytes> l = new ArrayList<>(2);
        if (stationPsks.containsKey(sta)) {
            l.add(stationPsks.get(sta));
        }
        if (psk != null) {
            l.add(psk);
        }
        return l;
    }

    public int freq() {
        return FreqParams.channelToFrequency(HwModeType.IEEE80211G, channel); // channel is 1..14 (compact constructor)
    }

    /** Whether the BSS uses RSN (any AKM), as opposed to an open BSS. */
    public boolean isRsn() {
        return security.isRsn();
    }

    @Override
    public String toString() {
        return "ApConfig[ssid=" + ssid + ", channel=" + channel + ", security=" + security.describe()
                + (security.isRsn() ? ", ieee80211w=" + security.ieee80211wValue() : "") + (security.beaconProt() ? ", beacon_prot=1" : "")
                + ", hidden=" + hidden + ", maxStations=" + maxStations + "]";
    }
}
