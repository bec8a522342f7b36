package wpa4j.common.frame;

/** Status codes of Authentication and (Re)Association Responses (IEEE 802.11-2012 Table 8-37) that wpa4j uses. */
public final class StatusCode {
    public static final int SUCCESS = 0;
    public static final int UNSPECIFIED_FAILURE = 1;
    public static final int CAPS_UNSUPPORTED = 10;
    public static final int REASSOC_NO_ASSOC = 11;
    public static final int ASSOC_DENIED_UNSPEC = 12;
    public static final int NOT_SUPPORTED_AUTH_ALG = 13;
    public static final int UNKNOWN_AUTH_TRANSACTION = 14;
    public static final int CHALLENGE_FAIL = 15;
    public static final int AUTH_TIMEOUT = 16;
    public static final int AP_UNABLE_TO_HANDLE_NEW_STA = 17;
    public static final int ASSOC_DENIED_RATES = 18;
    public static final int INVALID_IE = 40;
    public static final int GROUP_CIPHER_NOT_VALID = 41;
    public static final int PAIRWISE_CIPHER_NOT_VALID = 42;
    public static final int AKMP_NOT_VALID = 43;
    public static final int UNSUPPORTED_RSN_IE_VERSION = 44;
    public static final int INVALID_RSN_IE_CAPAB = 45;
    public static final int CIPHER_REJECTED_PER_POLICY = 46;
    /** PMF: the station is still associated; come back after the Timeout Interval (SA Query runs meanwhile). */
    public static final int ASSOC_REJECTED_TEMPORARILY = 30;
    /** PMF: the MFPC/MFPR bits do not meet the AP's policy. */
    public static final int ROBUST_MGMT_FRAME_POLICY_VIOLATION = 31;
    public static final int INVALID_PMKID = 53;
    /** SAE: resend the Commit with the anti-clogging token. */
    public static final int ANTI_CLOGGING_TOKEN_REQUIRED = 76;
    /** SAE: the group of the Commit is not supported. */
    public static final int FINITE_CYCLIC_GROUP_NOT_SUPPORTED = 77;
    public static final int UNKNOWN_PASSWORD_IDENTIFIER = 123;
    /** SAE: the Commit uses hash-to-element (its status field says so). */
    public static final int SAE_HASH_TO_ELEMENT = 126;

    private StatusCode() {}
}
