package wpa4j.shell;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/** Whether a jar is, byte for byte, a bundle that is already installed (same symbolic name, version and entries). */
final class SameBundle {
    private SameBundle() {}

    /** The installed bundle {@code jar} is a copy of, if any; empty for anything else, a jar that is no bundle included. */
    static Optional<Bundle> find(Bundle[] installed, File jar) throws IOException {
        try (JarFile j = new JarFile(jar)) {
            Manifest m = j.getManifest();
            if (m == null) {
                return Optional.empty();
            }
            Attributes a = m.getMainAttributes();
            String bsn = a.getValue("Bundle-SymbolicName");
            if (bsn == null) {
                return Optional.empty();
            }
            String name = bsn.split(";")[0].strip();
            Version version = Version.parseVersion(a.getValue("Bundle-Version"));
            for (Bundle b : installed) {
                if (name.equals(b.getSymbolicName()) && version.equals(b.getVersion()) && sameEntries(b, j)) {
                    return Optional.of(b);
                }
            }
            return Optional.empty();
        } catch (IllegalArgumentException badVersion) {
            return Optional.empty();
        }
    }

    private static boolean sameEntries(Bundle b, JarFile j) throws IOException {
        int files = 0;
        for (Enumeration<JarEntry> e = j.entries(); e.hasMoreElements();) {
            JarEntry entry = e.nextElement();
            if (entry.isDirectory()) {
                continue;
            }
            files++;
            URL u = b.getEntry(entry.getName());
            if (u == null) {
                return false;
            }
            try (InputStream theirs = u.openStream(); InputStream ours = j.getInputStream(entry)) {
                if (!Arrays.equals(theirs.readAllBytes(), ours.readAllBytes())) {
                    return false;
                }
            }
        }
        int bundleFiles = 0;
        Enumeration<URL> all = b.findEntries("/", "*", true);
        while (all != null && all.hasMoreElements()) {
            if (!all.nextElement().getPath().endsWith("/")) {
                bundleFiles++;
            }
        }
        return bundleFiles == files;
    }
}
