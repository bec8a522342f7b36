package wpa4j.driver.types;

/** Key type of MLME-SETPROTECTION ({@code MLME_SETPROTECTION_KEY_TYPE_*}). */
public enum KeyType {
    GROUP,
    PAIRWISE;
}
