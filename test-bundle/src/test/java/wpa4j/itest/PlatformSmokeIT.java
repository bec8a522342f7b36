package wpa4j.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static wpa4j.itest.ItestSupport.await;
import static wpa4j.itest.ItestSupport.bundleByName;
import static wpa4j.itest.ItestSupport.scrRuntime;
import static wpa4j.itest.ItestSupport.wifiStack;
import static wpa4j.itest.ItestSupport.wpa4jBundles;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

import wpa4j.driver.BackendStatus;
import wpa4j.driver.DriverBackend;

/** Every wpa4j bundle installs and resolves in Felix, with the API wired at its version. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformSmokeIT {
    private static final List<String> BUNDLES = List.of("wpa4j.api", "wpa4j.nl80211", "wpa4j.wext", "wpa4j.ndis", "wpa4j.shell", "wpa4j.common",
            "wpa4j.runtime", "wpa4j.sim.medium", "wpa4j.sim", "wpa4j.supplicant", "wpa4j.hostapd");

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return options(scrRuntime(), wpa4jBundles(), wifiStack());
    }

    @Test
    public void allBundlesAreActive() {
        for (String bsn : BUNDLES) {
            Bundle b = bundleByName(context, bsn);
            assertEquals(bsn + " state", Bundle.ACTIVE, b.getState());
        }
    }

    @Test
    public void apiPackagesAreWiredFromTheApiBundleAtTheExportedVersion() {
        // every API package is still in the major version the backends were built for; minor versions differ per package
        Version baseline = Version.parseVersion(System.getProperty("api.package.version"));
        Bundle api = bundleByName(context, "wpa4j.api");
        Map<Object, Object> exported = new HashMap<>();
        api.adapt(BundleWiring.class).getCapabilities("osgi.wiring.package")
                .forEach(c -> exported.put(c.getAttributes().get("osgi.wiring.package"), c.getAttributes().get("version")));
        for (String importer : BUNDLES.subList(1, BUNDLES.size())) {
            BundleWiring wiring = bundleByName(context, importer).adapt(BundleWiring.class);
            List<BundleWire> apiWires = wiring.getRequiredWires("osgi.wiring.package").stream()
                    .filter(w -> String.valueOf(w.getCapability().getAttributes().get("osgi.wiring.package")).startsWith("wpa4j.driver"))
                    .toList();
            assertFalse(importer + " imports the API", apiWires.isEmpty());
            for (BundleWire wire : apiWires) {
                String pkg = importer + " -> " + wire.getCapability().getAttributes().get("osgi.wiring.package");
                assertEquals(pkg + " wired to", api, wire.getProvider().getBundle());
                Version at = (Version) wire.getCapability().getAttributes().get("version");
                assertEquals(pkg + " wired at the version the API bundle exports", exported.get(wire.getCapability().getAttributes().get("osgi.wiring.package")), at);
                assertEquals(pkg + " in the baseline's major version", baseline.getMajor(), at.getMajor());
            }
        }
    }

    /** Socket custody must rarely need an update: it is active and wired to JNA alone (java.* comes from the framework). */
    @Test
    public void socketCustodyDependsOnJnaAlone() {
        Bundle custody = bundleByName(context, "wpa4j.linux.custody");
        assertEquals(Bundle.ACTIVE, custody.getState());
        List<String> imported = custody.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package").stream()
                .map(w -> String.valueOf(w.getCapability().getAttributes().get("osgi.wiring.package"))).toList();
        assertFalse("custody imports JNA", imported.isEmpty());
        for (String pkg : imported) {
            assertTrue(pkg + " imported by custody", pkg.startsWith("com.sun.jna") || pkg.startsWith("java."));
        }
    }

    @Test
    public void everyBackendReportsItsStatusAndNdisSaysNotWindows() throws Exception {
        Collection<ServiceReference<DriverBackend>> refs = await(() -> refs(), r -> r.size() == 4, "four backend status services");
        List<String> names = new ArrayList<>();
        for (ServiceReference<DriverBackend> ref : refs) {
            BackendStatus s = context.getService(ref).status();
            assertEquals(ref.getProperty(DriverBackend.PROP_DRIVER), s.name());
            assertEquals(s.name() + " is active exactly when it drives something", s.name().equals("sim"), s.active());
            assertFalse(s.reason().isBlank());
            names.add(s.name());
            if (s.name().equals("ndis")) {
                assertEquals("not Windows (os.name=" + System.getProperty("os.name") + ")", s.reason());
            }
        }
        assertEquals(List.of("ndis", "nl80211", "sim", "wext"), names.stream().sorted().toList());
    }

    @Test
    public void wifiDriversCommandListsTheBackends() throws Exception {
        ServiceReference<?> ref = await(() -> context.getServiceReference("wpa4j.shell.WifiShell"), r -> r != null, "wifi shell");
        assertEquals("wifi", ref.getProperty("osgi.command.scope"));
        Object shell = context.getService(ref);
        assertNotNull(shell);
        Method drivers = shell.getClass().getMethod("drivers");
        String out = (String) drivers.invoke(shell);
        assertTrue(out, out.contains("ndis") && out.contains("inactive: not Windows") && out.contains("nl80211") && out.contains("wext"));
        assertTrue(out, out.contains("sim0") && out.contains("sim1") && out.contains("(no station or AP configured)"));
    }

    private Collection<ServiceReference<DriverBackend>> refs() {
        try {
            return context.getServiceReferences(DriverBackend.class, null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
