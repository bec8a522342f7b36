package wpa4j.config.station;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import wpa4j.config.AtomicFile;
import wpa4j.config.ConfigException;
import wpa4j.config.internal.ConfFiles;
import wpa4j.config.internal.LineReader;

/**
 * {@code wpa_supplicant.conf}: parsing with wpa_supplicant 2.10's line rules, and writing what
 * {@code SAVE_CONFIG} writes.
 *
 * <p>Parsing reports every problem of the file at once; any error throws one {@link ConfigException} and
 * nothing of the file is applied. Keys wpa4j ignores are warnings in {@link StationFile#warnings()}.
 */
public final class WpaSupplicantConf {
    private WpaSupplicantConf() {}

    /**
     * Reads and parses a file; diagnostics name it as given.
     *
     * @throws ConfigException if it cannot be read or has errors
     */
    public static StationFile parse(Path file) {
        return StationParser.parse(file.toString(), ConfFiles.readLines(file));
    }

    /** Parses lines of text (UTF-8 for octets); {@code origin} names them in diagnostics. */
    public static StationFile parse(String origin, List<String> lines) {
        return StationParser.parse(Objects.requireNonNull(origin, "origin"), LineReader.fromText(lines));
    }

    /**
     * The text {@code SAVE_CONFIG} writes ({@code wpa_config_write}): the globals that differ from their
     * defaults, then each network block, keys tab-indented. Like wpa_supplicant it leaves out networks that
     * could not be used (WPA-PSK without a psk, and any other incomplete block), so the result always parses.
     */
    public static String format(StationFile file) {
        StringBuilder sb = new StringBuilder();
        file.ctrlInterface().ifPresent(c -> {
            if (c.groupApart()) {
                sb.append("ctrl_interface=").append(c.dir()).append("\nctrl_interface_group=").append(c.group().orElseThrow()).append('\n');
            } else {
                sb.append("ctrl_interface=").append(c.confValue()).append('\n');
            }
        });
        if (file.updateConfig()) {
            sb.append("update_config=1\n");
        }
        file.country().ifPresent(c -> sb.append("country=").append(c).append('\n'));
        if (file.pmf() != 0) {
            sb.append("pmf=").append(file.pmf()).append('\n');
        }
        if (file.saePwe() != 0) {
            sb.append("sae_pwe=").append(file.saePwe()).append('\n');
        }
        for (NetworkBlock b : file.networks()) {
            if (!isComplete(b, file.pmf())) {
                continue;
            }
            sb.append("\nnetwork={\n");
            for (String line : b.confLines()) {
                sb.append('\t').append(line).append('\n');
            }
            sb.append("}\n");
        }
        return sb.toString();
    }

    private static boolean isComplete(NetworkBlock b, int pmf) {
        try {
            b.profile(b.source(), pmf);
            return true;
        } catch (ConfigException e) {
            return false;
        }
    }

    /** Saves {@link #format} atomically with mode 0600 (the file holds passphrases). */
    public static void save(Path file, StationFile content) throws IOException {
        AtomicFile.write(file, format(content));
    }
}
