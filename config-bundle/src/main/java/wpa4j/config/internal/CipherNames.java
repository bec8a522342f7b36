package wpa4j.config.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cipher names of {@code wpa_parse_cipher} (shared by wpa_supplicant's {@code pairwise}/{@code group} and
 * hostapd's {@code rsn_pairwise}/{@code wpa_pairwise}), in the order {@code wpa_write_ciphers} writes them.
 * wpa4j itself implements CCMP only.
 */
public final class CipherNames {
    /** Every name the parser knows, in writer order (the two WEP names last: they are never written). */
    public static final List<String> KNOWN = List.of("CCMP-256", "GCMP-256", "CCMP", "GCMP", "TKIP", "AES-128-CMAC",
            "BIP-GMAC-128", "BIP-GMAC-256", "BIP-CMAC-256", "NONE", "GTK_NOT_USED", "WEP104", "WEP40");
    public static final String CCMP = "CCMP";

    private CipherNames() {}

    /** {@code names} in writer order, as an unmodifiable set. */
    public static Set<String> ordered(Collection<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String k : KNOWN) {
            if (names.contains(k)) {
                out.add(k);
            }
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    /** The first name in {@code tokens} the parser does not know, or {@code null}. */
    public static String firstUnknown(List<String> tokens) {
        return tokens.stream().filter(t -> !KNOWN.contains(t)).findFirst().orElse(null);
    }

    public static String join(Collection<String> names) {
        return String.join(" ", names);
    }
}
