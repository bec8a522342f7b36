package wpa4j.linux.custody.internal;

import java.io.ByteArrayOutputStream;

/** Netlink messages for tests: a header and a zeroed payload, the payload's first octet a marker. */
final class Messages {
    private Messages() {
    }

    static byte[] message(int type, int seq, int payload) {
        byte[] m = new byte[Nlmsg.HEADER + payload];
        Nlmsg.putU32(m, 0, m.length);
        m[4] = (byte) type;
        m[5] = (byte) (type >> 8);
        Nlmsg.putU32(m, 8, seq);
        return m;
    }

    /** An unsolicited event (seq 0) whose payload starts with {@code marker}. */
    static byte[] event(int marker) {
        byte[] m = message(0x20, 0, 4);
        m[16] = (byte) marker;
        return m;
    }

    static int marker(byte[] m) {
        return m[16] & 0xff;
    }

    static byte[] concat(byte[]... messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] m : messages) {
            out.writeBytes(m);
            out.writeBytes(new byte[(4 - m.length % 4) % 4]);
        }
        return out.toByteArray();
    }
}
