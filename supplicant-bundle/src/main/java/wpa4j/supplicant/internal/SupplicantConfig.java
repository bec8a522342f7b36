package wpa4j.supplicant.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The keys of a {@code wpa4j.supplicant} factory configuration (read by {@link StationManager}; this interface is their
 * Metatype description). Several configurations naming one interface are several networks of one station.
 */
@ObjectClassDefinition(factoryPid = "wpa4j.supplicant", name = "wpa4j station network (wpa_supplicant)",
        description = "A network for the station on one interface, or a wpa_supplicant.conf for it")
public @interface SupplicantConfig {
    @AttributeDefinition(description = "Interface to drive, e.g. wlan0 or sim1")
    String ifname();

    @AttributeDefinition(description = "SSID of the network (UTF-8); or give ssidHex")
    String ssid() default "";

    @AttributeDefinition(description = "SSID as hex octets, for SSIDs that are not text (NUL, non-UTF-8)")
    String ssidHex() default "";

    @AttributeDefinition(description = "A wpa_supplicant.conf with this station's networks (and ctrl_interface, update_config); relative to the gateway's home")
    String confFile() default "";

    @AttributeDefinition(description = "Only this BSS (bssid=)")
    String bssid() default "";

    @AttributeDefinition(description = "id_str, reported with CTRL-EVENT-CONNECTED and to wpa_cli -a scripts")
    String idStr() default "";

    @AttributeDefinition(description = "Directory of the wpa_cli control socket (ctrl_interface); a confFile's ctrl_interface wins")
    String ctrlInterface() default "/var/run/wpa_supplicant";

    @AttributeDefinition(description = "Group of the control socket (ctrl_interface GROUP=)")
    String ctrlInterfaceGroup() default "";

    @AttributeDefinition(description = "Key management, one or more of WPA-PSK, WPA-PSK-SHA256, SAE (comma or space separated), or NONE;"
            + " SAE uses the passphrase as its password", options = {
        @org.osgi.service.metatype.annotations.Option(label = "WPA2-PSK", value = "WPA-PSK"),
        @org.osgi.service.metatype.annotations.Option(label = "WPA3-Personal (SAE)", value = "SAE"),
        @org.osgi.service.metatype.annotations.Option(label = "WPA2/WPA3 transition", value = "WPA-PSK SAE"),
        @org.osgi.service.metatype.annotations.Option(label = "WPA2-PSK-SHA256", value = "WPA-PSK-SHA256"),
        @org.osgi.service.metatype.annotations.Option(label = "open", value = "NONE")})
    String keyMgmt() default "WPA-PSK";

    @AttributeDefinition(description = "Management frame protection (IEEE 802.11w): 0 disabled, 1 optional, 2 required; SAE uses at least 1",
            options = {
        @org.osgi.service.metatype.annotations.Option(label = "disabled", value = "0"),
        @org.osgi.service.metatype.annotations.Option(label = "optional", value = "1"),
        @org.osgi.service.metatype.annotations.Option(label = "required", value = "2")})
    int ieee80211w() default 0;

    @AttributeDefinition(description = "Beacon protection (beacon_prot): install the AP's BIGTK so forged Beacons are dropped;"
            + " used with PMF on a driver that verifies protected Beacons, otherwise the network is joined without it")
    boolean beaconProt() default false;

    /** Property {@code .passphrase}: private, so never a service property. */
    @AttributeDefinition(type = AttributeType.PASSWORD, description = "WPA passphrase, 8..63 characters (or give .psk)")
    String _passphrase() default "";

    /** Property {@code .psk}: the PSK as 64 hex digits instead of a passphrase. */
    @AttributeDefinition(type = AttributeType.PASSWORD, description = "PSK as 64 hex digits (instead of a passphrase)")
    String _psk() default "";

    @AttributeDefinition(description = "File whose first line is the passphrase or the 64-hex PSK (mode 0600); keeps the secret out of Config Admin")
    String passphraseFile() default "";

    @AttributeDefinition(description = "Probe for the SSID (hidden networks), as scan_ssid=1")
    boolean scanSsid() default false;

    @AttributeDefinition(description = "Network priority (higher preferred)")
    int priority() default 0;

    @AttributeDefinition(description = "wpa_ptk_rekey in seconds: ask the AP for a new PTK this often, 0 for never")
    int ptkRekey() default 0;

    @AttributeDefinition(description = "Frequencies in MHz to scan (scan_freq); empty for all")
    int[] scanFreq() default {};

    @AttributeDefinition(description = "Require this backend (nl80211, wext, ndis, sim); empty for the best available")
    String driver() default "";

    @AttributeDefinition(description = "Capability tags the driver must offer")
    String[] capabilities() default {"station"};
}
