package wpa4j.driver.types;

/** WPS mode of an association ({@code enum wps_mode}). */
public enum WpsMode {
    /** Not a WPS association. */ NONE,
    /** WPS provisioning on an open network. */ OPEN,
    /** WPS provisioning with privacy. */ PRIVACY;
}
