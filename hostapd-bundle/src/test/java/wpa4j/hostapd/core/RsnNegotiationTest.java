package wpa4j.hostapd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;
import wpa4j.common.sae.PmksaCache;
import wpa4j.common.sae.PmksaEntry;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Mfp;

/** The station's RSN element against the BSS, with hostapd 2.10's status codes (wpa_validate_wpa_ie, check_assoc_ies). */
class RsnNegotiationTest {
    private static final MacAddress STA = MacAddress.parse("02:00:00:00:01:00");
    private static final int MFPC = RsnElement.CAP_MFPC;
    private static final int MFPR = RsnElement.CAP_MFPR;
    private static final ApSaeSettings SAE = new ApSaeSettings(List.of(new SaeCredential(SecretKeyBytes.copyOf("sae password".getBytes()), Optional.empty())),
            0, List.of(19), 5);

    static ApSecurity security(Set<Akm> akms, Mfp mfp) {
        return new ApSecurity(akms, mfp, akms.contains(Akm.SAE) ? SAE : ApSaeSettings.NONE, SaQueryTiming.DEFAULT);
    }

    private static RsnNegotiation.Verdict validate(ApSecurity ap, RsnElement sta, PmksaCache cache) {
        return RsnNegotiation.validate(ap, STA, IeList.of(sta.toElement()), cache);
    }

    private static RsnElement rsn(Suite group, Suite pairwise, Suite akm, int caps) {
        return new RsnElement(1, group, List.of(pairwise), List.of(akm), caps, null, null);
    }

    private static int status(RsnNegotiation.Verdict v) {
        return v instanceof RsnNegotiation.Rejected r ? r.status() : 0;
    }

    @Test
    void cipherAndAkmRefusalsUseHostapdsStatusCodes() {
        ApSecurity wpa2 = security(Set.of(Akm.PSK), Mfp.NO);
        PmksaCache none = new PmksaCache(8);
        assertEquals(41, status(validate(wpa2, rsn(Suite.RSN_TKIP, Suite.RSN_CCMP, Suite.AKM_PSK, 0), none)), "group cipher");
        assertEquals(42, status(validate(wpa2, rsn(Suite.RSN_CCMP, Suite.RSN_TKIP, Suite.AKM_PSK, 0), none)), "pairwise cipher");
        assertEquals(43, status(validate(wpa2, rsn(Suite.RSN_CCMP, Suite.RSN_CCMP, Suite.AKM_SAE, 0), none)), "AKM not offered");
        assertEquals(40, status(RsnNegotiation.validate(wpa2, STA, IeList.EMPTY, none)), "no RSN element");
        assertEquals(43, status(RsnNegotiation.validate(wpa2, STA, IeList.of(new InformationElement(48, Bytes.fromHex("0100"))), none)),
                "an RSN element with nothing after the version takes hostapd's defaults: AKM 802.1X, not offered here");
        assertEquals(40, status(RsnNegotiation.validate(wpa2, STA, IeList.of(new InformationElement(48, Bytes.fromHex("0200000fac04"))), none)),
                "version 2 does not parse");
    }

    @Test
    void pmfPolicyAsHostapd() {
        PmksaCache none = new PmksaCache(8);
        ApSecurity required = security(Set.of(Akm.PSK_SHA256), Mfp.REQUIRED);
        RsnNegotiation.Rejected noMfpc = assertInstanceOf(RsnNegotiation.Rejected.class,
                validate(required, rsn(Suite.RSN_CCMP, Suite.RSN_CCMP, Suite.AKM_PSK_SHA256, 0), none));
        assertEquals(31, noMfpc.status());
        assertTrue(noMfpc.reason().contains("no MFPC"), noMfpc.reason());
        assertEquals(46, status(validate(required, new RsnElement(1, Suite.RSN_CCMP, List.of(Suite.RSN_CCMP), List.of(Suite.AKM_PSK_SHA256), MFPC,
                List.of(), Suite.rsn(11)), none)), "BIP-GMAC-128 is not our group management cipher");
        RsnNegotiation.Accepted bip = assertInstanceOf(RsnNegotiation.Accepted.class, validate(required, new RsnElement(1, Suite.RSN_CCMP,
                List.of(Suite.RSN_CCMP), List.of(Suite.AKM_PSK_SHA256), MFPC | MFPR, List.of(), Suite.RSN_BIP), none));
        assertTrue(bip.mfp());

        ApSecurity optional = security(Set.of(Akm.PSK, Akm.SAE), Mfp.OPTIONAL);
        RsnNegotiation.Accepted legacy = assertInstanceOf(RsnNegotiation.Accepted.class, validate(optional, rsn(Suite.RSN_CCMP, Suite.RSN_CCMP,
                Suite.AKM_PSK, 0), none));
        assertFalse(legacy.mfp(), "optional PMF: a station without MFPC joins unprotected");
        assertEquals(Akm.PSK, legacy.akm());

        // hostapd 2.10 does not refuse a station that sets MFPR at an AP without PMF: it just does not use PMF (the station is the one to refuse)
        RsnNegotiation.Accepted noPmf = assertInstanceOf(RsnNegotiation.Accepted.class, validate(security(Set.of(Akm.PSK), Mfp.NO),
                rsn(Suite.RSN_CCMP, Suite.RSN_CCMP, Suite.AKM_PSK, MFPC | MFPR), none));
        assertFalse(noPmf.mfp());
    }

    @Test
    void severalAkmsPickHostapdsPreference() {
        ApSecurity all = security(Set.of(Akm.PSK, Akm.PSK_SHA256, Akm.SAE), Mfp.OPTIONAL);
        RsnElement both = new RsnElement(1, Suite.RSN_CCMP, List.of(Suite.RSN_CCMP), List.of(Suite.AKM_PSK, Suite.AKM_SAE), MFPC, null, null);
        assertEquals(Akm.SAE, ((RsnNegotiation.Accepted) validate(all, both, new PmksaCache(8))).akm());
    }

    @Test
    void saeNeedsItsPmksaAfterOpenSystemAndAKnownPmkid() {
        ApSecurity sae = security(Set.of(Akm.SAE), Mfp.REQUIRED);
        PmksaCache cache = new PmksaCache(8);
        Bytes pmkid = Bytes.fromHex("00112233445566778899aabbccddeeff");
        RsnElement named = new RsnElement(1, Suite.RSN_CCMP, List.of(Suite.RSN_CCMP), List.of(Suite.AKM_SAE), MFPC, List.of(pmkid), null);
        RsnNegotiation.Rejected unknown = assertInstanceOf(RsnNegotiation.Rejected.class, validate(sae, named, cache));
        assertEquals(53, unknown.status(), "a PMKID the cache does not have");

        RsnNegotiation.Accepted plain = assertInstanceOf(RsnNegotiation.Accepted.class, validate(sae, rsn(Suite.RSN_CCMP, Suite.RSN_CCMP, Suite.AKM_SAE, MFPC), cache));
        assertEquals(53, RsnNegotiation.checkAuthentication(sae, plain, 0, false).orElseThrow().status(), "SAE AKM after Open System without a PMKSA");
        assertTrue(RsnNegotiation.checkAuthentication(sae, plain, 3, false).isEmpty(), "SAE AKM after SAE authentication");

        cache.add(new PmksaEntry(FakeApDriver.AP, MacAddress.parse("02:00:00:00:02:00"), SecretKeyBytes.copyOf(new byte[32]), pmkid, Suite.AKM_SAE,
                Instant.now().plusSeconds(60)));
        assertEquals(53, status(validate(sae, named, cache)), "another station's PMKSA");
        cache.add(new PmksaEntry(FakeApDriver.AP, STA, SecretKeyBytes.copyOf(new byte[32]), pmkid, Suite.AKM_SAE, Instant.now().plusSeconds(60)));
        RsnNegotiation.Accepted cached = assertInstanceOf(RsnNegotiation.Accepted.class, validate(sae, named, cache));
        assertEquals(pmkid, cached.pmksa().orElseThrow().pmkid());
        assertTrue(RsnNegotiation.checkAuthentication(sae, cached, 0, false).isEmpty(), "PMKSA caching: Open System, then SAE AKM");
    }

    @Test
    void withSaePweBothAStationAnnouncingH2eMustHaveUsedIt() {
        ApSecurity both = new ApSecurity(Set.of(Akm.SAE), Mfp.REQUIRED, new ApSaeSettings(SAE.passwords(), 2, List.of(19), 5), SaQueryTiming.DEFAULT);
        IeList ies = IeList.of(rsn(Suite.RSN_CCMP, Suite.RSN_CCMP, Suite.AKM_SAE, MFPC).toElement(), new InformationElement(244, Bytes.fromHex("20")));
        RsnNegotiation.Accepted a = (RsnNegotiation.Accepted) RsnNegotiation.validate(both, STA, ies, new PmksaCache(8));
        assertEquals(1, RsnNegotiation.checkAuthentication(both, a, 3, false).orElseThrow().status());
        assertTrue(RsnNegotiation.checkAuthentication(both, a, 3, true).isEmpty());
    }
}
