package wpa4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @Test
    void createsWithMode0600(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("wpa_supplicant.conf");
        AtomicFile.write(file, "psk=\"secret123\"\n");
        assertEquals("psk=\"secret123\"\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of(file), Files.list(dir).toList(), "no temporary file left behind");
    }

    @Test
    void replacesAWorldReadableFileAndLeavesTheDirectoryAlone(@TempDir Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));
        Path file = dir.resolve("x.conf");
        Files.writeString(file, "old content");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Object inodeBefore = Files.getAttribute(file, "unix:ino");
        AtomicFile.write(file, "new");
        assertEquals("new", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(!inodeBefore.equals(Files.getAttribute(file, "unix:ino")), "renamed over, not rewritten in place");
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals(List.of(file), Files.list(dir).toList());
    }

    @Test
    void readersSeeOldOrNewNeverAMix(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.conf");
        String a = "a".repeat(200_000);
        String b = "b".repeat(200_000);
        AtomicFile.write(file, a);
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 50; i++) {
                    AtomicFile.write(file, i % 2 == 0 ? b : a);
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            } finally {
                stop.set(true);
            }
        });
        writer.start();
        while (!stop.get()) {
            String seen = Files.readString(file);
            assertTrue(seen.equals(a) || seen.equals(b), "torn read of " + seen.length() + " characters");
        }
        writer.join();
        assertEquals(List.of(file), Files.list(dir).toList());
    }

    @Test
    void failureLeavesTargetAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("is-a-directory");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "x");
        assertThrows(IOException.class, () -> AtomicFile.write(target, "content"));
        assertTrue(Files.isDirectory(target));
        assertEquals(List.of(target), Files.list(dir).toList());
    }
}
