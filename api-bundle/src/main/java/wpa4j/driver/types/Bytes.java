package wpa4j.driver.types;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable octet string: IEs, frames, SSID octets, key material. Value semantics ({@code equals} by
 * content) so records holding it compare by content. {@link #toString()} prints hex; records that hold
 * secrets must not include such a field in their own {@code toString()}.
 */
public final class Bytes {
    public static final Bytes EMPTY = new Bytes(new byte[0]);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** A copy of {@code data}. */
    public static Bytes of(byte... data) {
        Validate.nonNull("data", data);
        return data.length == 0 ? EMPTY : new Bytes(data.clone());
    }

    /** A copy of {@code length} bytes of {@code data} from {@code offset}. */
    public static Bytes of(byte[] data, int offset, int length) {
        Validate.nonNull("data", data);
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IllegalArgumentException("range: offset " + offset + " length " + length + " outside " + data.length + " bytes");
        }
        return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(data, offset, offset + length));
    }

    /** The remaining bytes of {@code buffer}, copied; the buffer's position is not moved. */
    public static Bytes of(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy.length == 0 ? EMPTY : new Bytes(copy);
    }

    /** Parses hex digits (upper or lower case, no separators). */
    public static Bytes fromHex(String hex) {
        Validate.nonNull("hex", hex);
        try {
            return of(HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hex: '" + hex + "' is not an even-length hex string", e);
        }
    }

    public int length() {
        return data.length;
    }

    public boolean isEmpty() {
        return data.length == 0;
    }

    public byte get(int index) {
        return data[index];
    }

    /** The unsigned value of the byte at {@code index}. */
    public int u8(int index) {
        return data[index] & 0xff;
    }

    /** A fresh copy of the content. */
    public byte[] toArray() {
        return data.clone();
    }

    public Bytes slice(int offset, int length) {
        return of(data, offset, length);
    }

    /**
     * The octets escaped as wpa_supplicant prints text (printf_encode): printable ASCII as is, {@code \" \\ \e \n \r \t}
     * escaped, every other octet as {@code \xNN}. Not for secrets.
     *
     * @since 1.2
     */
    public String toPrintable() {
        StringBuilder sb = new StringBuilder(data.length);
        for (int i = 0; i < data.length; i++) {
            int c = data[i] & 0xff;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case 0x1b -> sb.append("\\e");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c >= 32 && c <= 126) {
                        sb.append((char) c);
                    } else {
                        sb.append(String.format("\\x%02x", c));
                    }
                }
            }
        }
        return sb.toString();
    }

    /** A read-only view, for writing into buffers without another copy. */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    public String toHex() {
        return HEX.formatHex(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
