package wpa4j.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import wpa4j.driver.types.Bytes;

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
            // shown escaped (printf_encode), the NUL included; wpa4j.config.internal's Show would make a package cycle
            String shown = Bytes.of(value.getBytes(StandardCharsets.UTF_8)).toPrintable();
            throw new ConfigException(Problem.error(src, key, shown, "is not a file name (" + e.getReason() + ")", allowed));
        }
    }
}
