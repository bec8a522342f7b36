package wpa4j.supplicant.core;

import java.util.Optional;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.driver.types.Bytes;

/** The association comeback time of a status-30 Association Response: its Timeout Interval element (56) of type 3. */
final class Comeback {
    static final int TIMEOUT_INTERVAL = 56;
    static final int TYPE_ASSOC_COMEBACK = 3;

    private Comeback() {}

    /** The comeback time in TUs, or empty when the response has no (well-formed) comeback Timeout Interval. */
    static Optional<Long> timeTu(Bytes respIes) {
        try {
            Optional<InformationElement> ti = IeList.decode(respIes).find(TIMEOUT_INTERVAL);
            if (ti.isEmpty() || ti.get().body().length() != 5 || ti.get().body().u8(0) != TYPE_ASSOC_COMEBACK) {
                return Optional.empty();
            }
            Bytes b = ti.get().body();
            // capped: a forged huge value must not park the station for days
            return Optional.of(Math.min(b.u8(1) | (long) b.u8(2) << 8 | (long) b.u8(3) << 16 | (long) b.u8(4) << 24, 10_000L));
        } catch (MalformedFrameException e) {
            return Optional.empty();
        }
    }
}
