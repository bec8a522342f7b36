package wpa4j.hostapd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.common.eapol.EapolKey;
import wpa4j.common.eapol.KeyInfo;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Mfp;

/** A (Re)Association of a connected station (no PMF) always starts over: its pairwise key goes, a fresh 4-way handshake follows. */
class ReassociationTest {
    @Test
    void reassociationRemovesThePairwiseKeyAndRunsAFreshHandshake() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.NO))) {
            TestStation sta = TestStation.joined(h, "02:00:00:00:01:00", Akm.PSK, 0);
            EapolKey first = sta.message3;
            int removedBefore = (int) h.driver.removed.stream().filter(sta.addr::equals).count();
            assertEquals(0, sta.associate(true).statusCode());
            assertEquals(removedBefore + 1, h.driver.removed.stream().filter(sta.addr::equals).count(), "sta_remove takes the old key with the entry");
            sta.fourWay(PmfConfigs.psk(), KeyInfo.VERSION_HMAC_SHA1_AES, false, Optional.empty());
            assertNotEquals(first.nonce(), sta.message3.nonce(), "a new ANonce");
            ApHarness.await(() -> pairwiseKeys(h) == 2, () -> "a second pairwise key: " + h.driver.keys);
            KeyParams[] keys = h.driver.keys.stream().filter(KeyParams::isPairwise).toArray(KeyParams[]::new);
            assertNotEquals(keys[0].key(), keys[1].key(), "a new PTK");
            assertTrue(h.events.stream().filter(e -> e.equals("AP-STA-CONNECTED " + sta.addr)).count() == 2, h.events.toString());
        }
    }

    @Test
    void aDriverEntryTheCoreDoesNotKnowIsReplacedNotARefusal() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.NO))) {
            // left in the kernel by an instance that could not remove it: sta_add alone would fail with EEXIST
            MacAddress addr = MacAddress.parse("02:00:00:00:01:00");
            h.driver.table.add(addr);
            TestStation.joined(h, addr.toString(), Akm.PSK, 0);
            assertEquals(List.of(addr), h.driver.removed, "the stale entry the kernel refused the add for (EEXIST) went, then the add");
            assertEquals(0L, h.get(h.ap::driverErrors), "a refusal handled so is no driver error");
        }
    }

    private static long pairwiseKeys(ApHarness h) {
        return h.driver.keys.stream().filter(KeyParams::isPairwise).count();
    }
}
