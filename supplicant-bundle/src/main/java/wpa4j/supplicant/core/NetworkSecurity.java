package wpa4j.supplicant.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.driver.types.KeyMgmt;

/**
 * How a network is secured: the AKMs it allows and their secrets, its management frame protection and beacon protection.
 *
 * @param akms allowed AKMs among PSK, PSK_SHA256 and SAE; empty for an open network
 * @param psk the 32-octet PSK for the PSK AKMs, or null when none of them is allowed; never printed
 * @param saePassword the SAE password octets, or null when SAE is not allowed; never printed
 * @param pmf ieee80211w: 0 disabled, 1 optional, 2 required
 * @param saePwe 0 hunting-and-pecking only, 1 hash-to-element only, 2 either (H2E when the AP offers it)
 * @param beaconProt beacon_prot=1: on a link with PMF and a driver that verifies protected Beacons, install the AP's
 *     BIGTK (IEEE 802.11-2020 12.7.2) so that the driver drops forged Beacons; else unused
 */
public record NetworkSecurity(Set<KeyMgmt> akms, SecretKeyBytes psk, SecretKeyBytes saePassword, int pmf, int saePwe, boolean beaconProt) {
    static final Set<KeyMgmt> SUPPORTED = EnumSet.of(KeyMgmt.PSK, KeyMgmt.PSK_SHA256, KeyMgmt.SAE);

    public NetworkSecurity {
        akms = akms.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(akms));
        for (KeyMgmt k : akms) {
            if (!SUPPORTED.contains(k)) {
                throw new IllegalArgumentException("akms: " + k + " is not supported; allowed: PSK, PSK_SHA256, SAE");
            }
        }
        if (psk != null && psk.length() != 32) {
            throw new IllegalArgumentException("psk: length " + psk.length() + ", expected 32");
        }
        if ((akms.contains(KeyMgmt.PSK) || akms.contains(KeyMgmt.PSK_SHA256)) && psk == null) {
            throw new IllegalArgumentException("psk: not set, required by key_mgmt WPA-PSK/WPA-PSK-SHA256");
        }
        if (akms.contains(KeyMgmt.SAE) && (saePassword == null || saePassword.length() == 0)) {
            throw new IllegalArgumentException("saePassword: not set, required by key_mgmt SAE");
        }
        if (pmf < 0 || pmf > 2) {
            throw new IllegalArgumentException("pmf: " + pmf + " out of range 0..2");
        }
        if (saePwe < 0 || saePwe > 2) {
            throw new IllegalArgumentException("saePwe: " + saePwe + " out of range 0..2");
        }
    }

    /** Without beacon protection (beacon_prot=0, the default). */
    public NetworkSecurity(Set<KeyMgmt> akms, SecretKeyBytes psk, SecretKeyBytes saePassword, int pmf, int saePwe) {
        this(akms, psk, saePassword, pmf, saePwe, false);
    }

    public static final NetworkSecurity OPEN = new NetworkSecurity(Set.of(), null, null, 0, 0);

    /** WPA2-PSK without PMF, the pre-WPA3 network. */
    public static NetworkSecurity wpa2Psk(SecretKeyBytes psk) {
        return new NetworkSecurity(Set.of(KeyMgmt.PSK), psk, null, 0, 0);
    }

    public boolean isOpen() {
        return akms.isEmpty();
    }

    /** wpa_supplicant's key_mgmt names, space separated, as in the network block. */
    public String keyMgmtNames() {
        if (isOpen()) {
            return "NONE";
        }
        StringBuilder sb = new StringBuilder();
        akms.forEach(k -> sb.append(sb.length() == 0 ? "" : " ").append(LinkSecurity.confName(k)));
        return sb.toString();
    }

    /** Whether {@code other} would connect the same way (same AKMs, secrets and protection, beacon protection included). */
    boolean sameAs(NetworkSecurity other) {
        return akms.equals(other.akms) && pmf == other.pmf && saePwe == other.saePwe && beaconProt == other.beaconProt && same(psk, other.psk)
                && same(saePassword, other.saePassword);
    }

    private static boolean same(SecretKeyBytes a, SecretKeyBytes b) {
        return a == null ? b == null : b != null && a.sameAs(b);
    }

    @Override
    public String toString() {
        return "NetworkSecurity[key_mgmt=" + keyMgmtNames() + ", ieee80211w=" + pmf + ", sae_pwe=" + saePwe + ", beacon_prot=" + (beaconProt ? 1 : 0) + "]";
    }
}
