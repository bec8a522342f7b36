package wpa4j.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import wpa4j.config.internal.Show;

/** File and directory names from configuration values: one the platform cannot name a file with is refused with its reason. */
public final class FileNames {
    private FileNames() {}

    /**
     * {@code value} as a path.
     *
     * @throws ConfigException naming {@code key} and {@code src} when it is no file name (a NUL in it)
     */
    public static Path of(String key, String value, Source src, String allowed) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new ConfigException(Problem.error(src, key, Show.value(value), "is not a file name (" + e.getReason() + ")", allowed));
        }
    }
}
