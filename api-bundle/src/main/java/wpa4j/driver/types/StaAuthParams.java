package wpa4j.driver.types;

/**
 * The arguments of {@code sta_auth}: the Authentication response to a station, for drivers whose firmware
 * does authentication but lets hostapd decide.
 *
 * @param ownAddr the BSS address
 * @param addr station address
 * @param seq authentication transaction sequence number
 * @param status status code
 * @param ie IEs for the response
 */
public record StaAuthParams(MacAddress ownAddr, MacAddress addr, int seq, int status, Bytes ie) {
    public StaAuthParams {
        Validate.nonNull("ownAddr", ownAddr);
        Validate.nonNull("addr", addr);
        Validate.u16("seq", seq);
        Validate.u16("status", status);
        Validate.nonNull("ie", ie);
    }
}
