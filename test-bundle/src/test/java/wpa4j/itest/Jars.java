package wpa4j.itest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** New releases of a built bundle for the upgrade tests (Pax Exam, gateway, real kernel). */
public final class Jars {
    private Jars() {}

    /** The jar at {@code path} with Bundle-Version replaced: a new version of the same bundle, as a release would be. */
    public static InputStream withVersion(String path, String version) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(new FileInputStream(path))) {
            Manifest mf = in.getManifest();
            mf.getMainAttributes().putValue("Bundle-Version", version);
            try (JarOutputStream jar = new JarOutputStream(out, mf)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    jar.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(jar);
                    jar.closeEntry();
                }
            }
        }
        return new ByteArrayInputStream(out.toByteArray());
    }
}
