package wpa4j.supplicant.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One station instance (factory PID {@code wpa4j.supplicant}): an interface and the network it joins. */
@ObjectClassDefinition(name = "wpa4j station (wpa_supplicant)", description = "A station core on one interface, joining one network")
public @interface SupplicantConfig {
    @AttributeDefinition(description = "Interface to drive, e.g. wlan0 or sim1")
    String ifname();

    @AttributeDefinition(description = "SSID of the network (UTF-8)")
    String ssid();

    @AttributeDefinition(description = "Key management: WPA-PSK or NONE", options = {
        @org.osgi.service.metatype.annotations.Option(label = "WPA2-PSK", value = "WPA-PSK"),
        @org.osgi.service.metatype.annotations.Option(label = "open", value = "NONE")})
    String keyMgmt() default "WPA-PSK";

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

    @AttributeDefinition(description = "Frequencies in MHz to scan (scan_freq); empty for all")
    int[] scanFreq() default {};

    @AttributeDefinition(description = "Require this backend (nl80211, wext, ndis, sim); empty for the best available")
    String driver() default "";

    @AttributeDefinition(description = "Capability tags the driver must offer")
    String[] capabilities() default {"station"};
}
