package wpa4j.ctrl;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Optional;
import java.util.Set;

/**
 * Ownership and modes of the control directory and socket, as wpa_supplicant sets them: directory made 0770,
 * with a group it gets that group and 0750 (members may enter, not create), the socket 0770 and the group.
 */
final class CtrlDirectory {
    static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwxrwx---");
    static final Set<PosixFilePermission> DIR_GROUP_MODE = PosixFilePermissions.fromString("rwxr-x---");
    static final Set<PosixFilePermission> SOCKET_MODE = PosixFilePermissions.fromString("rwxrwx---");

    private CtrlDirectory() {
    }

    /** A group name, or a numeric gid when no such name exists (the JDK's lookup falls back to numbers too). */
    static GroupPrincipal group(Path dir, String nameOrGid) throws IOException {
        try {
            return dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(nameOrGid);
        } catch (UserPrincipalNotFoundException e) {
            throw new IOException("unknown group '" + nameOrGid + "'");
        }
    }

    /** Makes {@code dir} if missing (only the last component, like wpa_supplicant); true when it was made here. */
    static boolean prepare(Path dir, Optional<GroupPrincipal> group) throws IOException {
        boolean created;
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
            created = true;
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw new IOException(dir + " exists and is not a directory");
            }
            created = false;
        }
        if (group.isPresent()) {
            PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
            view.setGroup(group.get());
            view.setPermissions(DIR_GROUP_MODE);
        }
        return created;
    }

    /** Right after bind: the socket's mode is the umask's until now, so fix group and mode at once. */
    static void secureSocket(Path socket, Optional<GroupPrincipal> group) throws IOException {
        // following links: the JDK's no-follow chmod opens the file, and a socket cannot be opened
        PosixFileAttributeView view = Files.getFileAttributeView(socket, PosixFileAttributeView.class);
        if (group.isPresent()) {
            view.setGroup(group.get());
        }
        view.setPermissions(SOCKET_MODE);
    }
}
