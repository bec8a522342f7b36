package wpa4j.ktest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The messages one logger writes while open, DEBUG included: outside a framework {@code System.Logger} is
 * java.util.logging, so a test sees what a backend only logs (no event carries it).
 */
final class LogCapture extends Handler implements AutoCloseable {
    final List<String> messages = new CopyOnWriteArrayList<>();
    private final Logger logger;
    private final Level before;

    LogCapture(String loggerName) {
        logger = Logger.getLogger(loggerName);
        before = logger.getLevel();
        logger.setLevel(Level.FINE);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    /** The messages that contain {@code text}. */
    List<String> containing(String text) {
        return messages.stream().filter(m -> m != null && m.contains(text)).toList();
    }

    @Override
    public void publish(LogRecord r) {
        messages.add(r.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(before);
    }
}
