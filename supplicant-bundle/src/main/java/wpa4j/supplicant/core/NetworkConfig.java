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
 * @param security the AKMs, secrets and management frame protection (never printed)
 * @param scanSsid whether to probe for the SSID (hidden networks, scan_ssid=1)
 * @param priority higher is preferred: networks are selected by priority group first
 * @param scanFreqs frequencies to scan for this network (scan_freq), empty for all
 * @param bssid only this BSS (bssid=), or empty for any
 * @param idStr id_str, reported with CTRL-EVENT-CONNECTED
 * @param ptkRekeyMs wpa_ptk_rekey in ms: ask the AP for a new PTK this long after each 4-way handshake, 0 for never
 */
public record NetworkConfig(int id, Ssid ssid, NetworkSecurity security, boolean scanSsid, int priority, List<Integer> scanFreqs,
        Optional<MacAddress> bssid, String idStr, long ptkRekeyMs) {
    public NetworkConfig {
        Validate.range("ptkRekeyMs", ptkRekeyMs, 0, Long.MAX_VALUE);
        Validate.nonNegative("id", id);
        Validate.nonNull("ssid", ssid);
        Validate.nonNull("security", security);
        scanFreqs = Validate.list("scanFreqs", scanFreqs, 64);
        scanFreqs.forEach(f -> Validate.frequency("scanFreqs", f));
        Validate.nonNull("bssid", bssid);
        Validate.nonNull("idStr", idStr);
    }

    /** Without PTK rekeying (wpa_ptk_rekey=0, wpa_supplicant's default). */
    public NetworkConfig(int id, Ssid ssid, NetworkSecurity security, boolean scanSsid, int priority, List<Integer> scanFreqs,
            Optional<MacAddress> bssid, String idStr) {
        this(id, ssid, security, scanSsid, priority, scanFreqs, bssid, idStr, 0);
    }

    /** The same network with wpa_ptk_rekey {@code ms}. */
    public NetworkConfig withPtkRekeyMs(long ms) {
        return new NetworkConfig(id, ssid, security, scanSsid, priority, scanFreqs, bssid, idStr, ms);
    }

    /** A WPA2-PSK network (open when {@code psk} is null) for any BSS of the SSID, without id_str. */
    public NetworkConfig(int id, Ssid ssid, SecretKeyBytes psk, boolean scanSsid, int priority, List<Integer> scanFreqs) {
        this(id, ssid, psk, scanSsid, priority, scanFreqs, Optional.empty(), "");
    }

    /** A WPA2-PSK network (open when {@code psk} is null). */
    public NetworkConfig(int id, Ssid ssid, SecretKeyBytes psk, boolean scanSsid, int priority, List<Integer> scanFreqs,
            Optional<MacAddress> bssid, String idStr) {
        this(id, ssid, psk == null ? NetworkSecurity.OPEN : NetworkSecurity.wpa2Psk(psk), scanSsid, priority, scanFreqs, bssid, idStr);
    }

    /** Whether the network uses RSN (any AKM); false for an open network. */
    public boolean isRsn() {
        return !security.isOpen();
    }

    public String keyMgmt() {
        return security.keyMgmtNames();
    }

    /** Whether {@code other} connects the same way (a change of priority alone does not end a link). */
    boolean sameLink(NetworkConfig other) {
        return other != null && id == other.id && ssid.equals(other.ssid) && bssid.equals(other.bssid) && security.sameAs(other.security);
    }

    /** Whether {@code other} would be scanned for and selected the same way (a rescan would find nothing new). */
    boolean sameSelection(NetworkConfig other) {
        return sameLink(other) && priority == other.priority && scanSsid == other.scanSsid && scanFreqs.equals(other.scanFreqs);
    }

    @Override
    public String toString() {
        return "NetworkConfig[id=" + id + ", ssid=" + ssid + ", " + security + ", scan_ssid=" + scanSsid + ", priority=" + priority
                + ", scan_freq=" + scanFreqs + bssid.map(b -> ", bssid=" + b).orElse("") + (ptkRekeyMs > 0 ? ", wpa_ptk_rekey=" + ptkRekeyMs / 1000 : "") + "]";
    }
}
