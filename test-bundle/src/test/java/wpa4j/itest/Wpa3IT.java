package wpa4j.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static wpa4j.itest.ItestSupport.await;
import static wpa4j.itest.ItestSupport.bundleByName;
import static wpa4j.itest.ItestSupport.scrRuntime;
import static wpa4j.itest.ItestSupport.wifiStack;
import static wpa4j.itest.ItestSupport.wpa4jBundles;
import static wpa4j.itest.SimWifi.PASS;
import static wpa4j.itest.SimWifi.SSID;
import static wpa4j.itest.SimWifi.count;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.hostapd.ApControl;
import wpa4j.hostapd.StationInfo;
import wpa4j.sim.medium.Medium;
import wpa4j.sim.medium.MediumService;
import wpa4j.sim.medium.Radio;
import wpa4j.supplicant.SupplicantControl;
import wpa4j.supplicant.SupplicantState;

/**
 * Issue #14 on the sim medium: WPA3-Personal (SAE) and protected management frames end to end in Felix, the AP and
 * station cores configured through Config Admin (and a wpa_supplicant.conf for the station's global {@code sae_pwe}),
 * as a user would. One framework per test.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class Wpa3IT {
    private static final String AP_MAC = "02:00:00:00:00:00";
    private static final String SAE_STARTED = "SAE: starting an exchange with " + AP_MAC;

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

    /** The AP on sim0 and one station on sim1, both SAE with PMF required (ieee80211w=2), connected. */
    private SupplicantControl saePmfConnected() throws Exception {
        SimWifi.ap(cm, Map.of("keyMgmt", "SAE", "ieee80211w", 2));
        SimWifi.station(cm, "sim1", Map.of("keyMgmt", "SAE", "ieee80211w", 2, ".passphrase", PASS));
        SupplicantControl sta = SimWifi.sta(context, "sim1");
        SimWifi.awaitCompleted(sta);
        assertFirstAttemptConnected(sta);
        return sta;
    }

    /**
     * The station got there with its first attempt: one authentication, one SAE exchange, no disconnection (e.g. the
     * driver refusing the association after SAE, and a second attempt on the cached PMKSA).
     */
    private static void assertFirstAttemptConnected(SupplicantControl sta) {
        List<String> events = sta.recentEvents();
        assertEquals(events.toString(), 1, count(events, "SME: Trying to authenticate"));
        assertEquals(events.toString(), 1, count(events, SAE_STARTED));
        assertEquals(events.toString(), 0, count(events, "CTRL-EVENT-DISCONNECTED"));
        assertEquals(events.toString(), 0, count(events, "State: ASSOCIATING -> DISCONNECTED"));
    }

    /** The AP's entry for {@code addr}, once it is authorized. */
    private static StationInfo authorized(ApControl ap, String addr) throws InterruptedException {
        List<StationInfo> l = await(ap::stations, s -> s.stream().anyMatch(i -> i.addr().equals(addr) && i.flags().contains("[AUTHORIZED]")),
                addr + " authorized at the AP");
        return l.stream().filter(i -> i.addr().equals(addr)).findFirst().orElseThrow();
    }

    /** One data frame each way between the AP's radio and the station's, both decrypted. */
    private void dataPassesBothWays(String staIfname) throws Exception {
        Medium medium = SimWifi.service(context, MediumService.class).medium();
        Radio apRadio = medium.radio("sim0");
        Radio staRadio = medium.radio(staIfname);
        List<String> atAp = new CopyOnWriteArrayList<>();
        List<String> atSta = new CopyOnWriteArrayList<>();
        apRadio.addDataListener((src, dst, type, payload) -> atAp.add(src + " " + new String(payload.toArray())));
        staRadio.addDataListener((src, dst, type, payload) -> atSta.add(src + " " + new String(payload.toArray())));
        staRadio.sendData(apRadio.mac(), 0x0800, Bytes.of("up".getBytes()));
        apRadio.sendData(staRadio.mac(), 0x0800, Bytes.of("down".getBytes()));
        await(() -> atAp.size() + atSta.size(), n -> n == 2, "one data frame each way");
        assertEquals(List.of(staRadio.mac() + " up"), atAp);
        assertEquals(List.of(apRadio.mac() + " down"), atSta);
        assertEquals(0, apRadio.counters().rxDecryptFailed() + staRadio.counters().rxDecryptFailed());
    }

    @Test
    public void saeWithPmfRequiredCompletesAndCarriesDataBothWays() throws Exception {
        SupplicantControl sta = saePmfConnected();
        assertEquals("SAE", sta.status().keyMgmt());
        String status = SimWifi.wpaCliStatus(context, "sim1");
        assertTrue(status, status.contains("\nkey_mgmt=SAE\n") && status.contains("\npmf=2\n") && status.contains("\nmgmt_group_cipher=BIP\n")
                && status.contains("\nsae_h2e=0\n") && status.contains("wpa_state=COMPLETED"));
        List<String> events = sta.recentEvents();
        assertTrue(events.toString(), events.contains(SAE_STARTED + " (hunting-and-pecking)"));
        assertTrue(events.toString(), events.contains("SAE: authenticated with " + AP_MAC + " (group 19)"));
        ApControl ap = SimWifi.apControl(context);
        StationInfo si = authorized(ap, "02:00:00:00:01:00");
        assertTrue(si.flags(), si.flags().contains("[MFP]"));
        assertEquals("00-0f-ac-8", si.akmSuite());
        assertEquals(19, si.saeGroup());
        assertEquals(2, ap.status().ieee80211w());
        dataPassesBothWays("sim1");
        assertFalse("no secret in status", status.contains(PASS) || ap.status().toHostapdCli().contains(PASS));
    }

    /** sae_pwe is a wpa_supplicant.conf global (Config Admin has no key for it): the station reads it from its confFile. */
    @Test
    public void saeHashToElementWithTheStationsSaePweFromItsConfFile() throws Exception {
        SimWifi.ap(cm, Map.of("keyMgmt", "SAE", "ieee80211w", 2, "saePwe", 1));
        Path dir = Files.createTempDirectory("wpa3-it");
        Path conf = dir.resolve("wpa_supplicant.conf");
        Files.writeString(conf, "sae_pwe=1\n\nnetwork={\n\tssid=\"" + SSID + "\"\n\tkey_mgmt=SAE\n\tsae_password=\"" + PASS
                + "\"\n\tieee80211w=2\n\tscan_freq=2412\n}\n");
        SimWifi.station(cm, "sim1", Map.of("confFile", conf.toString()));
        SupplicantControl sta = SimWifi.sta(context, "sim1");
        SimWifi.awaitCompleted(sta);
        assertFirstAttemptConnected(sta);
        String status = SimWifi.wpaCliStatus(context, "sim1");
        assertTrue(status, status.contains("\nkey_mgmt=SAE\n") && status.contains("\npmf=2\n") && status.contains("\nsae_h2e=1\n"));
        assertTrue(sta.recentEvents().toString(), sta.recentEvents().contains(SAE_STARTED + " (hash-to-element)"));
        assertTrue(sta.scanResults().toString(), sta.scanResults().stream().anyMatch(l -> l.startsWith(AP_MAC) && l.contains("[SAE-H2E]")));
        StationInfo si = authorized(SimWifi.apControl(context), "02:00:00:00:01:00");
        assertTrue(si.flags(), si.flags().contains("[MFP]"));
        dataPassesBothWays("sim1");
    }

    /** WPA2/WPA3 transition mode: one AP offering WPA-PSK and SAE with optional PMF serves a WPA2 and a WPA3 station at once. */
    @Test
    public void transitionModeServesAWpa2AndAWpa3StationAtOnce() throws Exception {
        SimWifi.radios(cm, "sim0", "sim1", "sim2");
        await(() -> SimWifi.service(context, MediumService.class), m -> m != null && hasRadio(m, "sim2"), "a medium with radio sim2");
        SimWifi.ap(cm, Map.of("keyMgmt", "WPA-PSK SAE", "ieee80211w", 1));
        SimWifi.station(cm, "sim1", Map.of("keyMgmt", "WPA-PSK", ".passphrase", PASS));
        SimWifi.station(cm, "sim2", Map.of("keyMgmt", "SAE", "ieee80211w", 1, ".passphrase", PASS));
        SupplicantControl wpa2 = SimWifi.sta(context, "sim1");
        SupplicantControl wpa3 = SimWifi.sta(context, "sim2");
        SimWifi.awaitCompleted(wpa2);
        SimWifi.awaitCompleted(wpa3);
        assertEquals(SupplicantState.COMPLETED, wpa2.status().state());
        assertEquals("WPA2-PSK", wpa2.status().keyMgmt());
        assertEquals("SAE", wpa3.status().keyMgmt());
        assertFirstAttemptConnected(wpa3);
        String s3 = SimWifi.wpaCliStatus(context, "sim2");
        assertTrue(s3, s3.contains("\nkey_mgmt=SAE\n") && s3.contains("\npmf=1\n"));
        String s2 = SimWifi.wpaCliStatus(context, "sim1");
        assertTrue(s2, s2.contains("\nkey_mgmt=WPA2-PSK\n") && !s2.contains("pmf="));
        assertTrue(wpa2.scanResults().toString(), wpa2.scanResults().stream().anyMatch(l -> l.startsWith(AP_MAC) && l.contains("WPA2-PSK+SAE-CCMP")));
        ApControl ap = SimWifi.apControl(context);
        StationInfo psk = authorized(ap, "02:00:00:00:01:00");
        StationInfo sae = authorized(ap, "02:00:00:00:02:00");
        assertEquals("00-0f-ac-2", psk.akmSuite());
        assertFalse(psk.flags(), psk.flags().contains("[MFP]"));
        assertEquals("00-0f-ac-8", sae.akmSuite());
        assertTrue(sae.flags(), sae.flags().contains("[MFP]"));
        assertEquals(2, ap.stations().size());
        dataPassesBothWays("sim1");
        dataPassesBothWays("sim2");
    }

    private static boolean hasRadio(MediumService m, String ifname) {
        try {
            return m.medium().radios().stream().anyMatch(r -> r.ifname().equals(ifname));
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    public void wrongSaePasswordIsReportedAsWrongKeyAndBackedOff() throws Exception {
        SimWifi.ap(cm, Map.of("keyMgmt", "SAE", "ieee80211w", 2));
        SimWifi.station(cm, "sim1", Map.of("keyMgmt", "SAE", "ieee80211w", 2, ".passphrase", "definitely-wrong-password"));
        SupplicantControl sta = SimWifi.sta(context, "sim1");
        List<String> events = await(sta::recentEvents, l -> count(l, "CTRL-EVENT-SSID-TEMP-DISABLED") >= 1, "WRONG_KEY");
        assertTrue(events.toString(), events.contains("SAE: the password is incorrect (a confirm did not verify)"));
        assertTrue(events.toString(),
                events.contains("CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"" + SSID + "\" auth_failures=1 duration=10 reason=WRONG_KEY"));
        // a window to see what the station does next: nothing, for the 10 s of the backoff
        Thread.sleep(2000);
        events = sta.recentEvents();
        assertEquals(events.toString(), 1, count(events, SAE_STARTED));
        assertEquals(events.toString(), 1, count(events, "CTRL-EVENT-SSID-TEMP-DISABLED"));
        assertEquals(events.toString(), 0, count(events, "CTRL-EVENT-CONNECTED"));
        assertEquals(SupplicantState.DISCONNECTED, sta.status().state());
        ApControl ap = SimWifi.apControl(context);
        assertEquals(ap.recentEvents().toString(), 0, count(ap.recentEvents(), "AP-STA-CONNECTED"));
        assertTrue(ap.stations().toString(), ap.stations().stream().noneMatch(i -> i.flags().contains("[AUTHORIZED]")));
    }

    /** As LiveUpgradeIT for WPA2: the sim backend bundle is updated under a connected SAE/PMF link, which must not notice. */
    @Test
    public void updatingTheSimDriverBundleKeepsAnSaePmfLinkWithoutReauthentication() throws Exception {
        SupplicantControl sta = saePmfConnected();
        ApControl ap = SimWifi.apControl(context);
        authorized(ap, "02:00:00:00:01:00");
        long stateLines = count(sta.recentEvents(), "State: ");
        assertEquals(1, count(sta.recentEvents(), SAE_STARTED));
        Bundle sim = bundleByName(context, "wpa4j.sim");
        for (int i = 1; i <= 3; i++) {
            int n = i;
            sim.update(Jars.withVersion(System.getProperty("bundle.sim"), "1.0.0.update" + i));
            await(sta::recentEvents, l -> count(l, "CTRL-EVENT-DRIVER-RESYNC") == n, "station re-synced after update " + n);
            await(ap::recentEvents, l -> count(l, "AP-DRIVER-RESYNC") == n, "AP re-synced after update " + n);
        }
        List<String> events = sta.recentEvents();
        assertEquals(events.toString(), 1, count(events, SAE_STARTED));
        assertEquals(events.toString(), 0, count(events, "CTRL-EVENT-DISCONNECTED"));
        assertEquals(events.toString(), stateLines, count(events, "State: "));
        assertEquals(SupplicantState.COMPLETED, sta.status().state());
        assertEquals(ap.recentEvents().toString(), 0, count(ap.recentEvents(), "AP-STA-DISCONNECTED"));
        StationInfo si = authorized(ap, "02:00:00:00:01:00");
        assertTrue(si.flags(), si.flags().contains("[MFP]"));
        String status = SimWifi.wpaCliStatus(context, "sim1");
        assertTrue(status, status.contains("\nkey_mgmt=SAE\n") && status.contains("\npmf=2\n"));
        dataPassesBothWays("sim1");
        // GTK and IGTK through the new driver: the station takes the group handshake and still hears group frames
        ap.rekeyGroup();
        await(ap::recentEvents, l -> count(l, "WPA-GROUP-KEY-COMPLETED") == 1, "group rekey after the updates");
        Radio staRadio = SimWifi.service(context, MediumService.class).medium().radio("sim1");
        List<String> got = new CopyOnWriteArrayList<>();
        staRadio.addDataListener((src, dst, type, payload) -> got.add(new String(payload.toArray())));
        SimWifi.service(context, MediumService.class).medium().radio("sim0").sendData(MacAddress.BROADCAST, 0x0800, Bytes.of("broadcast".getBytes()));
        await(() -> got, l -> l.contains("broadcast"), "group-addressed frame under the new GTK");
        assertEquals(1, count(sta.recentEvents(), SAE_STARTED));
        assertEquals(SupplicantState.COMPLETED, sta.status().state());
    }
}
