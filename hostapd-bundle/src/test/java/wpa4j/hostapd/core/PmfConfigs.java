package wpa4j.hostapd.core;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import wpa4j.common.crypto.Psk;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.driver.types.Mfp;
import wpa4j.driver.types.Ssid;

/** The BSS settings the PMF/SAE tests run. */
final class PmfConfigs {
    static final Ssid SSID = Ssid.ofUtf8("wpa4j-pmf");
    static final String PASS = "pmf test passphrase";

    private PmfConfigs() {}

    static SecretKeyBytes psk() {
        return Psk.fromPassphrase(PASS.getBytes(StandardCharsets.UTF_8), SSID);
    }

    static ApSecurity security(Set<Akm> akms, Mfp mfp, int saePwe, SaQueryTiming t) {
        ApSaeSettings sae = akms.contains(Akm.SAE)
                ? new ApSaeSettings(List.of(new SaeCredential(SecretKeyBytes.copyOf(PASS.getBytes(StandardCharsets.UTF_8)), Optional.empty())), saePwe,
                        List.of(19), 5)
                : ApSaeSettings.NONE;
        return new ApSecurity(akms, mfp, sae, t);
    }

    static ApConfig config(Set<Akm> akms, Mfp mfp) {
        return config(security(akms, mfp, 0, SaQueryTiming.DEFAULT));
    }

    static ApConfig config(ApSecurity s) {
        return new ApConfig(SSID, 1, s.offersPsk() ? psk() : null, HiddenSsid.NO_SSID_HIDING, 100, 2, 10, 0, 0, MacFilter.OPEN, Map.of(), s);
    }
}
