package wpa4j.runtime.console.internal;

import java.util.function.BiFunction;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import org.osgi.service.log.Logger;

/**
 * Forwards the records of the {@code System.Logger}s named {@code wpa4j.*} (the JDK hands them to
 * java.util.logging) to the OSGi Log Service, as entries of the bundle that logged them, under the record's logger
 * name. While open, the JUL logger {@code wpa4j} passes every level to this handler, so that a bundle set to DEBUG
 * gets its DEBUG records; the console handler on JUL's root keeps its own level (INFO), so standard error shows
 * what it showed before.
 */
final class JulBridge extends Handler {
    private final java.util.logging.Logger wpa4j = java.util.logging.Logger.getLogger("wpa4j"); // held: JUL keeps loggers weakly
    private final BiFunction<Class<?>, String, Logger> loggerOfCaller;
    private final Formatter formatter = new SimpleFormatter();
    private Level previous;

    /** {@code loggerOfCaller.apply(entry, name)}: the logger {@code name} of the bundle above {@code entry} on the stack. */
    JulBridge(BiFunction<Class<?>, String, Logger> loggerOfCaller) {
        this.loggerOfCaller = loggerOfCaller;
    }

    void open() {
        previous = wpa4j.getLevel();
        wpa4j.setLevel(Level.ALL);
        wpa4j.addHandler(this);
    }

    @Override
    public void close() {
        wpa4j.removeHandler(this);
        wpa4j.setLevel(previous);
    }

    @Override
    public void publish(LogRecord record) {
        try {
            Logger logger = loggerOfCaller.apply(java.util.logging.Logger.class, record.getLoggerName());
            String message = formatter.formatMessage(record);
            Throwable thrown = record.getThrown();
            int level = record.getLevel().intValue();
            if (level >= Level.SEVERE.intValue()) {
                if (thrown == null) {
                    logger.error(message);
                } else {
                    logger.error(message, thrown);
                }
            } else if (level >= Level.WARNING.intValue()) {
                if (thrown == null) {
                    logger.warn(message);
                } else {
                    logger.warn(message, thrown);
                }
            } else if (level >= Level.INFO.intValue()) {
                if (thrown == null) {
                    logger.info(message);
                } else {
                    logger.info(message, thrown);
                }
            } else if (level >= Level.FINE.intValue()) { // System.Logger DEBUG (and JUL CONFIG)
                if (thrown == null) {
                    logger.debug(message);
                } else {
                    logger.debug(message, thrown);
                }
            } else if (thrown == null) { // System.Logger TRACE
                logger.trace(message);
            } else {
                logger.trace(message, thrown);
            }
        } catch (RuntimeException | LinkageError e) {
            // the Log Service went away under us: the record still reaches JUL's own handlers
        }
    }

    @Override
    public void flush() {
    }
}
