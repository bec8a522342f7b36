package wpa4j.common.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import wpa4j.driver.types.Bytes;

class SaQuerySessionTest {
    private static final long MAX = 1_000_000_000L;

    /** Hands out the ids 00 01, 00 02, ... so the test knows which were sent. */
    private static Random counting() {
        return new Random() {
            private int next;

            @Override
            public void nextBytes(byte[] bytes) {
                next++;
                bytes[0] = (byte) (next >> 8);
                bytes[1] = (byte) next;
            }
        };
    }

    private static SaQuery response(int id) {
        return new SaQuery(false, Bytes.of(new byte[] {(byte) (id >> 8), (byte) id}));
    }

    @Test
    void aResponseWithTheSentIdEndsTheProcedure() {
        SaQuerySession s = new SaQuerySession(counting(), MAX);
        assertFalse(s.running());
        assertEquals(Bytes.of(new byte[] {0, 1}), s.nextId(5));
        assertTrue(s.running());
        assertFalse(s.answers(response(2)), "an id never sent");
        assertTrue(s.running());
        assertTrue(s.answers(response(1)));
        assertFalse(s.running());
        assertFalse(s.answers(response(1)), "ended: the old id no longer matches");
    }

    @Test
    void aRequestWithASentIdIsNoAnswer() {
        SaQuerySession s = new SaQuerySession(counting(), MAX);
        Bytes id = s.nextId(0);
        assertFalse(s.answers(new SaQuery(true, id)));
        assertTrue(s.running());
    }

    @Test
    void everyOutstandingIdMatchesAndRequestsAreCounted() {
        SaQuerySession s = new SaQuerySession(counting(), MAX);
        for (int i = 1; i <= 3; i++) {
            s.nextId(i);
            assertEquals(i, s.requests());
        }
        assertTrue(s.answers(response(2)), "a Response to a retry");
        assertEquals(0, s.requests());

        for (int i = 0; i < 3; i++) {
            s.nextId(100);
        }
        assertTrue(s.answers(response(4)), "a Response to the first of the new procedure");
        s.nextId(200);
        s.end();
        assertFalse(s.running());
        assertFalse(s.answers(response(7)));
    }

    @Test
    void idsAreRandomTwoOctets() {
        SaQuerySession s = new SaQuerySession(new Random(1), MAX);
        Bytes a = s.nextId(0);
        Bytes b = s.nextId(0);
        assertEquals(2, a.length());
        assertNotEquals(a, b);
    }

    @Test
    void theMaximumTimeoutCountsFromTheFirstRequestAndIsReachedAtItsBound() {
        SaQuerySession s = new SaQuerySession(counting(), MAX);
        long start = 7_000;
        s.nextId(start);
        s.nextId(start + 201_000_000L);
        assertEquals(201_000_000L, s.elapsedNanos(start + 201_000_000L));
        assertFalse(s.timedOut(start + MAX - 1));
        assertTrue(s.timedOut(start + MAX));
        assertFalse(s.timedOut(start - 1), "a clock that has not moved on");

        s.end();
        s.nextId(start + 2 * MAX);
        assertFalse(s.timedOut(start + 2 * MAX + MAX - 1), "a new procedure starts a new clock");
        assertTrue(s.timedOut(start + 3 * MAX));
    }

    @Test
    void theTimeoutMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new SaQuerySession(new Random(), 0));
    }
}
