package wpa4j.config.ap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import wpa4j.driver.types.FreqParams;
import wpa4j.driver.types.HwModeType;

/**
 * Which 20 MHz channels an AP may start a BSS on: the frequency rules of wireless-regdb (2026.09.03, as
 * Debian ships it in {@code /lib/firmware/regulatory.db}) for common domains, reduced to what an AP needs:
 * a channel must lie in a rule that allows initiating radiation (no NO-IR) and needs no radar detection
 * (no DFS: wpa4j does not implement CAC). The kernel enforces the same rules; checking them here turns a
 * failure at start into a diagnostic naming the line. Countries not in the table are checked against the
 * band only (and the DFS channels 52..144 are refused everywhere).
 */
final class ChannelPlan {
    static final int DFS = 1;
    static final int NO_IR = 2;
    static final int NO_OFDM = 4;

    /** A regdb frequency rule in MHz with its flags. */
    record Rule(int startMhz, int endMhz, int flags) {
        boolean holds(int centreMhz) {
            return centreMhz - 10 >= startMhz && centreMhz + 10 <= endMhz;
        }
    }

    /** Why a channel is refused, and what would be accepted instead. */
    record Verdict(String reason, String allowed) {
    }

    static final String WORLD = "00";
    /** The EU member states and EFTA: one ETSI rule set in regdb. */
    static final List<String> ETSI_COUNTRIES = List.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "CH", "NO", "IS", "LI");
    private static final Map<String, List<Rule>> DOMAINS = new HashMap<>();
    private static final List<Integer> CHANNELS_24 = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
    private static final List<Integer> CHANNELS_5 = List.of(36, 40, 44, 48, 52, 56, 60, 64, 100, 104, 108, 112, 116, 120,
            124, 128, 132, 136, 140, 144, 149, 153, 157, 161, 165);

    static {
        DOMAINS.put(WORLD, List.of(new Rule(2402, 2472, 0), new Rule(2457, 2482, NO_IR), new Rule(2474, 2494, NO_OFDM | NO_IR),
                new Rule(5170, 5250, NO_IR), new Rule(5250, 5330, DFS | NO_IR), new Rule(5490, 5730, DFS | NO_IR),
                new Rule(5735, 5835, NO_IR)));
        DOMAINS.put("US", List.of(new Rule(2400, 2472, 0), new Rule(5150, 5250, 0), new Rule(5250, 5350, DFS),
                new Rule(5470, 5730, DFS), new Rule(5730, 5850, 0), new Rule(5850, 5895, NO_IR)));
        DOMAINS.put("CA", List.of(new Rule(2400, 2483, 0), new Rule(5150, 5250, 0), new Rule(5250, 5350, DFS),
                new Rule(5470, 5730, DFS), new Rule(5730, 5850, 0), new Rule(5850, 5895, 0)));
        DOMAINS.put("TW", List.of(new Rule(2400, 2483, 0), new Rule(5150, 5250, 0), new Rule(5250, 5350, DFS),
                new Rule(5470, 5730, DFS), new Rule(5725, 5850, 0)));
        DOMAINS.put("JP", List.of(new Rule(2402, 2482, 0), new Rule(2474, 2494, NO_OFDM), new Rule(5170, 5250, 0),
                new Rule(5250, 5330, DFS), new Rule(5490, 5730, DFS)));
        DOMAINS.put("CN", List.of(new Rule(2400, 2483, 0), new Rule(5150, 5250, 0), new Rule(5250, 5350, DFS),
                new Rule(5725, 5850, 0)));
        DOMAINS.put("GB", List.of(new Rule(2400, 2483, 0), new Rule(5150, 5250, 0), new Rule(5250, 5350, DFS),
                new Rule(5470, 5730, DFS), new Rule(5725, 5850, 0)));
        List<Rule> etsi = List.of(new Rule(2400, 2483, 0), new Rule(5150, 5250, 0), new Rule(5250, 5350, DFS),
                new Rule(5470, 5725, DFS), new Rule(5725, 5875, 0));
        ETSI_COUNTRIES.forEach(c -> DOMAINS.put(c, etsi));
    }

    private ChannelPlan() {}

    static boolean knows(String country) {
        return DOMAINS.containsKey(country);
    }

    static boolean is5GHz(HwModeType mode) {
        return mode == HwModeType.IEEE80211A;
    }

    /** {@code null} if the AP may use {@code channel}, else why not. */
    static Verdict check(HwModeType mode, int channel, Optional<String> country) {
        String allowed = render(mode, allowedChannels(mode, country));
        boolean five = is5GHz(mode);
        if (!(five ? CHANNELS_5 : CHANNELS_24).contains(channel)) {
            return new Verdict("is not a " + (five ? "5 GHz" : "2.4 GHz") + " channel (hw_mode=" + modeName(mode) + ")", allowed);
        }
        String refusal = refusal(mode, channel, country);
        return refusal == null ? null : new Verdict(refusal, allowed);
    }

    /** Why {@code channel} (of the mode's band) is refused, or {@code null}. */
    private static String refusal(HwModeType mode, int channel, Optional<String> country) {
        boolean five = is5GHz(mode);
        List<Rule> rules = DOMAINS.get(country.orElse(WORLD));
        String where = country.map(c -> "in country " + c).orElse("without country_code (world regulatory domain)");
        if (rules == null) {
            // not in the table: what no domain allows an AP without radar detection or at 2484 MHz
            if (five && channel >= 52 && channel <= 144) {
                return "needs radar detection (DFS), which wpa4j does not implement";
            }
            return channel == 14 ? "is allowed only in JP" : null;
        }
        // channel is one of the band's list here, so in range; the band follows is5GHz (ApBlock refuses hw_mode=ad)
        int mhz = FreqParams.channelToFrequency(five ? HwModeType.IEEE80211A : HwModeType.IEEE80211G, channel);
        Rule holding = null;
        for (Rule r : rules) {
            if (r.holds(mhz)) {
                boolean ok = (r.flags & (DFS | NO_IR)) == 0 && ((r.flags & NO_OFDM) == 0 || mode == HwModeType.IEEE80211B);
                if (ok) {
                    return null;
                }
                holding = holding == null ? r : holding;
            }
        }
        if (holding == null) {
            return "is not allowed " + where;
        }
        if ((holding.flags & NO_IR) != 0) {
            return "may not start a BSS " + where + " (passive scanning only)" + (country.isEmpty() ? "; set country_code" : "");
        }
        if ((holding.flags & DFS) != 0) {
            return "needs radar detection (DFS) " + where + ", which wpa4j does not implement";
        }
        return "is allowed only for 802.11b (hw_mode=b) " + where;
    }

    static List<Integer> allowedChannels(HwModeType mode, Optional<String> country) {
        List<Integer> out = new ArrayList<>();
        for (int c : is5GHz(mode) ? CHANNELS_5 : CHANNELS_24) {
            if (refusal(mode, c, country) == null) {
                out.add(c);
            }
        }
        return out;
    }

    /** {@code 1..11} or {@code 36..48, 149..165}: runs of neighbours in the band's channel list. */
    static String render(HwModeType mode, List<Integer> channels) {
        if (channels.isEmpty()) {
            return "none (set country_code)";
        }
        List<Integer> band = is5GHz(mode) ? CHANNELS_5 : CHANNELS_24;
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < channels.size()) {
            int j = i;
            while (j + 1 < channels.size() && band.indexOf(channels.get(j + 1)) == band.indexOf(channels.get(j)) + 1) {
                j++;
            }
            sb.append(sb.length() == 0 ? "" : ", ").append(channels.get(i));
            if (j > i) {
                sb.append("..").append(channels.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }

    static String modeName(HwModeType mode) {
        return switch (mode) {
            case IEEE80211A -> "a";
            case IEEE80211B -> "b";
            case IEEE80211G -> "g";
            case IEEE80211AD -> "ad";
        };
    }
}
