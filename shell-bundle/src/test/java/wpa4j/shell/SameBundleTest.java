package wpa4j.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

class SameBundleTest {
    @TempDir
    Path dir;

    private Path jar(String name, String bsn, String version, String content) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (bsn != null) {
            m.getMainAttributes().putValue("Bundle-SymbolicName", bsn);
            m.getMainAttributes().putValue("Bundle-Version", version);
        }
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p); JarOutputStream j = new JarOutputStream(out, m)) {
            j.putNextEntry(new JarEntry("wpa4j/"));
            j.putNextEntry(new JarEntry("wpa4j/A.class"));
            j.write(content.getBytes());
            j.closeEntry();
        }
        return p;
    }

    /** An installed bundle as the framework shows it: its entries are those of {@code jar}. */
    private static Bundle installed(Path jar, String bsn, String version) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile j = new JarFile(jar.toFile())) {
            j.stream().forEach(e -> names.add(e.getName()));
        }
        names.add("META-INF/");
        return (Bundle) Proxy.newProxyInstance(SameBundleTest.class.getClassLoader(), new Class<?>[] {Bundle.class}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "getSymbolicName":
                    return bsn;
                case "getVersion":
                    return Version.parseVersion(version);
                case "getEntry":
                    return names.contains((String) args[0]) ? url(jar, (String) args[0]) : null;
                case "findEntries":
                    List<URL> all = new ArrayList<>();
                    for (String n : names) {
                        all.add(url(jar, n));
                    }
                    return Collections.enumeration(all);
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    throw new UnsupportedOperationException(method.getName());
            }
        });
    }

    private static URL url(Path jar, String entry) throws IOException {
        return new URL("jar:" + jar.toUri() + "!/" + entry);
    }

    @Test
    void aByteForByteCopyOfAnInstalledBundleIsFound() throws Exception {
        Bundle shipped = installed(jar("shipped.jar", "wpa4j.sim;singleton:=true", "1.0.0.SNAPSHOT", "code"), "wpa4j.sim", "1.0.0.SNAPSHOT");
        File copy = jar("copy.jar", "wpa4j.sim;singleton:=true", "1.0.0.SNAPSHOT", "code").toFile();
        assertTrue(SameBundle.find(new Bundle[] {shipped}, copy).orElseThrow() == shipped);
    }

    @Test
    void otherContentOrAnotherVersionOrNameIsNotACopy() throws Exception {
        Bundle shipped = installed(jar("shipped.jar", "wpa4j.sim", "1.0.0.SNAPSHOT", "code"), "wpa4j.sim", "1.0.0.SNAPSHOT");
        Bundle[] bundles = {shipped};
        assertTrue(SameBundle.find(bundles, jar("rebuilt.jar", "wpa4j.sim", "1.0.0.SNAPSHOT", "other code").toFile()).isEmpty());
        assertTrue(SameBundle.find(bundles, jar("newer.jar", "wpa4j.sim", "1.0.1", "code").toFile()).isEmpty());
        assertTrue(SameBundle.find(bundles, jar("other.jar", "wpa4j.other", "1.0.0.SNAPSHOT", "code").toFile()).isEmpty());
        assertTrue(SameBundle.find(bundles, jar("plain.jar", null, null, "code").toFile()).isEmpty());
    }
}
