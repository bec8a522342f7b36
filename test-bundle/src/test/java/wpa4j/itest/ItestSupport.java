package wpa4j.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Pax Exam configuration shared by the integration tests, and small helpers (also packed into the probe). */
public final class ItestSupport {
    private ItestSupport() {}

    /** Felix SCR with the OSGi APIs it needs, from the local Maven repository. */
    public static Option scrRuntime() {
        return composite(
                cleanCaches(),
                mavenBundle("org.osgi", "org.osgi.util.function").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.util.promise").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.service.component").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.scr").versionAsInProject(),
                mavenBundle("net.java.dev.jna", "jna").versionAsInProject(),
                mavenBundle("org.bouncycastle", "bcprov-jdk18on").versionAsInProject(),
                systemProperty("api.package.version").value(System.getProperty("api.package.version", "")),
                junitBundles());
    }

    /** A bundle this reactor built; failsafe passes its path in a system property. */
    public static Option reactorBundle(String property) {
        String path = System.getProperty(property);
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException(property + " does not point to a jar: " + path + " (run mvn verify from the root)");
        }
        return bundle(new File(path).toURI().toString());
    }

    /** Config Admin, for tests that configure cores. */
    public static Option configAdmin() {
        return mavenBundle("org.apache.felix", "org.apache.felix.configadmin").versionAsInProject();
    }

    /** The sim medium and backend and both cores, on top of {@link #wpa4jBundles()}. */
    public static Option wifiStack() {
        return composite(configAdmin(), mavenBundle("org.apache.felix", "org.apache.felix.eventadmin").versionAsInProject(),
                reactorBundle("bundle.config"), reactorBundle("bundle.sim.medium"), reactorBundle("bundle.sim"), reactorBundle("bundle.supplicant"),
                reactorBundle("bundle.hostapd"));
    }

    /** The bundles wpa4j ships in every gateway. */
    public static Option wpa4jBundles() {
        return composite(reactorBundle("bundle.api"), reactorBundle("bundle.linux"), reactorBundle("bundle.custody"), reactorBundle("bundle.nl80211"),
                reactorBundle("bundle.wext"), reactorBundle("bundle.ndis"), reactorBundle("bundle.shell"), reactorBundle("bundle.common"),
                reactorBundle("bundle.runtime"), reactorBundle("bundle.ctrl"));
    }

    /** Polls {@code supplier} until {@code condition} holds; fails after 15 s (a hang guard, not a timing assertion). */
    public static <T> T await(Supplier<T> supplier, Predicate<T> condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        T value = supplier.get();
        while (!condition.test(value)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what + ", last value: " + value);
            }
            Thread.sleep(20);
            value = supplier.get();
        }
        return value;
    }

    public static Bundle bundleByName(BundleContext ctx, String bsn) {
        for (Bundle b : ctx.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + bsn);
    }
}
