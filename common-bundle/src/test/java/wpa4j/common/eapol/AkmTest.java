package wpa4j.common.eapol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.ie.Suite;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyMgmt;

class AkmTest {
    @Test
    void eachAkmsFactsAsIeee80211_2020Tables9_151And12_8GiveThem() {
        // Table 9-151: 00-0f-ac:2 PSK, :6 PSK-SHA256, :8 SAE; 12.7.2: descriptor version 2, 3 and 0 (AKM-defined)
        assertEquals(new Suite(0x000fac02), Akm.PSK.suite());
        assertEquals(new Suite(0x000fac06), Akm.PSK_SHA256.suite());
        assertEquals(new Suite(0x000fac08), Akm.SAE.suite());
        assertEquals(2, Akm.PSK.descriptorVersion());
        assertEquals(3, Akm.PSK_SHA256.descriptorVersion());
        assertEquals(0, Akm.SAE.descriptorVersion());
        // Table 12-8: PRF-SHA1 for AKM 2 only; AKMs 6 and 8 derive with the SHA-256 KDF
        assertFalse(Akm.PSK.sha256Kdf());
        assertTrue(Akm.PSK_SHA256.sha256Kdf());
        assertTrue(Akm.SAE.sha256Kdf());
        assertEquals(KeyMgmt.PSK, Akm.PSK.keyMgmt());
        assertEquals(KeyMgmt.PSK_SHA256, Akm.PSK_SHA256.keyMgmt());
        assertEquals(KeyMgmt.SAE, Akm.SAE.keyMgmt());
    }

    @Test
    void hostapsNamesOfEach() {
        assertEquals("WPA-PSK WPA-PSK-SHA256 SAE", names(Akm::confName));
        assertEquals("WPA2-PSK WPA2-PSK-SHA256 SAE", names(Akm::statusName));
        assertEquals("PSK PSK-SHA256 SAE", names(Akm::flagName));
    }

    private static String names(Function<Akm, String> name) {
        return Arrays.stream(Akm.values()).map(name).collect(Collectors.joining(" "));
    }

    @Test
    void lookupsFindEachAkmAndNothingElse() {
        for (Akm a : Akm.values()) {
            assertEquals(Optional.of(a), Akm.of(a.suite()));
            assertEquals(Optional.of(a), Akm.of(a.keyMgmt()));
            assertEquals(Optional.of(a), Akm.ofConfName(a.confName()));
        }
        assertEquals(Optional.empty(), Akm.of(Suite.AKM_8021X));
        assertEquals(Optional.empty(), Akm.of(Suite.WPA_AKM_PSK), "the WPA (v1) selector is not the RSN one");
        assertEquals(Optional.empty(), Akm.of(KeyMgmt.FT_SAE));
        assertEquals(Optional.empty(), Akm.of(KeyMgmt.NONE));
        assertEquals(Optional.empty(), Akm.ofConfName("wpa-psk"));
        assertEquals(Optional.empty(), Akm.ofConfName("WPA2-PSK"), "a STATUS name is no key_mgmt token");
    }

    @Test
    void rsnAkmSelectorsOfTheDriversKeyManagement() {
        assertEquals(Optional.of(Suite.AKM_8021X), Suite.rsnAkm(KeyMgmt.IEEE8021X));
        assertEquals(Optional.of(Suite.AKM_FT_8021X), Suite.rsnAkm(KeyMgmt.FT_IEEE8021X));
        assertEquals(Optional.of(Suite.AKM_FT_PSK), Suite.rsnAkm(KeyMgmt.FT_PSK));
        assertEquals(Optional.of(Suite.AKM_8021X_SHA256), Suite.rsnAkm(KeyMgmt.IEEE8021X_SHA256));
        assertEquals(Optional.of(Suite.AKM_FT_SAE), Suite.rsnAkm(KeyMgmt.FT_SAE));
        for (Akm a : Akm.values()) {
            assertEquals(Optional.of(a.suite()), Suite.rsnAkm(a.keyMgmt()));
        }
        for (KeyMgmt none : new KeyMgmt[] {KeyMgmt.NONE, KeyMgmt.IEEE8021X_NO_WPA, KeyMgmt.WPA_NONE, KeyMgmt.WPS, KeyMgmt.WAPI_PSK}) {
            assertEquals(Optional.empty(), Suite.rsnAkm(none), none.name());
        }
    }

    @Test
    void requireDescriptorTakesOnlyRsnDescriptorsOfTheAkmsVersion() throws MalformedFrameException {
        Akm.PSK_SHA256.requireDescriptor(key(EapolKey.DESCRIPTOR_RSN, 3));
        Akm.SAE.requireDescriptor(key(EapolKey.DESCRIPTOR_RSN, 0));
        MalformedFrameException v2 = assertThrows(MalformedFrameException.class, () -> Akm.PSK_SHA256.requireDescriptor(key(EapolKey.DESCRIPTOR_RSN, 2)));
        assertEquals(4, v2.offset());
        assertEquals("only RSN descriptors of version 3 (WPA2-PSK-SHA256) are accepted, got type 2 version 2", v2.reason());
        assertThrows(MalformedFrameException.class, () -> Akm.PSK.requireDescriptor(key(EapolKey.DESCRIPTOR_WPA, 2)), "a WPA descriptor");
        assertThrows(MalformedFrameException.class, () -> Akm.SAE.requireDescriptor(key(EapolKey.DESCRIPTOR_RSN, 3)), "SAE's version is 0");
    }

    private static EapolKey key(int type, int version) {
        return new EapolKey(type, KeyInfo.of(version, KeyInfo.PAIRWISE, KeyInfo.ACK), 16, 1, Bytes.of(new byte[32]), EapolKey.ZERO_16,
                EapolKey.ZERO_8, EapolKey.ZERO_8, EapolKey.ZERO_16, Bytes.EMPTY);
    }
}
