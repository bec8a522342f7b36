package wpa4j.supplicant.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;
import wpa4j.driver.Capabilities;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.DriverFlag;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.KeyMgmtCapability;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Mfp;
import wpa4j.driver.types.ScanResult;
import wpa4j.driver.types.Ssid;

/** Which BSS a network can join, with which AKM and PMF, and why not (wpa_supplicant's RSN matching). */
class RsnMatchTest {
    private static final Capabilities NL80211 = caps(true, true);
    private static final Capabilities WEXT = caps(false, false);
    private static final SecretKeyBytes PSK = SecretKeyBytes.copyOf(new byte[32]);
    private static final SecretKeyBytes PW = SecretKeyBytes.copyOf("password".getBytes());

    private static Capabilities caps(boolean sae, boolean bip) {
        Set<DriverFlag> flags = EnumSet.of(DriverFlag.SME);
        if (sae) {
            flags.add(DriverFlag.SAE);
        }
        return new Capabilities(Set.of(KeyMgmtCapability.WPA2, KeyMgmtCapability.WPA2_PSK), bip ? Set.of(Cipher.CCMP, Cipher.BIP) : Set.of(Cipher.CCMP),
                sae ? Set.of(AuthAlg.OPEN, AuthAlg.SAE) : Set.of(AuthAlg.OPEN), flags, 4, 0, false, 0, 0, 0, Set.of(), Set.of("get_capa"));
    }

    private static BssTable.Entry bss(List<Suite> akms, int caps, boolean h2e) {
        RsnElement rsn = new RsnElement(1, Suite.RSN_CCMP, List.of(Suite.RSN_CCMP), akms, caps, null, null);
        ScanResult r = new ScanResult(Set.of(), MacAddress.parse("02:00:00:00:02:00"), 2412, 100, 0x0011, 0, 0, -40, 0, 0, Bytes.EMPTY, Bytes.EMPTY);
        return new BssTable.Entry(r, Ssid.ofUtf8("x"), rsn, true, h2e, false, 0);
    }

    private static NetworkSecurity net(Set<KeyMgmt> akms, int pmf, int pwe) {
        boolean psk = akms.contains(KeyMgmt.PSK) || akms.contains(KeyMgmt.PSK_SHA256);
        return new NetworkSecurity(akms, psk ? PSK : null, akms.contains(KeyMgmt.SAE) ? PW : null, pmf, pwe);
    }

    private static LinkSecurity usable(NetworkSecurity n, BssTable.Entry e, Capabilities c) {
        return assertInstanceOf(RsnMatch.Usable.class, RsnMatch.evaluate(n, e, c, "nl80211")).security();
    }

    private static String why(NetworkSecurity n, BssTable.Entry e, Capabilities c) {
        return assertInstanceOf(RsnMatch.Unusable.class, RsnMatch.evaluate(n, e, c, "wext")).why();
    }

    @Test
    void transitionModeIsJoinedWithSaeAndPmfOptional() {
        LinkSecurity s = usable(net(Set.of(KeyMgmt.PSK, KeyMgmt.SAE), 0, 0),
                bss(List.of(Suite.AKM_PSK, Suite.AKM_SAE), RsnElement.CAP_MFPC, false), NL80211);
        assertEquals(KeyMgmt.SAE, s.akm());
        assertTrue(s.mfp(), "SAE uses PMF when the AP offers it, even with ieee80211w=0");
        assertEquals(Mfp.REQUIRED, s.driverMfp());
        RsnElement own = s.ownRsn(java.util.Optional.empty());
        assertEquals(List.of(Suite.AKM_SAE), own.akms());
        assertEquals(RsnElement.CAP_MFPC, own.capabilities());
    }

    @Test
    void theSameNetworkOnWextFallsBackToPskWithoutPmf() {
        LinkSecurity s = usable(net(Set.of(KeyMgmt.PSK, KeyMgmt.SAE), 1, 0),
                bss(List.of(Suite.AKM_PSK, Suite.AKM_SAE), RsnElement.CAP_MFPC, false), WEXT);
        assertEquals(KeyMgmt.PSK, s.akm());
        assertEquals(false, s.mfp());
        assertEquals(2, s.descriptorVersion());
    }

    @Test
    void mfprAgainstPmfDisabledIsNotSelectedWithItsReason() {
        assertEquals("the BSS requires PMF (MFPR set), the network has ieee80211w=0",
                why(net(Set.of(KeyMgmt.PSK), 0, 0), bss(List.of(Suite.AKM_PSK), RsnElement.CAP_MFPC | RsnElement.CAP_MFPR, false), NL80211));
        assertEquals("the network requires PMF (ieee80211w=2), the BSS does not offer it (no MFPC)",
                why(net(Set.of(KeyMgmt.PSK), 2, 0), bss(List.of(Suite.AKM_PSK), 0, false), NL80211));
        assertEquals("SAE is not supported by driver wext",
                why(net(Set.of(KeyMgmt.SAE), 2, 0), bss(List.of(Suite.AKM_SAE), RsnElement.CAP_MFPC | RsnElement.CAP_MFPR, false), WEXT));
        assertTrue(why(net(Set.of(KeyMgmt.SAE), 2, 0), bss(List.of(Suite.AKM_PSK), 0, false), NL80211).startsWith("no AKM in common"));
    }

    @Test
    void saeHashToElementNeedsTheBssH2eBit() {
        assertEquals("sae_pwe=1 needs SAE hash-to-element, the BSS does not offer it (no RSNXE H2E bit)",
                why(net(Set.of(KeyMgmt.SAE), 2, 1), bss(List.of(Suite.AKM_SAE), RsnElement.CAP_MFPC, false), NL80211));
        LinkSecurity h2e = usable(net(Set.of(KeyMgmt.SAE), 2, 2), bss(List.of(Suite.AKM_SAE), RsnElement.CAP_MFPC, true), NL80211);
        assertTrue(h2e.saeH2e());
        assertEquals(0x20, h2e.ownRsnx().orElseThrow().body().u8(0));
        assertEquals(RsnElement.CAP_MFPC | RsnElement.CAP_MFPR, h2e.ownRsn(java.util.Optional.empty()).capabilities());
        assertEquals(false, usable(net(Set.of(KeyMgmt.SAE), 2, 2), bss(List.of(Suite.AKM_SAE), RsnElement.CAP_MFPC, false), NL80211).saeH2e());
    }

    @Test
    void theSaeH2eOnlySelectorAdmitsOnlyHashToElement() {
        ScanResult r = new ScanResult(Set.of(), MacAddress.parse("02:00:00:00:02:00"), 2412, 100, 0x0011, 0, 0, -40, 0, 0, Bytes.EMPTY, Bytes.EMPTY);
        RsnElement rsn = new RsnElement(1, Suite.RSN_CCMP, List.of(Suite.RSN_CCMP), List.of(Suite.AKM_SAE), RsnElement.CAP_MFPC, null, null);
        BssTable.Entry h2eOnly = new BssTable.Entry(r, Ssid.ofUtf8("x"), rsn, true, true, true, 0);
        assertEquals("the BSS admits SAE hash-to-element only (membership selector), the network has sae_pwe=0",
                why(net(Set.of(KeyMgmt.SAE), 2, 0), h2eOnly, NL80211));
        assertTrue(usable(net(Set.of(KeyMgmt.SAE), 2, 2), h2eOnly, NL80211).saeH2e());
    }

    @Test
    void pskSha256UsesTheCmacDescriptorAndTheSha256Kdf() {
        LinkSecurity s = usable(net(Set.of(KeyMgmt.PSK_SHA256), 2, 0), bss(List.of(Suite.AKM_PSK_SHA256), RsnElement.CAP_MFPC | RsnElement.CAP_MFPR, false), NL80211);
        assertEquals(3, s.descriptorVersion());
        assertTrue(s.sha256Kdf());
        assertTrue(s.bssMfpRequired());
    }

    @Test
    void aNetworkTheDriverCanNeverDoIsSaidOnce() {
        assertEquals("SAE is not supported by driver wext", RsnMatch.networkUnsupported(net(Set.of(KeyMgmt.SAE), 2, 0), WEXT, "wext"));
        assertEquals("ieee80211w=2 needs management frame protection (BIP), not supported by driver wext",
                RsnMatch.networkUnsupported(net(Set.of(KeyMgmt.PSK), 2, 0), WEXT, "wext"));
        assertNull(RsnMatch.networkUnsupported(net(Set.of(KeyMgmt.PSK, KeyMgmt.SAE), 1, 0), WEXT, "wext"));
    }

    private static Capabilities withFlag(Capabilities c, DriverFlag flag) {
        Set<DriverFlag> flags = EnumSet.copyOf(c.flags());
        flags.add(flag);
        return new Capabilities(c.keyMgmt(), c.enc(), c.auth(), flags, c.maxScanSsids(), c.maxSchedScanSsids(), c.schedScanSupported(),
                c.maxMatchSets(), c.maxRemainOnChan(), c.maxStations(), c.probeRespOffloads(), c.supportedOps());
    }

    private static NetworkSecurity beaconProt(Set<KeyMgmt> akms, int pmf) {
        NetworkSecurity n = net(akms, pmf, 0);
        return new NetworkSecurity(n.akms(), n.psk(), n.saePassword(), n.pmf(), n.saePwe(), true);
    }

    /** Beacon protection is used only with beacon_prot=1, PMF on the link, and a driver that verifies Beacons (either flag, as wpa_supplicant). */
    @Test
    void beaconProtectionNeedsTheNetworkPmfAndTheDriver() {
        BssTable.Entry pmf = bss(List.of(Suite.AKM_SAE, Suite.AKM_PSK), RsnElement.CAP_MFPC, false);
        Capabilities client = withFlag(NL80211, DriverFlag.BEACON_PROTECTION_CLIENT);
        LinkSecurity on = usable(beaconProt(Set.of(KeyMgmt.SAE), 1), pmf, client);
        assertTrue(on.mfp() && on.beaconProt());
        assertTrue(usable(beaconProt(Set.of(KeyMgmt.SAE), 1), pmf, withFlag(NL80211, DriverFlag.BEACON_PROTECTION)).beaconProt(),
                "a driver with full beacon protection verifies Beacons as a station too");
        assertFalse(usable(net(Set.of(KeyMgmt.SAE), 1, 0), pmf, client).beaconProt(), "beacon_prot=0");
        assertFalse(usable(beaconProt(Set.of(KeyMgmt.SAE), 1), pmf, NL80211).beaconProt(), "no driver support: joined without it");
        LinkSecurity noPmf = usable(beaconProt(Set.of(KeyMgmt.PSK), 0), pmf, client);
        assertFalse(noPmf.mfp() || noPmf.beaconProt(), "ieee80211w=0 with PSK: no PMF, so no beacon protection");
        assertFalse(usable(beaconProt(Set.of(KeyMgmt.PSK), 1), bss(List.of(Suite.AKM_PSK), 0, false), client).beaconProt(), "the BSS has no MFPC");
        assertThrows(IllegalArgumentException.class, () -> new LinkSecurity(KeyMgmt.PSK, false, false, false, false, true));
    }

    /** A change of beacon_prot is a change of the link (it ends a link made without it, and flushes the PMKSA). */
    @Test
    void beaconProtIsPartOfTheNetworksSecurity() {
        NetworkSecurity off = net(Set.of(KeyMgmt.SAE), 2, 0);
        NetworkSecurity on = beaconProt(Set.of(KeyMgmt.SAE), 2);
        assertTrue(off.sameAs(net(Set.of(KeyMgmt.SAE), 2, 0)));
        assertFalse(off.sameAs(on));
        assertTrue(on.toString().contains("beacon_prot=1"), on.toString());
        assertTrue(off.toString().contains("beacon_prot=0"), off.toString());
        assertFalse(new NetworkSecurity(Set.of(KeyMgmt.SAE), null, PW, 2, 0).beaconProt(), "the five-argument form has beacon_prot=0");
    }
}
