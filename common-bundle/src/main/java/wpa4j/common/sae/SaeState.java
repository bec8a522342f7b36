package wpa4j.common.sae;

/** The states of an SAE protocol instance (IEEE 802.11-2020 12.4.8.6). */
public enum SaeState {
    NOTHING, COMMITTED, CONFIRMED, ACCEPTED
}
