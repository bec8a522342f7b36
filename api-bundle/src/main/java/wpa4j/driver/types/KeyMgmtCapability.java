package wpa4j.driver.types;

/** Key management suites a driver can do ({@code WPA_DRIVER_CAPA_KEY_MGMT_*}). */
public enum KeyMgmtCapability {
    /** WPA (v1) with IEEE 802.1X. */ WPA,
    /** WPA2 (RSN) with IEEE 802.1X. */ WPA2,
    /** WPA-PSK. */ WPA_PSK,
    /** WPA2-PSK. */ WPA2_PSK,
    /** WPA-None (IBSS). */ WPA_NONE,
    /** Fast BSS transition with 802.1X. */ FT,
    /** Fast BSS transition with PSK. */ FT_PSK,
    /** WAPI with PSK. */ WAPI_PSK;
}
