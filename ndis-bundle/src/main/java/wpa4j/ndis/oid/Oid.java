package wpa4j.ndis.oid;

/** The NDIS OIDs driver_ndis uses (ntddndis.h). */
public final class Oid {
    public static final int OID_802_3_CURRENT_ADDRESS = 0x01010102;
    public static final int OID_802_3_MULTICAST_LIST = 0x01010103;
    public static final int OID_GEN_MEDIA_CONNECT_STATUS = 0x00010114;
    public static final int OID_802_11_BSSID = 0x0d010101;
    public static final int OID_802_11_SSID = 0x0d010102;
    public static final int OID_802_11_INFRASTRUCTURE_MODE = 0x0d010108;
    public static final int OID_802_11_ADD_WEP = 0x0d010113;
    public static final int OID_802_11_REMOVE_WEP = 0x0d010114;
    public static final int OID_802_11_DISASSOCIATE = 0x0d010115;
    public static final int OID_802_11_BSSID_LIST = 0x0d010217;
    public static final int OID_802_11_AUTHENTICATION_MODE = 0x0d010118;
    public static final int OID_802_11_PRIVACY_FILTER = 0x0d010119;
    public static final int OID_802_11_BSSID_LIST_SCAN = 0x0d01011a;
    public static final int OID_802_11_ENCRYPTION_STATUS = 0x0d01011b;
    public static final int OID_802_11_ADD_KEY = 0x0d01011d;
    public static final int OID_802_11_REMOVE_KEY = 0x0d01011e;
    public static final int OID_802_11_ASSOCIATION_INFORMATION = 0x0d01011f;
    public static final int OID_802_11_CAPABILITY = 0x0d010122;
    public static final int OID_802_11_PMKID = 0x0d010123;

    private Oid() {}

    /** A readable name for messages. */
    public static String name(int oid) {
        for (var f : Oid.class.getFields()) {
            try {
                if (f.getType() == int.class && f.getInt(null) == oid) {
                    return f.getName();
                }
            } catch (IllegalAccessException e) {
                break;
            }
        }
        return String.format("OID 0x%08x", oid);
    }
}
