package wpa4j.driver.types;

/** Station flags in the AP ({@code WPA_STA_*}). */
public enum StaFlag {
    /** The 802.1X port is authorized (keys in place). */ AUTHORIZED,
    /** The station uses WMM (QoS). */ WMM,
    /** Short preamble. */ SHORT_PREAMBLE,
    /** Management frame protection in use. */ MFP,
    /** A TDLS peer. */ TDLS_PEER;
}
