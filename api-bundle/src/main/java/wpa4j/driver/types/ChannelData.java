package wpa4j.driver.types;

import java.util.Set;

/**
 * A channel of a hardware mode ({@code struct hostapd_channel_data}).
 *
 * @param chan channel number
 * @param freq centre frequency in MHz
 * @param flags restrictions
 * @param maxTxPower maximum transmit power in dBm
 */
public record ChannelData(int chan, int freq, Set<ChannelFlag> flags, int maxTxPower) {
    public ChannelData {
        Validate.range("chan", chan, 1, 255);
        Validate.frequency("freq", freq);
        flags = Validate.set("flags", flags);
        Validate.range("maxTxPower", maxTxPower, -128, 127);
    }
}
