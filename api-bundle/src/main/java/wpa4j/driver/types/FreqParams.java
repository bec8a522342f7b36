package wpa4j.driver.types;

/**
 * The arguments of {@code set_freq} ({@code struct hostapd_freq_params}).
 *
 * @param mode PHY mode
 * @param freq primary channel frequency in MHz
 * @param channel primary channel number
 * @param htEnabled whether HT is enabled
 * @param secChannelOffset secondary channel: -1 below, 0 none, 1 above
 */
public record FreqParams(HwModeType mode, int freq, int channel, boolean htEnabled, int secChannelOffset) {
    public FreqParams {
        Validate.nonNull("mode", mode);
        Validate.frequency("freq", freq);
        Validate.range("channel", channel, 1, 255);
        Validate.range("secChannelOffset", secChannelOffset, -1, 1);
        if (!htEnabled && secChannelOffset != 0) {
            throw new IllegalArgumentException("secChannelOffset: " + secChannelOffset + " requires htEnabled");
        }
    }

    /** 2.4 GHz channel 1..14 or 5 GHz channel number to MHz, as ieee80211_channel_to_frequency. */
    public static int channelToFrequency(HwModeType mode, int channel) {
        return switch (mode) {
            case IEEE80211B, IEEE80211G -> {
                Validate.range("channel", channel, 1, 14);
                yield channel == 14 ? 2484 : 2407 + 5 * channel;
            }
            case IEEE80211A -> Validate.frequency("channel", 5000 + 5 * Validate.range("channel", channel, 1, 196));
            case IEEE80211AD -> 56160 + 2160 * Validate.range("channel", channel, 1, 6);
        };
    }
}
