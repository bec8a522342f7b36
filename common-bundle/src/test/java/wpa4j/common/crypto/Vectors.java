package wpa4j.common.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the published vectors from test-vectors.md (a copy of the project's reference facts). */
final class Vectors {
    private Vectors() {}

    static List<String> lines() throws IOException {
        try (InputStream in = Vectors.class.getResourceAsStream("/test-vectors.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** The data rows of the first markdown table after the heading that starts with {@code heading}. */
    static List<String[]> table(String heading) throws IOException {
        List<String> lines = lines();
        int i = 0;
        while (!lines.get(i).startsWith("## " + heading)) {
            i++;
        }
        while (!lines.get(i).startsWith("|")) {
            i++;
        }
        i += 2; // header and separator
        List<String[]> rows = new ArrayList<>();
        for (; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|");
            rows.add(Arrays.stream(cells, 1, cells.length).map(String::strip).toArray(String[]::new));
        }
        return rows;
    }

    /** The line of the section {@code heading} that starts with {@code prefix}, without the prefix. */
    static String line(String heading, String prefix) throws IOException {
        List<String> lines = lines();
        int i = 0;
        while (!lines.get(i).startsWith("## " + heading)) {
            i++;
        }
        for (i++; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            if (lines.get(i).strip().startsWith(prefix)) {
                return lines.get(i).strip().substring(prefix.length()).strip();
            }
        }
        throw new AssertionError("no line '" + prefix + "' under " + heading);
    }

    /** Markdown code spans: `x` -> x; "32 x `a`" -> 32 a's. */
    static byte[] text(String cell) {
        String c = cell.strip();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) x `(.*)`").matcher(c);
        if (m.matches()) {
            return m.group(2).repeat(Integer.parseInt(m.group(1))).getBytes(StandardCharsets.US_ASCII);
        }
        return c.replace("`", "").getBytes(StandardCharsets.US_ASCII);
    }

    /** "20 x 0x0b" -> twenty 0x0b octets; a quoted text -> its ASCII. */
    static byte[] octets(String cell) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) x 0x([0-9a-f]{2})").matcher(cell.strip());
        if (m.matches()) {
            byte[] b = new byte[Integer.parseInt(m.group(1))];
            Arrays.fill(b, (byte) Integer.parseInt(m.group(2), 16));
            return b;
        }
        return text(cell);
    }

    static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s.replaceAll("\\s", ""));
    }
}
