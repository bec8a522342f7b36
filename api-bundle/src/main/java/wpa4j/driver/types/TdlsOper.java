package wpa4j.driver.types;

/** High-level TDLS operations ({@code enum tdls_oper}). */
public enum TdlsOper {
    DISCOVERY_REQ,
    SETUP,
    TEARDOWN,
    ENABLE_LINK,
    DISABLE_LINK,
    ENABLE,
    DISABLE;
}
