package wpa4j.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.DriverFlag;
import wpa4j.driver.types.KeyMgmtCapability;

class CapabilitiesTest {
    private static Capabilities caps(Set<DriverFlag> flags, Set<String> ops) {
        return new Capabilities(Set.of(KeyMgmtCapability.WPA2_PSK), Set.of(Cipher.CCMP, Cipher.TKIP), Set.of(AuthAlg.OPEN), flags, 4, 0, false, 0,
                5000, 2007, Set.of(), ops);
    }

    @Test
    void tagsFollowFlagsOpsAndCiphers() {
        Capabilities c = caps(Set.of(DriverFlag.SME, DriverFlag.AP, DriverFlag.AP_MLME), Set.of("associate", "authenticate", "set_ap", "scan2"));
        assertEquals(List.of("station", "ap", "sme", "ap-mlme", "scan"), c.tags().stream().limit(5).toList());
        assertTrue(c.tags().containsAll(Set.of("ccmp", "tkip")));
        assertTrue(c.supports("set_ap"));
    }

    @Test
    void apTagNeedsBothTheFlagAndTheOp() {
        assertTrue(!caps(Set.of(DriverFlag.AP), Set.of("associate")).tags().contains("ap"));
    }

    @Test
    void unknownOpNamesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> caps(Set.of(), Set.of("set_keys")));
        assertEquals("supportedOps: 'set_keys' is not a wpa_driver_ops op", e.getMessage());
    }

    @Test
    void maxStationsIsBoundedByTheAidSpace() {
        assertThrows(IllegalArgumentException.class, () -> new Capabilities(Set.of(), Set.of(), Set.of(), Set.of(), 0, 0, false, 0, 0, 2008,
                Set.of(), Set.of()));
    }
}
