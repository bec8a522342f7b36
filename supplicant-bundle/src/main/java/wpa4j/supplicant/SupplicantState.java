package wpa4j.supplicant;

/** The states of wpa_supplicant ({@code enum wpa_states}), named as its STATUS command prints them. */
public enum SupplicantState {
    DISCONNECTED, INTERFACE_DISABLED, INACTIVE, SCANNING, AUTHENTICATING, ASSOCIATING, ASSOCIATED, FOUR_WAY_HANDSHAKE, GROUP_HANDSHAKE,
    COMPLETED;

    /** The name wpa_supplicant uses ({@code 4WAY_HANDSHAKE} for {@link #FOUR_WAY_HANDSHAKE}). */
    public String wpaName() {
        return this == FOUR_WAY_HANDSHAKE ? "4WAY_HANDSHAKE" : name();
    }
}
