package wpa4j.common.ie;

/** Element IDs (IEEE 802.11-2012 Table 8-54) of the elements wpa4j interprets. */
public final class ElementId {
    public static final int SSID = 0;
    public static final int SUPPORTED_RATES = 1;
    public static final int DS_PARAMETER_SET = 3;
    public static final int TIM = 5;
    public static final int COUNTRY = 7;
    public static final int HT_CAPABILITIES = 45;
    public static final int RSN = 48;
    /** Timeout Interval element (IEEE 802.11-2020 9.4.2.48), see {@link TimeoutInterval}. */
    public static final int TIMEOUT_INTERVAL = 56;
    public static final int EXTENDED_SUPPORTED_RATES = 50;
    public static final int HT_OPERATION = 61;
    /** Extended Capabilities element (IEEE 802.11-2020 9.4.2.26), see {@link ExtendedCapabilities}. */
    public static final int EXTENDED_CAPABILITIES = 127;
    public static final int VENDOR_SPECIFIC = 221;
    /** RSN Extension element (IEEE 802.11-2020 9.4.2.241), see {@link Rsnx}. */
    public static final int RSNX = 244;

    private ElementId() {}
}
