package wpa4j.config.ap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import wpa4j.config.ConfigException;
import wpa4j.config.Passphrase;
import wpa4j.config.Problem;
import wpa4j.config.PskSetting;
import wpa4j.config.RawPsk;
import wpa4j.config.Source;
import wpa4j.config.internal.ConfFiles;
import wpa4j.config.text.Hex;
import wpa4j.config.internal.Macs;
import wpa4j.config.internal.Numbers;
import wpa4j.config.text.Octets;
import wpa4j.config.internal.Problems;
import wpa4j.config.internal.Show;
import wpa4j.driver.types.MacAddress;

/**
 * A {@code wpa_psk_file} ({@code hostapd_config_read_wpa_psk}): lines {@code [keyid=..] [vlanid=..] [wps=..]
 * <mac> <psk>}, the PSK being everything after the one space that ends the MAC address. Diagnostics name
 * {@code <pskfile>:<line>} and never show a PSK, nor the token where a MAC address was expected (it may be
 * a passphrase written in the wrong place).
 */
final class PskFile {
    /** hostapd's 128-octet line buffer. */
    static final int MAX_LINE = 126;
    /** {@code KEYID_LEN} - 1. */
    static final int MAX_KEYID = 31;
    private static final String PSK_RULE = "must be 64 hex digits or a passphrase of 8..63 printable ASCII characters";

    record Result(List<PskFileEntry> entries, List<Problem> warnings) {
    }

    private PskFile() {}

    /** @param typed the {@code wpa_psk_file} value as written; lines are named by {@code file} */
    static Result read(Path file, String typed, Source namedAt) {
        String shownAs = file.toString();
        List<String> lines = ConfFiles.readLines(file, namedAt, "wpa_psk_file", typed);
        Problems problems = new Problems();
        List<PskFileEntry> entries = new ArrayList<>();
        int number = 0;
        for (String line : lines) {
            Source src = new Source(shownAs, ++number);
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            try {
                entries.add(entry(line, src, problems));
            } catch (ConfigException e) {
                problems.add(e);
            }
        }
        problems.throwIfErrors();
        return new Result(List.copyOf(entries), problems.warnings());
    }

    private static PskFileEntry entry(String line, Source src, Problems problems) {
        if (line.indexOf('\0') >= 0) {
            throw error(src, null, null, "line contains a NUL octet", null);
        }
        if (line.length() > MAX_LINE) {
            throw error(src, null, null, "line is longer than hostapd's " + MAX_LINE + " octets", null);
        }
        if (line.endsWith("\r")) {
            throw error(src, null, null, "line ends with a carriage return (a DOS line ending), which hostapd would take as part of the PSK", null);
        }
        int pos = 0;
        Optional<String> keyId = Optional.empty();
        String token;
        while (true) {
            while (pos < line.length() && line.charAt(pos) == ' ') {
                pos++;
            }
            int end = line.indexOf(' ', pos);
            token = line.substring(pos, end < 0 ? line.length() : end);
            pos = end < 0 ? line.length() : end + 1;
            int eq = token.indexOf('=');
            if (eq < 0) {
                break;
            }
            String name = token.substring(0, eq);
            String value = token.substring(eq + 1);
            switch (name) {
                case "keyid" -> {
                    if (value.length() > MAX_KEYID) {
                        throw error(src, "keyid", null, "longer than " + MAX_KEYID + " characters", null);
                    }
                    keyId = Optional.of(Octets.toText(Octets.bytes(value)));
                }
                case "vlanid" -> {
                    Long v = Numbers.decimal(value);
                    if (v == null || v != 0) {
                        throw error(src, "vlanid", Show.value(value), "is not supported by wpa4j (VLANs)", "0");
                    }
                }
                case "wps" -> {
                    if (!"0".equals(value)) {
                        problems.add(Problem.warning(src, "wps", Show.value(value),
                                "is not supported by wpa4j (no WPS); the PSK is used as any other", null));
                    }
                }
                // the name is not shown: a line without a MAC may start with a passphrase that contains '='
                default -> throw error(src, null, null, "a field before the MAC address that hostapd does not know", "keyid=, vlanid=, wps=");
            }
        }
        MacAddress mac = Macs.parse(token);
        if (mac == null) {
            throw error(src, "mac", null, "no MAC address where one is expected", Macs.FORM + " (00:00:00:00:00:00 = any station)");
        }
        if (pos >= line.length()) {
            throw error(src, "psk", null, "missing after the MAC address", null);
        }
        return new PskFileEntry(keyId, mac, psk(Octets.bytes(line.substring(pos)), src));
    }

    private static PskSetting psk(byte[] octets, Source src) {
        if (octets.length == 2 * RawPsk.LENGTH) {
            byte[] raw = Hex.decode(Octets.of(octets));
            if (raw != null) {
                return RawPsk.of(raw);
            }
        } else if (Passphrase.isValid(octets)) {
            return Passphrase.of(octets);
        }
        throw error(src, "psk", null, PSK_RULE, null);
    }

    private static ConfigException error(Source src, String key, String shown, String reason, String allowed) {
        return new ConfigException(Problem.error(src, key, shown, reason, allowed));
    }
}
