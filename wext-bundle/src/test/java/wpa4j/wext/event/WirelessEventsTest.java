package wpa4j.wext.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

/**
 * IFLA_WIRELESS streams written out by hand in the 64-bit layout of wireless_send_event (len, cmd, 4 octets
 * of padding; a sockaddr for SIOCGIWAP; iw_point length/flags/padding then data for point events), with the
 * ioctl numbers of linux/wireless.h as literals, so the generated constants are checked too.
 */
class WirelessEventsTest {
    private static final int SIOCGIWAP = 0x8B15;
    private static final int SIOCGIWSCAN = 0x8B19;
    private static final int IWEVASSOCREQIE = 0x8C07;
    private static final int IWEVMICHAELMICFAILURE = 0x8C06;

    private static void header(ByteArrayOutputStream o, int len, int cmd) {
        o.write(len);
        o.write(len >> 8);
        o.write(cmd);
        o.write(cmd >> 8);
        o.writeBytes(new byte[4]);
    }

    private static void ap(ByteArrayOutputStream o, String mac) {
        header(o, 24, SIOCGIWAP);
        o.writeBytes(new byte[] {1, 0}); // sa_family ARPHRD_ETHER
        o.writeBytes(MacAddress.parse(mac).octets());
        o.writeBytes(new byte[8]);
    }

    private static void point(ByteArrayOutputStream o, int cmd, byte[] data) {
        header(o, 16 + data.length, cmd);
        o.write(data.length);
        o.write(data.length >> 8);
        o.writeBytes(new byte[6]);
        o.writeBytes(data);
    }

    @Test
    void associationIesThenApAddressThenScanDone() {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        point(o, IWEVASSOCREQIE, new byte[] {0x30, 2, 1, 0});
        ap(o, "02:00:00:00:02:00");
        point(o, SIOCGIWSCAN, new byte[0]);
        header(o, 12, 0x8B01); // SIOCSIWCOMMIT: nothing for a station
        o.writeBytes(new byte[4]);
        WirelessEvents.Parsed p = WirelessEvents.parse(Bytes.of(o.toByteArray()));
        assertEquals(List.of(new WirelessEvent.AssocReqIe(Bytes.of((byte) 0x30, (byte) 2, (byte) 1, (byte) 0)),
                new WirelessEvent.ApAddress(MacAddress.parse("02:00:00:00:02:00")), new WirelessEvent.ScanDone()), p.events());
        assertEquals(1, p.skipped());
        assertEquals(0, p.malformed());
    }

    @Test
    void michaelMicFailureCarriesKeyIdGroupFlagAndSource() {
        byte[] mic = new byte[4 + 16 + 8]; // flags, sockaddr src_addr, tsc
        mic[0] = 0x04 | 0x01; // IW_MICFAILURE_GROUP, key id 1
        mic[4] = 1;
        System.arraycopy(MacAddress.parse("02:00:00:00:02:00").octets(), 0, mic, 6, 6);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        point(o, IWEVMICHAELMICFAILURE, mic);
        assertEquals(List.of(new WirelessEvent.MicFailure(1, true, MacAddress.parse("02:00:00:00:02:00"))),
                WirelessEvents.parse(Bytes.of(o.toByteArray())).events());
    }

    @Test
    void truncatedAndInconsistentEventsAreCountedNotThrown() {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ap(o, "02:00:00:00:02:00");
        header(o, 16 + 40, IWEVASSOCREQIE); // says 40 octets of data, the stream ends first
        o.write(40);
        o.writeBytes(new byte[7]);
        WirelessEvents.Parsed p = WirelessEvents.parse(Bytes.of(o.toByteArray()));
        assertEquals(1, p.events().size());
        assertEquals(1, p.malformed());

        ByteArrayOutputStream short16 = new ByteArrayOutputStream();
        header(short16, 12, SIOCGIWAP); // an address event too short for its sockaddr
        short16.writeBytes(new byte[4]);
        assertEquals(1, WirelessEvents.parse(Bytes.of(short16.toByteArray())).malformed());
    }

    @Test
    void randomStreamsNeverThrow() {
        Random r = new Random(6);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[r.nextInt(80)];
            r.nextBytes(b);
            if (b.length > 3 && r.nextBoolean()) {
                b[2] = 0x15;
                b[3] = (byte) 0x8B;
            }
            WirelessEvents.parse(Bytes.of(b));
        }
    }
}
