package wpa4j.ndis.oid;

/** The enum-valued OIDs, with the values ntddndis.h gives them. */
public final class NdisEnums {
    private NdisEnums() {}

    /** NDIS_802_11_NETWORK_INFRASTRUCTURE (OID_802_11_INFRASTRUCTURE_MODE). */
    public enum InfrastructureMode {
        IBSS, INFRASTRUCTURE, AUTO_UNKNOWN;

        public int value() {
            return ordinal();
        }
    }

    /** NDIS_802_11_AUTHENTICATION_MODE (OID_802_11_AUTHENTICATION_MODE). */
    public enum AuthenticationMode {
        OPEN, SHARED, AUTO_SWITCH, WPA, WPA_PSK, WPA_NONE, WPA2, WPA2_PSK;

        public int value() {
            return ordinal();
        }

        public static AuthenticationMode of(long v) {
            return v >= 0 && v < values().length ? values()[(int) v] : null;
        }
    }

    /** NDIS_802_11_ENCRYPTION_STATUS / NDIS_802_11_WEP_STATUS (OID_802_11_ENCRYPTION_STATUS). */
    public enum EncryptionStatus {
        /** WEP enabled (= Ndis802_11WEPEnabled). */
        ENCRYPTION1_ENABLED,
        /** Encryption disabled (= Ndis802_11WEPDisabled). */
        DISABLED,
        /** WEP, no key (= Ndis802_11WEPKeyAbsent). */
        ENCRYPTION1_KEY_ABSENT,
        /** Not supported (= Ndis802_11WEPNotSupported). */
        NOT_SUPPORTED,
        /** TKIP enabled. */
        ENCRYPTION2_ENABLED,
        /** TKIP, no key. */
        ENCRYPTION2_KEY_ABSENT,
        /** AES-CCMP enabled. */
        ENCRYPTION3_ENABLED,
        /** AES-CCMP, no key. */
        ENCRYPTION3_KEY_ABSENT;

        public int value() {
            return ordinal();
        }

        public static EncryptionStatus of(long v) {
            return v >= 0 && v < values().length ? values()[(int) v] : null;
        }
    }

    /** NDIS_802_11_PRIVACY_FILTER (OID_802_11_PRIVACY_FILTER). */
    public enum PrivacyFilter {
        ACCEPT_ALL, IEEE8021X_WEP;

        public int value() {
            return ordinal();
        }
    }
}
