package wpa4j.driver.types;

/** Protection to set with MLME-SETPROTECTION ({@code MLME_SETPROTECTION_PROTECT_TYPE_*}). */
public enum ProtectType {
    NONE,
    RX,
    TX,
    RX_TX;
}
