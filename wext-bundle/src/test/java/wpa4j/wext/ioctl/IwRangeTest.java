package wpa4j.wext.ioctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.sun.jna.Memory;

import wpa4j.wext.uapi.Uapi;

class IwRangeTest {
    /** An iw_range as cfg80211's wext compat fills it, built at the header's offsets. */
    private static byte[] range(int we, int encCapa, int[][] freqs) {
        ByteBuffer b = ByteBuffer.allocate(Uapi.SIZEOF_IW_RANGE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(Uapi.IW_RANGE_WE_VERSION_COMPILED, (byte) we).put(Uapi.IW_RANGE_WE_VERSION_SOURCE, (byte) 21);
        b.put(Uapi.IW_RANGE_NUM_FREQUENCY, (byte) freqs.length).putInt(Uapi.IW_RANGE_ENC_CAPA, encCapa);
        for (int i = 0; i < freqs.length; i++) {
            b.putInt(Uapi.IW_RANGE_FREQ + i * Uapi.SIZEOF_IW_FREQ, freqs[i][0]).putShort(Uapi.IW_RANGE_FREQ + i * Uapi.SIZEOF_IW_FREQ + 4,
                    (short) freqs[i][1]);
        }
        return b.array();
    }

    @Test
    void decodesVersionsCapabilitiesAndChannels() throws Exception {
        // cfg80211 reports frequencies as m = MHz * 100000, e = 1
        int capa = Uapi.IW_ENC_CAPA_WPA2 | Uapi.IW_ENC_CAPA_CIPHER_CCMP;
        IwRange r = IwRange.decode(range(22, capa, new int[][] {{241200000, 1}, {246200000, 1}, {5180, 6}}), Uapi.SIZEOF_IW_RANGE);
        assertEquals(22, r.weVersionCompiled());
        assertEquals(21, r.weVersionSource());
        assertTrue(r.has(Uapi.IW_ENC_CAPA_CIPHER_CCMP) && !r.has(Uapi.IW_ENC_CAPA_CIPHER_TKIP));
        assertEquals(List.of(2412, 2462, 5180), r.frequenciesMhz());
    }

    @Test
    void aShortOrOverlongAnswerIsAnErrorNotAGuess() {
        assertThrows(WextException.class, () -> IwRange.decode(new byte[Uapi.SIZEOF_IW_RANGE], 100));
        assertThrows(WextException.class, () -> IwRange.decode(new byte[100], Uapi.SIZEOF_IW_RANGE));
    }

    @Test
    void aChannelCountBeyondTheArrayIsClamped() throws Exception {
        byte[] b = range(22, 0, new int[0][]);
        b[Uapi.IW_RANGE_NUM_FREQUENCY] = (byte) 200;
        assertEquals(Uapi.IW_MAX_FREQUENCIES, IwRange.decode(b, Uapi.SIZEOF_IW_RANGE).frequenciesMhz().size());
    }

    @Test
    void iwreqCarriesTheNameAndAnIwPointAtTheHeaderOffsets() {
        Memory req = WextSocket.iwreq("wlan0");
        Memory buf = new Memory(8);
        WextSocket.point(req, buf, 300, 7);
        assertEquals("wlan0", req.getString(0));
        assertEquals(Uapi.IWREQ_U, 16, "union iwreq_data follows ifr_name[IFNAMSIZ]");
        assertEquals(buf, req.getPointer(Uapi.IWREQ_U));
        assertEquals(300, req.getShort(Uapi.IWREQ_U + Uapi.IW_POINT_LENGTH));
        assertEquals(7, req.getShort(Uapi.IWREQ_U + Uapi.IW_POINT_FLAGS));
        assertThrows(IllegalArgumentException.class, () -> WextSocket.iwreq("a-name-of-sixteen"));
    }
}
