package wpa4j.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class EventTailTest {
    @Test
    void linesAddedToALogThatIsNotFull() {
        assertEquals(List.of("c"), EventTail.newLines(List.of("a", "b"), List.of("a", "b", "c")));
        assertEquals(List.of(), EventTail.newLines(List.of("a", "b"), List.of("a", "b")));
        assertEquals(List.of("a"), EventTail.newLines(List.of(), List.of("a")));
    }

    @Test
    void linesAddedToAFullLogThatDropsItsOldest() {
        assertEquals(List.of("S"), EventTail.newLines(List.of("S", "A"), List.of("A", "S")));
        assertEquals(List.of("d", "e"), EventTail.newLines(List.of("a", "b", "c"), List.of("c", "d", "e")));
        assertEquals(List.of("x", "y", "z"), EventTail.newLines(List.of("a", "b", "c"), List.of("x", "y", "z")));
    }

    @Test
    void repeatedLinesCountOnce() {
        assertEquals(List.of("x"), EventTail.newLines(List.of("x", "x"), List.of("x", "x", "x")));
    }
}
