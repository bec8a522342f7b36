package wpa4j.common.frame;

import java.util.Optional;

import wpa4j.common.codec.FrameWriter;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Validate;

/**
 * An SA Query Request or Response (IEEE 802.11-2020 9.6.9): the Action frame body PMF peers use to check that an
 * association still exists before believing an unprotected disconnection or a new association attempt.
 *
 * @param request Request (action 0) or Response (action 1)
 * @param transactionId the 2-octet Transaction Identifier the Response echoes
 */
public record SaQuery(boolean request, Bytes transactionId) {
    public static final int CATEGORY = 8;
    public static final int ACTION_REQUEST = 0;
    public static final int ACTION_RESPONSE = 1;

    public SaQuery {
        Validate.exactLength("transactionId", transactionId, 2);
    }

    /** The Response to this Request. */
    public SaQuery response() {
        return new SaQuery(false, transactionId);
    }

    /** The Action frame body from the Category field on (what send_action and a MgmtFrame.Action carry). */
    public Bytes actionBody() {
        return new FrameWriter(4).u8(CATEGORY).u8(request ? ACTION_REQUEST : ACTION_RESPONSE).bytes(transactionId).toBytes();
    }

    /** The Action frame from {@code own} to {@code peer} in the BSS {@code bssid}, unprotected (the driver protects it for a PMF peer). */
    public Bytes encode(MacAddress peer, MacAddress own, MacAddress bssid) {
        return new MgmtFrame.Action(MgmtHeader.of(MgmtSubtype.ACTION, peer, own, bssid), CATEGORY, actionBody().slice(1, 3)).encode();
    }

    /** The SA Query in an Action frame, or empty when it is another Action (or too short to be one). */
    public static Optional<SaQuery> of(MgmtFrame.Action a) {
        if (a.category() != CATEGORY || a.body().length() < 3 || a.body().u8(0) > ACTION_RESPONSE) {
            return Optional.empty();
        }
        return Optional.of(new SaQuery(a.body().u8(0) == ACTION_REQUEST, a.body().slice(1, 2)));
    }
}
