package wpa4j.wext;

import java.util.ArrayList;
import java.util.List;

/**
 * Parser for {@code /proc/net/wireless}: the kernel lists there every interface with Wireless Extensions,
 * after two header lines, as {@code "  wlan0: 0000   70.  -40. ..."}. Lines that do not fit are skipped
 * and counted, never fatal.
 */
final class ProcNetWireless {
    private ProcNetWireless() {}

    record Parsed(List<String> interfaces, int skippedLines) {}

    static Parsed parse(String text) {
        List<String> names = new ArrayList<>();
        int skipped = 0;
        String[] lines = text.split("\n");
        for (int i = 2; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon > 0 ? line.substring(0, colon) : "";
            if (name.isEmpty() || name.length() > 15 || name.chars().anyMatch(c -> c <= ' ' || c == '/' || c > 126)) {
                skipped++;
            } else {
                names.add(name);
            }
        }
        return new Parsed(names, skipped);
    }
}
