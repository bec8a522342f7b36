package wpa4j.supplicant.core;

import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

import wpa4j.common.eapol.Akm;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;

/** wpa_cli's SCAN_RESULTS flags for an RSN element, e.g. {@code [WPA2-PSK+SAE-CCMP]} (wpa_supplicant_ie_txt). */
final class BssFlags {
    private BssFlags() {}

    static String rsn(RsnElement rsn) {
        return "[WPA2-" + join(rsn.akms(), BssFlags::akm) + "-" + join(rsn.pairwiseCiphers(), BssFlags::cipher) + "]";
    }

    private static String join(List<Suite> suites, java.util.function.Function<Suite, String> name) {
        StringJoiner j = new StringJoiner("+");
        if (suites != null) {
            suites.forEach(s -> j.add(name.apply(s)));
        }
        return j.length() == 0 ? "?" : j.toString();
    }

    private static String akm(Suite s) {
        Optional<Akm> handshake = Akm.of(s);
        if (handshake.isPresent()) {
            return handshake.get().flagName();
        } else if (s.equals(Suite.AKM_8021X)) {
            return "EAP";
        } else if (s.equals(Suite.AKM_FT_PSK)) {
            return "FT/PSK";
        }
        return "?";
    }

    private static String cipher(Suite s) {
        if (s.equals(Suite.RSN_CCMP)) {
            return "CCMP";
        } else if (s.equals(Suite.RSN_TKIP)) {
            return "TKIP";
        } else if (s.equals(Suite.RSN_GCMP)) {
            return "GCMP";
        }
        return "?";
    }
}
