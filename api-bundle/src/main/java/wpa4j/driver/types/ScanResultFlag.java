package wpa4j.driver.types;

/** Flags of a scan result ({@code WPA_SCAN_*}). */
public enum ScanResultFlag {
    /** {@code qual} is not valid. */ QUAL_INVALID,
    /** {@code noise} is not valid. */ NOISE_INVALID,
    /** {@code level} is not valid. */ LEVEL_INVALID,
    /** {@code level} is in dBm. */ LEVEL_DBM,
    /** The interface is authenticated with this BSS. */ AUTHENTICATED,
    /** The interface is associated with this BSS. */ ASSOCIATED;
}
