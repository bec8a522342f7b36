package wpa4j.driver.types;

/**
 * The arguments of {@code send_action}.
 *
 * @param freq channel to send on in MHz
 * @param waitMs how long to stay on the channel for a response, 0 for no wait
 * @param dst destination address
 * @param src source address
 * @param bssid BSSID field
 * @param data frame body from the Category field on
 * @param noCck whether CCK rates must not be used
 */
public record SendActionParams(int freq, int waitMs, MacAddress dst, MacAddress src, MacAddress bssid, Bytes data, boolean noCck) {
    public SendActionParams {
        Validate.frequency("freq", freq);
        Validate.nonNegative("waitMs", waitMs);
        Validate.nonNull("dst", dst);
        Validate.nonNull("src", src);
        Validate.nonNull("bssid", bssid);
        Validate.length("data", data, 1, 2304);
    }
}
