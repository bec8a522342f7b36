package wpa4j.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Secrets the shell is given (passphrases) are kept in files only the gateway's user can read, never in
 * Config Admin (whose configurations {@code cm:getConfiguration}, {@code cm:list} and {@code scr:info} print):
 * the directory is created with mode 0700, each file with mode 0600 at creation (not chmod-ed afterwards),
 * and a file is replaced atomically (written under a temporary name, then renamed over the old one), so a
 * reader never sees half a passphrase. On a file system without POSIX permissions the files are created
 * with its defaults.
 */
final class SecretFiles {
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {}

    /** Writes {@code secret} and a newline to {@code dir/name}, replacing what was there; returns the absolute path. */
    static Path write(Path dir, String name, String secret) throws IOException {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR));
            if (!Files.getPosixFilePermissions(dir).equals(DIR)) {
                Files.setPosixFilePermissions(dir, DIR);
            }
        } else {
            Files.createDirectories(dir);
        }
        Path target = dir.resolve(name).toAbsolutePath();
        Path tmp = dir.resolve("." + name + "." + HexFormat.of().formatHex(RANDOM.generateSeed(6)) + ".tmp");
        FileAttribute<?>[] attrs = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
        try {
            Files.createFile(tmp, attrs);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("secret file: temporary " + tmp + " exists", e);
        }
        byte[] octets = (secret + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(tmp, octets);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            java.util.Arrays.fill(octets, (byte) 0);
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    /** Removes {@code dir/name} if it exists (a network that became open keeps no stale secret). */
    static void delete(Path dir, String name) throws IOException {
        Files.deleteIfExists(dir.resolve(name));
    }
}
