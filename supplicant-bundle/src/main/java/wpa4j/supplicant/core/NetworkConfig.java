package wpa4j.supplicant.core;

import java.util.List;
import java.util.Optional;

import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;
import wpa4j.driver.types.Validate;

/**
 * One enabled network of the station, as the core uses it (the validated, hashed form of a network block).
 *
 * @param id network id (wpa_cli's)
 * @param ssid the SSID
 * @param psk the 32-octet PSK (from the passphrase), or null for key_mgmt=NONE; never printed
 * @param scanSsid whether to probe for the SSID (hidden networks, scan_ssid=1)
 * @param priority higher is preferred: networks are selected by priority group first
 * @param scanFreqs frequencies to scan for this network (scan_freq), empty for all
 * @param bssid only this BSS (bssid=), or empty for any
 * @param idStr id_str, reported with CTRL-EVENT-CONNECTED
 */
public record NetworkConfig(int id, Ssid ssid, SecretKeyBytes psk, boolean scanSsid, int priority, List<Integer> scanFreqs,
        Optional<MacAddress> bssid, String idStr) {
    public NetworkConfig {
        Validate.nonNegative("id", id);
        Validate.nonNull("ssid", ssid);
        if (psk != null && psk.length() != 32) {
            throw new IllegalArgumentException("psk: length " + psk.length() + ", expected 32");
        }
        scanFreqs = Validate.list("scanFreqs", scanFreqs, 64);
        scanFreqs.forEach(f -> Validate.frequency("scanFreqs", f));
        Validate.nonNull("bssid", bssid);
        Validate.nonNull("idStr", idStr);
    }

    /** A network for any BSS of the SSID, without id_str. */
    public NetworkConfig(int id, Ssid ssid, SecretKeyBytes psk, boolean scanSsid, int priority, List<Integer> scanFreqs) {
        this(id, ssid, psk, scanSsid, priority, scanFreqs, Optional.empty(), "");
    }

    public boolean isPsk() {
        return psk != null;
    }

    public String keyMgmt() {
        return isPsk() ? "WPA2-PSK" : "NONE";
    }

    /** Whether {@code other} connects the same way (a change of priority alone does not end a link). */
    boolean sameLink(NetworkConfig other) {
        return other != null && id == other.id && ssid.equals(other.ssid) && bssid.equals(other.bssid) && isPsk() == other.isPsk()
                && (!isPsk() || psk.sameAs(other.psk));
    }

    /** Whether {@code other} would be scanned for and selected the same way (a rescan would find nothing new). */
    boolean sameSelection(NetworkConfig other) {
        return sameLink(other) && priority == other.priority && scanSsid == other.scanSsid && scanFreqs.equals(other.scanFreqs);
    }

    @Override
    public String toString() {
        return "NetworkConfig[id=" + id + ", ssid=" + ssid + ", key_mgmt=" + keyMgmt() + ", scan_ssid=" + scanSsid + ", priority=" + priority
                + ", scan_freq=" + scanFreqs + bssid.map(b -> ", bssid=" + b).orElse("") + "]";
    }
}
