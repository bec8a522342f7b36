package wpa4j.config.ap;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import wpa4j.config.PskSetting;
import wpa4j.config.station.KeyMgmt;
import wpa4j.driver.types.HwModeType;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;

/**
 * One BSS, complete and validated: what the AP core runs. For an open BSS ({@code wpa=0}) the security
 * fields are empty. Secrets print masked.
 *
 * @param interfaceName       {@code interface}
 * @param driver              {@code driver} (a wpa4j backend: nl80211, sim), empty for the best one bound
 * @param ssid                1..32 octets
 * @param hwMode              802.11a, b or g
 * @param channel             a 20 MHz channel valid for the mode and country (see KEYS.md)
 * @param countryCode         {@code country_code}, when set
 * @param ignoreBroadcastSsid 0 SSID in beacons, 1 empty SSID, 2 zeroed SSID
 * @param wpa                 0 (open) or 2 (WPA2/RSN)
 * @param wpaPsk              {@code wpa_passphrase} or {@code wpa_psk}, when set
 * @param wpaPskFile          {@code wpa_psk_file}, when set (its entries are in {@code pskFileEntries})
 * @param pskFileEntries      per-station PSKs
 * @param wpaKeyMgmt          the AKM suites offered
 * @param rsnPairwise         the pairwise ciphers offered: CCMP
 * @param wpaGroupRekey       GTK rekey interval in seconds, 0 for never
 * @param maxNumSta           the most stations associated at once
 * @param apMaxInactivity     seconds before an idle station is polled and dropped
 * @param macaddrAcl          how the MAC lists apply
 * @param acceptMacs          {@code accept_mac_file} entries
 * @param denyMacs            {@code deny_mac_file} entries
 * @param ieee80211w          management frame protection: 0 disabled, 1 optional, 2 required
 * @param beaconInt           beacon interval in TU
 * @param dtimPeriod          DTIM period in beacons
 * @param saePasswords        {@code sae_password} lines
 * @param saePwe              0 hunting-and-pecking, 1 hash-to-element, 2 both
 * @param ctrlInterface       the control socket directory, when set
 * @param ctrlInterfaceGroup  the group allowed to use it, when set
 * @param saeGroups           {@code sae_groups}: the SAE groups accepted, in preference order (19, 20, 21; default 19)
 * @param saeAntiCloggingThreshold {@code sae_anti_clogging_threshold}: open SAE sessions before a token is required (default 5)
 * @param assocSaQueryMaxTimeout   {@code assoc_sa_query_max_timeout} in TUs (default 1000)
 * @param assocSaQueryRetryTimeout {@code assoc_sa_query_retry_timeout} in TUs (default 201)
 * @param beaconProt          {@code beacon_prot}: protect Beacons with a BIGTK (default off); as configured, it takes
 *                            effect only with {@code ieee80211w} 1 or 2 and a driver that can, as in hostapd
 * @param wpaPtkRekey         {@code wpa_ptk_rekey}: seconds between PTK rekeys of each station, 0 for never (default)
 */
public record ApProfile(String interfaceName, Optional<String> driver, Ssid ssid, HwModeType hwMode, int channel,
        Optional<String> countryCode, int ignoreBroadcastSsid, int wpa, Optional<PskSetting> wpaPsk,
        Optional<Path> wpaPskFile, List<PskFileEntry> pskFileEntries, Set<KeyMgmt> wpaKeyMgmt, Set<String> rsnPairwise,
        int wpaGroupRekey, int maxNumSta, int apMaxInactivity, MacAcl macaddrAcl, Set<MacAddress> acceptMacs,
        Set<MacAddress> denyMacs, int ieee80211w, int beaconInt, int dtimPeriod, List<SaePassword> saePasswords,
        int saePwe, Optional<Path> ctrlInterface, Optional<String> ctrlInterfaceGroup, List<Integer> saeGroups,
        int saeAntiCloggingThreshold, int assocSaQueryMaxTimeout, int assocSaQueryRetryTimeout, boolean beaconProt, int wpaPtkRekey) {

    /** hostapd's defaults of the keys that came with WPA3: {@code sae_groups=19}, threshold 5, SA Query 1000 and 201 TUs. */
    public static final List<Integer> DEFAULT_SAE_GROUPS = List.of(19);
    public static final int DEFAULT_SAE_ANTI_CLOGGING_THRESHOLD = 5;
    public static final int DEFAULT_ASSOC_SA_QUERY_MAX_TIMEOUT = 1000;
    public static final int DEFAULT_ASSOC_SA_QUERY_RETRY_TIMEOUT = 201;

    public ApProfile {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(ssid, "ssid");
        Objects.requireNonNull(hwMode, "hwMode");
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(wpaPsk, "wpaPsk");
        Objects.requireNonNull(wpaPskFile, "wpaPskFile");
        Objects.requireNonNull(macaddrAcl, "macaddrAcl");
        Objects.requireNonNull(ctrlInterface, "ctrlInterface");
        Objects.requireNonNull(ctrlInterfaceGroup, "ctrlInterfaceGroup");
        if (wpa != 0 && wpa != 2) {
            throw new IllegalArgumentException("wpa: " + wpa + " is not supported by wpa4j; allowed: 0, 2");
        }
        if (ssid.isEmpty()) {
            throw new IllegalArgumentException("ssid: empty; allowed: 1..32 octets");
        }
        pskFileEntries = List.copyOf(pskFileEntries);
        wpaKeyMgmt = wpaKeyMgmt.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(wpaKeyMgmt));
        rsnPairwise = Collections.unmodifiableSet(new LinkedHashSet<>(rsnPairwise));
        acceptMacs = Collections.unmodifiableSet(new LinkedHashSet<>(acceptMacs));
        denyMacs = Collections.unmodifiableSet(new LinkedHashSet<>(denyMacs));
        saePasswords = List.copyOf(saePasswords);
        saeGroups = List.copyOf(saeGroups);
        if (saeGroups.isEmpty()) {
            throw new IllegalArgumentException("saeGroups: empty; allowed: 19, 20, 21");
        }
        if (assocSaQueryMaxTimeout < 1 || assocSaQueryRetryTimeout < 1) {
            throw new IllegalArgumentException("assoc_sa_query timeouts: must be above 0 TUs");
        }
        if (wpaPtkRekey < 0) {
            throw new IllegalArgumentException("wpaPtkRekey: " + wpaPtkRekey + " is negative");
        }
    }

    /** A BSS as 1.2 described it: without PTK rekeying. */
    public ApProfile(String interfaceName, Optional<String> driver, Ssid ssid, HwModeType hwMode, int channel,
            Optional<String> countryCode, int ignoreBroadcastSsid, int wpa, Optional<PskSetting> wpaPsk,
            Optional<Path> wpaPskFile, List<PskFileEntry> pskFileEntries, Set<KeyMgmt> wpaKeyMgmt, Set<String> rsnPairwise,
            int wpaGroupRekey, int maxNumSta, int apMaxInactivity, MacAcl macaddrAcl, Set<MacAddress> acceptMacs,
            Set<MacAddress> denyMacs, int ieee80211w, int beaconInt, int dtimPeriod, List<SaePassword> saePasswords,
            int saePwe, Optional<Path> ctrlInterface, Optional<String> ctrlInterfaceGroup, List<Integer> saeGroups,
            int saeAntiCloggingThreshold, int assocSaQueryMaxTimeout, int assocSaQueryRetryTimeout, boolean beaconProt) {
        this(interfaceName, driver, ssid, hwMode, channel, countryCode, ignoreBroadcastSsid, wpa, wpaPsk, wpaPskFile, pskFileEntries, wpaKeyMgmt,
                rsnPairwise, wpaGroupRekey, maxNumSta, apMaxInactivity, macaddrAcl, acceptMacs, denyMacs, ieee80211w, beaconInt, dtimPeriod,
                saePasswords, saePwe, ctrlInterface, ctrlInterfaceGroup, saeGroups, saeAntiCloggingThreshold, assocSaQueryMaxTimeout,
                assocSaQueryRetryTimeout, beaconProt, 0);
    }

    /** A BSS as 1.1 described it: without beacon protection. */
    public ApProfile(String interfaceName, Optional<String> driver, Ssid ssid, HwModeType hwMode, int channel,
            Optional<String> countryCode, int ignoreBroadcastSsid, int wpa, Optional<PskSetting> wpaPsk,
            Optional<Path> wpaPskFile, List<PskFileEntry> pskFileEntries, Set<KeyMgmt> wpaKeyMgmt, Set<String> rsnPairwise,
            int wpaGroupRekey, int maxNumSta, int apMaxInactivity, MacAcl macaddrAcl, Set<MacAddress> acceptMacs,
            Set<MacAddress> denyMacs, int ieee80211w, int beaconInt, int dtimPeriod, List<SaePassword> saePasswords,
            int saePwe, Optional<Path> ctrlInterface, Optional<String> ctrlInterfaceGroup, List<Integer> saeGroups,
            int saeAntiCloggingThreshold, int assocSaQueryMaxTimeout, int assocSaQueryRetryTimeout) {
        this(interfaceName, driver, ssid, hwMode, channel, countryCode, ignoreBroadcastSsid, wpa, wpaPsk, wpaPskFile, pskFileEntries, wpaKeyMgmt,
                rsnPairwise, wpaGroupRekey, maxNumSta, apMaxInactivity, macaddrAcl, acceptMacs, denyMacs, ieee80211w, beaconInt, dtimPeriod,
                saePasswords, saePwe, ctrlInterface, ctrlInterfaceGroup, saeGroups, saeAntiCloggingThreshold, assocSaQueryMaxTimeout,
                assocSaQueryRetryTimeout, false);
    }

    /** A BSS as 1.0 described it: the SAE groups, anti-clogging threshold and SA Query timeouts at hostapd's defaults. */
    public ApProfile(String interfaceName, Optional<String> driver, Ssid ssid, HwModeType hwMode, int channel,
            Optional<String> countryCode, int ignoreBroadcastSsid, int wpa, Optional<PskSetting> wpaPsk,
            Optional<Path> wpaPskFile, List<PskFileEntry> pskFileEntries, Set<KeyMgmt> wpaKeyMgmt, Set<String> rsnPairwise,
            int wpaGroupRekey, int maxNumSta, int apMaxInactivity, MacAcl macaddrAcl, Set<MacAddress> acceptMacs,
            Set<MacAddress> denyMacs, int ieee80211w, int beaconInt, int dtimPeriod, List<SaePassword> saePasswords,
            int saePwe, Optional<Path> ctrlInterface, Optional<String> ctrlInterfaceGroup) {
        this(interfaceName, driver, ssid, hwMode, channel, countryCode, ignoreBroadcastSsid, wpa, wpaPsk, wpaPskFile, pskFileEntries, wpaKeyMgmt,
                rsnPairwise, wpaGroupRekey, maxNumSta, apMaxInactivity, macaddrAcl, acceptMacs, denyMacs, ieee80211w, beaconInt, dtimPeriod,
                saePasswords, saePwe, ctrlInterface, ctrlInterfaceGroup, DEFAULT_SAE_GROUPS, DEFAULT_SAE_ANTI_CLOGGING_THRESHOLD,
                DEFAULT_ASSOC_SA_QUERY_MAX_TIMEOUT, DEFAULT_ASSOC_SA_QUERY_RETRY_TIMEOUT);
    }
}
