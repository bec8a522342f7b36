package wpa4j.driver.types;

/** Key management suites used in a connection ({@code enum wpa_key_mgmt}). */
public enum KeyMgmt {
    /** WPA/WPA2-Enterprise (IEEE 802.1X). */ IEEE8021X,
    /** WPA/WPA2-Personal (PSK). */ PSK,
    /** No key management (open or static WEP). */ NONE,
    /** IEEE 802.1X without WPA (dynamic WEP). */ IEEE8021X_NO_WPA,
    /** WPA-None (IBSS). */ WPA_NONE,
    /** FT with 802.1X. */ FT_IEEE8021X,
    /** FT with PSK. */ FT_PSK,
    /** 802.1X with SHA-256 key derivation. */ IEEE8021X_SHA256,
    /** PSK with SHA-256 key derivation. */ PSK_SHA256,
    /** Wi-Fi Protected Setup. */ WPS,
    /** SAE. */ SAE,
    /** FT with SAE. */ FT_SAE,
    /** WAPI with PSK. */ WAPI_PSK;
}
