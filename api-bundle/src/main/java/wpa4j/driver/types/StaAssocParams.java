package wpa4j.driver.types;

/**
 * The arguments of {@code sta_assoc}: the (Re)Association Response to a station, for drivers whose
 * firmware does the association but lets hostapd decide.
 *
 * @param ownAddr the BSS address
 * @param addr station address
 * @param reassoc whether this answers a Reassociation Request
 * @param status status code
 * @param ie IEs for the response
 */
public record StaAssocParams(MacAddress ownAddr, MacAddress addr, boolean reassoc, int status, Bytes ie) {
    public StaAssocParams {
        Validate.nonNull("ownAddr", ownAddr);
        Validate.nonNull("addr", addr);
        Validate.u16("status", status);
        Validate.nonNull("ie", ie);
    }
}
