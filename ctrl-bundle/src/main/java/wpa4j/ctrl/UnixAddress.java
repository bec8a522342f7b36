package wpa4j.ctrl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A struct sockaddr_un exactly as the kernel reported or will be given it (family, then path bytes). Kept as
 * raw bytes: abstract addresses start with NUL and their length is part of the name.
 */
record UnixAddress(byte[] sockaddr) {
    /** sizeof(sun_path): the path and its terminating NUL must fit. */
    static final int PATH_SIZE = 108;
    static final int FAMILY_SIZE = 2;
    static final int MAX_SIZE = FAMILY_SIZE + PATH_SIZE;
    private static final Charset FILE_NAMES = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));

    static UnixAddress of(Path path) throws IOException {
        byte[] name = path.toString().getBytes(FILE_NAMES);
        if (name.length >= PATH_SIZE) {
            throw new IOException("path longer than " + (PATH_SIZE - 1) + " bytes: a unix socket cannot be bound there");
        }
        ByteBuffer b = ByteBuffer.allocate(FAMILY_SIZE + name.length + 1).order(ByteOrder.nativeOrder());
        b.putShort((short) LibC.AF_UNIX).put(name).put((byte) 0);
        return new UnixAddress(b.array());
    }

    static UnixAddress received(byte[] buf, int len) {
        return new UnixAddress(Arrays.copyOf(buf, Math.max(0, Math.min(len, buf.length))));
    }

    /** An unbound sender (only the family): nothing can be sent back to it. */
    boolean unnamed() {
        return sockaddr.length <= FAMILY_SIZE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnixAddress a && Arrays.equals(sockaddr, a.sockaddr);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sockaddr);
    }

    /** The path, '@' first for an abstract name, as ss and wpa_supplicant's debug output show it. */
    @Override
    public String toString() {
        if (unnamed()) {
            return "(unnamed)";
        }
        int end = sockaddr.length;
        if (sockaddr[FAMILY_SIZE] != 0) {
            while (end > FAMILY_SIZE && sockaddr[end - 1] == 0) {
                end--;
            }
            return new String(sockaddr, FAMILY_SIZE, end - FAMILY_SIZE, FILE_NAMES);
        }
        return "@" + new String(sockaddr, FAMILY_SIZE + 1, end - FAMILY_SIZE - 1, StandardCharsets.ISO_8859_1);
    }
}
