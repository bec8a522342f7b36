package wpa4j.hostapd.core;

import wpa4j.driver.types.Validate;

/**
 * EAPOL-Key retransmission of the authenticator; defaults are hostapd's (first timeout 100 ms, 500 ms for a group key
 * message, then dot11RSNAConfigPairwiseUpdateTimeOut 1000 ms, 4 attempts).
 *
 * @param firstTimeoutMs wait for the reply to the first message of the 4-way handshake
 * @param firstGroupTimeoutMs wait for the reply to the first group key message (eapol_key_timeout_first_group)
 * @param timeoutMs wait for the reply to a retransmitted message
 * @param attempts messages sent before giving up (dot11RSNAConfig{Pairwise,Group}UpdateCount)
 */
public record ApTiming(int firstTimeoutMs, int firstGroupTimeoutMs, int timeoutMs, int attempts) {
    public static final ApTiming DEFAULT = new ApTiming(100, 500, 1000, 4);

    /** The group key message's first wait the same as the 4-way handshake's. */
    public ApTiming(int firstTimeoutMs, int timeoutMs, int attempts) {
        this(firstTimeoutMs, firstTimeoutMs, timeoutMs, attempts);
    }

    public ApTiming {
        Validate.range("firstTimeoutMs", firstTimeoutMs, 1, 60_000);
        Validate.range("firstGroupTimeoutMs", firstGroupTimeoutMs, 1, 60_000);
        Validate.range("timeoutMs", timeoutMs, 1, 60_000);
        Validate.range("attempts", attempts, 1, 100);
    }
}
