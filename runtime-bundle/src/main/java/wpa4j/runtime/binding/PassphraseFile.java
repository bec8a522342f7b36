package wpa4j.runtime.binding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The secret of a core configuration kept in a file ({@code passphraseFile}), so Config Admin, {@code cm} and
 * {@code scr:info} never hold or print it: the first line is the passphrase, or the PSK as 64 hex digits. A relative
 * path is taken from the gateway's home (framework property {@code wpa4j.home}, else the working directory).
 */
public final class PassphraseFile {
    private PassphraseFile() {}

    /** The first line of {@code path} (without its line end); an IllegalArgumentException naming the file (never its content) otherwise. */
    public static String read(String path, String home) {
        return firstLine("passphraseFile", path, home, "a passphrase (8..63 characters) or 64 hex digits");
    }

    /**
     * The secret on the first line of the file {@code key} names (spaces kept, a DOS line end dropped), e.g. the MQTT
     * password of {@code passwordFile}; the exception names the key and the file, never the content.
     *
     * @param allowed what the first line may hold, for the message when it is empty
     * @since 1.5
     */
    public static String firstLine(String key, String path, String home, String allowed) {
        Path p = GatewayHome.of(home).resolve(path);
        try {
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            // spaces are part of a secret: only a DOS line end is dropped
            String first = lines.isEmpty() ? "" : lines.get(0).replaceAll("\r$", "");
            if (first.isEmpty()) {
                throw new IllegalArgumentException(key + ": " + p + " is empty; allowed: " + allowed + " on its first line");
            }
            return first;
        } catch (IOException e) {
            throw new IllegalArgumentException(key + ": " + p + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Whether {@code secret} is a PSK in hex rather than a passphrase. */
    public static boolean isHexPsk(String secret) {
        return secret.matches("[0-9a-fA-F]{64}");
    }
}
