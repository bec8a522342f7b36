package wpa4j.driver.types;

/** 802.11 authentication algorithms ({@code WPA_AUTH_ALG_*}, {@code WPA_DRIVER_AUTH_*}). */
public enum AuthAlg {
    /** Open System. */ OPEN,
    /** Shared Key (WEP). */ SHARED,
    /** Cisco LEAP. */ LEAP,
    /** Fast BSS Transition (802.11r). */ FT,
    /** Simultaneous Authentication of Equals. */ SAE;
}
