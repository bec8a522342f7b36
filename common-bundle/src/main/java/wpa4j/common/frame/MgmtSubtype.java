package wpa4j.common.frame;

/** Management frame subtypes (Frame Control type 0). */
public enum MgmtSubtype {
    ASSOC_REQ(0), ASSOC_RESP(1), REASSOC_REQ(2), REASSOC_RESP(3), PROBE_REQ(4), PROBE_RESP(5), TIMING_ADVERTISEMENT(6),
    RESERVED_7(7), BEACON(8), ATIM(9), DISASSOC(10), AUTH(11), DEAUTH(12), ACTION(13), ACTION_NO_ACK(14), RESERVED_15(15);

    private final int value;

    MgmtSubtype(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public static MgmtSubtype of(int value) {
        return values()[value & 0x0f];
    }
}
