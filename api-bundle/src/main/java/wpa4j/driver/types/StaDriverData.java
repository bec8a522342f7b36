package wpa4j.driver.types;

import java.util.Set;

/**
 * Per-station counters from {@code read_sta_data} ({@code struct hostap_sta_driver_data}).
 *
 * @param rxPackets data frames received
 * @param txPackets data frames sent
 * @param rxBytes octets received
 * @param txBytes octets sent
 * @param currentTxRate current transmit rate in units of 100 kbps
 * @param inactiveMsec milliseconds since the station was last heard
 * @param flags station flags
 * @param numPsBufFrames frames buffered for the station in power save
 * @param txRetryFailed frames dropped after retries
 * @param txRetryCount retransmissions
 * @param lastRssi RSSI of the last received frame in dBm
 * @param lastAckRssi RSSI of the last ACK in dBm
 */
public record StaDriverData(long rxPackets, long txPackets, long rxBytes, long txBytes, int currentTxRate, long inactiveMsec,
        Set<StaFlag> flags, int numPsBufFrames, long txRetryFailed, long txRetryCount, int lastRssi, int lastAckRssi) {
    public StaDriverData {
        flags = Validate.set("flags", flags);
    }
}
