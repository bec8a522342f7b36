package wpa4j.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Assume;
import org.junit.Before;
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
 * The station driven only through Debian's unmodified wpa_cli and a wpa_supplicant.conf, in Felix on the sim medium:
 * three networks of different priority against three APs (best first, failover, network-not-found), the network
 * commands, SAVE_CONFIG, SSIDs that are not text, action scripts and Event Admin.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class StationControlInterfaceIT {
    private static final String WPA_CLI = "/usr/sbin/wpa_cli";
    private static final String HOSTAPD_CLI = "/usr/sbin/hostapd_cli";
    private static final String PASS = "three networks passphrase";

    @Inject
    private BundleContext context;
    @Inject
    private ConfigurationAdmin cm;

    private Path work;
    private Path wpas;
    private Path hapd;
    private final List<Process> monitors = new ArrayList<>();

    @Configuration
    public Option[] config() {
        return options(scrRuntime(), wpa4jBundles(), wifiStack());
    }

    @Before
    public void radios() throws Exception {
        Assume.assumeTrue("Debian's wpa_cli and hostapd_cli are installed (.ci/run installs them)",
                new File(WPA_CLI).canExecute() && new File(HOSTAPD_CLI).canExecute());
        work = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "sta-it-" + System.nanoTime()));
        wpas = work.resolve("wpas");
        hapd = work.resolve("hapd");
        Hashtable<String, Object> m = new Hashtable<>();
        m.put("radios", "sim0,sim1,sim2,sim3");
        cm.getConfiguration("wpa4j.sim.medium", "?").update(m);
    }

    @After
    public void cleanUp() throws Exception {
        monitors.forEach(Process::destroy);
        SimWifi.deleteConfigurations(cm);
    }

    private void ap(String ifname, String ssid) throws Exception {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("ifname", ifname);
        p.put("ssid", ssid);
        p.put(".passphrase", PASS);
        p.put("ctrlInterface", hapd.toString());
        cm.getFactoryConfiguration("wpa4j.hostapd", ifname, "?").update(p);
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not finish");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    private String wpaCli(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(WPA_CLI, "-p", wpas.toString(), "-i", "sim1"));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    private String hostapdCli(String ifname, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(HOSTAPD_CLI, "-p", hapd.toString(), "-i", ifname));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    private String uncheckedWpaCli(String... args) {
        try {
            return wpaCli(args);
        } catch (Exception e) {
            return e.toString();
        }
    }

    private String status() {
        try {
            return wpaCli("status");
        } catch (Exception e) {
            return e.toString();
        }
    }

    private void awaitSsid(String ssid) throws InterruptedException {
        await(this::status, s -> s.contains("wpa_state=COMPLETED") && s.contains("\nssid=" + ssid + "\n"), "wpa_cli status: COMPLETED on " + ssid);
    }

    private Path conf(String... blocks) throws Exception {
        Path f = work.resolve("wpa_supplicant.conf");
        Files.writeString(f, "ctrl_interface=DIR=" + wpas + "\nupdate_config=1\ncountry=DE\n\n" + String.join("\n", blocks));
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("ifname", "sim1");
        p.put("confFile", f.toString());
        cm.getFactoryConfiguration("wpa4j.supplicant", "conf", "?").update(p);
        await(() -> Files.exists(wpas.resolve("sim1")), ok -> ok, "the station's control socket");
        return f;
    }

    private static String network(String ssidLine, int priority, String idStr) {
        return "network={\n\t" + ssidLine + "\n\tpsk=\"" + PASS + "\"\n\tkey_mgmt=WPA-PSK\n\tpriority=" + priority + "\n\tscan_freq=2412\n\tid_str=\"" + idStr
                + "\"\n}\n";
    }

    @Test
    public void threeNetworksByPriorityFailoverAndNetworkNotFoundThroughWpaCli() throws Exception {
        ap("sim0", "net-a");
        ap("sim2", "net-b");
        ap("sim3", "net-c");
        List<String> posted = new CopyOnWriteArrayList<>();
        Hashtable<String, Object> sub = new Hashtable<>();
        sub.put(EventConstants.EVENT_TOPIC, "wpa4j/station/*");
        context.registerService(EventHandler.class, e -> posted.add(e.getTopic() + " " + e.getProperty("bssid")), sub);
        // lowest priority first in the file: priority decides, not order
        conf(network("ssid=\"net-c\"", 1, "c"), network("ssid=\"net-b\"", 2, "b"), network("ssid=\"net-a\"", 3, "a"));
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(wpas.resolve("sim1"));
        assertFalse("socket not world-accessible: " + mode, mode.contains(PosixFilePermission.OTHERS_WRITE));

        Path actions = work.resolve("actions.log");
        Path script = work.resolve("action.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$@ $WPA_ID_STR\" >> " + actions + "\n");
        script.toFile().setExecutable(true);
        monitors.add(new ProcessBuilder(WPA_CLI, "-p", wpas.toString(), "-i", "sim1", "-a", script.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start());

        awaitSsid("net-a");
        assertEquals("PONG", wpaCli("ping").trim());
        String list = wpaCli("list_networks");
        assertTrue(list, list.contains("2\tnet-a\tany\t[CURRENT]"));
        assertTrue(list, list.contains("0\tnet-c\tany\t"));
        assertEquals("*", wpaCli("get_network", "2", "psk").trim());
        // a scan while connected refreshes the table without leaving the link
        assertEquals("OK", wpaCli("scan").trim());
        await(() -> uncheckedWpaCli("scan_results"), r -> r.contains("net-b") && r.contains("net-c") && r.contains("[WPA2-PSK-CCMP]"), "scan results");
        assertTrue(status().contains("wpa_state=COMPLETED"));

        hostapdCli("sim0", "disable");
        awaitSsid("net-b");
        hostapdCli("sim2", "disable");
        awaitSsid("net-c");
        hostapdCli("sim3", "disable");
        SupplicantControl sta = SimWifi.sta(context);
        await(sta::recentEvents, l -> l.contains("CTRL-EVENT-NETWORK-NOT-FOUND"), "network not found");
        // the best one back: the rescans are slower now, an operator's scan finds it at once
        assertEquals("OK", hostapdCli("sim0", "enable").trim());
        assertEquals("OK", wpaCli("scan").trim());
        awaitSsid("net-a");

        await(() -> read(actions), s -> s.contains("sim1 CONNECTED a") && s.contains("sim1 DISCONNECTED") && s.contains("sim1 CONNECTED c"),
                "wpa_cli -a saw connects and disconnects");
        await(() -> posted, l -> l.stream().anyMatch(x -> x.startsWith("wpa4j/station/CONNECTED 02:00:00:00:00:00"))
                && l.stream().anyMatch(x -> x.startsWith("wpa4j/station/NETWORK_NOT_FOUND")), "Event Admin: CONNECTED and NETWORK_NOT_FOUND");
    }

    @Test
    public void networkCommandsSaveConfigAndSsidsThatAreNotText() throws Exception {
        // an SSID with a NUL byte and one that is not UTF-8, both ways: AP from Config Admin in hex, station from wpa_cli
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("ifname", "sim0");
        p.put("ssidHex", "6e0075ff");
        p.put(".passphrase", PASS);
        p.put("ctrlInterface", hapd.toString());
        cm.getFactoryConfiguration("wpa4j.hostapd", "hex", "?").update(p);
        Path f = conf();
        assertEquals("0", wpaCli("add_network").trim());
        assertEquals("OK", wpaCli("set_network", "0", "ssid", "6e0075ff").trim());
        assertEquals("FAIL", wpaCli("set_network", "0", "psk", "\"short\"").trim());
        assertEquals("FAIL", wpaCli("set_network", "0", "key_mgmt", "WPA-BOGUS").trim());
        assertEquals("OK", wpaCli("set_network", "0", "psk", "\"" + PASS + "\"").trim());
        assertEquals("OK", wpaCli("set_network", "0", "scan_freq", "2412").trim());
        assertEquals("OK", wpaCli("enable_network", "0").trim());
        await(this::status, s -> s.contains("wpa_state=COMPLETED") && s.contains("ssid=n\\x00u\\xff"), "COMPLETED on the hex SSID");
        assertEquals("6e0075ff", wpaCli("get_network", "0", "ssid").trim());
        assertEquals("OK", wpaCli("save_config").trim());
        String saved = Files.readString(f, StandardCharsets.ISO_8859_1);
        assertTrue(saved, saved.contains("ssid=6e0075ff"));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(f));
        assertEquals("UNKNOWN COMMAND", wpaCli("raw", "NO_SUCH_COMMAND").trim());
        assertEquals("FAIL", wpaCli("get_network", "7", "ssid").trim());
        // a bad setting leaves the running link alone
        assertEquals("FAIL", wpaCli("set_network", "0", "psk", "\"short\"").trim());
        assertTrue(status().contains("wpa_state=COMPLETED"));
        assertEquals("OK", wpaCli("disconnect").trim());
        await(this::status, s -> s.contains("wpa_state=DISCONNECTED"), "disconnected");
        assertEquals("OK", wpaCli("reconnect").trim());
        await(this::status, s -> s.contains("wpa_state=COMPLETED"), "reconnected");
        assertEquals("OK", wpaCli("remove_network", "0").trim());
        await(this::status, s -> s.contains("wpa_state=DISCONNECTED") || s.contains("wpa_state=SCANNING"), "network removed, link ended");
        // a second configuration for the same interface is a second network of the same station, not a second station
        Hashtable<String, Object> extra = new Hashtable<>();
        extra.put("ifname", "sim1");
        extra.put("ssid", "from-config-admin");
        extra.put("passphraseFile", Files.writeString(work.resolve("extra.psk"), PASS + "\n").toString());
        extra.put("disabled", "1");
        cm.getFactoryConfiguration("wpa4j.supplicant", "extra", "?").update(extra);
        await(() -> uncheckedWpaCli("list_networks"), l -> l.contains("from-config-admin"), "the Config Admin network listed");
        assertEquals(1, context.getServiceReferences(SupplicantControl.class, null).size());
        int cmId = Integer.parseInt(wpaCli("list_networks").lines().filter(l -> l.contains("from-config-admin")).findFirst().orElseThrow().split("\t")[0]);
        assertEquals("FAIL", wpaCli("remove_network", String.valueOf(cmId)).trim());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
