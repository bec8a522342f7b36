package wpa4j.driver.types;

/**
 * The arguments of {@code set_tx_queue_params} (EDCA parameters of one access category).
 *
 * @param queue queue: 0 = VO, 1 = VI, 2 = BE, 3 = BK
 * @param aifs AIFSN
 * @param cwMin CWmin
 * @param cwMax CWmax
 * @param burstTime maximum burst time in units of 0.1 ms
 */
public record TxQueueParams(int queue, int aifs, int cwMin, int cwMax, int burstTime) {
    public TxQueueParams {
        Validate.range("queue", queue, 0, 3);
        Validate.range("aifs", aifs, 0, 255);
        Validate.range("cwMin", cwMin, 0, 32767);
        Validate.range("cwMax", cwMax, cwMin, 32767);
        Validate.range("burstTime", burstTime, 0, 65535);
    }
}
