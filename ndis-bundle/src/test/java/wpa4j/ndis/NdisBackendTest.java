package wpa4j.ndis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.driver.BackendStatus;
import wpa4j.driver.Capabilities;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.DriverFlag;
import wpa4j.driver.types.KeyMgmtCapability;
import wpa4j.ndis.transport.NdisuioTransport;

class NdisBackendTest {
    @Test
    void inactiveOffWindowsWithTheReason() {
        BackendStatus s = NdisBackend.status("1.0.0", "not Windows (os.name=Linux)", false, List.of());
        assertFalse(s.active());
        assertEquals("ndis 1.0.0: inactive: not Windows (os.name=Linux)", s.toString());
        assertEquals(System.getProperty("os.name").startsWith("Windows"), NdisuioTransport.available());
    }

    @Test
    void rankingFollowsWhatTheProbeFound() {
        Capabilities wpa2 = new Capabilities(Set.of(KeyMgmtCapability.WPA2_PSK), Set.of(Cipher.CCMP, Cipher.TKIP), Set.of(AuthAlg.OPEN),
                EnumSet.of(DriverFlag.DRIVER_IE), 1, 0, false, 0, 0, 0, Set.of(), Set.of());
        Capabilities wep = new Capabilities(Set.of(), Set.of(Cipher.WEP40), Set.of(AuthAlg.OPEN), EnumSet.of(DriverFlag.DRIVER_IE), 1, 0, false,
                0, 0, 0, Set.of(), Set.of());
        assertEquals(80, NdisBackend.ranking(wpa2));
        assertEquals(50, NdisBackend.ranking(wep));
        assertTrue(NdisInterface.supportedOps().containsAll(List.of("associate", "set_key", "scan2", "get_scan_results2", "add_pmkid",
                "remove_pmkid", "flush_pmkid", "get_capa", "poll", "get_bssid", "get_ssid", "deauthenticate", "get_ifname", "get_mac_addr",
                "init", "deinit", "get_interfaces")));
        assertFalse(NdisInterface.supportedOps().contains("set_ap"));
    }
}
