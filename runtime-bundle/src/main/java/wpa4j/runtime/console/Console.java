package wpa4j.runtime.console;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import wpa4j.runtime.console.sink.ConsoleSink;
import wpa4j.runtime.console.sink.ConsoleSinks;

/**
 * The gateway's console log: one timestamped line per event on standard output, and the same text as an entry
 * of the calling bundle in the OSGi Log Service when one runs (runtime-bundle's {@code LogServiceSink} installs
 * that; without a framework, as in plain-Java tests and the passphrase command, only the console line is written).
 * Whether a line is printed never depends on the configured log levels: those decide only which Log Service
 * entries a bundle's logger records. Never pass a secret: the text goes to both.
 */
public final class Console {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private Console() {}

    /** An operator line: printed on the console, and an INFO entry of the calling bundle. */
    public static void line(String text) {
        print(text);
        ConsoleSinks.publish(ConsoleSink.Level.INFO, text);
    }

    /**
     * An operator line about something wrong (a refused configuration, a failure): printed on the console exactly
     * as {@link #line}, and a WARN entry of the calling bundle.
     * @since 1.1
     */
    public static void warn(String text) {
        print(text);
        ConsoleSinks.publish(ConsoleSink.Level.WARN, text);
    }

    /**
     * A diagnostic line: a DEBUG entry of the calling bundle only, never printed on the console (which keeps the
     * wpa_supplicant-style lines). Recorded when the bundle's log level is DEBUG; without a Log Service it is dropped.
     * @since 1.1
     */
    public static void debug(String text) {
        ConsoleSinks.publish(ConsoleSink.Level.DEBUG, text);
    }

    private static void print(String text) {
        System.out.println(LocalTime.now().format(TIME) + " [wpa4j] " + text);
    }
}
