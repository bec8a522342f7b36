package wpa4j.web.auth;

import java.util.function.Consumer;

/**
 * Refused credentials on the page, reported so that password guessing shows in the log: the first at once, then at
 * most one line per {@link #QUIET_MS} with how many came meanwhile.
 */
public final class Refusals {
    static final long QUIET_MS = 10_000;

    private final Consumer<String> report;
    private long lastReport = Long.MIN_VALUE;
    private long since;

    public Refusals(Consumer<String> report) {
        this.report = report;
    }

    /** {@code withCredentials}: wrong ones were given (not merely none, as a browser's first try). */
    public synchronized void refused(String from, boolean withCredentials) {
        if (!withCredentials) {
            return;
        }
        since++;
        long now = System.currentTimeMillis();
        if (lastReport == Long.MIN_VALUE || now - lastReport >= QUIET_MS) {
            report.accept("web: wrong credentials for an action from " + from + (since > 1 ? " (" + since + " refusals since the last report)" : ""));
            lastReport = now;
            since = 0;
        }
    }
}
