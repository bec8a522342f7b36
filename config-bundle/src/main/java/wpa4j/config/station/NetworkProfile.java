package wpa4j.config.station;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import wpa4j.config.PskSetting;
import wpa4j.config.SecretText;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;

/**
 * One network, complete and validated: what the station core runs. Defaults are already applied
 * ({@code ieee80211w} from the global {@code pmf}); secrets print masked.
 *
 * @param id          the network id (0, 1, ... in file order, as wpa_supplicant assigns)
 * @param ssid        1..32 octets
 * @param psk         the passphrase or raw PSK, when set
 * @param saePassword the SAE password, when set
 * @param keyMgmt     the allowed suites, not empty
 * @param scanSsid    probe for this SSID (hidden network)
 * @param priority    selection priority, higher first
 * @param bssid       join only this BSSID, when set
 * @param disabled    not selected automatically
 * @param idStr       the operator's name for the network ({@code id_str}), "" when unset
 * @param proto       the allowed protocols (wpa4j uses RSN)
 * @param pairwise    the allowed pairwise ciphers (wpa4j uses CCMP)
 * @param group       the allowed group ciphers (wpa4j uses CCMP)
 * @param ieee80211w  management frame protection: 0 disabled, 1 optional, 2 required
 * @param scanFreq    the frequencies (MHz) to scan for this network, empty for all
 * @param freqList    the frequencies (MHz) this network may use, empty for all
 * @param beaconProt  {@code beacon_prot=1}: use beacon protection (install the AP's BIGTK, IEEE 802.11-2020 12.7.2) when
 *                    PMF is in use and the driver verifies protected Beacons; otherwise it changes nothing
 * @param wpaPtkRekey {@code wpa_ptk_rekey}: seconds after each 4-way handshake to ask the AP for a new PTK, 0 for never
 */
public record NetworkProfile(int id, Ssid ssid, Optional<PskSetting> psk, Optional<SecretText> saePassword,
        Set<KeyMgmt> keyMgmt, boolean scanSsid, int priority, Optional<MacAddress> bssid, boolean disabled,
        String idStr, Set<String> proto, Set<String> pairwise, Set<String> group, int ieee80211w,
        List<Integer> scanFreq, List<Integer> freqList, boolean beaconProt, int wpaPtkRekey) {

    public NetworkProfile {
        if (wpaPtkRekey < 0) {
            throw new IllegalArgumentException("wpaPtkRekey: " + wpaPtkRekey + " is negative");
        }
        Objects.requireNonNull(ssid, "ssid");
        Objects.requireNonNull(psk, "psk");
        Objects.requireNonNull(saePassword, "saePassword");
        Objects.requireNonNull(bssid, "bssid");
        Objects.requireNonNull(idStr, "idStr");
        if (keyMgmt.isEmpty()) {
            throw new IllegalArgumentException("keyMgmt: empty");
        }
        if (ieee80211w < 0 || ieee80211w > 2) {
            throw new IllegalArgumentException("ieee80211w: " + ieee80211w + " out of range 0..2");
        }
        keyMgmt = Collections.unmodifiableSet(EnumSet.copyOf(keyMgmt));
        proto = ordered(proto);
        pairwise = ordered(pairwise);
        group = ordered(group);
        scanFreq = List.copyOf(scanFreq);
        freqList = List.copyOf(freqList);
    }

    /** A network without PTK rekeying ({@code wpa_ptk_rekey=0}, the default); the form of version 1.2. */
    public NetworkProfile(int id, Ssid ssid, Optional<PskSetting> psk, Optional<SecretText> saePassword,
            Set<KeyMgmt> keyMgmt, boolean scanSsid, int priority, Optional<MacAddress> bssid, boolean disabled,
            String idStr, Set<String> proto, Set<String> pairwise, Set<String> group, int ieee80211w,
            List<Integer> scanFreq, List<Integer> freqList, boolean beaconProt) {
        this(id, ssid, psk, saePassword, keyMgmt, scanSsid, priority, bssid, disabled, idStr, proto, pairwise, group, ieee80211w,
                scanFreq, freqList, beaconProt, 0);
    }

    /** A network without beacon protection ({@code beacon_prot=0}, the default); the form before version 1.2. */
    public NetworkProfile(int id, Ssid ssid, Optional<PskSetting> psk, Optional<SecretText> saePassword,
            Set<KeyMgmt> keyMgmt, boolean scanSsid, int priority, Optional<MacAddress> bssid, boolean disabled,
            String idStr, Set<String> proto, Set<String> pairwise, Set<String> group, int ieee80211w,
            List<Integer> scanFreq, List<Integer> freqList) {
        this(id, ssid, psk, saePassword, keyMgmt, scanSsid, priority, bssid, disabled, idStr, proto, pairwise, group, ieee80211w,
                scanFreq, freqList, false, 0);
    }

    private static Set<String> ordered(Set<String> names) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }
}
