package wpa4j.driver.types;

/** Management frame protection (IEEE 802.11w) setting. */
public enum Mfp {
    /** Not used. */ NO,
    /** Used when the peer supports it. */ OPTIONAL,
    /** Required. */ REQUIRED;
}
