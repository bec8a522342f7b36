package wpa4j.driver.types;

/**
 * An IEEE 802 MAC address (ETH_ALEN = 6 octets), held as the 48-bit big-endian value of its octets.
 *
 * @param value the address as an unsigned 48-bit number, first octet most significant
 */
public record MacAddress(long value) implements Comparable<MacAddress> {
    public static final MacAddress ZERO = new MacAddress(0L);
    public static final MacAddress BROADCAST = new MacAddress(0xffff_ffff_ffffL);
    public static final int LENGTH = 6;

    public MacAddress {
        Validate.range("mac", value, 0L, 0xffff_ffff_ffffL);
    }

    /**
     * A hash that spreads addresses differing only in a middle octet (mac80211_hwsim's 02:00:00:00:0n:00): the record's
     * own, the 48 bits folded, leaves the low bits of all of those equal, and a hash table of them degrades to a tree.
     */
    @Override
    public int hashCode() {
        long h = value * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ h >>> 32);
    }

    /** From exactly six octets. */
    public static MacAddress of(byte[] octets) {
        Validate.nonNull("mac", octets);
        if (octets.length != LENGTH) {
            throw new IllegalArgumentException("mac: " + octets.length + " octets, expected 6");
        }
        return of(octets, 0);
    }

    /** From the six octets of {@code buffer} at {@code offset}. */
    public static MacAddress of(byte[] buffer, int offset) {
        if (offset < 0 || offset > buffer.length - LENGTH) {
            throw new IllegalArgumentException("mac: offset " + offset + " leaves fewer than 6 octets in " + buffer.length);
        }
        long v = 0;
        for (int i = 0; i < LENGTH; i++) {
            v = (v << 8) | (buffer[offset + i] & 0xff);
        }
        return new MacAddress(v);
    }

    public static MacAddress of(Bytes octets) {
        return of(Validate.nonNull("mac", octets).toArray());
    }

    /** Parses {@code aa:bb:cc:dd:ee:ff} (also with '-' separators, any case). */
    public static MacAddress parse(String text) {
        Validate.nonNull("mac", text);
        String[] parts = text.trim().split("[:-]", -1);
        if (parts.length != LENGTH) {
            throw new IllegalArgumentException("mac: '" + text + "' is not six colon-separated octets");
        }
        long v = 0;
        for (String p : parts) {
            if (p.length() != 2 || Character.digit(p.charAt(0), 16) < 0 || Character.digit(p.charAt(1), 16) < 0) {
                throw new IllegalArgumentException("mac: '" + text + "' is not six colon-separated octets");
            }
            v = (v << 8) | Integer.parseInt(p, 16);
        }
        return new MacAddress(v);
    }

    public byte[] octets() {
        byte[] out = new byte[LENGTH];
        writeTo(out, 0);
        return out;
    }

    public void writeTo(byte[] buffer, int offset) {
        for (int i = LENGTH - 1; i >= 0; i--) {
            buffer[offset + i] = (byte) (value >>> (8 * (LENGTH - 1 - i)));
        }
    }

    public boolean isBroadcast() {
        return value == BROADCAST.value;
    }

    /** Group bit (I/G) of the first octet. */
    public boolean isMulticast() {
        return (value & 0x0100_0000_0000L) != 0;
    }

    public boolean isZero() {
        return value == 0;
    }

    /** Locally administered bit (U/L) of the first octet. */
    public boolean isLocallyAdministered() {
        return (value & 0x0200_0000_0000L) != 0;
    }

    @Override
    public int compareTo(MacAddress o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(17);
        for (int i = LENGTH - 1; i >= 0; i--) {
            int b = (int) (value >>> (8 * i)) & 0xff;
            sb.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
            if (i > 0) {
                sb.append(':');
            }
        }
        return sb.toString();
    }
}
