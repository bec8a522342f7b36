package wpa4j.config;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where a setting came from: a file and line, or an edge without lines (a Config Admin PID, {@code wpa_cli},
 * {@code gogo}).
 *
 * @param origin the file name as given, or the name of the edge
 * @param line   1-based line number, or 0 when the origin has no lines
 */
public record Source(String origin, int line) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Source {
        Objects.requireNonNull(origin, "origin");
        if (line < 0) {
            throw new IllegalArgumentException("line: " + line + " is negative");
        }
    }

    /** An origin without line numbers. */
    public static Source of(String origin) {
        return new Source(origin, 0);
    }

    /** The same origin at another line. */
    public Source at(int otherLine) {
        return new Source(origin, otherLine);
    }

    /** {@code wpa_supplicant.conf:12}, or the bare origin when there is no line. */
    @Override
    public String toString() {
        return line == 0 ? origin : origin + ":" + line;
    }
}
