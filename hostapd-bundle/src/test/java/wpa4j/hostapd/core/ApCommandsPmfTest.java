package wpa4j.hostapd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.common.eapol.KeyInfo;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;
import wpa4j.driver.types.Mfp;
import wpa4j.hostapd.ctrl.ApCommands;

/** hostapd_cli's view of a transition-mode BSS and of a station with PMF, as hostapd prints them; no secret anywhere. */
class ApCommandsPmfTest {
    @Test
    void statusGetConfigAndStaShowKeyManagementPmfAndTheAkm() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK, Akm.SAE), Mfp.OPTIONAL))) {
            ApCommands cli = new ApCommands(h.loop, h.ap, () -> true);
            String status = cli.handle("STATUS");
            assertTrue(status.contains("\nsecurity=WPA2-PSK+SAE-CCMP\nkey_mgmt=WPA-PSK SAE\nieee80211w=1\n"), status);
            String config = cli.handle("GET_CONFIG");
            assertTrue(config.contains("wpa=2\nkey_mgmt=WPA-PSK SAE\ngroup_cipher=CCMP\nrsn_pairwise_cipher=CCMP\n"), config);

            TestStation sta = new TestStation(h, "02:00:00:00:01:00", PmfConfigs.SSID);
            sta.rsn = TestStation.rsne(Suite.AKM_PSK, RsnElement.CAP_MFPC, null, null);
            sta.authenticate();
            sta.associate(false);
            sta.fourWay(PmfConfigs.psk(), KeyInfo.VERSION_HMAC_SHA1_AES, false, Optional.empty());
            ApHarness.await(() -> h.events.contains("AP-STA-CONNECTED " + sta.addr), h.events::toString);
            String one = cli.handle("STA 02:00:00:00:01:00");
            assertEquals("02:00:00:00:01:00\nflags=[AUTH][ASSOC][AUTHORIZED][MFP]\naid=1\nkey_handshake=PTK_DONE\n"
                    + "dot11RSNAStatsSTAAddress=02:00:00:00:01:00\ndot11RSNAStatsVersion=1\ndot11RSNAStatsSelectedPairwiseCipher=00-0f-ac-4\n"
                    + "dot11RSNAStatsTKIPLocalMICFailures=0\ndot11RSNAStatsTKIPRemoteMICFailures=0\nwpa=2\nAKMSuiteSelector=00-0f-ac-2\n", one);
            for (String reply : new String[] {status, config, one, cli.handle("ALL_STA")}) {
                assertFalse(reply.contains(PmfConfigs.PASS), "no passphrase in " + reply);
            }
        }
    }
}
