package wpa4j.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {
    @TempDir
    Path home;

    @Test
    void aSecretIsOneLineInAFileOnlyItsOwnerCanRead() throws Exception {
        Path dir = home.resolve("secrets");
        Path f = SecretFiles.write(dir, "wpa4j.supplicant-wlan0.psk", "my network passphrase");
        assertEquals(dir.resolve("wpa4j.supplicant-wlan0.psk").toAbsolutePath(), f);
        assertEquals("my network passphrase\n", Files.readString(f));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void aSecondWriteReplacesTheFileAndLeavesNoTemporaryFile() throws Exception {
        Path dir = home.resolve("secrets");
        SecretFiles.write(dir, "wpa4j.hostapd-wlan1.psk", "first passphrase");
        Path f = SecretFiles.write(dir, "wpa4j.hostapd-wlan1.psk", "second passphrase");
        assertEquals("second passphrase\n", Files.readString(f));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the secret itself");
        }
    }

    @Test
    void aTooOpenSecretsDirectoryIsClosed() throws Exception {
        Path dir = Files.createDirectories(home.resolve("secrets"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        SecretFiles.write(dir, "x.psk", "passphrase");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void deleteRemovesTheSecret() throws Exception {
        Path dir = home.resolve("secrets");
        Path f = SecretFiles.write(dir, "wpa4j.supplicant-wlan0.psk", "passphrase");
        SecretFiles.delete(dir, "wpa4j.supplicant-wlan0.psk");
        assertFalse(Files.exists(f));
        SecretFiles.delete(dir, "wpa4j.supplicant-wlan0.psk");
    }

    @Test
    void passphrasesAreCheckedBeforeAnythingIsWritten() {
        WifiShell.checkPassphrase("12345678");
        WifiShell.checkPassphrase("a".repeat(63));
        WifiShell.checkPassphrase("0123456789abcdef".repeat(4));
        assertEquals("passphrase: length 7 out of range 8..63 (or the PSK as 64 hex digits)",
                assertThrows(IllegalArgumentException.class, () -> WifiShell.checkPassphrase("1234567")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> WifiShell.checkPassphrase("g".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> WifiShell.checkPassphrase("two\nlines!"));
        assertTrue(WifiShell.secretName("wpa4j.supplicant", "wlan0").equals("wpa4j.supplicant-wlan0.psk"));
    }
}
