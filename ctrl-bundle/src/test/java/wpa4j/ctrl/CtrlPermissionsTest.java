package wpa4j.ctrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.sun.security.auth.module.UnixSystem;

/**
 * Modes and groups on the socket file and its directory, checked on the files themselves. As root a foreign gid
 * is used so that a chown is visible.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CtrlPermissionsTest {
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final boolean ROOT = new UnixSystem().getUid() == 0;

    @TempDir
    Path tmp;

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static int gid(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:gid");
    }

    @Test
    void socketIs0770AndADirectoryMadeHasNoOtherAccess() throws IOException {
        Path dir = tmp.resolve("run");
        try (CtrlServer s = CtrlServer.open(dir, "wlan0", Optional.empty(), new ToyEndpoint())) {
            assertEquals(S_IFSOCK, (Integer) Files.getAttribute(s.path(), "unix:mode") & S_IFMT, "a socket");
            assertEquals("rwxrwx---", mode(s.path()));
            assertTrue(mode(dir).endsWith("---"), mode(dir));
            assertTrue(mode(dir).startsWith("rwx"), mode(dir));
        }
    }

    @Test
    void looserExistingSocketModeIsNotKept() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("run"));
        try (UnixDatagramSocket stale = UnixDatagramSocket.open(16)) {
            stale.bind(UnixAddress.of(dir.resolve("wlan0")));
        }
        Files.setPosixFilePermissions(dir.resolve("wlan0"), PosixFilePermissions.fromString("rwxrwxrwx"));
        try (CtrlServer s = CtrlServer.open(dir, "wlan0", Optional.empty(), new ToyEndpoint())) {
            assertEquals("rwxrwx---", mode(s.path()));
        }
    }

    @Test
    void numericGroupGoesToSocketAndDirectory() throws IOException {
        int gid = ROOT ? 4242 : (int) new UnixSystem().getGid();
        Path dir = tmp.resolve("run");
        try (CtrlServer s = CtrlServer.open(dir, "wlan0", Optional.of(Integer.toString(gid)), new ToyEndpoint())) {
            assertEquals(gid, gid(s.path()));
            assertEquals(gid, gid(dir));
            assertEquals("rwxrwx---", mode(s.path()));
            assertEquals("rwxr-x---", mode(dir), "as wpa_supplicant: group members enter, they do not create");
        }
    }

    @Test
    void groupByName() throws IOException {
        String name = ROOT ? "nogroup" : Files.readAttributes(Files.createFile(tmp.resolve("f")), PosixFileAttributes.class)
                .group().getName();
        assumeTrue(groupExists(name), "group " + name + " exists");
        Path dir = tmp.resolve("run");
        try (CtrlServer s = CtrlServer.open(dir, "wlan0", Optional.of(name), new ToyEndpoint())) {
            assertEquals(name, Files.readAttributes(s.path(), PosixFileAttributes.class).group().getName());
            assertEquals(name, Files.readAttributes(dir, PosixFileAttributes.class).group().getName());
        }
    }

    private boolean groupExists(String name) throws IOException {
        try {
            tmp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(name);
            return true;
        } catch (UserPrincipalNotFoundException e) {
            return false;
        }
    }

    @Test
    void unknownGroupIsRefusedBeforeAnythingIsMade() {
        Path dir = tmp.resolve("run");
        IOException e = assertThrows(IOException.class,
                () -> CtrlServer.open(dir, "wlan0", Optional.of("no-such-group-wpa4j"), new ToyEndpoint()));
        assertEquals("cannot open " + dir.resolve("wlan0") + ": unknown group 'no-such-group-wpa4j'", e.getMessage());
        assertFalse(Files.exists(dir));
    }
}
