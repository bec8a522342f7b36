package wpa4j.config.ap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import wpa4j.config.ConfigException;
import wpa4j.config.Problem;
import wpa4j.config.Source;
import wpa4j.config.internal.ConfFiles;
import wpa4j.config.internal.Macs;
import wpa4j.config.internal.Numbers;
import wpa4j.config.internal.Problems;
import wpa4j.config.internal.Show;
import wpa4j.driver.types.MacAddress;

/**
 * An {@code accept_mac_file} or {@code deny_mac_file} ({@code hostapd_config_read_maclist}): one
 * {@code <mac> [vlan id]} per line, {@code -<mac>} removing an address listed before (also by an earlier
 * file), {@code #} comments in column 0. A VLAN id in an accept list is refused: hostapd would put the
 * station in that VLAN (or reject it without dynamic VLANs), wpa4j has no VLANs.
 */
final class MacListFile {
    /** hostapd's 128-octet line buffer. */
    static final int MAX_LINE = 126;

    /** Adding or removing one address, in file order. */
    record Change(MacAddress mac, boolean remove) {
    }

    private MacListFile() {}

    /** @param typed the key's value as written; lines are named by {@code file} */
    static List<Change> read(Path file, String typed, Source namedAt, String key) {
        String shownAs = file.toString();
        List<String> lines = ConfFiles.readLines(file, namedAt, key, typed);
        boolean accept = key.startsWith("accept");
        Problems problems = new Problems();
        List<Change> changes = new ArrayList<>();
        int number = 0;
        for (String raw : lines) {
            Source src = new Source(shownAs, ++number);
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw; // hostapd skips it too
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            try {
                changes.add(change(line, src, accept));
            } catch (ConfigException e) {
                problems.add(e);
            }
        }
        problems.throwIfErrors();
        return changes;
    }

    private static Change change(String line, Source src, boolean accept) {
        if (line.indexOf('\0') >= 0 || line.length() > MAX_LINE) {
            throw new ConfigException(Problem.error(src, null, null, line.indexOf('\0') >= 0 ? "line contains a NUL octet"
                    : "line is longer than hostapd's " + MAX_LINE + " octets", null));
        }
        boolean remove = line.charAt(0) == '-';
        String rest = remove ? line.substring(1) : line;
        int end = 0;
        while (end < rest.length() && rest.charAt(end) != ' ' && rest.charAt(end) != '\t') {
            end++;
        }
        MacAddress mac = Macs.parse(rest.substring(0, end));
        if (mac == null) {
            throw new ConfigException(Problem.error(src, "mac", Show.value(rest.substring(0, end)), "is not a MAC address",
                    Macs.FORM + ", or -" + Macs.FORM + " to remove one"));
        }
        String vlan = rest.substring(end).strip();
        if (accept && !remove && !vlan.isEmpty() && !vlan.startsWith("#")) {
            Long id = Numbers.decimal(vlan);
            if (id == null || id != 0) {
                throw new ConfigException(Problem.error(src, "vlan", Show.value(vlan), "is not supported by wpa4j (VLANs)", "no VLAN id, or 0"));
            }
        }
        return new Change(mac, remove);
    }
}
