package wpa4j.driver.types;

/**
 * Connection quality from {@code signal_poll} and {@code EVENT_SIGNAL_CHANGE} ({@code struct wpa_signal_info}).
 *
 * @param frequency operating frequency in MHz
 * @param aboveThreshold whether the signal is above the threshold set by {@code signal_monitor}
 * @param currentSignal signal in dBm
 * @param currentNoise noise in dBm (or a driver-specific value when unknown)
 * @param currentTxrate transmit rate in kbps
 */
public record SignalInfo(int frequency, boolean aboveThreshold, int currentSignal, int currentNoise, int currentTxrate) {
    public SignalInfo {
        Validate.frequencyOrZero("frequency", frequency);
        Validate.nonNegative("currentTxrate", currentTxrate);
    }
}
