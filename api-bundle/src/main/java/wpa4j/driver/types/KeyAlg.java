package wpa4j.driver.types;

/** Key algorithms of {@code set_key} ({@code enum wpa_alg}) with the key lengths each admits. */
public enum KeyAlg {
    /** Removes the key at the index. */
    NONE(0),
    /** WEP-40 (5 octets), WEP-104 (13) or WEP-128 (16). */
    WEP(5, 13, 16),
    /** TKIP: 16-octet temporal key plus two 8-octet Michael keys. */
    TKIP(32),
    /** CCMP temporal key. */
    CCMP(16),
    /** BIP integrity group key (802.11w). */
    IGTK(16),
    /** PMK for drivers that do the 4-way handshake. */
    PMK(32),
    /** GCMP temporal key. */
    GCMP(16);

    private final int[] keyLengths;

    KeyAlg(int... keyLengths) {
        this.keyLengths = keyLengths;
    }

    public boolean admitsKeyLength(int length) {
        for (int l : keyLengths) {
            if (l == length) {
                return true;
            }
        }
        return false;
    }

    /** The key lengths in octets this algorithm admits, for messages. */
    public String keyLengths() {
        return java.util.Arrays.toString(keyLengths);
    }
}
