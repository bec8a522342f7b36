package wpa4j.supplicant.core;

import java.util.List;
import java.util.Optional;

import wpa4j.common.eapol.Akm;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Rsnx;
import wpa4j.common.ie.Suite;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.Mfp;

/**
 * What one association negotiates with one BSS: the AKM, whether management frames are protected, the SAE
 * password element method, beacon protection, and the RSN (and RSNX) element the station sends for it.
 *
 * @param akm PSK, PSK_SHA256 or SAE; NONE for an open BSS
 * @param mfp whether PMF is in use (both sides MFPC): IGTK, protected Deauth/Disassoc/Action
 * @param bssMfpRequired whether the BSS sets MFPR (STATUS says pmf=2)
 * @param mfpRequired whether this station sets MFPR (ieee80211w=2)
 * @param saeH2e whether SAE uses hash-to-element (else hunting-and-pecking)
 * @param beaconProt whether beacon protection is in use (the network's beacon_prot=1, PMF, and a driver that verifies
 *     protected Beacons): the AP's BIGTK is installed; without it a BIGTK KDE is ignored, as wpa_supplicant does
 */
public record LinkSecurity(KeyMgmt akm, boolean mfp, boolean bssMfpRequired, boolean mfpRequired, boolean saeH2e, boolean beaconProt) {
    static final LinkSecurity OPEN = new LinkSecurity(KeyMgmt.NONE, false, false, false, false);

    public LinkSecurity {
        if (beaconProt && !mfp) {
            throw new IllegalArgumentException("beaconProt: beacon protection needs PMF (BIP) on the link");
        }
    }

    /** Without beacon protection. */
    public LinkSecurity(KeyMgmt akm, boolean mfp, boolean bssMfpRequired, boolean mfpRequired, boolean saeH2e) {
        this(akm, mfp, bssMfpRequired, mfpRequired, saeH2e, false);
    }

    public boolean isOpen() {
        return akm == KeyMgmt.NONE;
    }

    public boolean sae() {
        return akm == KeyMgmt.SAE;
    }

    /** The toolkit's facts of the AKM (descriptor version, KDF, names); only for an RSN link. */
    Akm rsnAkm() {
        return Akm.of(akm).orElseThrow(() -> new IllegalStateException("akm: " + akm + " runs no 4-way handshake here"));
    }

    /** The EAPOL-Key descriptor version of the AKM (IEEE 802.11-2020 12.7.2): 2 for PSK, 3 for PSK-SHA256, 0 for SAE. */
    int descriptorVersion() {
        return rsnAkm().descriptorVersion();
    }

    /** Whether the PTK comes from the SHA-256 KDF (AKMs 6 and 8) rather than PRF-SHA1 (AKM 2, even with PMF). */
    boolean sha256Kdf() {
        return rsnAkm().sha256Kdf();
    }

    /** The RSN element this station sends, with the PMKID of a cached PMKSA when one is offered. */
    RsnElement ownRsn(Optional<Bytes> pmkid) {
        int caps = (mfp ? RsnElement.CAP_MFPC : 0) | (mfp && mfpRequired ? RsnElement.CAP_MFPR : 0);
        // the group management cipher is left out: BIP-CMAC-128 is its default, as wpa_supplicant does
        return new RsnElement(1, Suite.RSN_CCMP, List.of(Suite.RSN_CCMP), List.of(suite(akm)), caps,
                pmkid.map(List::of).orElse(null), null);
    }

    /** The RSNX element the station sends: only for SAE hash-to-element. */
    Optional<InformationElement> ownRsnx() {
        return saeH2e && sae() ? Optional.of(Rsnx.saeH2e()) : Optional.empty();
    }

    Mfp driverMfp() {
        return mfp ? Mfp.REQUIRED : Mfp.NO;
    }

    static Suite suite(KeyMgmt akm) {
        return Akm.of(akm).orElseThrow(() -> new IllegalArgumentException("akm: " + akm + " has no RSN suite here")).suite();
    }

    /** wpa_supplicant's STATUS name of the AKM (wpa_key_mgmt_txt for RSN). */
    String statusName() {
        return Akm.of(akm).map(Akm::statusName).orElse("NONE");
    }

    /** The network block's name of an AKM ({@code key_mgmt=}). */
    static String confName(KeyMgmt akm) {
        return Akm.of(akm).map(Akm::confName).orElse(akm.name());
    }
}
