package wpa4j.sim.medium;

import java.util.HashMap;
import java.util.Map;

import wpa4j.common.crypto.Ccmp;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.driver.DriverException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;

/**
 * The keys installed in a radio: pairwise keys by peer, group keys by index 0..3, IGTKs by index 4..5 and
 * BIGTKs (beacon protection) by index 6..7, with their packet numbers.
 */
final class KeyTable {
    /** Key material installed at an index, destroyed when replaced or removed. */
    abstract static class Installed {
        final int idx;
        final SecretKeyBytes secret;

        Installed(int idx, SecretKeyBytes secret) {
            this.idx = idx;
            this.secret = secret;
        }

        final void destroy() {
            secret.destroy();
        }
    }

    /** One installed CCMP key. */
    static final class Key extends Installed {
        final Ccmp ccmp;
        /** Volatile: a group key's is read off the air ({@link Radio#seqnum}). */
        volatile long txPn;
        long rxPn;
        /** Robust management frames have a replay counter of their own (802.11-2020 12.5.3.4.4); TX shares txPn. */
        long rxMgmtPn;

        Key(int idx, SecretKeyBytes tk, long rxPn) {
            super(idx, tk);
            this.ccmp = new Ccmp(tk);
            this.rxPn = rxPn;
        }
    }

    /**
     * One installed BIP-CMAC-128 key: an IGTK (4, 5) or a BIGTK (6, 7), the same cipher with its own replay
     * counter; rxIpn is the last IPN/BIPN accepted, txIpn the last one sent.
     */
    static final class BipKey extends Installed {
        /** Volatile: read off the air ({@link Radio#seqnum}). */
        volatile long txIpn;
        long rxIpn;

        BipKey(int idx, SecretKeyBytes key, long rxIpn) {
            super(idx, key);
            this.rxIpn = rxIpn;
        }
    }

    private final Map<MacAddress, Key> pairwise = new HashMap<>();
    private final Key[] group = new Key[4];
    /** Indices 4..7: IGTKs, then BIGTKs. */
    private final BipKey[] bip = new BipKey[4];
    private int groupTxIdx = -1;
    private int igtkTxIdx = -1;
    private int bigtkTxIdx = -1;

    /** What set_key refuses whatever the table holds: a cipher the sim does not do. */
    static void check(KeyParams p) throws DriverException {
        if (p.alg() != KeyAlg.NONE && p.alg() != KeyAlg.IGTK && p.alg() != KeyAlg.CCMP) {
            throw new DriverException("set_key", "the sim medium does CCMP and IGTK/BIGTK (BIP-CMAC-128) only, not " + p.alg(), 95, null);
        }
    }

    void set(KeyParams p) throws DriverException {
        check(p);
        if (p.alg() == KeyAlg.NONE) {
            remove(p);
        } else if (p.alg() == KeyAlg.IGTK) {
            setBip(p);
        } else {
            setCcmp(p);
        }
    }

    private void setCcmp(KeyParams p) {
        Key k = new Key(p.keyIdx(), SecretKeyBytes.adopt(p.key().toArray()), rsc(p.seq()));
        if (p.isPairwise()) {
            destroy(pairwise.put(p.addr(), k));
        } else {
            destroy(group[p.keyIdx()]);
            group[p.keyIdx()] = k;
            if (p.setTx()) {
                groupTxIdx = p.keyIdx();
            }
        }
    }

    /**
     * As mac80211: the given sequence is the receive IPN/BIPN; a transmit key counts from 0. With setTx an IGTK
     * becomes the default management key, a BIGTK the default beacon key.
     */
    private void setBip(KeyParams p) {
        int slot = p.keyIdx() - 4;
        destroy(bip[slot]);
        bip[slot] = new BipKey(p.keyIdx(), SecretKeyBytes.adopt(p.key().toArray()), rsc(p.seq()));
        if (p.setTx() && p.isBigtk()) {
            bigtkTxIdx = p.keyIdx();
        } else if (p.setTx()) {
            igtkTxIdx = p.keyIdx();
        }
    }

    private void remove(KeyParams p) {
        if (p.isPairwise()) {
            destroy(pairwise.remove(p.addr()));
        } else {
            destroy(group[p.keyIdx()]);
            group[p.keyIdx()] = null;
            if (groupTxIdx == p.keyIdx()) {
                groupTxIdx = -1;
            }
        }
    }

    private static void destroy(Installed k) {
        if (k != null) {
            k.destroy();
        }
    }

    /** The received sequence counter of set_key (little-endian) as the last PN seen. */
    private static long rsc(Bytes seq) {
        long v = 0;
        for (int i = Math.min(6, seq.length()) - 1; i >= 0; i--) {
            v = v << 8 | seq.u8(i);
        }
        return v;
    }

    Key pairwise(MacAddress peer) {
        return pairwise.get(peer);
    }

    Key group(int idx) {
        return group[idx & 3];
    }

    Key groupTx() {
        return groupTxIdx < 0 ? null : group[groupTxIdx];
    }

    /** The IGTK an MMIE's Key ID names (4 or 5), or null: a robust frame's MME never names a BIGTK. */
    BipKey igtk(int keyId) {
        return keyId == 4 || keyId == 5 ? bip[keyId - 4] : null;
    }

    BipKey igtkTx() {
        return igtk(igtkTxIdx);
    }

    /** The BIGTK a Beacon's MME names (6 or 7), or null. */
    BipKey bigtk(int keyId) {
        return keyId == 6 || keyId == 7 ? bip[keyId - 4] : null;
    }

    /** The default beacon key of an AP, or null: its Beacons then go out without an MME. */
    BipKey bigtkTx() {
        return bigtk(bigtkTxIdx);
    }

    /** Whether a BIGTK is installed: a station then checks the Beacons of its BSS. */
    boolean hasBigtk() {
        return bip[2] != null || bip[3] != null;
    }

    void removePeer(MacAddress peer) {
        destroy(pairwise.remove(peer));
    }

    void clear() {
        pairwise.values().forEach(KeyTable::destroy);
        pairwise.clear();
        for (int i = 0; i < group.length; i++) {
            destroy(group[i]);
            group[i] = null;
        }
        for (int i = 0; i < bip.length; i++) {
            destroy(bip[i]);
            bip[i] = null;
        }
        groupTxIdx = -1;
        igtkTxIdx = -1;
        bigtkTxIdx = -1;
    }

    /**
     * The last transmit PN of the pairwise key of {@code addr}, or for broadcast of group key {@code idx}
     * (the IPN for 4, 5, the BIPN for 6, 7): 8 octets little-endian, as get_seqnum reports it.
     */
    Bytes seqnum(MacAddress addr, int idx) {
        long pn;
        if (addr.isBroadcast() && idx >= 4) {
            BipKey k = idx < 8 ? bip[idx - 4] : null;
            pn = k == null ? 0 : k.txIpn;
        } else {
            Key k = addr.isBroadcast() ? group(idx) : pairwise(addr);
            pn = k == null ? 0 : k.txPn;
        }
        byte[] b = new byte[8];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (pn >>> (8 * i));
        }
        return Bytes.of(b);
    }
}
