package wpa4j.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static wpa4j.itest.ItestSupport.await;
import static wpa4j.itest.ItestSupport.scrRuntime;
import static wpa4j.itest.ItestSupport.wifiStack;
import static wpa4j.itest.ItestSupport.wpa4jBundles;

import java.util.Dictionary;
import java.util.Hashtable;

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

import wpa4j.hostapd.ApControl;
import wpa4j.supplicant.SupplicantControl;
import wpa4j.supplicant.SupplicantState;

/** Wrong settings through Config Admin: refused at once with one line naming the source and key, and running links stay. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class BadSettingsIT {
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

    private static void change(org.osgi.service.cm.Configuration c, String key, Object value) throws Exception {
        Dictionary<String, Object> p = c.getProperties();
        p.put(key, value);
        c.update(p);
    }

    @Test
    public void badChangesAreRefusedWithOneLineAndTheLinkStays() throws Exception {
        SimWifi.ap(cm, SimWifi.PASS, 0);
        SimWifi.station(cm, SimWifi.PASS, false);
        SupplicantControl sta = SimWifi.sta(context);
        ApControl ap = SimWifi.apControl(context);
        SimWifi.awaitCompleted(sta);

        // a 7-character passphrase on the running station's configuration
        change(cm.getConfiguration(pid(cm, "wpa4j.supplicant"), "?"), ".passphrase", "short12");
        await(sta::problems, l -> l.stream().anyMatch(x -> x.contains("change refused")), "the station reports the refused change");
        // a channel that does not exist on the running AP
        change(cm.getConfiguration(pid(cm, "wpa4j.hostapd"), "?"), "channel", 15);
        await(ap::problems, l -> l.stream().anyMatch(x -> x.contains("channel '15'") && x.contains("allowed: ")), "the AP names channel 15: " + ap.problems());
        // a second station configuration for the same interface with an unknown key management: refused, no second station
        Hashtable<String, Object> bad = new Hashtable<>();
        bad.put("ifname", "sim1");
        bad.put("ssid", "other");
        bad.put("keyMgmt", "WPA-BOGUS");
        cm.getFactoryConfiguration("wpa4j.supplicant", "bogus", "?").update(bad);
        Thread.sleep(500); // let Config Admin deliver it; the assertions below hold before and after
        assertEquals(1, context.getServiceReferences(SupplicantControl.class, null).size());

        assertEquals(SupplicantState.COMPLETED, sta.status().state());
        assertEquals("ENABLED", ap.status().state());
        assertFalse("no reconnect happened: " + sta.recentEvents(), sta.recentEvents().stream().anyMatch(l -> l.startsWith("CTRL-EVENT-DISCONNECTED")));
        String all = String.join("\n", sta.problems()) + String.join("\n", ap.problems());
        assertFalse("no secret in a problem line", all.contains("short12") || all.contains(SimWifi.PASS));
        assertTrue(sta.problems().stream().noneMatch(l -> l.contains("Exception")));
    }

    private static String pid(ConfigurationAdmin cm, String factory) throws Exception {
        return cm.listConfigurations("(service.factoryPid=" + factory + ")")[0].getPid();
    }
}
