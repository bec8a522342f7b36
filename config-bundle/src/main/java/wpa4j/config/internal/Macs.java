package wpa4j.config.internal;

import wpa4j.config.text.Hex;

import wpa4j.driver.types.MacAddress;

/**
 * MAC addresses as both daemons write them ({@code hwaddr_aton}): six colon-separated hex pairs. Unlike
 * {@code hwaddr_aton}, text after the 17 characters is not silently ignored.
 */
public final class Macs {
    public static final String FORM = "aa:bb:cc:dd:ee:ff";

    private Macs() {}

    /** The address, or {@code null} if {@code s} is not exactly {@code xx:xx:xx:xx:xx:xx}. */
    public static MacAddress parse(String s) {
        if (s.length() != 17) {
            return null;
        }
        long v = 0;
        for (int i = 0; i < 6; i++) {
            int hi = Hex.digit(s.charAt(3 * i));
            int lo = Hex.digit(s.charAt(3 * i + 1));
            if (hi < 0 || lo < 0 || (i < 5 && s.charAt(3 * i + 2) != ':')) {
                return null;
            }
            v = v << 8 | hi << 4 | lo;
        }
        return new MacAddress(v);
    }
}
