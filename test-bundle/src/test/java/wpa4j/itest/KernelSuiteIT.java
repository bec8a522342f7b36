package wpa4j.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Boots one hwsim VM (real cfg80211/mac80211, three radios) and runs the real-kernel suite
 * ({@code wpa4j.ktest.*KernelTest}) inside it; its JUnit XML comes back through a writable directory.
 */
class KernelSuiteIT {
    @Test
    void realKernelSuitePasses() throws Exception {
        boolean vm = Files.isExecutable(Path.of("/usr/bin/qemu-system-x86_64")) && new File("/boot").list((d, n) -> n.startsWith("vmlinuz-")).length > 0
                && Files.isExecutable(Path.of("/usr/sbin/hostapd"));
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(vm, "CI installs qemu-system-x86, linux-image-amd64 and hostapd");
        }
        assumeTrue(vm, "no hwsim VM on this machine (see test-bundle/hwsim/README.md)");
        Path base = Path.of(System.getProperty("basedir", "."));
        Path reports = Files.createDirectories(base.resolve("target/kernel-reports"));
        try (var old = Files.list(reports)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Path cp = base.resolve("target/kernel-classpath.txt");
        Files.writeString(cp, base.resolve("target/test-classes") + File.pathSeparator
                + Files.readString(base.resolve("target/kernel-classpath.deps")).strip());
        Path log = base.resolve("target/kernel-suite.log");
        Process p = new ProcessBuilder(base.resolve("hwsim/run-in-hwsim-vm.sh").toString(), "--radios", "3", "--smp", "1", "--rw", reports.toString(),
                // about 24 minutes here (2026-12-06): the VM's limit leaves room for a slower machine
                "--timeout", "2400", "--", "bash", base.resolve("hwsim/kernel-suite.sh").toString(),
                cp.toString(), reports.toString())
                .directory(base.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(45, TimeUnit.MINUTES), "the VM run ends");
        String out = Files.readString(log);
        int tests = 0;
        List<String> failures = new ArrayList<>();
        try (var files = Files.list(reports)) {
            for (Path f : files.filter(x -> x.getFileName().toString().endsWith(".xml")).toList()) {
                Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile()).getDocumentElement();
                tests += Integer.parseInt(suite.getAttribute("tests"));
                NodeList cases = suite.getElementsByTagName("testcase");
                for (int i = 0; i < cases.getLength(); i++) {
                    Element c = (Element) cases.item(i);
                    for (String tag : List.of("failure", "error")) {
                        NodeList bad = c.getElementsByTagName(tag);
                        if (bad.getLength() > 0) {
                            failures.add(c.getAttribute("classname") + "." + c.getAttribute("name") + ": "
                                    + firstLines(((Element) bad.item(0)).getAttribute("message"), 60));
                        }
                    }
                }
            }
        }
        assertTrue(tests > 0, "the kernel suite ran tests (VM exit " + p.exitValue() + "):\n" + out);
        // The failures lead: a CI log that keeps only the head and tail of a long message still names them.
        assertTrue(failures.isEmpty(), "kernel tests failed:\n" + String.join("\n", failures) + "\n--- the VM's output:\n" + out);
        assertEquals(0, p.exitValue(), out);
    }

    private static String firstLines(String text, int n) {
        return String.join("\n", text.lines().limit(n).toList());
    }
}
