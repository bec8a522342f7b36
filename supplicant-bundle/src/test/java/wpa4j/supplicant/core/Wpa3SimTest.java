package wpa4j.supplicant.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.common.crypto.Psk;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.Mfp;
import wpa4j.hostapd.core.Akm;
import wpa4j.hostapd.core.ApConfig;
import wpa4j.hostapd.core.ApSaeSettings;
import wpa4j.hostapd.core.ApSecurity;
import wpa4j.hostapd.core.MacFilter;
import wpa4j.hostapd.core.SaQueryTiming;
import wpa4j.hostapd.core.SaeCredential;

import wpa4j.supplicant.SupplicantState;

/** Our station against our AP on the sim medium: SAE with PMF, transition mode, a wrong SAE password, PMKSA caching. */
class Wpa3SimTest {
    static final String PASS = "wpa3 sim password";

    static ApConfig ap(Set<Akm> akms, Mfp pmf, int pwe) {
        return ap(akms, pmf, pwe, false);
    }

    private static ApConfig ap(Set<Akm> akms, Mfp pmf, int pwe, boolean beaconProt) {
        SecretKeyBytes psk = akms.contains(Akm.PSK) || akms.contains(Akm.PSK_SHA256) ? Psk.fromPassphrase(PASS.getBytes(StandardCharsets.UTF_8), SimPair.SSID) : null;
        ApSaeSettings sae = akms.contains(Akm.SAE) ? new ApSaeSettings(List.of(new SaeCredential(SecretKeyBytes.copyOf(PASS.getBytes(StandardCharsets.UTF_8)),
                Optional.empty())), pwe, ApSaeSettings.DEFAULT_GROUPS, ApSaeSettings.DEFAULT_ANTI_CLOGGING_THRESHOLD) : ApSaeSettings.NONE;
        return new ApConfig(SimPair.SSID, 1, psk, HiddenSsid.NO_SSID_HIDING, 100, 2, 2007, 0, 0, MacFilter.OPEN, Map.of(),
                new ApSecurity(akms, pmf, sae, SaQueryTiming.DEFAULT, beaconProt));
    }

    static NetworkConfig sta(Set<KeyMgmt> akms, String password, int pmf, int pwe) {
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        boolean psk = akms.contains(KeyMgmt.PSK) || akms.contains(KeyMgmt.PSK_SHA256);
        return new NetworkConfig(0, SimPair.SSID, new NetworkSecurity(akms, psk ? Psk.fromPassphrase(pw, SimPair.SSID) : null,
                akms.contains(KeyMgmt.SAE) ? SecretKeyBytes.copyOf(pw) : null, pmf, pwe), false, 0, List.of(2412), Optional.empty(), "");
    }

    private static NetworkConfig staWithBeaconProt(String password) {
        NetworkSecurity s = sta(Set.of(KeyMgmt.SAE), password, 2, 0).security();
        return new NetworkConfig(0, SimPair.SSID, new NetworkSecurity(s.akms(), null, s.saePassword(), 2, 0, true), false, 0, List.of(2412),
                Optional.empty(), "");
    }

    /**
     * beacon_prot=1 on both sides over the sim medium, which protects and checks Beacons as mac80211: the station
     * installs the AP's BIGTK and then drops none of its Beacons; after a group rekey the next BIGTK (key 7) is
     * installed before the AP's Beacons switch to it, so still none is dropped.
     */
    @Test
    void beaconProtectionEndToEnd() throws Exception {
        try (SimPair p = new SimPair()) {
            p.startAp(ap(Set.of(Akm.SAE), Mfp.REQUIRED, 0, true)).startStation(staWithBeaconProt(PASS));
            p.awaitState(SupplicantState.COMPLETED);
            SimPair.await(() -> p.staEvents.contains("WPA: BIGTK keyid 6 installed (beacon protection)"), () -> "BIGTK 6: " + p.staEvents);
            assertTrue(p.staLoop.call(() -> p.sta.statusText(true)).contains("\nbeacon_prot=1\n"));
            long rx = p.staRadio.counters().rxFrames();
            Thread.sleep(600);
            assertTrue(p.staRadio.counters().rxFrames() > rx + 3, "Beacons kept coming: " + p.staRadio.counters());
            assertEquals(0, p.staRadio.counters().rxUnprotectedBeacons(), p.staRadio.counters().toString());
            p.apLoop.call(() -> {
                p.ap.rekeyGroup();
                return null;
            });
            SimPair.await(() -> p.staEvents.contains("WPA: BIGTK keyid 7 installed (beacon protection)"), () -> "BIGTK 7: " + p.staEvents);
            Thread.sleep(600);
            assertEquals(0, p.staRadio.counters().rxUnprotectedBeacons(), p.staRadio.counters().toString());
            assertEquals(0, p.staRadio.counters().rxDecryptFailed(), p.staRadio.counters().toString());
            assertEquals(SupplicantState.COMPLETED, p.staLoop.call(p.sta::state));
        }
    }

    private static String status(SimPair p) throws Exception {
        return p.staLoop.call(() -> p.sta.statusText(false));
    }

    @Test
    void saeWithPmfRequiredCompletesAndReconnectsFromThePmksaCache() throws Exception {
        try (SimPair p = new SimPair()) {
            p.startAp(ap(Set.of(Akm.SAE), Mfp.REQUIRED, 0)).startStation(sta(Set.of(KeyMgmt.SAE), PASS, 2, 0));
            p.awaitState(SupplicantState.COMPLETED);
            String s = status(p);
            assertTrue(s.contains("key_mgmt=SAE\n") && s.contains("pmf=2\n") && s.contains("sae_h2e=0\n"), s);
            p.staLoop.call(() -> {
                p.sta.reassociate();
                return null;
            });
            SimPair.await(() -> p.staEvents.stream().filter(l -> l.startsWith("CTRL-EVENT-CONNECTED")).count() == 2, () -> "reconnected: " + p.staEvents + " AP: " + p.apEvents);
            assertEquals(1, p.staEvents.stream().filter(l -> l.startsWith("SAE: starting an exchange")).count(), p.staEvents.toString());
            assertTrue(p.staEvents.stream().anyMatch(l -> l.startsWith("PMKSA caching: reconnecting")), p.staEvents.toString());
        }
    }

    /** A new SAE password for the network flushes its PMKSA: the reconnect must prove the new password (and here fails). */
    @Test
    void aChangedSaePasswordIsNotBypassedByTheCachedPmksa() throws Exception {
        try (SimPair p = new SimPair()) {
            p.startAp(ap(Set.of(Akm.SAE), Mfp.REQUIRED, 0)).startStation(sta(Set.of(KeyMgmt.SAE), PASS, 2, 0));
            p.awaitState(SupplicantState.COMPLETED);
            p.staLoop.call(() -> {
                p.sta.setNetworks(List.of(sta(Set.of(KeyMgmt.SAE), "another password", 2, 0)));
                return null;
            });
            SimPair.await(() -> p.staEvents.stream().anyMatch(l -> l.endsWith("reason=WRONG_KEY")), () -> "the new password tried with SAE: " + p.staEvents);
            assertEquals(2, p.staEvents.stream().filter(l -> l.startsWith("SAE: starting an exchange")).count(), p.staEvents.toString());
            assertTrue(p.staEvents.stream().noneMatch(l -> l.startsWith("PMKSA caching: reconnecting")), p.staEvents.toString());
        }
    }

    @Test
    void hashToElementAndTransitionMode() throws Exception {
        try (SimPair p = new SimPair()) {
            p.startAp(ap(Set.of(Akm.PSK, Akm.SAE), Mfp.OPTIONAL, 2)).startStation(sta(Set.of(KeyMgmt.PSK, KeyMgmt.SAE), PASS, 0, 2));
            p.awaitState(SupplicantState.COMPLETED);
            String s = status(p);
            assertTrue(s.contains("key_mgmt=SAE\n") && s.contains("pmf=1\n") && s.contains("sae_h2e=1\n"), s);
        }
    }

    @Test
    void pskSha256WithPmf() throws Exception {
        try (SimPair p = new SimPair()) {
            p.startAp(ap(Set.of(Akm.PSK_SHA256), Mfp.REQUIRED, 0)).startStation(sta(Set.of(KeyMgmt.PSK_SHA256), PASS, 2, 0));
            p.awaitState(SupplicantState.COMPLETED);
            assertTrue(status(p).contains("key_mgmt=WPA2-PSK-SHA256\n"), status(p));
        }
    }

    @Test
    void aWrongSaePasswordIsReportedAndBacksOff() throws Exception {
        try (SimPair p = new SimPair()) {
            p.startAp(ap(Set.of(Akm.SAE), Mfp.REQUIRED, 0)).startStation(sta(Set.of(KeyMgmt.SAE), "not the password", 2, 0));
            SimPair.await(() -> p.staEvents.stream().anyMatch(l -> l.startsWith("CTRL-EVENT-SSID-TEMP-DISABLED") && l.endsWith("reason=WRONG_KEY")),
                    () -> "WRONG_KEY: " + p.staEvents + " AP: " + p.apEvents);
            assertTrue(p.staEvents.contains("SAE: the password is incorrect (a confirm did not verify)"), p.staEvents.toString());
            assertTrue(p.staEvents.stream().noneMatch(l -> l.startsWith("CTRL-EVENT-CONNECTED")));
        }
    }
}
