package wpa4j.hostapd.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Rsnx;
import wpa4j.common.ie.Suite;
import wpa4j.driver.types.Bytes;

/**
 * The RSN element and RSN Extension element the AP advertises (Beacon, Probe Response) and repeats in message 3,
 * written as hostapd's wpa_write_rsn_ie and wpa_write_rsnxe write them.
 */
final class ApRsnElements {
    private ApRsnElements() {}

    /**
     * CCMP group and pairwise, the AKMs in hostapd's order, RSN capabilities with MFPC/MFPR. The Group Management
     * Cipher Suite is left out as hostapd leaves it out for BIP-CMAC-128, the default a station assumes when it is absent.
     */
    static InformationElement rsne(ApSecurity s) {
        List<Suite> akms = s.akms().stream().map(Akm::suite).toList();
        return new RsnElement(1, Suite.RSN_CCMP, List.of(Suite.RSN_CCMP), akms, capabilities(s), null, null).toElement();
    }

    static int capabilities(ApSecurity s) {
        return switch (s.ieee80211w()) {
            case NO -> 0;
            case OPTIONAL -> RsnElement.CAP_MFPC;
            case REQUIRED -> RsnElement.CAP_MFPC | RsnElement.CAP_MFPR;
        };
    }

    /** Only hash-to-element is announced (no SAE-PK, secure LTF, ...): present when SAE is offered with sae_pwe 1 or 2. */
    static Optional<InformationElement> rsnxe(ApSecurity s) {
        if (!s.offersSae() || !s.sae().h2e()) {
            return Optional.empty();
        }
        return Optional.of(Rsnx.saeH2e());
    }

    /** RSNE then RSNXE: the AP's elements in message 3 (hostapd's wpa_ie). */
    static List<InformationElement> all(ApSecurity s) {
        List<InformationElement> l = new ArrayList<>(2);
        l.add(rsne(s));
        rsnxe(s).ifPresent(l::add);
        return List.copyOf(l);
    }

    /** Whether a station's RSNXE body says it supports hash-to-element. */
    static boolean h2e(Optional<Bytes> rsnxeBody) {
        return rsnxeBody.map(Rsnx::hasSaeH2e).orElse(false);
    }
}
