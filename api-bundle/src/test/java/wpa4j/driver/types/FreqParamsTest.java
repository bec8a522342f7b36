package wpa4j.driver.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Frequency to channel, the one conversion the nl80211 hw features use, against its inverse channelToFrequency. */
class FreqParamsTest {
    @Test
    void twoPointFourGhz() {
        assertEquals(1, FreqParams.frequencyToChannel(2412));
        assertEquals(6, FreqParams.frequencyToChannel(2437));
        assertEquals(13, FreqParams.frequencyToChannel(2472));
        assertEquals(14, FreqParams.frequencyToChannel(2484), "channel 14 is off the 5 MHz grid");
    }

    @Test
    void fiveAndSixtyGhz() {
        assertEquals(36, FreqParams.frequencyToChannel(5180));
        assertEquals(165, FreqParams.frequencyToChannel(5825));
        assertEquals(1, FreqParams.frequencyToChannel(5005));
        assertEquals(190, FreqParams.frequencyToChannel(5950));
        assertEquals(1, FreqParams.frequencyToChannel(58320));
        assertEquals(6, FreqParams.frequencyToChannel(69120));
    }

    @Test
    void unknownFrequenciesAreZero() {
        for (int mhz : new int[] {0, -1, 2407, 2411, 2413, 2477, 2482, 2489, 4920, 5000, 5182, 5955, 6115, 56160, 58321, 71280, Integer.MAX_VALUE}) {
            assertEquals(0, FreqParams.frequencyToChannel(mhz), mhz + " MHz");
        }
    }

    @Test
    void roundTrips() {
        for (HwModeType mode : HwModeType.values()) {
            int max = switch (mode) {
                case IEEE80211B, IEEE80211G -> 14;
                case IEEE80211A -> 190;
                case IEEE80211AD -> 6;
            };
            for (int ch = 1; ch <= max; ch++) {
                assertEquals(ch, FreqParams.frequencyToChannel(FreqParams.channelToFrequency(mode, ch)), mode + " channel " + ch);
            }
        }
        int known = 0;
        for (int mhz = 0; mhz <= 70_000; mhz++) {
            int ch = FreqParams.frequencyToChannel(mhz);
            if (ch != 0) {
                HwModeType mode = mhz < 2500 ? HwModeType.IEEE80211G : mhz < 6000 ? HwModeType.IEEE80211A : HwModeType.IEEE80211AD;
                assertEquals(mhz, FreqParams.channelToFrequency(mode, ch), mhz + " MHz");
                known++;
            }
        }
        assertEquals(14 + 190 + 6, known, "every channel once, nothing else");
    }
}
