package wpa4j.supplicant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import wpa4j.config.ConfigException;

/** Config Admin keys of a wpa4j.supplicant configuration, mapped onto the network block's keys and their checks. */
class StationSettingsTest {
    private static Hashtable<String, Object> network(String... kv) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("ifname", "wlan0");
        props.put("ssid", "home");
        props.put("keyMgmt", "SAE");
        props.put(".passphrase", "config admin passphrase");
        props.put("ieee80211w", "2");
        for (int i = 0; i < kv.length; i += 2) {
            props.put(kv[i], kv[i + 1]);
        }
        return props;
    }

    @Test
    void beaconProtIsTheNetworksBeaconProt() throws Exception {
        StationSettings s = StationSettings.parse("wpa4j.supplicant~home", network("beaconProt", "true"), Path.of("."));
        assertEquals(Optional.of("1"), s.network().orElseThrow().get("beacon_prot"));
        assertTrue(s.network().get().profile(s.network().get().source()).beaconProt());
        assertTrue(s.warnings().stream().noneMatch(w -> w.contains("beaconProt")), "a known key: " + s.warnings());
        Hashtable<String, Object> typed = network();
        typed.put("beaconProt", Boolean.FALSE);
        assertEquals(Optional.of("0"), StationSettings.parse("p", typed, Path.of(".")).network().orElseThrow().get("beacon_prot"));
        assertEquals(Optional.of("0"), StationSettings.parse("p", network(), Path.of(".")).network().orElseThrow().get("beacon_prot"), "default off");
        ConfigException e = assertThrows(ConfigException.class, () -> StationSettings.parse("p", network("beaconProt", "maybe"), Path.of(".")));
        assertEquals("p: beacon_prot 'maybe' is not a number; allowed: 0, 1", e.getMessage());
    }
}
