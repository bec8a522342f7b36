package wpa4j.runtime.eloop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Timers in the heap and tasks due at once in the FIFO come out in the order of one sorted set, removals included. */
class TaskQueueTest {
    @Test
    void theHeapAndTheFifoTogetherKeepTheOrderOfDueTimeThenSubmission() {
        Random random = new Random(11);
        TaskQueue q = new TaskQueue();
        TreeSet<TaskQueue.Entry> reference = new TreeSet<>(Comparator.<TaskQueue.Entry>comparingLong(e -> e.due).thenComparingLong(e -> e.seq));
        List<TaskQueue.Entry> waiting = new ArrayList<>();
        long now = 0;
        long seq = 0;
        for (int step = 0; step < 200_000; step++) {
            int op = random.nextInt(10);
            if (op < 4) {
                TaskQueue.Entry e = new TaskQueue.Entry(() -> { }, now, seq++);
                q.addNow(e);
                reference.add(e);
                waiting.add(e);
            } else if (op < 7) {
                TaskQueue.Entry e = new TaskQueue.Entry(() -> { }, now + random.nextInt(50), seq++);
                q.add(e);
                reference.add(e);
                waiting.add(e);
            } else if (op < 8 && !waiting.isEmpty()) {
                TaskQueue.Entry e = waiting.remove(random.nextInt(waiting.size()));
                q.remove(e);
                q.remove(e);
                reference.remove(e);
            } else {
                TaskQueue.Entry expected = reference.pollFirst();
                assertEquals(expected, q.poll(), "step " + step);
                waiting.remove(expected);
            }
            now += random.nextInt(3);
            assertEquals(reference.size(), q.size());
        }
        while (!reference.isEmpty()) {
            assertEquals(reference.pollFirst(), q.poll());
        }
        assertEquals(null, q.poll());
    }
}
