package wpa4j.config.internal;

import wpa4j.config.text.Octets;

import java.util.ArrayList;
import java.util.List;

import wpa4j.config.Problem;
import wpa4j.config.Source;

/**
 * Splits a file into lines and applies the comment and white-space rules of one daemon. Lines that cannot be
 * read faithfully (a NUL octet, longer than the daemon's line buffer) become errors here, once, instead of
 * the truncated nonsense the C daemons would go on to parse.
 */
public final class LineReader {
    /** The two files' line rules. */
    public enum Dialect {
        /**
         * {@code wpa_config_get_line}: leading and trailing white space dropped, {@code #} starts a comment
         * unless inside a quoted string.
         */
        WPA_SUPPLICANT("wpa_supplicant", 1998),
        /** {@code hostapd_config_read}: only a {@code #} in column 0 is a comment; values are literal. */
        HOSTAPD("hostapd", 4094);

        /** The daemon, as diagnostics name it. */
        public final String daemon;
        /** The longest line the daemon's buffer holds, without the newline. */
        public final int maxLength;

        Dialect(String daemon, int maxLength) {
            this.daemon = daemon;
            this.maxLength = maxLength;
        }
    }

    private LineReader() {}

    /** Splits file content at {@code \n} into octet strings (a final line without newline counts). */
    public static List<String> split(byte[] content) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                lines.add(new String(content, start, i - start, java.nio.charset.StandardCharsets.ISO_8859_1));
                start = i + 1;
            }
        }
        if (start < content.length) {
            lines.add(new String(content, start, content.length - start, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return lines;
    }

    /** Text lines (from an API caller) as octet strings: UTF-8. */
    public static List<String> fromText(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (String l : lines) {
            out.add(Octets.fromText(l));
        }
        return out;
    }

    /** The lines with content, numbered; unreadable lines are reported to {@code problems} and skipped. */
    public static List<ConfLine> read(String origin, List<String> octetLines, Dialect dialect, Problems problems) {
        List<ConfLine> out = new ArrayList<>();
        int number = 0;
        for (String raw : octetLines) {
            number++;
            Source src = new Source(origin, number);
            if (raw.indexOf('\0') >= 0) {
                problems.add(Problem.error(src, null, null, "line contains a NUL octet", null));
                continue;
            }
            if (raw.indexOf('\n') >= 0) {
                problems.add(Problem.error(src, null, null, "line contains a line break", null));
                continue;
            }
            if (raw.length() > dialect.maxLength) {
                problems.add(Problem.error(src, null, null, "line is " + raw.length() + " octets long; "
                        + dialect.daemon + " reads at most " + dialect.maxLength, null));
                continue;
            }
            String text = dialect == Dialect.WPA_SUPPLICANT ? wpaSupplicantContent(raw) : hostapdContent(raw);
            if (text != null) {
                out.add(new ConfLine(number, text));
            }
        }
        return out;
    }

    /** The content of a wpa_supplicant.conf line, or {@code null} for a blank or comment line. */
    static String wpaSupplicantContent(String raw) {
        int start = 0;
        while (start < raw.length() && isBlank(raw.charAt(start))) {
            start++;
        }
        String s = raw.substring(start);
        if (s.isEmpty() || s.charAt(0) == '#') {
            return null;
        }
        int end = commentStart(s);
        while (end > 0 && isBlank(s.charAt(end - 1))) {
            end--;
        }
        return end == 0 ? null : s.substring(0, end);
    }

    /**
     * Where a {@code #} comment starts, skipping {@code #} inside each {@code "..."} pair, exactly as
     * {@code wpa_config_get_line} pairs quotes; the length if there is no comment.
     */
    public static int commentStart(String s) {
        int hash = s.indexOf('#');
        int from = 0;
        while (hash >= 0) {
            int open = s.indexOf('"', from);
            if (open < 0 || open > hash) {
                break;
            }
            int close = s.indexOf('"', open + 1);
            if (close < 0) {
                break;
            }
            from = close + 1;
            if (from > hash) {
                hash = s.indexOf('#', from);
            }
        }
        return hash < 0 ? s.length() : hash;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    /** The content of a hostapd.conf line (literal), or {@code null} for a blank or comment line. */
    static String hostapdContent(String raw) {
        return raw.isEmpty() || raw.charAt(0) == '#' ? null : raw;
    }
}
