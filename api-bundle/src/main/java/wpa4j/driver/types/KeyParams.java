package wpa4j.driver.types;

/**
 * The arguments of {@code set_key}.
 *
 * @param ifname interface to configure (an AP VLAN interface), or {@code null} for the driver's own
 * @param alg key algorithm; {@link KeyAlg#NONE} removes the key
 * @param addr peer address for a pairwise key; {@link MacAddress#BROADCAST} for a group/default key
 * @param keyIdx key index: 0..3; with {@link KeyAlg#IGTK} 4..5 for an IGTK and 6..7 for a BIGTK (beacon protection,
 *     IEEE 802.11-2020 12.7.2), both AES-128-CMAC keys whose {@code seq} is the 6-octet IPN/BIPN
 * @param setTx whether this key becomes the default transmit key; for an IGTK the default management key, for a
 *     BIGTK on an AP the default beacon key (a station installs its BIGTK with {@code false})
 * @param seq receive sequence counter (RSC/PN/TSC), little-endian, 0..8 octets (empty: not given)
 * @param key the key octets; never printed
 */
public record KeyParams(String ifname, KeyAlg alg, MacAddress addr, int keyIdx, boolean setTx, Bytes seq, Bytes key) {
    public KeyParams {
        if (ifname != null) {
            Validate.ifname("ifname", ifname);
        }
        Validate.nonNull("alg", alg);
        Validate.nonNull("addr", addr);
        Validate.range("keyIdx", keyIdx, 0, alg == KeyAlg.IGTK ? 7 : 3);
        if (alg == KeyAlg.IGTK && keyIdx < 4) {
            throw new IllegalArgumentException("keyIdx: " + keyIdx + " out of range 4..7 for IGTK (4..5 IGTK, 6..7 BIGTK)");
        }
        Validate.length("seq", seq, 0, 8);
        Validate.nonNull("key", key);
        if (!alg.admitsKeyLength(key.length())) {
            throw new IllegalArgumentException("key: length " + key.length() + " not valid for " + alg + " (expected " + alg.keyLengths() + ")");
        }
    }

    /** A pairwise key for {@code peer} at index 0, set as transmit key. */
    public static KeyParams pairwise(KeyAlg alg, MacAddress peer, Bytes seq, Bytes key) {
        return new KeyParams(null, alg, peer, 0, true, seq, key);
    }

    /** A group key at {@code keyIdx}. */
    public static KeyParams group(KeyAlg alg, int keyIdx, boolean setTx, Bytes seq, Bytes key) {
        return new KeyParams(null, alg, MacAddress.BROADCAST, keyIdx, setTx, seq, key);
    }

    public boolean isPairwise() {
        return !addr.isBroadcast();
    }

    /** Whether this is a beacon integrity group key (BIGTK): {@link KeyAlg#IGTK} at index 6 or 7. */
    public boolean isBigtk() {
        return alg == KeyAlg.IGTK && keyIdx >= 6;
    }

    @Override
    public String toString() {
        return "KeyParams[ifname=" + ifname + ", alg=" + alg + ", addr=" + addr + ", keyIdx=" + keyIdx + ", setTx=" + setTx
                + ", seq=" + seq + ", key=<" + key.length() + " octets>]";
    }
}
