package wpa4j.supplicant.core;

import java.util.Optional;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.TimeoutInterval;
import wpa4j.driver.types.Bytes;

/** The association comeback time of a status-30 Association Response (its Timeout Interval element of type 3). */
final class Comeback {
    /** A forged huge comeback time must not park the station for long. */
    static final long MAX_TU = 10_000;

    private Comeback() {}

    /** The comeback time in TUs, capped, or empty when the response has no (well-formed) comeback Timeout Interval. */
    static Optional<Long> timeTu(Bytes respIes) {
        try {
            var tu = TimeoutInterval.assocComebackTu(IeList.decode(respIes));
            return tu.isPresent() ? Optional.of(Math.min(tu.getAsLong(), MAX_TU)) : Optional.empty();
        } catch (MalformedFrameException e) {
            return Optional.empty();
        }
    }
}
