package wpa4j.supplicant.core;

import java.util.List;

import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;
import wpa4j.driver.Capabilities;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.DriverFlag;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.KeyMgmtCapability;

/**
 * Whether a network can use a BSS, and how (wpa_supplicant's wpa_supplicant_ssid_bss_match and set_suites): the
 * BSS's RSN element against the network's AKMs and ieee80211w and the driver's capabilities. A BSS that cannot be
 * met says why, so selection can show it.
 */
final class RsnMatch {
    /** wpa_supplicant's preference: SAE before PSK-SHA256 before PSK (a transition-mode AP is joined with SAE). */
    private static final List<KeyMgmt> PREFERENCE = List.of(KeyMgmt.SAE, KeyMgmt.PSK_SHA256, KeyMgmt.PSK);

    sealed interface Verdict permits Usable, Unusable {}

    record Usable(LinkSecurity security) implements Verdict {}

    record Unusable(String why) implements Verdict {}

    private RsnMatch() {}

    static Verdict evaluate(NetworkSecurity net, BssTable.Entry bss, Capabilities capa, String driverName) {
        if (net.isOpen()) {
            return bss.isOpen() ? new Usable(LinkSecurity.OPEN) : new Unusable("the BSS is secured, the network is open (key_mgmt=NONE)");
        }
        RsnElement rsn = bss.rsn();
        if (rsn == null) {
            return new Unusable(bss.privacy() ? "the BSS offers WEP or WPA1 only, not RSN" : "the BSS is open, the network is not");
        }
        if (rsn.pairwiseCiphers() == null || !rsn.pairwiseCiphers().contains(Suite.RSN_CCMP) || !Suite.RSN_CCMP.equals(rsn.groupCipher())) {
            return new Unusable("the BSS does not offer CCMP as pairwise and group cipher");
        }
        int caps = rsn.capabilities() == null ? 0 : rsn.capabilities();
        boolean bssMfpc = (caps & RsnElement.CAP_MFPC) != 0;
        boolean bssMfpr = (caps & RsnElement.CAP_MFPR) != 0;
        boolean driverPmf = capa.enc().contains(Cipher.BIP);
        // why the last AKM tried was refused; none tried: no AKM in common (worded at the end, not for every usable BSS)
        String lastWhy = null;
        for (KeyMgmt akm : PREFERENCE) {
            if (!net.akms().contains(akm) || rsn.akms() == null || !rsn.akms().contains(LinkSecurity.suite(akm))) {
                continue;
            }
            String driverWhy = driverCannot(akm, capa, driverName);
            if (driverWhy != null) {
                lastWhy = driverWhy;
                continue;
            }
            // WPA3-Personal requires PMF: SAE is used with PMF at least optional, as WPA3 certified stations do
            int pmf = akm == KeyMgmt.SAE ? Math.max(net.pmf(), 1) : net.pmf();
            if (bssMfpr && (pmf == 0 || !driverPmf)) {
                lastWhy = pmf == 0 ? "the BSS requires PMF (MFPR set), the network has ieee80211w=0"
                        : "the BSS requires PMF (MFPR set), the driver " + driverName + " cannot protect management frames (no BIP)";
                continue;
            }
            if (pmf == 2 && (!bssMfpc || !driverPmf)) {
                lastWhy = !bssMfpc ? "the network requires PMF (ieee80211w=2), the BSS does not offer it (no MFPC)"
                        : "the network requires PMF (ieee80211w=2), the driver " + driverName + " cannot protect management frames (no BIP)";
                continue;
            }
            boolean mfp = pmf >= 1 && bssMfpc && driverPmf;
            if (mfp && rsn.groupMgmtCipher() != null && !rsn.groupMgmtCipher().equals(Suite.RSN_BIP)) {
                lastWhy = "the BSS's group management cipher " + rsn.groupMgmtCipher() + " is not BIP-CMAC-128";
                continue;
            }
            boolean h2e = akm == KeyMgmt.SAE && (net.saePwe() == 1 || net.saePwe() == 2 && bss.saeH2e());
            if (akm == KeyMgmt.SAE && net.saePwe() == 1 && !bss.saeH2e()) {
                lastWhy = "sae_pwe=1 needs SAE hash-to-element, the BSS does not offer it (no RSNXE H2E bit)";
                continue;
            }
            if (bss.saeH2eOnly() && (akm != KeyMgmt.SAE || !h2e)) {
                // wpa_supplicant's rate_match: the "SAE H2E only" membership selector admits only H2E stations
                lastWhy = "the BSS admits SAE hash-to-element only (membership selector), the network has "
                        + (akm == KeyMgmt.SAE ? "sae_pwe=0" : "no SAE");
                continue;
            }
            // beacon protection rides on PMF (the BIGTK is a BIP key) and needs a driver that checks the Beacons' MME
            boolean beaconProt = mfp && net.beaconProt() && verifiesBeacons(capa);
            return new Usable(new LinkSecurity(akm, mfp, bssMfpr, mfp && pmf == 2, h2e, beaconProt));
        }
        return new Unusable(lastWhy != null ? lastWhy
                : "no AKM in common (the BSS offers " + rsn.akms() + ", the network allows " + net.keyMgmtNames() + ")");
    }

    /**
     * Whether the driver verifies protected Beacons as a station once a BIGTK is installed: as wpa_supplicant
     * (wpas_glue: WPA_DRIVER_FLAGS_BEACON_PROTECTION or WPA_DRIVER_FLAGS2_BEACON_PROTECTION_CLIENT), either flag.
     */
    static boolean verifiesBeacons(Capabilities capa) {
        return capa.has(DriverFlag.BEACON_PROTECTION_CLIENT) || capa.has(DriverFlag.BEACON_PROTECTION);
    }

    /** Why the driver cannot do {@code akm}, or null when it can. */
    private static String driverCannot(KeyMgmt akm, Capabilities capa, String driverName) {
        if (akm == KeyMgmt.SAE) {
            boolean sae = capa.has(DriverFlag.SAE) && capa.auth().contains(AuthAlg.SAE) && capa.has(DriverFlag.SME);
            return sae ? null : "SAE is not supported by driver " + driverName;
        }
        boolean psk = capa.keyMgmt().contains(KeyMgmtCapability.WPA2_PSK);
        return psk ? null : "WPA2-PSK is not supported by driver " + driverName;
    }

    /**
     * Why the driver can never connect the network, whatever the BSS (reported once, and the network is left out of
     * selection rather than tried and failed), or null when some AKM of it is possible.
     */
    static String networkUnsupported(NetworkSecurity net, Capabilities capa, String driverName) {
        if (net.isOpen()) {
            return null;
        }
        String why = null;
        for (KeyMgmt akm : PREFERENCE) {
            if (net.akms().contains(akm)) {
                why = driverCannot(akm, capa, driverName);
                if (why == null) {
                    break;
                }
            }
        }
        if (why == null && net.pmf() == 2 && !capa.enc().contains(Cipher.BIP)) {
            why = "ieee80211w=2 needs management frame protection (BIP), not supported by driver " + driverName;
        }
        return why;
    }
}
