package wpa4j.supplicant.core;

import java.util.List;

import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.driver.types.Ssid;
import wpa4j.driver.types.Validate;

/**
 * One network block of wpa_supplicant.conf.
 *
 * @param id network id
 * @param ssid the SSID
 * @param psk the 32-octet PSK (from the passphrase), or null for key_mgmt=NONE; never printed
 * @param scanSsid whether to probe for the SSID (hidden networks, scan_ssid=1)
 * @param priority higher is preferred
 * @param scanFreqs frequencies to scan for this network (scan_freq), empty for all
 */
public record NetworkConfig(int id, Ssid ssid, SecretKeyBytes psk, boolean scanSsid, int priority, List<Integer> scanFreqs) {
    public NetworkConfig {
        Validate.nonNegative("id", id);
        Validate.nonNull("ssid", ssid);
        if (psk != null && psk.length() != 32) {
            throw new IllegalArgumentException("psk: length " + psk.length() + ", expected 32");
        }
        scanFreqs = Validate.list("scanFreqs", scanFreqs, 64);
        scanFreqs.forEach(f -> Validate.frequency("scanFreqs", f));
    }

    public boolean isPsk() {
        return psk != null;
    }

    public String keyMgmt() {
        return isPsk() ? "WPA2-PSK" : "NONE";
    }

    @Override
    public String toString() {
        return "NetworkConfig[id=" + id + ", ssid=" + ssid + ", key_mgmt=" + keyMgmt() + ", scan_ssid=" + scanSsid + ", priority=" + priority
                + ", scan_freq=" + scanFreqs + "]";
    }
}
