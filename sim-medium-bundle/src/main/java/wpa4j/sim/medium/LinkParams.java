package wpa4j.sim.medium;

import wpa4j.driver.types.Validate;

/**
 * How frames travel from one radio to another.
 *
 * @param lossPercent probability in percent that one transmission attempt is lost (unicast frames are
 *     retried up to {@link Medium#UNICAST_RETRIES} times, as hardware does)
 * @param latencyMs delivery delay
 * @param rssi received signal strength in dBm
 */
public record LinkParams(int lossPercent, int latencyMs, int rssi) {
    public static final LinkParams DEFAULT = new LinkParams(0, 0, -40);

    public LinkParams {
        Validate.range("lossPercent", lossPercent, 0, 100);
        Validate.range("latencyMs", latencyMs, 0, 60_000);
        Validate.range("rssi", rssi, -120, 0);
    }
}
