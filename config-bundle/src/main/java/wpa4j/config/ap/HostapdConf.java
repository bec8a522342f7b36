package wpa4j.config.ap;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import wpa4j.config.ConfigException;
import wpa4j.config.Problem;
import wpa4j.config.Source;
import wpa4j.config.internal.ConfFiles;
import wpa4j.config.internal.ConfLine;
import wpa4j.config.internal.LineReader;
import wpa4j.config.internal.Problems;

/**
 * {@code hostapd.conf} with hostapd 2.10's line rules: {@code #} comments in column 0 only, {@code key=value}
 * with the value taken literally. Every problem of the file (and of the files it names) is collected; any
 * error throws one {@link ConfigException}. Keys wpa4j ignores are warnings in {@link ApFile#warnings()}.
 */
public final class HostapdConf {
    /** Keys hostapd accumulates over several lines instead of replacing. */
    private static final Set<String> ACCUMULATING = Set.of("sae_password", "accept_mac_file", "deny_mac_file");

    private HostapdConf() {}

    /** Reads and parses a file; relative file names in it resolve against its directory. */
    public static ApFile parse(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return parseOctets(file.toString(), ConfFiles.readLines(file), dir);
    }

    /**
     * Parses lines of text (UTF-8 for octets).
     *
     * @param origin  names the lines in diagnostics
     * @param baseDir where relative file names resolve
     */
    public static ApFile parse(String origin, List<String> lines, Path baseDir) {
        return parseOctets(Objects.requireNonNull(origin, "origin"), LineReader.fromText(lines), baseDir);
    }

    private static ApFile parseOctets(String origin, List<String> octetLines, Path baseDir) {
        Problems problems = new Problems();
        ApBlock block = new ApBlock(baseDir);
        Map<String, Integer> seen = new HashMap<>();
        for (ConfLine line : LineReader.read(origin, octetLines, LineReader.Dialect.HOSTAPD, problems)) {
            Source src = new Source(origin, line.number());
            String text = line.text();
            if (text.endsWith("\r")) {
                problems.add(Problem.error(src, null, null,
                        "line ends with a carriage return (a DOS line ending), which hostapd would keep in the value", null));
                continue;
            }
            int eq = text.indexOf('=');
            if (eq < 0) {
                problems.add(Problem.error(src, null, null, "line is not key=value", null));
                continue;
            }
            String key = text.substring(0, eq);
            warnIfRepeated(seen, key, src, problems);
            try {
                problems.addAll(block.setOctets(key, text.substring(eq + 1), src));
            } catch (ConfigException e) {
                problems.add(e);
            }
        }
        Source whole = Source.of(origin);
        ApProfile profile = null;
        if (!problems.hasErrors()) {
            try {
                profile = block.profile(whole);
                problems.addAll(block.advisories(whole));
            } catch (ConfigException e) {
                problems.add(e);
            }
        }
        problems.throwIfErrors();
        return new ApFile(profile, problems.warnings());
    }

    private static void warnIfRepeated(Map<String, Integer> seen, String key, Source src, Problems problems) {
        if (ACCUMULATING.contains(key)) {
            return;
        }
        String slot = key.equals("ssid2") ? "ssid" : key; // both set the SSID
        Integer before = seen.put(slot, src.line());
        if (before != null) {
            problems.add(Problem.warning(src, key, null, "set again; this replaces the value of line " + before, null));
        }
    }
}
