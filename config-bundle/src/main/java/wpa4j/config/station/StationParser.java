package wpa4j.config.station;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import wpa4j.config.ConfigException;
import wpa4j.config.Problem;
import wpa4j.config.Source;
import wpa4j.config.internal.ConfLine;
import wpa4j.config.internal.LineReader;
import wpa4j.config.internal.Problems;

/**
 * The line structure of wpa_supplicant.conf ({@code wpa_config_read}): globals, {@code network=\{ ... \}}
 * blocks, and the {@code cred} and {@code blob-base64-} blocks wpa4j skips. Every problem of the file is
 * collected; the result exists only if there is no error.
 */
final class StationParser {
    /** {@code wpa_config_read}'s 512-octet buffer: a longer global line would be cut. */
    static final int MAX_GLOBAL_LINE = 510;

    private final String origin;
    private final List<ConfLine> lines;
    private final Problems problems = new Problems();
    private final StationGlobals globals = new StationGlobals();
    private final List<NetworkBlock> networks = new ArrayList<>();
    /** Lines the reader could not use (already reported): a block containing one is not complete. */
    private final java.util.Set<Integer> unreadable = new java.util.HashSet<>();
    private int pos;

    private StationParser(String origin, List<String> octetLines) {
        this.origin = origin;
        this.lines = LineReader.read(origin, octetLines, LineReader.Dialect.WPA_SUPPLICANT, problems);
        problems.errors().forEach(p -> unreadable.add(p.source().line()));
    }

    static StationFile parse(String origin, List<String> octetLines) {
        return new StationParser(origin, octetLines).run();
    }

    private StationFile run() {
        Map<String, Integer> seen = new HashMap<>();
        while (pos < lines.size()) {
            ConfLine line = lines.get(pos);
            Source src = new Source(origin, line.number());
            String text = line.text();
            if (text.equals("network={")) {
                readNetwork();
                continue;
            }
            pos++;
            if (text.equals("cred={") || text.startsWith("blob-base64-") && text.endsWith("={")) {
                skipBlock(src, text);
            } else if (text.equals("}")) {
                problems.add(Problem.error(src, null, null, "'}' without a block to close", null));
            } else if (text.length() > MAX_GLOBAL_LINE) {
                problems.add(Problem.error(src, null, null, "line is " + text.length()
                        + " octets long; wpa_supplicant reads at most " + MAX_GLOBAL_LINE + " outside a network block", null));
            } else if (text.indexOf('=') < 0) {
                problems.add(Problem.error(src, null, null, "line is not key=value", null));
            } else {
                String key = text.substring(0, text.indexOf('='));
                warnIfRepeated(seen, key, src);
                try {
                    problems.addAll(globals.set(key, text.substring(key.length() + 1), src));
                } catch (ConfigException e) {
                    problems.add(e);
                }
            }
        }
        checkProfiles();
        problems.throwIfErrors();
        return new StationFile(globals.ctrlInterface(), globals.updateConfig(), globals.country(), 1, globals.pmf(), globals.saePwe(),
                networks, problems.warnings());
    }

    /** Reads from {@code network=\{} to its '}'; an unclosed block is an error at its first line. */
    private void readNetwork() {
        Source start = new Source(origin, lines.get(pos).number());
        pos++;
        NetworkBlock block = new NetworkBlock(networks.size(), start);
        int errorsBefore = problems.errorCount();
        Map<String, Integer> seen = new HashMap<>();
        while (pos < lines.size()) {
            ConfLine line = lines.get(pos);
            Source src = new Source(origin, line.number());
            String text = line.text();
            if (text.equals("}")) {
                pos++;
                int end = line.number();
                boolean lost = unreadable.stream().anyMatch(n -> n > start.line() && n < end);
                if (problems.errorCount() == errorsBefore && !lost) {
                    networks.add(block);
                }
                return;
            }
            if (text.equals("network={")) {
                // a forgotten '}' far more often than a real nesting: report it, read the next block on its own
                problems.add(Problem.error(start, null, null, "network block is not closed: no '}' before the network={ at line "
                        + line.number(), null));
                return;
            }
            pos++;
            int eq = text.indexOf('=');
            if (eq < 0) {
                problems.add(Problem.error(src, null, null, "line is not key=value", null));
                continue;
            }
            String key = text.substring(0, eq);
            warnIfRepeated(seen, key, src);
            try {
                problems.addAll(block.setOctets(key, text.substring(eq + 1), src));
            } catch (ConfigException e) {
                problems.add(e);
            }
        }
        problems.add(Problem.error(start, null, null, "network block is not closed: no '}' before the end of the file", null));
    }

    /** A block wpa4j does not implement: skipped whole, with one warning. */
    private void skipBlock(Source start, String opening) {
        String what = opening.startsWith("cred")
                ? "cred blocks (Hotspot 2.0 credentials) are not supported by wpa4j; block ignored"
                : "blobs (certificates for EAP) are not supported by wpa4j; block ignored";
        problems.add(Problem.warning(start, opening.substring(0, opening.length() - 2), null, what, null));
        while (pos < lines.size()) {
            String text = lines.get(pos).text();
            if (text.equals("network={")) {
                break;
            }
            pos++;
            if (text.equals("}")) {
                return;
            }
        }
        problems.add(Problem.error(start, null, null, "block is not closed: no '}' before "
                + (pos < lines.size() ? "the network={ at line " + lines.get(pos).number() : "the end of the file"), null));
    }

    private void warnIfRepeated(Map<String, Integer> seen, String key, Source src) {
        Integer before = seen.put(key, src.line());
        if (before != null) {
            problems.add(Problem.warning(src, key, null, "set again; this replaces the value of line " + before, null));
        }
    }

    /** Whether each error-free block fits together; after the whole file, since pmf may come last. */
    private void checkProfiles() {
        for (NetworkBlock b : networks) {
            try {
                b.profile(b.source(), globals.pmf());
            } catch (ConfigException e) {
                problems.add(e);
            }
        }
    }
}
