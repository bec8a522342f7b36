package wpa4j.wext.ioctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import org.junit.jupiter.api.Test;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.ScanResult;
import wpa4j.driver.types.ScanResultFlag;
import wpa4j.wext.uapi.Uapi;

/** Streams built as the 64-bit kernel's iwe_stream_add_event/iwe_stream_add_point write them. */
class IwEventStreamTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private void event(int cmd, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(Uapi.IW_EV_LCP_LEN + payload.length).order(ByteOrder.nativeOrder());
        b.putShort((short) (Uapi.IW_EV_LCP_LEN + payload.length)).putShort((short) cmd).position(Uapi.IW_EV_LCP_LEN);
        b.put(payload);
        out.writeBytes(b.array());
    }

    private void point(int cmd, int flags, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(Uapi.IW_EV_POINT_LEN + data.length).order(ByteOrder.nativeOrder());
        b.putShort((short) (Uapi.IW_EV_POINT_LEN + data.length)).putShort((short) cmd);
        b.putShort(Uapi.IW_EV_LCP_LEN, (short) data.length).putShort(Uapi.IW_EV_LCP_LEN + 2, (short) flags).position(Uapi.IW_EV_POINT_LEN);
        b.put(data);
        out.writeBytes(b.array());
    }

    private void bss(String mac, String ssid, int mhz, int dbm, byte[] rsn) {
        byte[] addr = new byte[16];
        addr[0] = 1; // ARPHRD_ETHER
        System.arraycopy(MacAddress.parse(mac).octets(), 0, addr, 2, 6);
        event(Uapi.SIOCGIWAP, addr);
        point(Uapi.SIOCGIWESSID, 1, ssid.getBytes());
        event(Uapi.SIOCGIWFREQ, ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt((mhz - 2407) / 5).putShort((short) 0).array());
        event(Uapi.SIOCGIWFREQ, ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(mhz).putShort((short) 6).array());
        event(Uapi.IWEVQUAL, new byte[] {0, (byte) (dbm + 256), 0, (byte) (Uapi.IW_QUAL_DBM | 0x07)});
        point(Uapi.SIOCGIWENCODE, rsn == null ? Uapi.IW_ENCODE_DISABLED : 0, new byte[0]);
        if (rsn != null) {
            point(Uapi.IWEVGENIE, 0, rsn);
        }
        point(Uapi.IWEVCUSTOM, 0, "tsf=0000000000001234".getBytes());
    }

    private static final byte[] RSN = Bytes.fromHex("30140100000fac040100000fac040100000fac020000").toArray();

    @Test
    void twoBssesWithSsidFrequencyLevelPrivacyAndIes() {
        bss("02:00:00:00:02:00", "wpa4j-wext", 2412, -30, RSN);
        bss("02:00:00:00:00:00", "open-one", 2437, -45, null);
        byte[] s = out.toByteArray();
        IwEventStream.Parsed p = IwEventStream.parse(s, s.length);
        assertEquals(2, p.results().size());
        ScanResult a = p.results().get(0);
        assertEquals(MacAddress.parse("02:00:00:00:02:00"), a.bssid());
        assertEquals(2412, a.freq());
        assertEquals(-30, a.level());
        assertTrue(a.flags().contains(ScanResultFlag.LEVEL_DBM));
        assertEquals(0x0011, a.caps(), "ESS + privacy");
        assertEquals(Bytes.of("wpa4j-wext".getBytes()), a.ie(0).orElseThrow());
        assertEquals(Bytes.of(RSN).slice(2, RSN.length - 2), a.ie(48).orElseThrow());
        ScanResult b = p.results().get(1);
        assertEquals(2437, b.freq());
        assertEquals(0x0001, b.caps());
        assertEquals(0, p.malformed());
    }

    @Test
    void olderDriversRsnElementAsCustomHexText() {
        bss("02:00:00:00:02:00", "custom", 2412, -30, null);
        point(Uapi.IWEVCUSTOM, 0, "rsn_ie=30140100000fac040100000fac040100000fac020000".getBytes());
        point(Uapi.IWEVCUSTOM, 0, "rsn_ie=30ff01".getBytes()); // length octet says 255: not an element
        point(Uapi.IWEVCUSTOM, 0, "rsn_ie=zz00".getBytes());
        point(Uapi.IWEVCUSTOM, 0, "Last beacon: 100ms ago".getBytes());
        byte[] s = out.toByteArray();
        IwEventStream.Parsed p = IwEventStream.parse(s, s.length);
        assertEquals(Bytes.of(RSN).slice(2, RSN.length - 2), p.results().get(0).ie(48).orElseThrow());
        assertEquals(3, p.skipped(), "the bad hex, the wrong length and the text that is no IE");
        assertEquals(0, p.malformed());
    }

    @Test
    void aTruncatedEventEndsTheStreamCountedAndKeepsWhatCameBefore() {
        bss("02:00:00:00:02:00", "first", 2412, -30, RSN);
        bss("02:00:00:00:03:00", "second", 2462, -50, RSN);
        byte[] s = out.toByteArray();
        IwEventStream.Parsed p = IwEventStream.parse(s, s.length - 5);
        assertEquals(1, p.malformed());
        assertEquals("first", new String(p.results().get(0).ie(0).orElseThrow().toArray()));
    }

    @Test
    void unknownCommandsAreSkippedAndCounted() {
        bss("02:00:00:00:02:00", "x", 2412, -30, null);
        event(0x8c7f, new byte[8]);
        byte[] s = out.toByteArray();
        IwEventStream.Parsed p = IwEventStream.parse(s, s.length);
        assertEquals(1, p.skipped());
        assertEquals(1, p.results().size());
    }

    @Test
    void aPointLongerThanItsEventOrAnOverlongEssidIsMalformed() {
        bss("02:00:00:00:02:00", "x", 2412, -30, null);
        point(Uapi.SIOCGIWESSID, 1, new byte[40]);
        byte[] s = out.toByteArray();
        assertEquals(1, IwEventStream.parse(s, s.length).malformed());
    }

    @Test
    void aBssOnNoChannelIsDroppedAndCounted() {
        bss("02:00:00:00:02:00", "x", 9999, -30, null);
        bss("02:00:00:00:03:00", "y", 2412, -30, null);
        byte[] s = out.toByteArray();
        IwEventStream.Parsed p = IwEventStream.parse(s, s.length);
        assertEquals(1, p.malformed());
        assertEquals(MacAddress.parse("02:00:00:00:03:00"), p.results().get(0).bssid());
    }

    @Test
    void randomBytesNeverThrow() {
        Random r = new Random(6);
        for (int i = 0; i < 20_000; i++) {
            byte[] junk = new byte[r.nextInt(300)];
            r.nextBytes(junk);
            IwEventStream.parse(junk, junk.length);
        }
        bss("02:00:00:00:02:00", "wpa4j-wext", 2412, -30, RSN);
        byte[] good = out.toByteArray();
        for (int i = 0; i < 20_000; i++) {
            byte[] m = good.clone();
            m[r.nextInt(m.length)] = (byte) r.nextInt(256);
            IwEventStream.parse(m, r.nextInt(m.length + 1));
        }
    }
}
