package wpa4j.driver.types;

import java.util.List;

/**
 * A supported PHY mode with its channels and rates ({@code struct hostapd_hw_modes}).
 *
 * @param mode the PHY mode
 * @param channels its channels
 * @param rates supported rates in units of 100 kbps
 * @param htCapab HT capabilities info, 0 without HT
 * @param mcsSet 16-octet HT MCS set, empty without HT
 * @param ampduParams A-MPDU parameters
 * @param vhtCapab VHT capabilities info, 0 without VHT
 * @param vhtMcsSet 8-octet VHT MCS set, empty without VHT
 * @param flags {@code HOSTAPD_MODE_FLAG_*} bits
 */
public record HwMode(HwModeType mode, List<ChannelData> channels, List<Integer> rates, int htCapab, Bytes mcsSet, int ampduParams,
        long vhtCapab, Bytes vhtMcsSet, int flags) {
    public HwMode {
        Validate.nonNull("mode", mode);
        channels = Validate.list("channels", channels, 256);
        rates = Validate.list("rates", rates, 64);
        Validate.u16("htCapab", htCapab);
        if (!mcsSet.isEmpty()) {
            Validate.exactLength("mcsSet", mcsSet, 16);
        }
        Validate.u8("ampduParams", ampduParams);
        Validate.u32("vhtCapab", vhtCapab);
        if (!vhtMcsSet.isEmpty()) {
            Validate.exactLength("vhtMcsSet", vhtMcsSet, 8);
        }
    }
}
