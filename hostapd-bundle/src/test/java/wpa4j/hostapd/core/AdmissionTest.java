package wpa4j.hostapd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.driver.Capabilities;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Mfp;

/**
 * What an unauthenticated stranger in radio range can cost the AP: forged Authentication floods from random addresses
 * cannot fill the station table, entries that never associate go, and requests and Deauthentications are rate-bound.
 */
class AdmissionTest {
    private static final MacAddress AA = FakeApDriver.AP;

    /** hostapd's default max_num_sta: a forged-address flood today fills all of it, then refuses real stations. */
    private static ApConfig bigBss() {
        ApSecurity s = PmfConfigs.security(Set.of(Akm.PSK), Mfp.NO, 0, SaQueryTiming.DEFAULT);
        return new ApConfig(PmfConfigs.SSID, 1, PmfConfigs.psk(), HiddenSsid.NO_SSID_HIDING, 100, 2, 2007, 0, 0, MacFilter.OPEN, Map.of(), s);
    }

    private static MacAddress randomUnicast(Random r) {
        byte[] a = new byte[6];
        r.nextBytes(a);
        a[0] = (byte) ((a[0] & 0xfc) | 0x02);
        return MacAddress.of(a);
    }

    private static DriverEvent auth(MacAddress from) {
        return new DriverEvent.RxMgmt(new MgmtFrame.Authentication(MgmtHeader.of(MgmtSubtype.AUTH, AA, from, AA), 0, 1, 0, IeList.EMPTY).encode(), 0, 2412, -40);
    }

    /** Forged Authentication frames from {@code n} random addresses, handed to the core in one go on its loop. */
    private static void flood(ApHarness h, Random r, int n) throws Exception {
        h.driver.recordMlme = false;
        h.run(() -> {
            for (int i = 0; i < n; i++) {
                h.ap.onEvent(auth(randomUnicast(r)));
            }
        });
        h.driver.recordMlme = true;
    }

    @Test
    void aFloodOfForgedAuthenticationsLeavesRealStationsAbleToJoin() throws Exception {
        try (ApHarness h = new ApHarness(bigBss())) {
            Random r = new Random(16);
            flood(h, r, 50_000);
            TestStation.joined(h, "02:00:00:00:01:00", Akm.PSK, 0);
            flood(h, r, 50_000);
            TestStation.joined(h, "02:00:00:00:02:00", Akm.PSK, 0);
            int entries = h.get(h.ap::stationEntries);
            assertTrue(entries <= AdmissionLimits.DEFAULT.pendingMax() + 2, "station entries after 100,000 forged authentications: " + entries);
            assertEquals(2, (int) h.get(() -> h.ap.status().numSta()), "both real stations stay associated");
        }
    }

    /** The heap in use after a full collection, in octets (collected twice: one pass can leave what the first freed). */
    private static long heapInUse() {
        java.lang.management.MemoryMXBean m = java.lang.management.ManagementFactory.getMemoryMXBean();
        m.gc();
        m.gc();
        return m.getHeapMemoryUsage().getUsed();
    }

    /**
     * Memory stays flat under the flood: what 100,000 forged authentications leave in the heap does not grow with
     * 400,000 more (the figures are printed; the bound, 16 MB, is far above the noise and far below what a table of
     * 400,000 entries would take).
     */
    @Test
    void memoryStaysFlatUnderAFlood() throws Exception {
        try (ApHarness h = new ApHarness(bigBss())) {
            Random r = new Random(17);
            flood(h, r, 100_000);
            long after100k = heapInUse();
            flood(h, r, 400_000);
            long after500k = heapInUse();
            TestStation.joined(h, "02:00:00:00:01:00", Akm.PSK, 0);
            System.out.printf("AP heap in use: %.1f MB after 100,000 forged authentications, %.1f MB after 500,000; %d station entries%n",
                    after100k / 1e6, after500k / 1e6, h.get(h.ap::stationEntries));
            assertTrue(after500k - after100k < 16_000_000, "heap grew by " + (after500k - after100k) + " octets");
        }
    }

    @Test
    void entriesThatNeverAssociateAreForgotten() throws Exception {
        AdmissionLimits quick = new AdmissionLimits(256, 200, 10, 20, 20);
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.NO), Capabilities.none(), ApHarness.FAST, quick)) {
            flood(h, new Random(1), 5);
            TestStation real = TestStation.joined(h, "02:00:00:00:01:00", Akm.PSK, 0);
            assertEquals(6, (int) h.get(h.ap::stationEntries));
            ApHarness.await(() -> get(h) == 1, () -> "only the associated station left, entries: " + get(h));
            assertEquals(1, (int) h.get(() -> h.ap.status().numSta()), real.addr + " stays");
        }
    }

    @Test
    void requestsAreRateLimitedPerSource() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.NO))) {
            MacAddress noisy = MacAddress.parse("02:00:00:00:0e:00");
            long before = h.driver.mlmeSent.get();
            h.run(() -> {
                for (int i = 0; i < 1000; i++) {
                    h.ap.onEvent(auth(noisy));
                }
            });
            long answered = h.driver.mlmeSent.get() - before;
            assertTrue(answered <= 2L * AdmissionLimits.DEFAULT.requestsPerSecond() + 2, "answers to 1000 requests from one source: " + answered);
            assertTrue(h.get(h.ap::rateLimited) >= 1000 - answered);
            // another source is answered all the same
            TestStation.joined(h, "02:00:00:00:01:00", Akm.PSK, 0);
        }
    }

    @Test
    void probeRequestsAreRateLimitedPerSource() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.NO))) {
            MacAddress noisy = MacAddress.parse("02:00:00:00:0e:00");
            MgmtFrame probe = new MgmtFrame.ProbeRequest(MgmtHeader.of(MgmtSubtype.PROBE_REQ, MacAddress.BROADCAST, noisy, MacAddress.BROADCAST),
                    new IeList(java.util.List.of(new InformationElement(0, PmfConfigs.SSID.octets()))));
            long before = h.driver.mlmeSent.get();
            h.run(() -> {
                for (int i = 0; i < 1000; i++) {
                    h.ap.onEvent(new DriverEvent.RxMgmt(probe.encode(), 0, 2412, -40));
                }
            });
            long answered = h.driver.mlmeSent.get() - before;
            assertTrue(answered >= 1 && answered <= 2L * AdmissionLimits.DEFAULT.probesPerSecond() + 2, "probe responses to 1000 requests: " + answered);
        }
    }

    @Test
    void deauthenticationsToStrangersAreBounded() throws Exception {
        try (ApHarness h = new ApHarness(PmfConfigs.config(Set.of(Akm.PSK), Mfp.NO))) {
            Random r = new Random(3);
            h.run(() -> {
                for (int i = 0; i < 1000; i++) {
                    h.ap.onEvent(new DriverEvent.RxFromUnknown(AA, randomUnicast(r), false));
                }
            });
            int sent = h.driver.deauths.size();
            assertTrue(sent >= 1 && sent <= AdmissionLimits.DEFAULT.deauthsPerSecond() + 2, "Deauthentications for 1000 class 3 frames from strangers: " + sent);
        }
    }

    private static int get(ApHarness h) {
        try {
            return h.get(h.ap::stationEntries);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

}
