package wpa4j.driver.types;

/** Virtual interface types ({@code enum wpa_driver_if_type}). */
public enum IfType {
    /** A station interface. */ STATION,
    /** An AP VLAN (4-address or dynamic VLAN) interface. */ AP_VLAN,
    /** An additional BSS of an AP. */ AP_BSS,
    /** A P2P group owner. */ P2P_GO,
    /** A P2P client. */ P2P_CLIENT,
    /** A P2P group interface, role not yet known. */ P2P_GROUP;
}
