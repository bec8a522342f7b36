package wpa4j.itest;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static wpa4j.itest.ItestSupport.await;
import static wpa4j.itest.ItestSupport.scrRuntime;
import static wpa4j.itest.ItestSupport.wifiStack;
import static wpa4j.itest.ItestSupport.wpa4jBundles;

import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.admin.LoggerAdmin;

import wpa4j.supplicant.SupplicantControl;

/** The cores log through the OSGi Log Service as their own bundles, and a bundle's level is set through Config Admin. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class LoggingIT {
    @Inject
    private BundleContext context;
    @Inject
    private ConfigurationAdmin cm;
    @Inject
    private LogReaderService reader;
    @Inject
    private LoggerAdmin loggerAdmin;

    @Configuration
    public Option[] config() {
        return options(scrRuntime(), wpa4jBundles(), wifiStack(), mavenBundle("org.apache.felix", "org.apache.felix.log").versionAsInProject(),
                frameworkProperty("org.osgi.service.log.admin.loglevel").value("INFO"));
    }

    @After
    public void removeConfigurations() throws Exception {
        SimWifi.deleteConfigurations(cm);
    }

    private static String describe(LogEntry e) {
        return e.getBundle().getSymbolicName() + " " + e.getLogLevel() + " " + e.getLoggerName() + " " + e.getMessage();
    }

    @Test
    public void coreLinesAreEntriesOfTheirBundleAndABundlesLevelComesFromConfigAdmin() throws Exception {
        List<String> entries = new CopyOnWriteArrayList<>();
        reader.addLogListener(e -> entries.add(describe(e)));
        SimWifi.ap(cm, SimWifi.PASS, 0);
        SimWifi.station(cm, SimWifi.PASS, false);
        SupplicantControl sta = SimWifi.sta(context);
        SimWifi.awaitCompleted(sta);
        await(() -> entries, l -> l.stream().anyMatch(x -> x.startsWith("wpa4j.supplicant INFO wpa4j.supplicant.") && x.contains("State: 4WAY_HANDSHAKE -> COMPLETED"))
                && l.stream().anyMatch(x -> x.startsWith("wpa4j.hostapd INFO") && x.contains("AP-STA-CONNECTED")), "INFO entries of both cores");

        // only warnings from the station core from now on; the AP core stays at INFO
        Hashtable<String, Object> level = new Hashtable<>();
        level.put("ROOT", "WARN");
        cm.getConfiguration("org.osgi.service.log.admin|wpa4j.supplicant", "?").update(level);
        await(() -> loggerAdmin.getLoggerContext("wpa4j.supplicant").getLogLevels().get("ROOT"), l -> l == LogLevel.WARN, "station core at WARN");
        int before = entries.size();
        sta.disconnect();
        sta.reconnect();
        SimWifi.awaitCompleted(sta);
        await(() -> entries.subList(before, entries.size()), l -> l.stream().anyMatch(x -> x.startsWith("wpa4j.hostapd INFO") && x.contains("AP-STA-CONNECTED")),
                "the AP core's entries go on");
        List<String> after = List.copyOf(entries.subList(before, entries.size()));
        assertFalse("no INFO entry of the station core at WARN: " + after, after.stream().anyMatch(x -> x.startsWith("wpa4j.supplicant INFO")));
        assertTrue(entries.stream().noneMatch(x -> x.contains(SimWifi.PASS)));
    }
}
