package wpa4j.driver.types;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which Probe Requests an AP answers, by how it hides its SSID (hostapd's ssid_match and ignore_broadcast_ssid). */
class HiddenSsidTest {
    private static final Ssid OWN = Ssid.ofUtf8("wpa4j");

    @Test
    void aBroadcastSsidAnswersTheWildcardAndItsOwnOnly() {
        assertTrue(HiddenSsid.NO_SSID_HIDING.answersProbe(Ssid.WILDCARD, OWN));
        assertTrue(HiddenSsid.NO_SSID_HIDING.answersProbe(OWN, OWN));
        assertFalse(HiddenSsid.NO_SSID_HIDING.answersProbe(Ssid.ofUtf8("other"), OWN));
    }

    @Test
    void aHiddenSsidAnswersOnlyThoseWhoNameIt() {
        for (HiddenSsid hidden : new HiddenSsid[] {HiddenSsid.ZERO_LEN, HiddenSsid.ZERO_CONTENTS}) {
            assertFalse(hidden.answersProbe(Ssid.WILDCARD, OWN), hidden.name());
            assertTrue(hidden.answersProbe(OWN, OWN), hidden.name());
            assertFalse(hidden.answersProbe(Ssid.ofUtf8("other"), OWN), hidden.name());
        }
    }
}
