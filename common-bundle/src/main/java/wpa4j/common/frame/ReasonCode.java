package wpa4j.common.frame;

/** Reason codes of Deauthentication/Disassociation (IEEE 802.11-2012 Table 8-36) that wpa4j uses. */
public final class ReasonCode {
    public static final int UNSPECIFIED = 1;
    public static final int PREV_AUTH_NOT_VALID = 2;
    public static final int DEAUTH_LEAVING = 3;
    public static final int DISASSOC_DUE_TO_INACTIVITY = 4;
    public static final int DISASSOC_AP_BUSY = 5;
    public static final int CLASS2_FRAME_FROM_NONAUTH_STA = 6;
    public static final int CLASS3_FRAME_FROM_NONASSOC_STA = 7;
    public static final int DISASSOC_STA_HAS_LEFT = 8;
    public static final int STA_REQ_ASSOC_WITHOUT_AUTH = 9;
    public static final int INVALID_IE = 13;
    public static final int MICHAEL_MIC_FAILURE = 14;
    public static final int FOURWAY_HANDSHAKE_TIMEOUT = 15;
    public static final int GROUP_KEY_UPDATE_TIMEOUT = 16;
    public static final int IE_IN_4WAY_DIFFERS = 17;
    public static final int GROUP_CIPHER_NOT_VALID = 18;
    public static final int PAIRWISE_CIPHER_NOT_VALID = 19;
    public static final int AKMP_NOT_VALID = 20;
    public static final int UNSUPPORTED_RSN_IE_VERSION = 21;
    public static final int INVALID_RSN_IE_CAPAB = 22;
    public static final int IEEE_802_1X_AUTH_FAILED = 23;
    public static final int CIPHER_SUITE_REJECTED = 24;

    private ReasonCode() {}
}
