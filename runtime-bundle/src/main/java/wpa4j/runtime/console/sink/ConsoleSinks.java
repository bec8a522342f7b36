package wpa4j.runtime.console.sink;

import java.util.concurrent.atomic.AtomicReference;

/** The installed {@link ConsoleSink}: none by default (console only). */
public final class ConsoleSinks {
    private static final ConsoleSink NONE = (level, text) -> { };
    private static final AtomicReference<ConsoleSink> SINK = new AtomicReference<>(NONE);

    private ConsoleSinks() {}

    /** Makes {@code sink} the one every line goes to, replacing any other. */
    public static void install(ConsoleSink sink) {
        SINK.set(sink);
    }

    /** Removes {@code sink} if it is still the installed one (a newer one stays). */
    public static void uninstall(ConsoleSink sink) {
        SINK.compareAndSet(sink, NONE);
    }

    /** True if a sink other than the default is installed. */
    public static boolean installed() {
        return SINK.get() != NONE;
    }

    /** Hands the line to the sink; a failing sink never fails the caller (the line is on the console already). */
    public static void publish(ConsoleSink.Level level, String text) {
        ConsoleSink sink = SINK.get();
        if (sink == NONE) {
            return;
        }
        try {
            sink.publish(level, text);
        } catch (RuntimeException | LinkageError e) {
            // the Log Service went away under us, or its API is not wired: the console line stands alone
        }
    }
}
