package wpa4j.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static wpa4j.itest.ItestSupport.await;
import static wpa4j.itest.ItestSupport.scrRuntime;
import static wpa4j.itest.ItestSupport.wifiStack;
import static wpa4j.itest.ItestSupport.wpa4jBundles;

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

import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.hostapd.ApControl;
import wpa4j.sim.medium.LinkParams;
import wpa4j.sim.medium.Medium;
import wpa4j.sim.medium.MediumService;
import wpa4j.sim.medium.Radio;
import wpa4j.supplicant.SupplicantControl;
import wpa4j.supplicant.SupplicantState;

/**
 * WPA2-PSK end to end in Felix: the AP and station cores configured through Config Admin, each bound by DS
 * to the sim driver of its radio. One framework per test (the medium starts empty of links each time).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class Wpa2PskIT {
    private static final String PASS = SimWifi.PASS;
    private static final String SSID = SimWifi.SSID;

    @Inject
    private BundleContext context;
    @Inject
    private ConfigurationAdmin cm;
    @Inject
    private MediumService mediumService;

    @Configuration
    public Option[] config() {
        return options(scrRuntime(), wpa4jBundles(), wifiStack());
    }

    @After
    public void removeConfigurations() throws Exception {
        SimWifi.deleteConfigurations(cm);
    }

    private void ap(String passphrase, int hidden) throws Exception {
        SimWifi.ap(cm, passphrase, hidden);
    }

    private void station(String passphrase, boolean scanSsid) throws Exception {
        SimWifi.station(cm, passphrase, scanSsid);
    }

    private SupplicantControl sta() throws InterruptedException {
        return SimWifi.sta(context);
    }

    private ApControl apControl() throws InterruptedException {
        return SimWifi.apControl(context);
    }

    private static void awaitCompleted(SupplicantControl sta) throws InterruptedException {
        SimWifi.awaitCompleted(sta);
    }

    private static long count(List<String> lines, String prefix) {
        return SimWifi.count(lines, prefix);
    }

    @Test
    public void stationCompletesAndDataDecryptsOnBothSides() throws Exception {
        ap(PASS, 0);
        station(PASS, false);
        SupplicantControl sta = sta();
        awaitCompleted(sta);
        assertEquals("sim", sta.status().driver());
        assertEquals("02:00:00:00:00:00", sta.status().bssid());
        ApControl ap = apControl();
        await(ap::stations, l -> l.size() == 1 && l.get(0).flags().contains("[AUTHORIZED]"), "station authorized at the AP");
        Medium medium = mediumService.medium();
        Radio apRadio = medium.radio("sim0");
        Radio staRadio = medium.radio("sim1");
        List<String> atAp = new CopyOnWriteArrayList<>();
        List<String> atSta = new CopyOnWriteArrayList<>();
        apRadio.addDataListener((src, dst, type, payload) -> atAp.add(src + " " + new String(payload.toArray())));
        staRadio.addDataListener((src, dst, type, payload) -> atSta.add(src + " " + new String(payload.toArray())));
        staRadio.sendData(apRadio.mac(), 0x0800, Bytes.of("up".getBytes()));
        apRadio.sendData(staRadio.mac(), 0x0800, Bytes.of("down".getBytes()));
        await(() -> atAp.size() + atSta.size(), n -> n == 2, "one data frame each way");
        assertEquals(List.of("02:00:00:00:01:00 up"), atAp);
        assertEquals(List.of("02:00:00:00:00:00 down"), atSta);
        assertEquals(0, apRadio.counters().rxDecryptFailed() + staRadio.counters().rxDecryptFailed());
        assertFalse("no secret in status", sta.status().toWpaCli().contains(PASS) || ap.status().toHostapdCli().contains(PASS));
        Object shell = context.getService(context.getServiceReference("wpa4j.shell.WifiShell"));
        String status = (String) shell.getClass().getMethod("status").invoke(shell);
        assertTrue(status, status.contains("[station sim1]\nbssid=02:00:00:00:00:00") && status.contains("wpa_state=COMPLETED")
                && status.contains("[ap sim0]") && status.contains("num_sta[0]=1"));
        assertFalse(status, status.contains(PASS));
        String drivers = (String) shell.getClass().getMethod("drivers").invoke(shell);
        assertTrue(drivers, drivers.contains("station sim1:\n    sim ") && drivers.contains("bound (best eligible)"));
    }

    @Test
    public void wrongPassphraseIsReportedAsWrongKeyAndBackedOff() throws Exception {
        ap(PASS, 0);
        station("definitely-wrong-passphrase", false);
        SupplicantControl sta = sta();
        List<String> events = await(sta::recentEvents, l -> count(l, "CTRL-EVENT-SSID-TEMP-DISABLED") >= 1, "WRONG_KEY");
        assertTrue(events.toString(), events.contains("CTRL-EVENT-SSID-TEMP-DISABLED id=0 ssid=\"" + SSID + "\" auth_failures=1 duration=10 reason=WRONG_KEY"));
        assertFalse(events.toString(), events.stream().anyMatch(l -> l.startsWith("CTRL-EVENT-CONNECTED")));
        Thread.sleep(500);
        assertEquals("temp-disabled: no new attempt within the backoff", SupplicantState.DISCONNECTED, sta.status().state());
    }

    @Test
    public void openNetwork() throws Exception {
        ap("", 0);
        station("", false);
        SupplicantControl sta = sta();
        awaitCompleted(sta);
        assertEquals("NONE", sta.status().keyMgmt());
    }

    @Test
    public void hiddenSsid() throws Exception {
        ap(PASS, 1);
        station(PASS, true);
        awaitCompleted(sta());
    }

    @Test
    public void groupRekeyKeepsTheLink() throws Exception {
        ap(PASS, 0);
        station(PASS, false);
        SupplicantControl sta = sta();
        awaitCompleted(sta);
        ApControl ap = apControl();
        ap.rekeyGroup();
        await(ap::recentEvents, l -> count(l, "WPA-GROUP-KEY-COMPLETED") == 1, "first group rekey");
        ap.rekeyGroup();
        await(ap::recentEvents, l -> count(l, "WPA-GROUP-KEY-COMPLETED") == 2, "second group rekey");
        assertEquals(SupplicantState.COMPLETED, sta.status().state());
        assertEquals(0, count(sta.recentEvents(), "CTRL-EVENT-DISCONNECTED"));
        Radio staRadio = mediumService.medium().radio("sim1");
        List<String> got = new CopyOnWriteArrayList<>();
        staRadio.addDataListener((src, dst, type, payload) -> got.add(new String(payload.toArray())));
        mediumService.medium().radio("sim0").sendData(MacAddress.BROADCAST, 0x0800, Bytes.of("broadcast".getBytes()));
        await(() -> got, l -> l.contains("broadcast"), "group-addressed frame under the new GTK");
    }

    @Test
    public void deauthByTheApMakesTheStationReconnect() throws Exception {
        ap(PASS, 0);
        station(PASS, false);
        SupplicantControl sta = sta();
        awaitCompleted(sta);
        apControl().deauthenticate("02:00:00:00:01:00");
        List<String> events = await(sta::recentEvents, l -> count(l, "CTRL-EVENT-CONNECTED") == 2, "reconnect");
        assertTrue(events.toString(), events.stream().anyMatch(l -> l.startsWith("CTRL-EVENT-DISCONNECTED bssid=02:00:00:00:00:00 reason=2")));
        awaitCompleted(sta);
    }

    @Test
    public void tenPercentFrameLossStillCompletes() throws Exception {
        mediumService.medium().setDefaultLink(new LinkParams(10, 1, -65));
        ap(PASS, 0);
        station(PASS, false);
        awaitCompleted(sta());
    }

    /** Hot-plug through DS: the radio (netdev) goes, the core says so and waits; a radio of that name comes back, it reconnects. */
    @Test
    public void aStationWhoseInterfaceGoesReportsItAndReconnectsWhenItReturns() throws Exception {
        ap(PASS, 0);
        station(PASS, false);
        SupplicantControl sta = sta();
        awaitCompleted(sta);
        Medium medium = mediumService.medium();
        MacAddress mac = medium.radio("sim1").mac();
        medium.removeRadio("sim1");
        await(sta::recentEvents, l -> l.contains("interface sim1 is gone, link to 02:00:00:00:00:00 ended: waiting for it"), "the core reports the interface gone");
        await(() -> sta.status().state(), s -> s == SupplicantState.INTERFACE_DISABLED, "INTERFACE_DISABLED");
        await(() -> sta.status().driver(), d -> d.equals("none"), "the driver service went with the interface");
        medium.addRadio("sim1", mac);
        await(() -> count(sta.recentEvents(), "CTRL-EVENT-CONNECTED"), n -> n == 2, "connected again on the new interface");
        awaitCompleted(sta);
        ApControl ap = apControl();
        await(ap::stations, l -> l.size() == 1 && l.get(0).flags().contains("[AUTHORIZED]"), "authorized at the AP again");
    }
}
