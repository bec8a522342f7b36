package wpa4j.runtime.console;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The last {@code capacity} event lines of a core, for monitors and tests; thread-safe. */
public final class EventLog {
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final int capacity;

    public EventLog(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    public synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }
}
