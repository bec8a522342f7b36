package wpa4j.common.ie;

import wpa4j.driver.types.Bytes;

/**
 * The Extended Capabilities element (IEEE 802.11-2020 9.4.2.26): a little-endian bit field whose length is that of
 * its highest set bit. wpa4j writes and reads one bit, Beacon Protection Enabled, which an AP with a BIGTK announces
 * in its Beacons, Probe and Association Responses (stations do not set it, as wpa_supplicant).
 */
public final class ExtendedCapabilities {
    /** Bit 84: Beacon Protection Enabled. */
    public static final int BEACON_PROTECTION = 84;

    private ExtendedCapabilities() {}

    /** The element with exactly these bits set, as long as the highest one needs. */
    public static InformationElement of(int... bits) {
        int highest = 0;
        for (int b : bits) {
            if (b < 0 || b > 8 * 255 - 1) {
                throw new IllegalArgumentException("extended capability bit " + b + " out of range 0.." + (8 * 255 - 1));
            }
            highest = Math.max(highest, b);
        }
        byte[] body = new byte[highest / 8 + 1];
        for (int b : bits) {
            body[b / 8] |= (byte) (1 << (b % 8));
        }
        return new InformationElement(ElementId.EXTENDED_CAPABILITIES, Bytes.of(body));
    }

    /** Whether an element body has {@code bit} set; bits past its end are 0. */
    public static boolean has(Bytes body, int bit) {
        return bit >= 0 && bit / 8 < body.length() && (body.u8(bit / 8) & 1 << (bit % 8)) != 0;
    }

    /** Whether these elements hold an Extended Capabilities element with {@code bit} set. */
    public static boolean has(IeList ies, int bit) {
        return ies.find(ElementId.EXTENDED_CAPABILITIES).map(e -> has(e.body(), bit)).orElse(false);
    }
}
