package wpa4j.driver.types;

import java.util.Collections;
import java.util.List;

/**
 * Static WEP keys ({@code wep_key[4]}, {@code wep_key_len[4]}, {@code wep_tx_keyidx}). Secret: never printed.
 *
 * @param keys four entries, each empty (unset) or 5, 13 or 16 octets
 * @param txKeyIdx index of the default transmit key, 0..3
 */
public record WepKeys(List<Bytes> keys, int txKeyIdx) {
    public static final WepKeys NONE = new WepKeys(Collections.nCopies(4, Bytes.EMPTY), 0);

    public WepKeys {
        keys = Validate.list("wepKeys", keys, 4);
        if (keys.size() != 4) {
            throw new IllegalArgumentException("wepKeys: " + keys.size() + " entries, expected 4");
        }
        for (int i = 0; i < 4; i++) {
            int len = keys.get(i).length();
            if (len != 0 && !KeyAlg.WEP.admitsKeyLength(len)) {
                throw new IllegalArgumentException("wepKeys[" + i + "]: length " + len + " not valid for WEP (expected 5, 13 or 16)");
            }
        }
        Validate.range("txKeyIdx", txKeyIdx, 0, 3);
    }

    public boolean isEmpty() {
        return keys.stream().allMatch(Bytes::isEmpty);
    }

    @Override
    public String toString() {
        return "WepKeys[" + keys.stream().filter(k -> !k.isEmpty()).count() + " keys, txKeyIdx=" + txKeyIdx + "]";
    }
}
