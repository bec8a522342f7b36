package wpa4j.config.station;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import wpa4j.config.ConfigException;
import wpa4j.config.Problem;
import wpa4j.config.internal.Problems;

/**
 * A parsed {@code wpa_supplicant.conf}: the globals wpa4j implements, the network blocks (ids 0, 1, ... in
 * file order) and the warnings about what was ignored.
 *
 * @param ctrlInterface the control interface directory and group, when set
 * @param updateConfig  whether {@code SAVE_CONFIG} may rewrite the file
 * @param country       the regulatory domain (ISO 3166-1 alpha-2, or {@code 00}), when set
 * @param apScan        always 1 (wpa4j scans and selects)
 * @param pmf           the default of each network's {@code ieee80211w}: 0, 1 or 2
 * @param saePwe        {@code sae_pwe}: SAE password element by 0 hunting-and-pecking, 1 hash-to-element, 2 either
 * @param networks      the network blocks; they stay mutable for {@code SET_NETWORK}
 * @param warnings      the keys ignored, with file:line
 */
public record StationFile(Optional<CtrlInterface> ctrlInterface, boolean updateConfig, Optional<String> country,
        int apScan, int pmf, int saePwe, List<NetworkBlock> networks, List<Problem> warnings) {

    public StationFile {
        Objects.requireNonNull(ctrlInterface, "ctrlInterface");
        Objects.requireNonNull(country, "country");
        if (apScan != 1) {
            throw new IllegalArgumentException("apScan: " + apScan + " is not supported by wpa4j; allowed: 1");
        }
        if (pmf < 0 || pmf > 2) {
            throw new IllegalArgumentException("pmf: " + pmf + " out of range 0..2");
        }
        if (saePwe < 0 || saePwe > 2) {
            throw new IllegalArgumentException("saePwe: " + saePwe + " out of range 0..2");
        }
        networks = List.copyOf(networks);
        warnings = List.copyOf(warnings);
    }

    /** The file without {@code sae_pwe} (0), as before WPA3. */
    public StationFile(Optional<CtrlInterface> ctrlInterface, boolean updateConfig, Optional<String> country, int apScan, int pmf,
            List<NetworkBlock> networks, List<Problem> warnings) {
        this(ctrlInterface, updateConfig, country, apScan, pmf, 0, networks, warnings);
    }

    /** No globals, no networks. */
    public static StationFile empty() {
        return new StationFile(Optional.empty(), false, Optional.empty(), 1, 0, List.of(), List.of());
    }

    /** The same globals with other networks ({@code ADD_NETWORK}, {@code REMOVE_NETWORK}). */
    public StationFile withNetworks(List<NetworkBlock> other) {
        return new StationFile(ctrlInterface, updateConfig, country, apScan, pmf, saePwe, other, warnings);
    }

    /** The id {@code ADD_NETWORK} gives next: one more than the highest. */
    public int nextNetworkId() {
        return networks.stream().mapToInt(NetworkBlock::id).max().orElse(-1) + 1;
    }

    /**
     * Every network's profile, {@code ieee80211w} defaulting to {@link #pmf()}.
     *
     * @throws ConfigException with the problems of every incomplete network
     */
    public List<NetworkProfile> profiles() {
        Problems problems = new Problems();
        List<NetworkProfile> out = new ArrayList<>();
        for (NetworkBlock b : networks) {
            try {
                out.add(b.profile(b.source(), pmf));
            } catch (ConfigException e) {
                problems.add(e);
            }
        }
        problems.throwIfErrors();
        return List.copyOf(out);
    }
}
