package wpa4j.driver.types;

/**
 * The arguments of {@code send_tdls_mgmt}.
 *
 * @param dst TDLS peer
 * @param actionCode TDLS action code
 * @param dialogToken dialog token
 * @param statusCode status code
 * @param ies IEs to include
 */
public record TdlsMgmtParams(MacAddress dst, int actionCode, int dialogToken, int statusCode, Bytes ies) {
    public TdlsMgmtParams {
        Validate.nonNull("dst", dst);
        Validate.u8("actionCode", actionCode);
        Validate.u8("dialogToken", dialogToken);
        Validate.u16("statusCode", statusCode);
        Validate.nonNull("ies", ies);
    }
}
