package wpa4j.supplicant.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.List;
import java.util.Optional;

import wpa4j.config.FileNames;
import wpa4j.runtime.binding.PassphraseFile;
import wpa4j.config.ConfigAdminKeys;
import wpa4j.config.ConfigException;
import wpa4j.config.Problem;
import wpa4j.config.Source;
import wpa4j.config.StringCodec;
import wpa4j.driver.types.Bytes;
import wpa4j.config.station.NetworkBlock;
import wpa4j.driver.types.Validate;

/**
 * One {@code wpa4j.supplicant} configuration, validated: the interface, the station-wide settings, and the one network
 * it names (if any). Network keys go through the same per-key validation as wpa_supplicant.conf and SET_NETWORK, so a
 * bad value gives the same one-line error wherever it was written.
 *
 * @param pid the configuration's PID (the source named in errors)
 * @param ifname the interface
 * @param network the network block, when the configuration names an SSID
 * @param confFile a wpa_supplicant.conf to load
 * @param driver a required backend, or empty
 * @param capabilities capability tags the driver must offer
 * @param ctrlDir the control socket directory
 * @param ctrlGroup the control socket group, or empty
 * @param warnings lines worth showing (e.g. a secret kept where cm:getConfiguration prints it)
 */
record StationSettings(String pid, String ifname, Optional<NetworkBlock> network, Optional<Path> confFile, String driver, List<String> capabilities,
        Path ctrlDir, Optional<String> ctrlGroup, List<String> warnings) {
    static final Path DEFAULT_CTRL_DIR = Path.of("/var/run/wpa_supplicant");
    /** The keys of a wpa4j.supplicant configuration (SupplicantConfig describes them for Metatype). */
    static final java.util.Set<String> KEYS = java.util.Set.of("ifname", "ssid", "ssidHex", "keyMgmt", "passphraseFile", ".passphrase", ".psk",
            "scanSsid", "priority", "ptkRekey", "scanFreq", "bssid", "idStr", "disabled", "ieee80211w", "beaconProt", "confFile", "driver", "capabilities", "ctrlInterface", "ctrlInterfaceGroup");

    /** Reads and validates a configuration; relative file names resolve against {@code home} (the gateway's directory). */
    static StationSettings parse(String pid, Dictionary<String, ?> props, Path home) throws ConfigException {
        ConfigValues v = new ConfigValues(props);
        Source src = new Source(pid, 0);
        String ifname = v.string("ifname").orElseThrow(() -> problem(src, "ifname", null, "missing", "an interface name, e.g. wlan0"));
        try {
            Validate.ifname("ifname", ifname);
        } catch (IllegalArgumentException e) {
            throw problem(src, "ifname", ifname, "is not an interface name", "1..15 characters, no '/', ':' or white space");
        }
        List<String> warnings = new java.util.ArrayList<>();
        List<Problem> keys = ConfigAdminKeys.unknown(java.util.Collections.list(props.keys()), KEYS, src);
        if (keys.stream().anyMatch(Problem::error)) {
            throw new ConfigException(keys.stream().filter(Problem::error).toList());
        }
        keys.forEach(k -> warnings.add(k.toString()));
        Optional<NetworkBlock> network = Optional.empty();
        Optional<String> ssidText = v.string("ssid");
        Optional<String> ssidHex = v.string("ssidHex");
        if (ssidText.isPresent() || ssidHex.isPresent()) {
            NetworkBlock b = new NetworkBlock(0);
            // plain text from Config Admin is quoted for the block; ssidHex carries SSIDs that are not text (NUL, non-UTF-8)
            b.set("ssid", ssidHex.orElseGet(() -> StringCodec.encode(Bytes.of(ssidText.get().getBytes(StandardCharsets.UTF_8)))), src);
            String keyMgmt = v.string("keyMgmt").orElse("WPA-PSK");
            b.set("key_mgmt", keyMgmt.replace(',', ' '), src);
            Optional<String> secret = secret(v, src, home, warnings);
            if (secret.isPresent()) {
                try {
                    b.set("psk", secret.get(), src);
                } catch (ConfigException e) {
                    // name the key the operator wrote, not the wpa_supplicant.conf key it maps to
                    String key = v.string("passphraseFile").isPresent() ? "passphraseFile" : v.string(".psk").isPresent() ? ".psk" : ".passphrase";
                    throw new ConfigException(e.problems().stream()
                            .map(p -> new Problem(p.source(), key, p.shownValue(), p.message().replaceFirst("^psk", key), p.allowed(), true)).toList());
                }
            }
            v.string("scanSsid").ifPresent(s -> b.set("scan_ssid", bool(s), src));
            v.string("priority").ifPresent(s -> b.set("priority", s, src));
            v.string("ptkRekey").ifPresent(s -> b.set("wpa_ptk_rekey", s, src));
            List<String> freqs = v.list("scanFreq");
            if (!freqs.isEmpty()) {
                b.set("scan_freq", String.join(" ", freqs), src);
            }
            v.string("bssid").ifPresent(s -> b.set("bssid", s, src));
            v.string("idStr").ifPresent(s -> b.set("id_str", StringCodec.encode(Bytes.of(s.getBytes(StandardCharsets.UTF_8))), src));
            v.string("disabled").ifPresent(s -> b.set("disabled", bool(s), src));
            // management frame protection: 0 disabled, 1 optional, 2 required (SAE uses at least 1); the SAE password is the passphrase
            v.string("ieee80211w").ifPresent(s -> b.set("ieee80211w", s, src));
            // beacon protection (beacon_prot): the AP's BIGTK, used when PMF is and the driver verifies protected Beacons
            v.string("beaconProt").ifPresent(s -> b.set("beacon_prot", bool(s), src));
            b.profile(src); // complete and consistent, or refused now rather than silently unused
            network = Optional.of(b);
        }
        Optional<Path> conf = v.string("confFile").map(f -> home.resolve(f));
        if (network.isEmpty() && conf.isEmpty()) {
            throw problem(src, "ssid", null, "missing", "an ssid (or ssidHex) for the network, or confFile naming a wpa_supplicant.conf");
        }
        List<String> caps = v.list("capabilities");
        return new StationSettings(pid, ifname, network, conf, v.string("driver").orElse(""), caps.isEmpty() ? List.of("station") : caps,
                v.string("ctrlInterface").map(d -> FileNames.of("ctrlInterface", d, src, "a directory")).orElse(DEFAULT_CTRL_DIR), v.string("ctrlInterfaceGroup"), List.copyOf(warnings));
    }

    /** The passphrase or PSK in the block's form: a quoted passphrase or 64 hex digits; from a file where possible. */
    private static Optional<String> secret(ConfigValues v, Source src, Path home, List<String> warnings) throws ConfigException {
        Optional<String> file = v.string("passphraseFile");
        if (file.isPresent()) {
            try {
                String first = PassphraseFile.read(file.get(), home.toString());
                return Optional.of(PassphraseFile.isHexPsk(first) ? first : quoted(first));
            } catch (IllegalArgumentException e) {
                throw problem(src, "passphraseFile", file.get(), "cannot be used (" + e.getMessage() + ")",
                        "a readable file holding the passphrase (8..63 characters) or 64 hex digits");
            }
        }
        Optional<String> psk = v.string(".psk");
        if (psk.isPresent()) {
            warnings.add(src + ": .psk is kept in clear in Config Admin's store; keep it in a passphraseFile (mode 0600) instead");
            return psk;
        }
        Optional<String> pass = v.string(".passphrase");
        pass.ifPresent(p -> warnings.add(src + ": .passphrase is kept in clear in Config Admin's store; keep it in a passphraseFile (mode 0600) instead"));
        return pass.map(StationSettings::quoted);
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static String bool(String s) {
        return switch (s.trim().toLowerCase()) {
            case "true", "1", "yes" -> "1";
            case "false", "0", "no" -> "0";
            default -> s;
        };
    }

    private static ConfigException problem(Source src, String key, String value, String reason, String allowed) {
        return new ConfigException(List.of(Problem.error(src, key, value, reason, allowed)));
    }
}
