package wpa4j.hostapd.core;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.common.eapol.KeyData;
import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;

/**
 * The BSS's group keys as hostapd's wpa_group keeps them: the GTK (index 1, then 2, 1, ... on rekey), when PMF is
 * possible the IGTK (index 4, then 5, 4, ...), and with beacon protection the BIGTK (index 6, then 7, 6, ...), all
 * random. The first ones are installed in the driver as default transmit keys at once (the BIGTK as the default beacon
 * key, with which the driver adds a BIP MME to every Beacon). A rekey makes the next keys and hands them out first:
 * they are installed only when every station {@link #awaiting awaited} has them or is gone ({@link #taken}, then
 * {@link #completeRekey}: hostapd's GKeyDoneStations and SETKEYSDONE), so no
 * station misses a group-addressed frame or a Beacon meanwhile. Used on the event loop only; keys are zeroed when
 * replaced or dropped.
 */
final class GroupKeyring {
    private static final Bytes NO_PN = Bytes.of(new byte[6]);
    private static final Bytes NO_RSC = Bytes.of(new byte[8]);

    private final SecureRandom random;
    private Gtk gtk;
    private BipKey igtk;
    private BipKey bigtk;
    /** The keys of a rekey in progress, handed out but not yet transmitting; null otherwise. */
    private Gtk nextGtk;
    private BipKey nextIgtk;
    private BipKey nextBigtk;
    /** The stations the rekey in progress waits for; empty without one. */
    private final Set<MacAddress> waiting = new HashSet<>();

    GroupKeyring(SecureRandom random) {
        this.random = random;
    }

    /**
     * The first keys of a BSS: the GTK; with {@code pmf} the IGTK, and with {@code beaconProtection} too the BIGTK
     * (hostapd makes a BIGTK only when ieee80211w is not 0).
     */
    void start(DriverInterface driver, boolean pmf, boolean beaconProtection) throws DriverException {
        drop();
        gtk = installGtk(driver, new Gtk(1, fresh(), NO_RSC));
        if (pmf) {
            igtk = installBip(driver, new BipKey(4, fresh()));
            if (beaconProtection) {
                bigtk = installBip(driver, new BipKey(6, fresh()));
            }
        }
    }

    /**
     * Makes the next keys at the other indexes (the IGTK and BIGTK with the GTK, as hostapd's wpa_gtk_update); they go
     * out with {@link #current} from now on and transmit after {@link #completeRekey}. A rekey still in progress is
     * replaced, not completed: some station may not have its keys, so they never transmit; new keys at the same
     * indexes go out instead, and the current ones, which every station has, transmit until those are taken.
     */
    void rekey() {
        int gtkId = nextGtk != null ? nextGtk.keyId() : gtk.keyId() == 1 ? 2 : 1;
        int igtkId = nextIgtk != null ? nextIgtk.keyId() : igtk == null ? 0 : igtk.nextKeyId();
        int bigtkId = nextBigtk != null ? nextBigtk.keyId() : bigtk == null ? 0 : bigtk.nextKeyId();
        destroy(nextGtk);
        destroy(nextIgtk);
        destroy(nextBigtk);
        waiting.clear();
        // a key not yet used for transmission starts at packet number zero: the RSC/IPN announced is zero
        nextGtk = new Gtk(gtkId, fresh(), NO_RSC);
        nextIgtk = igtk == null ? null : new BipKey(igtkId, fresh());
        nextBigtk = bigtk == null ? null : new BipKey(bigtkId, fresh());
    }

    /** Whether a rekey's keys are out and not yet transmitting (some station has still to take them). */
    boolean inProgress() {
        return nextGtk != null;
    }

    /** The rekey in progress waits for {@code addr} to take its keys (its group handshake has started). */
    void awaiting(MacAddress addr) {
        if (nextGtk != null) {
            waiting.add(addr);
        }
    }

    /**
     * {@code addr} has the rekey's keys or is gone (null: nobody in particular); true when a rekey is in progress and no
     * station is left waiting, so {@link #completeRekey} is due.
     */
    boolean taken(MacAddress addr) {
        if (addr != null) {
            waiting.remove(addr);
        }
        return nextGtk != null && waiting.isEmpty();
    }

    /**
     * Every station has the keys of the rekey (or is gone): they become the default transmit keys (GTK, IGTK, BIGTK
     * in that order) and the old ones are zeroed. Nothing to do without a rekey in progress. If the driver refuses a
     * key, the keys not yet installed are dropped and the old ones stay.
     */
    void completeRekey(DriverInterface driver) throws DriverException {
        if (nextGtk == null) {
            return;
        }
        waiting.clear();
        Gtk g = nextGtk;
        BipKey i = nextIgtk;
        BipKey b = nextBigtk;
        nextGtk = null;
        nextIgtk = null;
        nextBigtk = null;
        try {
            Gtk oldGtk = gtk;
            gtk = installGtk(driver, g);
            g = null;
            destroy(oldGtk);
            if (i != null) {
                BipKey old = igtk;
                igtk = installBip(driver, i);
                i = null;
                destroy(old);
            }
            if (b != null) {
                BipKey old = bigtk;
                bigtk = installBip(driver, b);
                b = null;
                destroy(old);
            }
        } finally {
            destroy(g);
            destroy(i);
            destroy(b);
        }
    }

    boolean started() {
        return gtk != null;
    }

    /** The GTK stations are given now: the next one while a rekey is in progress. */
    Gtk gtk() {
        return nextGtk != null ? nextGtk : gtk;
    }

    /**
     * The keys for a message, the next ones while a rekey is in progress: the IGTK and BIGTK with the IPN/BIPN the
     * driver has reached (zero when it cannot say, as hostapd sends, and for keys not yet transmitting).
     */
    GroupKeys current(DriverInterface driver) {
        boolean next = nextGtk != null;
        BipKey i = next ? nextIgtk : igtk;
        BipKey b = next ? nextBigtk : bigtk;
        // the RSC is read for every message (hostapd's wpa_auth_get_seqnum): a station joining late must not accept replays
        Gtk g = next ? nextGtk : new Gtk(gtk.keyId(), gtk.key(), seq(driver, gtk.keyId(), 8));
        Optional<KeyData.Igtk> ik = Optional.ofNullable(i).map(k -> new KeyData.Igtk(k.keyId(), next ? NO_PN : seq(driver, k.keyId(), 6), Bytes.of(k.key().copy())));
        Optional<KeyData.Bigtk> bk = Optional.ofNullable(b).map(k -> new KeyData.Bigtk(k.keyId(), next ? NO_PN : seq(driver, k.keyId(), 6), Bytes.of(k.key().copy())));
        return new GroupKeys(g, ik, bk);
    }

    /**
     * The first {@code octets} of the driver's transmit sequence counter of the group key at {@code keyId} (the GTK's
     * RSC, a BIP key's IPN/BIPN, as hostapd copies them); zero when the driver cannot say, as with hostapd.
     */
    private static Bytes seq(DriverInterface driver, int keyId, int octets) {
        byte[] pn = new byte[octets];
        try {
            Bytes seq = driver.getSeqnum(null, MacAddress.BROADCAST, keyId);
            System.arraycopy(seq.toArray(), 0, pn, 0, Math.min(octets, seq.length()));
        } catch (DriverException | UnsupportedOperationException | NullPointerException e) {
            // the receiver then starts its replay counter at zero, as with hostapd when get_seqnum fails
        }
        return Bytes.of(pn);
    }

    /** Installs the GTK as default transmit key; a new key starts at sequence number zero. */
    private static Gtk installGtk(DriverInterface driver, Gtk g) throws DriverException {
        driver.setKey(KeyParams.group(KeyAlg.CCMP, g.keyId(), true, Bytes.EMPTY, Bytes.of(g.key().copy())));
        return new Gtk(g.keyId(), g.key(), NO_RSC);
    }

    /** Installs a BIP-CMAC-128 key (4/5 IGTK, 6/7 BIGTK) as the default transmit key of its kind, IPN/BIPN from zero. */
    private static BipKey installBip(DriverInterface driver, BipKey k) throws DriverException {
        driver.setKey(KeyParams.group(KeyAlg.IGTK, k.keyId(), true, Bytes.EMPTY, Bytes.of(k.key().copy())));
        return k;
    }

    private SecretKeyBytes fresh() {
        byte[] k = new byte[16];
        random.nextBytes(k);
        return SecretKeyBytes.adopt(k);
    }

    /** The keys are forgotten (the BSS stopped or is gone). */
    void drop() {
        destroy(gtk);
        destroy(igtk);
        destroy(bigtk);
        destroy(nextGtk);
        destroy(nextIgtk);
        destroy(nextBigtk);
        gtk = null;
        igtk = null;
        bigtk = null;
        nextGtk = null;
        nextIgtk = null;
        nextBigtk = null;
        waiting.clear();
    }

    private static void destroy(Gtk g) {
        if (g != null) {
            g.key().destroy();
        }
    }

    private static void destroy(BipKey k) {
        if (k != null) {
            k.key().destroy();
        }
    }
}
