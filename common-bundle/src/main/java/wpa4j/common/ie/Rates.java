package wpa4j.common.ie;

import java.util.ArrayList;
import java.util.List;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Validate;

/**
 * Supported Rates or Extended Supported Rates: each octet is a rate in 500 kbps units (low 7 bits) with
 * the basic-rate flag in bit 7, kept as received. An octet with bit 7 and a value no rate has is a BSS membership
 * selector (IEEE 802.11-2020 9.4.2.3): a capability every station must have to join, never a rate.
 *
 * @param octets the rate octets, selectors included
 */
public record Rates(List<Integer> octets) {
    public static final int BASIC = 0x80;
    /**
     * BSS membership selector "SAE hash-to-element only" (0xFB on the air): hostapd 2.10 lists it when
     * {@code sae_pwe=1} and SAE is offered, after the rates, so it lands in Extended Supported Rates past the eighth.
     */
    public static final int SELECTOR_SAE_H2E_ONLY = 123;
    /** 54 Mbps, the fastest rate these elements list; the selectors in use are 122..127 (127 HT PHY, 123 SAE H2E only). */
    private static final int MAX_RATE_500K = 108;

    public Rates {
        octets = Validate.list("rates", octets, 255);
        octets.forEach(o -> Validate.u8("rates", o));
    }

    /** Rates in 500 kbps units, the basic ones flagged. */
    public static Rates of(List<Integer> rates500k, List<Integer> basic500k) {
        List<Integer> o = new ArrayList<>();
        for (int r : rates500k) {
            o.add(basic500k.contains(r) ? r | BASIC : r);
        }
        return new Rates(o);
    }

    /** Whether a rates octet is a BSS membership selector rather than a rate. */
    public static boolean isMembershipSelector(int octet) {
        return (octet & BASIC) != 0 && (octet & 0x7f) > MAX_RATE_500K;
    }

    /** These rates with a BSS membership selector after them (hostapd's order: selectors follow the rates). */
    public Rates withSelector(int selector) {
        List<Integer> o = new ArrayList<>(octets);
        o.add(BASIC | selector);
        return new Rates(o);
    }

    /** Whether a BSS with these rates admits only stations doing SAE hash-to-element. */
    public boolean saeH2eOnly() {
        return octets.contains(BASIC | SELECTOR_SAE_H2E_ONLY);
    }

    /**
     * Whether a BSS's Beacon or Probe Response elements carry the SAE H2E only selector, in Supported or Extended
     * Supported Rates (where it lands depends on how many rates precede it): a station that cannot do hash-to-element
     * must not join (wpa_supplicant skips such a BSS with sae_pwe=0).
     */
    public static boolean requiresSaeH2e(IeList ies) {
        for (InformationElement e : ies.elements()) {
            if (e.id() == ElementId.SUPPORTED_RATES || e.id() == ElementId.EXTENDED_SUPPORTED_RATES) {
                for (int i = 0; i < e.body().length(); i++) {
                    if (e.body().u8(i) == (BASIC | SELECTOR_SAE_H2E_ONLY)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    public static Rates decode(Bytes body) throws MalformedFrameException {
        if (body.isEmpty()) {
            throw new MalformedFrameException(0, "rates element without rates");
        }
        List<Integer> o = new ArrayList<>(body.length());
        for (int i = 0; i < body.length(); i++) {
            o.add(body.u8(i));
        }
        return new Rates(o);
    }

    public Bytes encodeBody() {
        byte[] b = new byte[octets.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (int) octets.get(i);
        }
        return Bytes.of(b);
    }

    /** As a Supported Rates element (first 8) and, when more, an Extended Supported Rates element. */
    public List<InformationElement> toElements() {
        List<InformationElement> l = new ArrayList<>();
        Bytes all = encodeBody();
        l.add(new InformationElement(ElementId.SUPPORTED_RATES, all.slice(0, Math.min(8, all.length()))));
        if (all.length() > 8) {
            l.add(new InformationElement(ElementId.EXTENDED_SUPPORTED_RATES, all.slice(8, all.length() - 8)));
        }
        return l;
    }

    /** Rates in units of 100 kbps (as the driver API counts them); selectors are no rates and left out. */
    public List<Integer> rates100k() {
        return octets.stream().filter(o -> !isMembershipSelector(o)).map(o -> (o & 0x7f) * 5).toList();
    }

    /** The basic rates in units of 100 kbps, selectors left out. */
    public List<Integer> basicRates100k() {
        return octets.stream().filter(o -> (o & BASIC) != 0 && !isMembershipSelector(o)).map(o -> (o & 0x7f) * 5).toList();
    }
}
