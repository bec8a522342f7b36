package wpa4j.config.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import wpa4j.config.ConfigException;
import wpa4j.config.Problem;
import wpa4j.config.Source;

/** Reading a configuration file (or a file it names) as octet-string lines, failures as problems. */
public final class ConfFiles {
    /** Larger files are refused before reading: no configuration is that large. */
    public static final long MAX_SIZE = 16L << 20;

    private ConfFiles() {}

    /**
     * A file named by a key.
     *
     * @param src   the line that names the file, where a failure is reported
     * @param key   the key that names the file
     * @param typed the value as written (an octet string), shown in diagnostics
     */
    public static List<String> readLines(Path file, Source src, String key, String typed) {
        return read(file, src, key, Show.value(typed), " (" + file + ")");
    }

    /** The configuration file itself, failures reported against its name. */
    public static List<String> readLines(Path file) {
        return read(file, Source.of(file.toString()), null, null, "");
    }

    private static List<String> read(Path file, Source src, String key, String shown, String where) {
        try {
            if (Files.size(file) > MAX_SIZE) {
                throw new ConfigException(Problem.error(src, key, shown, "is larger than " + (MAX_SIZE >> 20) + " MiB" + where, null));
            }
            return LineReader.split(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ConfigException(Problem.error(src, key, shown, "cannot be read: " + e.getClass().getSimpleName() + where, null));
        }
    }
}
