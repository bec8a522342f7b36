package wpa4j.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file so that a reader (or a crash) sees either the old or the new content, never a mix, and
 * no one else can read it in between: the new content goes to a temporary file in the same directory that
 * is created with mode 0600 (no window where it is world-readable), is synced, and is renamed over the
 * target; then the directory is synced so the rename survives a power loss.
 */
public final class AtomicFile {
    private AtomicFile() {}

    /** Writes {@code content} as UTF-8. */
    public static void write(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] content) throws IOException {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        String prefix = "." + file.getFileName() + ".";
        // created with O_EXCL and mode 0600 in one step; the umask can only take bits away
        Path tmp = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)
                ? Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, prefix, ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        syncDirectory(dir);
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException notSupportedHere) {
            // directories cannot be opened for sync on every OS; the rename itself is still atomic
        }
    }
}
