package wpa4j.supplicant.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import wpa4j.common.ie.IeList;
import wpa4j.common.ie.TimeoutInterval;
import wpa4j.driver.types.Bytes;

/** The comeback time the station honours after status 30: from the Timeout Interval of type 3 only, and capped. */
class ComebackTest {
    private static Bytes ies(TimeoutInterval ti) {
        return IeList.of(ti.toElement()).encode();
    }

    @Test
    void theAssociationComebackTimeIsReadAndCapped() {
        assertEquals(Optional.of(1000L), Comeback.timeTu(ies(TimeoutInterval.assocComeback(1000))));
        assertEquals(Optional.of(Comeback.MAX_TU), Comeback.timeTu(ies(TimeoutInterval.assocComeback(4_000_000_000L))));
    }

    @Test
    void anotherTypeNoElementOrGarbageIsNoComeback() {
        assertEquals(Optional.empty(), Comeback.timeTu(ies(new TimeoutInterval(2, 1000))));
        assertEquals(Optional.empty(), Comeback.timeTu(Bytes.EMPTY));
        assertEquals(Optional.empty(), Comeback.timeTu(Bytes.fromHex("3805030a")));
    }
}
