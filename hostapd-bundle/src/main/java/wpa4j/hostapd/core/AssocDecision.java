package wpa4j.hostapd.core;

import java.util.Optional;
import java.util.OptionalLong;

import wpa4j.common.frame.StatusCode;
import wpa4j.common.ie.IeList;
import wpa4j.common.sae.PmksaCache;
import wpa4j.driver.types.MacAddress;

/**
 * How a (Re)Association Request is answered, decided with hostapd's checks in its order (check_assoc_ies): SSID, the
 * RSN element, the association comeback for a station whose protected association stands, the authentication it follows.
 *
 * @param status the status code
 * @param reason why, for a refusal
 * @param rsn what was negotiated, on success of an RSN BSS (null otherwise)
 * @param comebackTu the association comeback time of a status-30 answer
 */
record AssocDecision(int status, String reason, RsnNegotiation.Accepted rsn, OptionalLong comebackTu) {
    static AssocDecision refuse(int status, String reason) {
        return new AssocDecision(status, reason, null, OptionalLong.empty());
    }

    static AssocDecision decide(ApConfig config, ApStation sta, IeList ies, PmksaCache pmksa, PmfGuard pmf, MacAddress own) {
        if (!ies.ssid().map(s -> s.equals(config.ssid())).orElse(false)) {
            return refuse(StatusCode.UNSPECIFIED_FAILURE, "SSID is not ours");
        }
        if (!config.isRsn()) {
            return new AssocDecision(StatusCode.SUCCESS, "", null, OptionalLong.empty());
        }
        ApSecurity sec = config.security();
        RsnNegotiation.Verdict v = RsnNegotiation.validate(sec, sta.addr, ies, pmksa);
        if (v instanceof RsnNegotiation.Rejected r) {
            return refuse(r.status(), r.reason());
        }
        RsnNegotiation.Accepted ok = (RsnNegotiation.Accepted) v;
        OptionalLong comeback = pmf.comeback(sta, own, sec.saQuery());
        if (comeback.isPresent()) {
            return new AssocDecision(StatusCode.ASSOC_REJECTED_TEMPORARILY, "associated with PMF: association comeback after "
                    + comeback.getAsLong() + " TU, SA Query under way", null, comeback);
        }
        Optional<RsnNegotiation.Rejected> auth = RsnNegotiation.checkAuthentication(sec, ok, sta.authAlg, sta.saeH2e);
        if (auth.isPresent()) {
            return refuse(auth.get().status(), auth.get().reason());
        }
        return new AssocDecision(StatusCode.SUCCESS, "", ok, OptionalLong.empty());
    }
}
