package wpa4j.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static wpa4j.itest.ItestSupport.await;
import static wpa4j.itest.ItestSupport.scrRuntime;
import static wpa4j.itest.ItestSupport.wifiStack;
import static wpa4j.itest.ItestSupport.wpa4jBundles;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import wpa4j.supplicant.SupplicantControl;

/**
 * The AP driven only through Debian's unmodified hostapd_cli over its control socket, in Felix on the sim medium, and
 * its events seen by an Event Admin subscriber.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class ApControlInterfaceIT {
    private static final String HOSTAPD_CLI = "/usr/sbin/hostapd_cli";
    private static final String STA = "02:00:00:00:01:00";

    @Inject
    private BundleContext context;
    @Inject
    private ConfigurationAdmin cm;

    @Configuration
    public Option[] config() {
        return options(scrRuntime(), wpa4jBundles(), wifiStack());
    }

    @After
    public void removeConfigurations() throws Exception {
        SimWifi.deleteConfigurations(cm);
    }

    /** hostapd_cli -p dir -i sim0 args...: its output (it exits by itself for a one-shot command). */
    private static String cli(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(HOSTAPD_CLI, "-p", dir.toString(), "-i", "sim0"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("hostapd_cli " + List.of(args) + " did not finish");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    public void hostapdCliShowsStatusStationsAndDeauthenticatesAndMonitorsGetEvents() throws Exception {
        Assume.assumeTrue("Debian's hostapd_cli is installed (.ci/run installs it)", new File(HOSTAPD_CLI).canExecute());
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "ctrl-it-" + System.nanoTime(), "hostapd");
        // like hostapd, the AP makes its socket directory but not the directories above it
        Files.createDirectories(dir.getParent());
        List<String> posted = new CopyOnWriteArrayList<>();
        Hashtable<String, Object> sub = new Hashtable<>();
        sub.put(EventConstants.EVENT_TOPIC, "wpa4j/ap/*");
        context.registerService(EventHandler.class, e -> posted.add(e.getTopic() + " " + e.getProperty("addr")), sub);

        Hashtable<String, Object> p = new Hashtable<>();
        p.put("ifname", "sim0");
        p.put("ssid", SimWifi.SSID);
        p.put(".passphrase", SimWifi.PASS);
        p.put("ctrlInterface", dir.toString());
        cm.getFactoryConfiguration("wpa4j.hostapd", "ctrl", "?").update(p);
        Path socket = dir.resolve("sim0");
        await(() -> Files.exists(socket), ok -> ok, "the AP's control socket " + socket);
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(socket);
        assertTrue("socket mode 0770 or tighter: " + mode, !mode.contains(PosixFilePermission.OTHERS_READ) && !mode.contains(PosixFilePermission.OTHERS_WRITE));

        // a monitor (action mode) started before the station joins
        Path actions = Files.createTempFile(dir.getParent(), "actions", ".log");
        Path script = dir.getParent().resolve("action.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$@\" >> " + actions + "\n");
        script.toFile().setExecutable(true);
        Process monitor = new ProcessBuilder(HOSTAPD_CLI, "-p", dir.toString(), "-i", "sim0", "-a", script.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertEquals("PONG", cli(dir, "ping").trim());
            assertTrue(cli(dir, "status").contains("state=ENABLED"));
            SimWifi.station(cm, SimWifi.PASS, false);
            SupplicantControl sta = SimWifi.sta(context);
            SimWifi.awaitCompleted(sta);

            await(() -> uncheckedCli(dir, "all_sta"), out -> out.contains(STA) && out.contains("[AUTHORIZED]"), "hostapd_cli all_sta lists the station");
            assertTrue(cli(dir, "sta", STA).contains("aid="));
            assertTrue(cli(dir, "get_config").contains("key_mgmt=WPA-PSK"));
            assertEquals("UNKNOWN COMMAND", cli(dir, "raw", "NO_SUCH_COMMAND").trim());
            assertEquals("FAIL", cli(dir, "raw", "STA", "not-a-mac").trim());

            // deauthenticate: the station goes and comes back by itself
            assertEquals("OK", cli(dir, "deauthenticate", STA).trim());
            await(() -> sta.recentEvents(), l -> l.stream().anyMatch(x -> x.startsWith("CTRL-EVENT-DISCONNECTED")), "station disconnected");
            SimWifi.awaitCompleted(sta);

            await(() -> readQuietly(actions), s -> s.contains("AP-STA-CONNECTED " + STA) && s.contains("AP-STA-DISCONNECTED " + STA),
                    "hostapd_cli -a saw the station connect and leave");
            await(() -> posted, l -> l.contains("wpa4j/ap/STA_CONNECTED " + STA) && l.contains("wpa4j/ap/STA_DISCONNECTED " + STA),
                    "Event Admin subscriber saw the station connect and leave");
        } finally {
            monitor.destroy();
            monitor.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static String uncheckedCli(Path dir, String... args) {
        try {
            return cli(dir, args);
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
