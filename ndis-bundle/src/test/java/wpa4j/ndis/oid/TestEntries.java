package wpa4j.ndis.oid;

import java.nio.ByteBuffer;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;

/** BSSID list entries for tests. */
public final class TestEntries {
    private TestEntries() {}

    /** An entry with fixed IEs (beacon interval 100, ESS|Privacy|ShortSlot) followed by {@code elements}. */
    public static NdisWlanBssidEx entry(MacAddress bssid, String ssid, int rssi, int mhz, Bytes elements) {
        Bytes fixed = Bytes.fromHex("0100000000000000" + "6400" + "1104");
        Bytes ies = Bytes.of(ByteBuffer.allocate(12 + elements.length()).put(fixed.toArray()).put(elements.toArray()).array());
        return new NdisWlanBssidEx(bssid, Ssid.ofUtf8(ssid), 1, rssi, 3, 100, 0, mhz * 1000L, 1, Bytes.fromHex("82848b960c1218243048606c00000000"),
                ies);
    }
}
