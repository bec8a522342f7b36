package wpa4j.itest;

import static wpa4j.itest.ItestSupport.await;

import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import wpa4j.hostapd.ApControl;
import wpa4j.supplicant.SupplicantControl;
import wpa4j.supplicant.SupplicantState;

/** An AP core on sim0 and a station core on sim1, configured through Config Admin, for the sim integration tests. */
final class SimWifi {
    static final String PASS = "wpa4j-it-passphrase";
    static final String SSID = "wpa4j-it";

    private SimWifi() {}

    static void ap(ConfigurationAdmin cm, String passphrase, int hidden) throws Exception {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("ifname", "sim0");
        p.put("ssid", SSID);
        p.put(".passphrase", passphrase);
        p.put("ignoreBroadcastSsid", hidden);
        cm.getFactoryConfiguration("wpa4j.hostapd", "it", "?").update(p);
    }

    static void station(ConfigurationAdmin cm, String passphrase, boolean scanSsid) throws Exception {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("ifname", "sim1");
        p.put("ssid", SSID);
        p.put("keyMgmt", passphrase.isEmpty() ? "NONE" : "WPA-PSK");
        p.put(".passphrase", passphrase);
        p.put("scanSsid", scanSsid);
        p.put("scanFreq", new int[] {2412});
        cm.getFactoryConfiguration("wpa4j.supplicant", "it", "?").update(p);
    }

    static void deleteConfigurations(ConfigurationAdmin cm) throws Exception {
        Configuration[] all = cm.listConfigurations(null);
        if (all != null) {
            for (Configuration c : all) {
                c.delete();
            }
        }
    }

    static <T> T service(BundleContext context, Class<T> type) {
        ServiceReference<T> ref = context.getServiceReference(type);
        return ref == null ? null : context.getService(ref);
    }

    static SupplicantControl sta(BundleContext context) throws InterruptedException {
        return await(() -> service(context, SupplicantControl.class), s -> s != null, "station core");
    }

    static ApControl apControl(BundleContext context) throws InterruptedException {
        return await(() -> service(context, ApControl.class), s -> s != null, "AP core");
    }

    static void awaitCompleted(SupplicantControl sta) throws InterruptedException {
        await(() -> sta.status().state(), s -> s == SupplicantState.COMPLETED, "COMPLETED; events: " + sta.recentEvents());
    }

    static long count(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).count();
    }
}
