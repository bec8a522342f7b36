package wpa4j.runtime.eloop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The loop's waiting tasks and timers, earliest due first and in order of submission among equals: timers in a binary
 * heap whose entries know their place, so a cancelled timer leaves in O(log n) (an AP has thousands of timers); tasks
 * due at once in a FIFO beside it, O(1) each (an AP's loop may have 16,000 events waiting), in the same order a single
 * heap would give them, since their due times grow with their submission.
 * Not thread-safe: the loop guards it.
 */
final class TaskQueue {
    /** A task waiting for its time; {@code index} is its place in the heap, -1 once it left. */
    static final class Entry {
        final Runnable task;
        final long due;
        final long seq;
        int index = -1;
        /** In the FIFO of tasks due at once rather than in the heap; {@code gone} once it left it. */
        boolean immediate;
        boolean gone;

        Entry(Runnable task, long due, long seq) {
            this.task = task;
            this.due = due;
            this.seq = seq;
        }

        boolean before(Entry o) {
            long d = due - o.due;
            return d < 0 || d == 0 && seq < o.seq;
        }
    }

    private Entry[] heap = new Entry[16];
    private int size;
    private final ArrayDeque<Entry> fifo = new ArrayDeque<>();
    private int fifoLive;

    /** Adds a task due now ({@code e.due} not before any entry added so far): after everything else due by then. */
    void addNow(Entry e) {
        e.immediate = true;
        fifo.add(e);
        fifoLive++;
    }

    void add(Entry e) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        e.index = size;
        heap[size++] = e;
        up(e.index);
    }

    Entry peek() {
        while (!fifo.isEmpty() && fifo.peekFirst().gone) {
            fifo.pollFirst();
        }
        Entry now = fifo.peekFirst();
        Entry timer = size == 0 ? null : heap[0];
        if (now == null || timer != null && timer.before(now)) {
            return timer;
        }
        return now;
    }

    Entry poll() {
        Entry head = peek();
        if (head != null) {
            remove(head);
        }
        return head;
    }

    /** Takes {@code e} out if it is still waiting. */
    void remove(Entry e) {
        if (e.immediate) {
            if (!e.gone) {
                e.gone = true;
                fifoLive--;
            }
            return;
        }
        int i = e.index;
        if (i < 0 || i >= size || heap[i] != e) {
            return;
        }
        e.index = -1;
        Entry last = heap[--size];
        heap[size] = null;
        if (i < size) {
            heap[i] = last;
            last.index = i;
            down(i);
            up(last.index);
        }
    }

    /** Empties the queue, returning what waited. */
    List<Entry> clear() {
        List<Entry> all = new ArrayList<>(size + fifoLive);
        for (Entry e : fifo) {
            if (!e.gone) {
                e.gone = true;
                all.add(e);
            }
        }
        fifo.clear();
        fifoLive = 0;
        for (int i = 0; i < size; i++) {
            heap[i].index = -1;
            all.add(heap[i]);
            heap[i] = null;
        }
        size = 0;
        return all;
    }

    int size() {
        return size + fifoLive;
    }

    private void up(int i) {
        Entry e = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!e.before(heap[parent])) {
                break;
            }
            place(heap[parent], i);
            i = parent;
        }
        place(e, i);
    }

    private void down(int i) {
        Entry e = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1].before(heap[child])) {
                child++;
            }
            if (!heap[child].before(e)) {
                break;
            }
            place(heap[child], i);
            i = child;
        }
        place(e, i);
    }

    private void place(Entry e, int i) {
        heap[i] = e;
        e.index = i;
    }
}
