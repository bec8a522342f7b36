package wpa4j.hostapd.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One AP instance (factory PID {@code wpa4j.hostapd}): an interface and the BSS it runs. */
@ObjectClassDefinition(name = "wpa4j access point (hostapd)", description = "An AP core on one interface")
public @interface HostapdConfig {
    @AttributeDefinition(description = "Interface to drive, e.g. wlan0 or sim0")
    String ifname();

    @AttributeDefinition(description = "SSID (UTF-8); or give ssidHex")
    String ssid() default "";

    @AttributeDefinition(description = "SSID as hex octets (0..32), for SSIDs that are not text (NUL, non-UTF-8)")
    String ssidHex() default "";

    @AttributeDefinition(description = "A hostapd.conf to run (interface, ssid, channel, wpa_passphrase, ...); relative to the gateway's home. "
            + "The other keys are then taken from it (ifname and driver may still be given here)")
    String confFile() default "";

    @AttributeDefinition(description = "country_code: the channel must be allowed there")
    String countryCode() default "";

    @AttributeDefinition(description = "2.4 GHz channel")
    int channel() default 1;

    /** Property {@code .passphrase}: private, so never a service property. Empty: an open network. */
    @AttributeDefinition(type = AttributeType.PASSWORD, description = "WPA2/WPA3 passphrase, 8..63 characters; empty (and no saePasswordFile) for an open network")
    String _passphrase() default "";

    @AttributeDefinition(description = "File whose first line is the passphrase or the 64-hex PSK (mode 0600); keeps the secret out of Config Admin")
    String passphraseFile() default "";

    @AttributeDefinition(description = "wpa_key_mgmt: WPA-PSK, WPA-PSK-SHA256 and/or SAE, separated by spaces or commas "
            + "(WPA-PSK SAE is WPA3 transition mode); empty for WPA-PSK. Needs a passphrase or SAE password")
    String keyMgmt() default "";

    @AttributeDefinition(description = "ieee80211w: management frame protection 0 disabled, 1 optional, 2 required (WPA3 needs 1 or 2)")
    int ieee80211w() default 0;

    @AttributeDefinition(description = "sae_pwe: SAE password element 0 hunting-and-pecking, 1 hash-to-element, 2 both")
    int saePwe() default 0;

    @AttributeDefinition(description = "sae_groups: SAE groups accepted, in preference order (19, 20, 21)")
    String saeGroups() default "19";

    @AttributeDefinition(description = "File of sae_password lines, <password>[|mac=<station>] (mode 0600); keeps SAE passwords out of "
            + "Config Admin. Without it SAE uses the passphrase, as hostapd does")
    String saePasswordFile() default "";

    @AttributeDefinition(description = "beacon_prot: 1 protects the Beacons with a BIGTK (beacon protection); needs ieee80211w 1 or 2 "
            + "and a driver that can protect Beacons, else the AP runs without it")
    int beaconProt() default 0;

    @AttributeDefinition(description = "ignore_broadcast_ssid: 0 SSID in beacons, 1 empty SSID, 2 SSID of zeros")
    int ignoreBroadcastSsid() default 0;

    @AttributeDefinition(description = "Beacon interval in TUs")
    int beaconInt() default 100;

    @AttributeDefinition(description = "DTIM period")
    int dtimPeriod() default 2;

    @AttributeDefinition(description = "max_num_sta")
    int maxStations() default 2007;

    @AttributeDefinition(description = "wpa_group_rekey in seconds, 0 for never")
    int groupRekey() default 86400;

    @AttributeDefinition(description = "wpa_ptk_rekey in seconds: each station's PTK renewed this often, 0 for never")
    int ptkRekey() default 0;

    @AttributeDefinition(description = "ap_max_inactivity in seconds, 0 for never")
    int maxInactivity() default 300;

    @AttributeDefinition(description = "Directory of the hostapd_cli control socket (ctrl_interface)")
    String ctrlInterface() default "/var/run/hostapd";

    @AttributeDefinition(description = "Require this backend (nl80211, wext, ndis, sim); empty for the best available")
    String driver() default "";

    @AttributeDefinition(description = "Capability tags the driver must offer")
    String[] capabilities() default {"ap"};
}
