package wpa4j.sim.medium;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;

/** Data frames as 802.11 carries Ethernet payloads between station and AP: the address fields per direction, LLC/SNAP. */
class DataFramesTest {
    private static final MacAddress BSSID = MacAddress.parse("02:00:00:00:00:00");
    private static final MacAddress STA = MacAddress.parse("02:00:00:00:01:00");
    private static final MacAddress HOST = MacAddress.parse("0a:0b:0c:0d:0e:0f");
    private static final Bytes PAYLOAD = Bytes.fromHex("0102030405");

    @Test
    void toTheApTheFrameIsToDsWithBssidSourceDestination() throws Exception {
        byte[] f = DataFrames.toAp(BSSID, STA, HOST, 0x123, 0x888e, PAYLOAD);
        // FC 08 01 (data, ToDS), duration, A1 BSSID, A2 SA, A3 DA, sequence 0x123 << 4, LLC/SNAP, EtherType big-endian
        assertArrayEquals(Bytes.fromHex("08010000" + "020000000000" + "020000000100" + "0a0b0c0d0e0f" + "3012" + "aaaa03000000" + "888e" + "0102030405")
                .toArray(), f);
        assertEquals(new DataFrames.Data(BSSID, STA, HOST, 0x888e, PAYLOAD), DataFrames.parse(f));
        assertFalse(DataFrames.isProtected(f));
    }

    @Test
    void fromTheApTheFrameIsFromDsWithDestinationBssidSource() throws Exception {
        byte[] f = DataFrames.fromAp(STA, BSSID, HOST, 0xfff + 2, 0x0800, PAYLOAD);
        assertArrayEquals(Bytes.fromHex("08020000" + "020000000100" + "020000000000" + "0a0b0c0d0e0f" + "1000" + "aaaa03000000" + "0800" + "0102030405")
                .toArray(), f, "the sequence number wraps at 12 bits");
        assertEquals(new DataFrames.Data(BSSID, HOST, STA, 0x0800, PAYLOAD), DataFrames.parse(f));
    }

    @Test
    void framesThatAreNotStationApTrafficWithLlcSnapDoNotParse() {
        byte[] ok = DataFrames.toAp(BSSID, STA, HOST, 1, 0x0800, PAYLOAD);
        byte[] noDs = ok.clone();
        noDs[1] = 0;
        byte[] bothDs = ok.clone();
        bothDs[1] = 3;
        byte[] noSnap = ok.clone();
        noSnap[24] = 0;
        byte[] qos = ok.clone();
        qos[0] = (byte) 0x88;
        byte[] mgmt = ok.clone();
        mgmt[0] = 0;
        for (byte[] bad : new byte[][] {noDs, bothDs, noSnap, qos, mgmt, java.util.Arrays.copyOf(ok, 30)}) {
            assertThrows(MalformedFrameException.class, () -> DataFrames.parse(bad));
        }
        byte[] prot = ok.clone();
        prot[1] |= 0x40;
        assertTrue(DataFrames.isProtected(prot));
    }
}
