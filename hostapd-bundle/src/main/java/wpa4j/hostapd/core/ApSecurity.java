package wpa4j.hostapd.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import wpa4j.driver.types.Mfp;

/**
 * The RSN settings of a BSS: which AKMs it offers, management frame protection, beacon protection and the SAE
 * parameters. CCMP is the pairwise and group cipher, BIP-CMAC-128 the group management cipher for the IGTK and the
 * BIGTK (hostapd's default, the only one wpa4j does).
 *
 * @param akms wpa_key_mgmt; empty for an open BSS
 * @param ieee80211w management frame protection: disabled, optional (MFPC), required (MFPC and MFPR)
 * @param sae the SAE settings (used when {@code akms} has SAE)
 * @param saQuery association SA Query timing (used when PMF is possible)
 * @param beaconProt beacon_prot: protect the Beacons with a BIGTK (IEEE 802.11-2020 12.7.2) when the driver can; needs
 *     {@code ieee80211w} other than {@link Mfp#NO}, as hostapd makes no BIGTK without PMF
 */
public record ApSecurity(Set<Akm> akms, Mfp ieee80211w, ApSaeSettings sae, SaQueryTiming saQuery, boolean beaconProt) {
    public static final ApSecurity OPEN = new ApSecurity(Set.of(), Mfp.NO, ApSaeSettings.NONE, SaQueryTiming.DEFAULT, false);
    public static final ApSecurity WPA2_PSK = new ApSecurity(Set.of(Akm.PSK), Mfp.NO, ApSaeSettings.NONE, SaQueryTiming.DEFAULT, false);

    public ApSecurity {
        akms = akms.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(akms));
        Objects.requireNonNull(ieee80211w, "ieee80211w");
        Objects.requireNonNull(sae, "sae");
        Objects.requireNonNull(saQuery, "saQuery");
        if (akms.contains(Akm.SAE) && sae.passwords().isEmpty()) {
            throw new IllegalArgumentException("sae: no password, required by wpa_key_mgmt SAE");
        }
        if (akms.isEmpty() && ieee80211w != Mfp.NO) {
            throw new IllegalArgumentException("ieee80211w: " + ieee80211w + " on an open BSS");
        }
        if (beaconProt && ieee80211w == Mfp.NO) {
            throw new IllegalArgumentException("beaconProt: beacon protection needs management frame protection (ieee80211w 1 or 2)");
        }
    }

    /** Without beacon protection, as before beacon_prot. */
    public ApSecurity(Set<Akm> akms, Mfp ieee80211w, ApSaeSettings sae, SaQueryTiming saQuery) {
        this(akms, ieee80211w, sae, saQuery, false);
    }

    public boolean isRsn() {
        return !akms.isEmpty();
    }

    /** Whether stations may negotiate PMF (MFPC in our RSNE): an IGTK is kept and SA Query runs. */
    public boolean pmfCapable() {
        return ieee80211w != Mfp.NO;
    }

    public boolean offersSae() {
        return akms.contains(Akm.SAE);
    }

    public boolean offersPsk() {
        return akms.stream().anyMatch(Akm::usesPsk);
    }

    /** hostapd.conf's ieee80211w value. */
    public int ieee80211wValue() {
        return ieee80211w.ordinal();
    }

    /** GET_CONFIG's {@code key_mgmt}: the AKMs in hostapd's order, e.g. {@code WPA-PSK SAE}. */
    public String keyMgmtNames() {
        return akms.stream().map(Akm::confName).collect(Collectors.joining(" "));
    }

    /** As wpa_supplicant's scan flags describe the BSS: {@code WPA2-PSK+SAE-CCMP}, or {@code open}. */
    public String describe() {
        return isRsn() ? "WPA2-" + akms.stream().map(Akm::flagName).collect(Collectors.joining("+")) + "-CCMP" : "open";
    }

    @Override
    public String toString() {
        return "ApSecurity[" + (isRsn() ? "key_mgmt=" + keyMgmtNames() + ", ieee80211w=" + ieee80211wValue() + (beaconProt ? ", beacon_prot=1" : "")
                : "open") + "]";
    }
}
