package wpa4j.hostapd.core;

import java.security.SecureRandom;
import java.util.Optional;

import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.common.eapol.KeyData;
import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;

/**
 * The BSS's group keys as hostapd's wpa_group keeps them: the GTK (index 1, then 2, 1, ... on rekey) and, when PMF
 * is possible, the IGTK (index 4, then 5, 4, ...), both random, installed in the driver as transmit keys when made.
 * Used on the event loop only; keys are zeroed when replaced or dropped.
 */
final class GroupKeyring {
    private final SecureRandom random;
    private Gtk gtk;
    private Igtk igtk;

    GroupKeyring(SecureRandom random) {
        this.random = random;
    }

    /** The first keys of a BSS. */
    void start(DriverInterface driver, boolean pmf) throws DriverException {
        drop();
        installGtk(driver, 1);
        if (pmf) {
            installIgtk(driver, 4);
        }
    }

    /** New keys at the other indexes; the IGTK is rekeyed with the GTK, as hostapd's wpa_gtk_update does. */
    void rekey(DriverInterface driver) throws DriverException {
        installGtk(driver, gtk.keyId() == 1 ? 2 : 1);
        if (igtk != null) {
            installIgtk(driver, igtk.keyId() == 4 ? 5 : 4);
        }
    }

    boolean started() {
        return gtk != null;
    }

    Gtk gtk() {
        return gtk;
    }

    /** The keys for a message: the IGTK with the IPN the driver has reached (zero when it cannot say, as hostapd sends). */
    GroupKeys current(DriverInterface driver) {
        if (igtk == null) {
            return GroupKeys.of(gtk);
        }
        return new GroupKeys(gtk, Optional.of(new KeyData.Igtk(igtk.keyId(), ipn(driver, igtk.keyId()), Bytes.of(igtk.key().copy()))));
    }

    private static Bytes ipn(DriverInterface driver, int keyId) {
        byte[] pn = new byte[6];
        try {
            Bytes seq = driver.getSeqnum(null, MacAddress.BROADCAST, keyId);
            System.arraycopy(seq.toArray(), 0, pn, 0, Math.min(6, seq.length()));
        } catch (DriverException | UnsupportedOperationException | NullPointerException e) {
            // the receiver then starts its replay counter at zero, as with hostapd when get_seqnum fails
        }
        return Bytes.of(pn);
    }

    private void installGtk(DriverInterface driver, int keyId) throws DriverException {
        SecretKeyBytes key = fresh();
        driver.setKey(KeyParams.group(KeyAlg.CCMP, keyId, true, Bytes.EMPTY, Bytes.of(key.copy())));
        Bytes rsc = driver.getSeqnum(null, MacAddress.BROADCAST, keyId);
        Gtk previous = gtk;
        gtk = new Gtk(keyId, key, rsc);
        if (previous != null) {
            previous.key().destroy();
        }
    }

    private void installIgtk(DriverInterface driver, int keyId) throws DriverException {
        SecretKeyBytes key = fresh();
        driver.setKey(KeyParams.group(KeyAlg.IGTK, keyId, true, Bytes.EMPTY, Bytes.of(key.copy())));
        Igtk previous = igtk;
        igtk = new Igtk(keyId, key);
        if (previous != null) {
            previous.key().destroy();
        }
    }

    private SecretKeyBytes fresh() {
        byte[] k = new byte[16];
        random.nextBytes(k);
        return SecretKeyBytes.adopt(k);
    }

    /** The keys are forgotten (the BSS stopped or is gone). */
    void drop() {
        if (gtk != null) {
            gtk.key().destroy();
            gtk = null;
        }
        if (igtk != null) {
            igtk.key().destroy();
            igtk = null;
        }
    }
}
