package wpa4j.itest;

import static wpa4j.itest.ItestSupport.await;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import wpa4j.ctrl.CtrlEndpoint;
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

    /** An AP on sim0 for {@link #SSID} with {@code .passphrase=}{@link #PASS} and the given keys (keyMgmt, ieee80211w, saePwe, ...) on top. */
    static void ap(ConfigurationAdmin cm, Map<String, Object> keys) throws Exception {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("ifname", "sim0");
        p.put("ssid", SSID);
        p.put(".passphrase", PASS);
        p.putAll(keys);
        cm.getFactoryConfiguration("wpa4j.hostapd", "it", "?").update(p);
    }

    /** A network of the station on {@code ifname} for {@link #SSID} on 2412 MHz, with the given keys (keyMgmt, .passphrase, ieee80211w, confFile, ...). */
    static void station(ConfigurationAdmin cm, String ifname, Map<String, Object> keys) throws Exception {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("ifname", ifname);
        if (!keys.containsKey("confFile")) {
            p.put("ssid", SSID);
            p.put("scanFreq", new int[] {2412});
        }
        p.putAll(keys);
        cm.getFactoryConfiguration("wpa4j.supplicant", "it-" + ifname, "?").update(p);
    }

    /** The sim medium with these radios (radio n gets 02:00:00:00:0n:00). */
    static void radios(ConfigurationAdmin cm, String... names) throws Exception {
        Hashtable<String, Object> m = new Hashtable<>();
        m.put("radios", String.join(",", names));
        cm.getConfiguration("wpa4j.sim.medium", "?").update(m);
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

    /** The station core of one interface (several stations run at once on several radios). */
    static SupplicantControl sta(BundleContext context, String ifname) throws InterruptedException {
        return await(() -> service(context, SupplicantControl.class, "(wifi.ifname=" + ifname + ")"), s -> s != null, "station core of " + ifname);
    }

    /** What wpa_cli STATUS prints for the station on {@code ifname}: the reply of its control endpoint (wpa_cli's socket). */
    static String wpaCliStatus(BundleContext context, String ifname) {
        CtrlEndpoint ep = service(context, CtrlEndpoint.class, "(&(" + CtrlEndpoint.NAME + "=" + ifname + ")(" + CtrlEndpoint.DIR + "=/var/run/wpa_supplicant))");
        return ep == null ? "no control endpoint for " + ifname : ep.handle("STATUS");
    }

    static <T> T service(BundleContext context, Class<T> type, String filter) {
        try {
            var refs = context.getServiceReferences(type, filter);
            return refs.isEmpty() ? null : context.getService(refs.iterator().next());
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
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
