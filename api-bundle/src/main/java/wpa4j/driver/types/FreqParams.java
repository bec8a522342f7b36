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

    /**
     * The inverse of {@link #channelToFrequency}, as ieee80211_freq_to_chan: MHz to the channel number within its band,
     * 2412..2472 to 1..13, 2484 to 14, 5005..5950 to 1..190, 58320..69120 (60 GHz) to 1..6. Any other frequency,
     * including one between two channels, gives 0 (no band has a channel 0).
     */
    public static int frequencyToChannel(int mhz) {
        if (mhz == 2484) {
            return 14;
        }
        if (mhz >= 2412 && mhz <= 2472) {
            return (mhz - 2407) % 5 == 0 ? (mhz - 2407) / 5 : 0;
        }
        if (mhz >= 5005 && mhz <= 5950) {
            return mhz % 5 == 0 ? (mhz - 5000) / 5 : 0;
        }
        if (mhz >= 58320 && mhz <= 69120) {
            return (mhz - 56160) % 2160 == 0 ? (mhz - 56160) / 2160 : 0;
        }
        return 0;
    }
}
