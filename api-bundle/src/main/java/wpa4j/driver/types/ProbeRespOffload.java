package wpa4j.driver.types;

/** Protocols whose probe responses the driver can answer ({@code WPA_DRIVER_PROBE_RESP_OFFLOAD_*}). */
public enum ProbeRespOffload {
    WPS,
    WPS2,
    P2P,
    INTERWORKING;
}
