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

/** The keys installed in a radio: pairwise keys by peer, group keys by index, with their packet numbers. */
final class KeyTable {
    /** One installed CCMP key. */
    static final class Key implements AutoCloseable {
        final int idx;
        final Ccmp ccmp;
        private final SecretKeyBytes tk;
        long txPn;
        long rxPn;

        Key(int idx, SecretKeyBytes tk, long rxPn) {
            this.idx = idx;
            this.tk = tk;
            this.ccmp = new Ccmp(tk);
            this.rxPn = rxPn;
        }

        @Override
        public void close() {
            tk.destroy();
        }
    }

    private final Map<MacAddress, Key> pairwise = new HashMap<>();
    private final Key[] group = new Key[4];
    private int groupTxIdx = -1;

    void set(KeyParams p) throws DriverException {
        if (p.alg() == KeyAlg.NONE) {
            remove(p);
            return;
        }
        if (p.alg() != KeyAlg.CCMP) {
            throw new DriverException("set_key", "the sim medium does CCMP only, not " + p.alg(), 95, null);
        }
        byte[] material = p.key().toArray();
        Key k = new Key(p.keyIdx(), SecretKeyBytes.adopt(material), rsc(p.seq()));
        if (p.isPairwise()) {
            close(pairwise.put(p.addr(), k));
        } else {
            close(group[p.keyIdx()]);
            group[p.keyIdx()] = k;
            if (p.setTx()) {
                groupTxIdx = p.keyIdx();
            }
        }
    }

    private void remove(KeyParams p) {
        if (p.isPairwise()) {
            close(pairwise.remove(p.addr()));
        } else {
            close(group[p.keyIdx()]);
            group[p.keyIdx()] = null;
            if (groupTxIdx == p.keyIdx()) {
                groupTxIdx = -1;
            }
        }
    }

    private static void close(Key k) {
        if (k != null) {
            k.close();
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

    void removePeer(MacAddress peer) {
        close(pairwise.remove(peer));
    }

    void clear() {
        pairwise.values().forEach(KeyTable::close);
        pairwise.clear();
        for (int i = 0; i < 4; i++) {
            close(group[i]);
            group[i] = null;
        }
        groupTxIdx = -1;
    }

    /** The next transmit PN of a key, 8 octets little-endian, as get_seqnum reports it. */
    static Bytes seqnum(Key k) {
        byte[] b = new byte[8];
        long pn = k == null ? 0 : k.txPn;
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (pn >>> (8 * i));
        }
        return Bytes.of(b);
    }
}
