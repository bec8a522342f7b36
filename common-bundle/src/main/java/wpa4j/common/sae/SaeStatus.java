package wpa4j.common.sae;

/** The status codes of SAE Authentication frames (IEEE 802.11-2020 Table 9-50). */
public final class SaeStatus {
    public static final int SUCCESS = 0;
    public static final int UNSPECIFIED_FAILURE = 1;
    /** A Confirm that does not verify: in practice, a wrong password. */
    public static final int CHALLENGE_FAIL = 15;
    public static final int ANTI_CLOGGING_TOKEN_REQUIRED = 76;
    public static final int UNSUPPORTED_FINITE_CYCLIC_GROUP = 77;
    public static final int UNKNOWN_PASSWORD_IDENTIFIER = 123;
    /** The status of every Commit of a hash-to-element exchange. */
    public static final int SAE_HASH_TO_ELEMENT = 126;

    /** Authentication transaction sequence numbers. */
    public static final int COMMIT = 1;
    public static final int CONFIRM = 2;

    private SaeStatus() {}
}
