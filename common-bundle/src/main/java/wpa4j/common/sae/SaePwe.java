package wpa4j.common.sae;

/** How the password element is derived: {@code sae_pwe} of hostapd.conf and wpa_supplicant.conf. */
public enum SaePwe {
    /** Hunting and pecking only ({@code sae_pwe=0}); commits carry status 0. */
    LOOPING,
    /** Hash-to-element only ({@code sae_pwe=1}); commits carry status 126. */
    HASH_TO_ELEMENT,
    /** Either, as the peer chooses (an AP) or as the AP's RSNXE says (a station) ({@code sae_pwe=2}). */
    BOTH;

    /** Whether a commit with this status uses a method allowed here. */
    public boolean allows(int commitStatus) {
        return switch (commitStatus) {
            case SaeStatus.SUCCESS -> this != HASH_TO_ELEMENT;
            case SaeStatus.SAE_HASH_TO_ELEMENT -> this != LOOPING;
            default -> false;
        };
    }
}
