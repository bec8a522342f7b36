package wpa4j.driver.types;

/** Security protocol versions ({@code WPA_PROTO_*}). */
public enum Proto {
    /** WPA (vendor IE, v1). */ WPA,
    /** RSN / WPA2 (IEEE 802.11i). */ RSN;
}
