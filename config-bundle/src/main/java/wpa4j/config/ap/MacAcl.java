package wpa4j.config.ap;

/** {@code macaddr_acl}: how the accept and deny lists apply (RADIUS, 2, is not supported). */
public enum MacAcl {
    /** 0: every station except those in the deny list. */
    ACCEPT_UNLESS_DENIED,
    /** 1: only the stations in the accept list (and not in the deny list). */
    DENY_UNLESS_ACCEPTED
}
