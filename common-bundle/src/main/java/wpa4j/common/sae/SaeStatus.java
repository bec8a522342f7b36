package wpa4j.common.sae;

import wpa4j.common.frame.StatusCode;

/**
 * The status codes SAE Authentication frames carry, by the names the SAE code reads best with; the values are
 * {@link StatusCode}'s, the one list of them. Also the authentication transaction sequence numbers of SAE.
 */
public final class SaeStatus {
    public static final int SUCCESS = StatusCode.SUCCESS;
    public static final int UNSPECIFIED_FAILURE = StatusCode.UNSPECIFIED_FAILURE;
    /** A Confirm that does not verify: in practice, a wrong password. */
    public static final int CHALLENGE_FAIL = StatusCode.CHALLENGE_FAIL;
    public static final int ANTI_CLOGGING_TOKEN_REQUIRED = StatusCode.ANTI_CLOGGING_TOKEN_REQUIRED;
    public static final int UNSUPPORTED_FINITE_CYCLIC_GROUP = StatusCode.FINITE_CYCLIC_GROUP_NOT_SUPPORTED;
    public static final int UNKNOWN_PASSWORD_IDENTIFIER = StatusCode.UNKNOWN_PASSWORD_IDENTIFIER;
    /** The status of every Commit of a hash-to-element exchange. */
    public static final int SAE_HASH_TO_ELEMENT = StatusCode.SAE_HASH_TO_ELEMENT;

    /** Authentication transaction sequence numbers. */
    public static final int COMMIT = 1;
    public static final int CONFIRM = 2;

    private SaeStatus() {}
}
