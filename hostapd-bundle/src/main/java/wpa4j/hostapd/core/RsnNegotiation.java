package wpa4j.hostapd.core;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.StatusCode;
import wpa4j.common.ie.ElementId;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;
import wpa4j.common.sae.PmksaCache;
import wpa4j.common.sae.PmksaEntry;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Mfp;

/**
 * What a station's (Re)Association Request asks for, checked against the BSS as hostapd's wpa_validate_wpa_ie and
 * check_assoc_ies do: the status code and a reason for a refusal, or the AKM, PMF and PMKSA the association will use.
 */
final class RsnNegotiation {
    private RsnNegotiation() {}

    /** The outcome of {@link #validate}. */
    sealed interface Verdict {}

    /**
     * The station may associate.
     *
     * @param akm the AKM chosen (hostapd's preference when it lists several)
     * @param mfp whether management frames are protected for this station
     * @param rsnBody its RSN element body, compared with message 2's
     * @param rsnxeBody its RSN Extension element body, if it sent one (compared with message 2's)
     * @param pmksa the cached PMKSA one of its PMKIDs names, if any (owned by the cache: copy its PMK)
     */
    record Accepted(Akm akm, boolean mfp, Bytes rsnBody, Optional<Bytes> rsnxeBody, Optional<PmksaEntry> pmksa) implements Verdict {}

    /** The request is refused with {@code status}; {@code reason} is for the log line. */
    record Rejected(int status, String reason) implements Verdict {}

    /** The station's RSNE (and RSNXE) against our settings; {@code cache} resolves the PMKIDs it names. */
    static Verdict validate(ApSecurity ap, MacAddress sta, IeList ies, PmksaCache cache) {
        Optional<InformationElement> rsnIe = ies.find(ElementId.RSN);
        if (rsnIe.isEmpty()) {
            return new Rejected(StatusCode.INVALID_IE, "no RSN element in the association request");
        }
        RsnElement rsn;
        try {
            rsn = RsnElement.decode(rsnIe.get().body());
        } catch (MalformedFrameException e) {
            return new Rejected(StatusCode.INVALID_IE, "RSN element does not parse: " + e.reason());
        }
        // absent fields take the defaults hostapd assumes (CCMP, CCMP, 802.1X, no capabilities)
        Suite group = rsn.groupCipher() == null ? Suite.RSN_CCMP : rsn.groupCipher();
        if (!Suite.RSN_CCMP.equals(group)) {
            return new Rejected(StatusCode.GROUP_CIPHER_NOT_VALID, "group cipher " + group + " is not CCMP");
        }
        List<Suite> akms = rsn.akms() == null ? List.of(Suite.AKM_8021X) : rsn.akms();
        Optional<Akm> akm = choose(ap, akms);
        if (akm.isEmpty()) {
            return new Rejected(StatusCode.AKMP_NOT_VALID, "AKM " + akms + " is none of " + ap.keyMgmtNames());
        }
        List<Suite> pairwise = rsn.pairwiseCiphers() == null ? List.of(Suite.RSN_CCMP) : rsn.pairwiseCiphers();
        if (!pairwise.contains(Suite.RSN_CCMP)) {
            return new Rejected(StatusCode.PAIRWISE_CIPHER_NOT_VALID, "pairwise ciphers " + pairwise + " without CCMP");
        }
        int caps = rsn.capabilities() == null ? 0 : rsn.capabilities();
        boolean mfpc = (caps & RsnElement.CAP_MFPC) != 0;
        if (ap.ieee80211w() == Mfp.REQUIRED) {
            if (!mfpc) {
                return new Rejected(StatusCode.ROBUST_MGMT_FRAME_POLICY_VIOLATION, "management frame protection required (ieee80211w=2), the station has no MFPC");
            }
            // absent means BIP-CMAC-128; hostapd only checks the suite when PMF is required
            if (rsn.groupMgmtCipher() != null && !Suite.RSN_BIP.equals(rsn.groupMgmtCipher())) {
                return new Rejected(StatusCode.CIPHER_REJECTED_PER_POLICY, "group management cipher " + rsn.groupMgmtCipher() + " is not BIP-CMAC-128");
            }
        }
        boolean mfp = ap.pmfCapable() && mfpc;
        Optional<PmksaEntry> pmksa = Optional.empty();
        Instant now = Instant.now();
        for (Bytes pmkid : rsn.pmkids() == null ? List.<Bytes>of() : rsn.pmkids()) {
            // as pmksa_cache_auth_get(spa, pmkid): this station's entry, if the PMKID names it
            byte[] id = pmkid.toArray();
            pmksa = cache.byPeer(sta, now).filter(e -> MessageDigest.isEqual(e.pmkid().toArray(), id));
            if (pmksa.isPresent()) {
                break;
            }
        }
        if (akm.get() == Akm.SAE && rsn.pmkids() != null && !rsn.pmkids().isEmpty() && pmksa.isEmpty()) {
            return new Rejected(StatusCode.INVALID_PMKID, "SAE: no PMKSA cache entry for the PMKID the station named");
        }
        Optional<Bytes> rsnxe = ies.find(ElementId.RSNX).map(InformationElement::body);
        return new Accepted(akm.get(), mfp, rsnIe.get().body(), rsnxe, pmksa);
    }

    /**
     * The checks hostapd makes after the association comeback check (check_assoc_ies): SAE after Open System only
     * with a cached PMKSA; with sae_pwe=2, a station announcing H2E must have used it.
     *
     * @param authAlg the algorithm the station authenticated with
     * @param saeH2e whether its SAE exchange (if any) used hash-to-element
     */
    static Optional<Rejected> checkAuthentication(ApSecurity ap, Accepted a, int authAlg, boolean saeH2e) {
        if (a.akm() != Akm.SAE) {
            return Optional.empty();
        }
        if (authAlg == MgmtFrame.Authentication.ALG_OPEN) {
            return a.pmksa().filter(p -> p.akm().equals(Suite.AKM_SAE)).isPresent() ? Optional.empty()
                    : Optional.of(new Rejected(StatusCode.INVALID_PMKID, "SAE AKM after Open System authentication without a cached PMKSA"));
        }
        if (authAlg != MgmtFrame.Authentication.ALG_SAE) {
            return Optional.of(new Rejected(StatusCode.NOT_SUPPORTED_AUTH_ALG, "SAE AKM after authentication algorithm " + authAlg));
        }
        if (ap.sae().pwe() == 2 && !saeH2e && ApRsnElements.h2e(a.rsnxeBody())) {
            return Optional.of(new Rejected(StatusCode.UNSPECIFIED_FAILURE, "SAE: the station announces hash-to-element but did not use it"));
        }
        return Optional.empty();
    }

    private static Optional<Akm> choose(ApSecurity ap, List<Suite> offered) {
        for (Akm a : Akm.PREFERENCE) {
            if (ap.akms().contains(a) && offered.contains(a.suite())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
