package wpa4j.runtime.console.sink;

/** Receives every {@code Console} line, after it was printed (or, for DEBUG, instead of printing it). */
@FunctionalInterface
public interface ConsoleSink {
    /** The Log Service level of a line. */
    enum Level {
        DEBUG, INFO, WARN
    }

    /** Called on the thread that wrote the line, with {@code Console} on its stack; must not block. */
    void publish(Level level, String text);
}
