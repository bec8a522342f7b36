package wpa4j.driver.types;

/** WPS provisioning methods of P2P group formation ({@code enum p2p_wps_method}). */
public enum WpsMethod {
    NOT_READY,
    PIN_DISPLAY,
    PIN_KEYPAD,
    PBC;
}
