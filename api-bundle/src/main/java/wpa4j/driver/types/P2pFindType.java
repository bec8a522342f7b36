package wpa4j.driver.types;

/** Search order of P2P device discovery ({@code enum p2p_discovery_type}). */
public enum P2pFindType {
    /** A full scan first, then social channels. */ START_WITH_FULL,
    /** Only the social channels 1, 6, 11. */ ONLY_SOCIAL,
    /** Social channels, then one other channel at a time. */ PROGRESSIVE;
}
