package wpa4j.shell;

import java.util.List;

/** The lines a bounded event log gained between two snapshots of it. */
final class EventTail {
    private EventTail() {}

    /**
     * The lines of {@code now} that {@code before} did not have yet. Both are snapshots of the same log that
     * keeps its last N lines, oldest first, so {@code now} is {@code before} with lines dropped at the front and
     * added at the end: the answer is the shortest tail of {@code now} whose removal leaves a tail of {@code before}.
     */
    static List<String> newLines(List<String> before, List<String> now) {
        for (int added = 0; added <= now.size(); added++) {
            int kept = now.size() - added;
            if (kept <= before.size() && now.subList(0, kept).equals(before.subList(before.size() - kept, before.size()))) {
                return now.subList(kept, now.size());
            }
        }
        return now;
    }
}
