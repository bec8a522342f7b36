package wpa4j.common.ie;

import wpa4j.driver.types.Bytes;

/**
 * The RSN Extension element (IEEE 802.11-2020 9.4.2.241): capability bits, the low four bits of the first octet
 * giving the field length minus one. wpa4j reads and writes one capability, SAE hash-to-element, which an AP
 * announces with {@code sae_pwe} 1 or 2 and a station sends when its SAE used it.
 */
public final class Rsnx {
    /** Bit 5 of the first octet: SAE hash-to-element. */
    public static final int CAP_SAE_H2E = 1 << 5;

    private Rsnx() {}

    /** The element with SAE hash-to-element only: one octet, so the length field is 0. */
    public static InformationElement saeH2e() {
        return new InformationElement(ElementId.RSNX, Bytes.of(new byte[] {(byte) CAP_SAE_H2E}));
    }

    /** Whether an RSNXE body announces SAE hash-to-element. */
    public static boolean hasSaeH2e(Bytes body) {
        return body.length() >= 1 && (body.u8(0) & CAP_SAE_H2E) != 0;
    }

    /** Whether these elements hold an RSNXE announcing SAE hash-to-element. */
    public static boolean hasSaeH2e(IeList ies) {
        return ies.find(ElementId.RSNX).map(e -> hasSaeH2e(e.body())).orElse(false);
    }
}
