package wpa4j.driver.types;

/**
 * Driver capability flags ({@code WPA_DRIVER_FLAGS_*} of hostap 2.0, and the later ones appended at the end), one
 * constant per bit. New flags are only ever appended, so the order of the existing constants stays stable.
 */
public enum DriverFlag {
    /** Driver generates the WPA/RSN IE itself. */ DRIVER_IE,
    /** Keys must be set after association. */ SET_KEYS_AFTER_ASSOC,
    /** Driver does the 4-way handshake itself. */ FOUR_WAY_HANDSHAKE,
    /** Wired (IEEE 802.1X on Ethernet). */ WIRED,
    /** Driver takes care of SME: separate authenticate and associate. */ SME,
    /** Driver supports AP mode. */ AP,
    /** Keys set after association are done. */ SET_KEYS_AFTER_ASSOC_DONE,
    /** P2P management done by the driver. */ P2P_MGMT,
    /** P2P concurrent with a station. */ P2P_CONCURRENT,
    /** P2P needs a dedicated interface. */ P2P_DEDICATED_INTERFACE,
    /** Driver can do P2P. */ P2P_CAPABLE,
    /** Multi-channel concurrency. */ MULTI_CHANNEL_CONCURRENT,
    /** P2P management and non-P2P. */ P2P_MGMT_AND_NON_P2P,
    /** Error codes are meaningful (-EBUSY etc.). */ SANE_ERROR_CODES,
    /** Off-channel TX of Action frames. */ OFFCHANNEL_TX,
    /** TX status of EAPOL frames. */ EAPOL_TX_STATUS,
    /** TX status of Deauthentication frames. */ DEAUTH_TX_STATUS,
    /** Driver selects the BSS itself. */ BSS_SELECTION,
    /** TDLS support. */ TDLS_SUPPORT,
    /** TDLS set-up is done in user space. */ TDLS_EXTERNAL_SETUP,
    /** Driver answers probe requests itself. */ PROBE_RESP_OFFLOAD,
    /** U-APSD in AP mode. */ AP_UAPSD,
    /** Driver tracks station inactivity. */ INACTIVITY_TIMER,
    /** AP MLME (auth/assoc) is done in user space. */ AP_MLME,
    /** SAE authentication. */ SAE,
    /** OBSS scans for 20/40 MHz coexistence. */ OBSS_SCAN,
    /**
     * The driver protects Beacons with a BIGTK as an AP ({@code WPA_DRIVER_FLAGS_BEACON_PROTECTION} of hostap 2.10):
     * it accepts a BIGTK at key index 6/7 and appends a BIP MME to every Beacon. Since API 1.1.
     */
    BEACON_PROTECTION,
    /**
     * The driver verifies protected Beacons as a station: with a BIGTK installed it drops Beacons of its BSS that
     * carry no valid MME. Since API 1.1.
     */
    BEACON_PROTECTION_CLIENT;
}
