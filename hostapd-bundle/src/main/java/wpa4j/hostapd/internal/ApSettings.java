package wpa4j.hostapd.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import wpa4j.common.binding.PassphraseFile;
import wpa4j.common.crypto.Psk;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.config.ConfigAdminKeys;
import wpa4j.config.ConfigException;
import wpa4j.config.Passphrase;
import wpa4j.config.Problem;
import wpa4j.config.PskSetting;
import wpa4j.config.RawPsk;
import wpa4j.config.Source;
import wpa4j.config.StringCodec;
import wpa4j.config.ap.ApBlock;
import wpa4j.config.ap.ApProfile;
import wpa4j.config.ap.HostapdConf;
import wpa4j.config.ap.MacAcl;
import wpa4j.config.ap.PskFileEntry;
import wpa4j.config.station.KeyMgmt;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.driver.types.HwModeType;
import wpa4j.driver.types.MacAddress;
import wpa4j.hostapd.core.ApConfig;
import wpa4j.hostapd.core.MacFilter;

/**
 * One {@code wpa4j.hostapd} configuration, validated: either a hostapd.conf ({@code confFile}) or Config Admin keys,
 * both through hostapd.conf's per-key rules (config bundle), then mapped onto what the AP core runs. What the core
 * cannot do yet is refused here with a reason, never silently dropped.
 *
 * @param ifname the interface
 * @param driver a required backend, or empty
 * @param config the BSS
 * @param ctrlDir the hostapd_cli socket directory
 * @param ctrlGroup its group, or empty
 * @param warnings lines worth showing (ignored keys, a secret in Config Admin)
 */
record ApSettings(String ifname, String driver, ApConfig config, Path ctrlDir, Optional<String> ctrlGroup, List<String> warnings) {
    static final Path DEFAULT_CTRL_DIR = Path.of("/var/run/hostapd");
    /** The keys of a wpa4j.hostapd configuration (HostapdConfig describes them for Metatype). */
    static final Set<String> KEYS = Set.of("ifname", "ssid", "ssidHex", "confFile", "channel", "countryCode", "ignoreBroadcastSsid", "beaconInt",
            "dtimPeriod", "maxStations", "groupRekey", "maxInactivity", "passphraseFile", ".passphrase", ".psk", "driver", "capabilities",
            "ctrlInterface", "ctrlInterfaceGroup");

    /** Reads a configuration's properties; relative paths resolve against {@code home}. */
    static ApSettings parse(String pid, Map<String, Object> props, Path home) throws ConfigException {
        Source src = Source.of(pid);
        List<String> warnings = new ArrayList<>();
        List<Problem> keys = ConfigAdminKeys.unknown(props.keySet(), KEYS, src);
        if (keys.stream().anyMatch(Problem::error)) {
            throw new ConfigException(keys.stream().filter(Problem::error).toList());
        }
        keys.forEach(k -> warnings.add(k.toString()));
        String confFile = str(props, "confFile");
        ApProfile profile;
        if (!confFile.isEmpty()) {
            Path f = home.resolve(confFile);
            var file = HostapdConf.parse(f);
            file.warnings().forEach(w -> warnings.add(w.toString()));
            profile = file.profile();
        } else {
            ApBlock b = new ApBlock(home);
            List<wpa4j.config.Problem> w = new ArrayList<>();
            String ssidHex = str(props, "ssidHex");
            String ssid = str(props, "ssid");
            w.addAll(b.set("ssid2", ssidHex.isEmpty() ? StringCodec.encode(Bytes.of(ssid.getBytes(StandardCharsets.UTF_8))) : ssidHex, src));
            if (!str(props, "ifname").isEmpty()) {
                w.addAll(b.set("interface", str(props, "ifname"), src));
            }
            w.addAll(b.set("hw_mode", "g", src));
            // as the Metatype default: channel 1 when the configuration names none
            w.addAll(b.set("channel", str(props, "channel").isEmpty() ? "1" : str(props, "channel"), src));
            set(b, props, "countryCode", "country_code", src, w);
            set(b, props, "ignoreBroadcastSsid", "ignore_broadcast_ssid", src, w);
            set(b, props, "beaconInt", "beacon_int", src, w);
            set(b, props, "dtimPeriod", "dtim_period", src, w);
            set(b, props, "maxStations", "max_num_sta", src, w);
            set(b, props, "groupRekey", "wpa_group_rekey", src, w);
            set(b, props, "maxInactivity", "ap_max_inactivity", src, w);
            String secret = secret(props, home, src, warnings);
            if (secret.isEmpty()) {
                w.addAll(b.set("wpa", "0", src));
            } else {
                w.addAll(b.set("wpa", "2", src));
                w.addAll(b.set(PassphraseFile.isHexPsk(secret) ? "wpa_psk" : "wpa_passphrase", secret, src));
                w.addAll(b.set("wpa_key_mgmt", "WPA-PSK", src));
                w.addAll(b.set("rsn_pairwise", "CCMP", src));
            }
            w.forEach(p -> warnings.add(p.toString()));
            profile = b.profile(src);
        }
        String ifname = str(props, "ifname");
        if (!ifname.isEmpty() && !profile.interfaceName().isEmpty() && !ifname.equals(profile.interfaceName())) {
            throw refuse(src, "ifname", ifname, "differs from interface=" + profile.interfaceName() + " of " + confFile, "the same interface, or one of them");
        }
        String name = ifname.isEmpty() ? profile.interfaceName() : ifname;
        if (name.isEmpty()) {
            throw refuse(src, "ifname", null, "missing", "ifname, or interface= in the hostapd.conf");
        }
        String driver = str(props, "driver").isEmpty() ? profile.driver().orElse("") : str(props, "driver");
        Path ctrl = profile.ctrlInterface().orElseGet(() -> str(props, "ctrlInterface").isEmpty() ? DEFAULT_CTRL_DIR : Path.of(str(props, "ctrlInterface")));
        return new ApSettings(name, driver, toCore(profile, src), ctrl, profile.ctrlInterfaceGroup(), List.copyOf(warnings));
    }

    /** The AP core's settings for a profile; what the core does not do yet is refused, naming the key. */
    static ApConfig toCore(ApProfile p, Source src) throws ConfigException {
        List<Problem> problems = new ArrayList<>();
        if (p.hwMode() == HwModeType.IEEE80211A) {
            problems.add(Problem.error(src, "hw_mode", "a", "is not supported by the AP core yet (2.4 GHz only)", "b, g"));
        }
        if (p.wpa() == 2 && !p.wpaKeyMgmt().contains(KeyMgmt.WPA_PSK)) {
            problems.add(Problem.error(src, "wpa_key_mgmt", null, "without WPA-PSK is not supported by the AP core yet (SAE, PSK-SHA256 come with WPA3)", "WPA-PSK"));
        }
        if (p.ieee80211w() == 2) {
            problems.add(Problem.error(src, "ieee80211w", "2", "needs protected management frames, not supported by the AP core yet", "0, 1"));
        }
        SecretKeyBytes psk = p.wpa() == 2 ? p.wpaPsk().map(s -> key(s, p)).orElse(null) : null;
        Map<MacAddress, SecretKeyBytes> perStation = new HashMap<>();
        for (PskFileEntry e : p.pskFileEntries()) {
            if (e.station().equals(MacAddress.ZERO)) {
                if (psk != null) {
                    problems.add(Problem.error(src, "wpa_psk_file", null, "has a second PSK for every station; the AP core tries one", "one of wpa_passphrase, wpa_psk or a 00:00:00:00:00:00 line"));
                }
                psk = key(e.psk(), p);
            } else {
                perStation.put(e.station(), key(e.psk(), p));
            }
        }
        if (p.wpa() == 2 && psk == null && perStation.isEmpty()) {
            problems.add(Problem.error(src, "wpa_passphrase", null, "missing: wpa=2 needs a passphrase or PSK", "wpa_passphrase, wpa_psk or wpa_psk_file"));
        }
        if (p.maxNumSta() < 1) {
            problems.add(Problem.error(src, "max_num_sta", "0", "would let no station join", "1..2007"));
        }
        if (p.beaconInt() < 15) {
            problems.add(Problem.error(src, "beacon_int", String.valueOf(p.beaconInt()), "is below what the AP core beacons at", "15..65535"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        HiddenSsid hidden = switch (p.ignoreBroadcastSsid()) {
            case 1 -> HiddenSsid.ZERO_LEN;
            case 2 -> HiddenSsid.ZERO_CONTENTS;
            default -> HiddenSsid.NO_SSID_HIDING;
        };
        MacFilter acl = new MacFilter(p.macaddrAcl() == MacAcl.DENY_UNLESS_ACCEPTED, p.acceptMacs(), p.denyMacs());
        return new ApConfig(p.ssid(), p.channel(), psk, hidden, p.beaconInt(), p.dtimPeriod(), p.maxNumSta(), p.wpaGroupRekey() * 1000L,
                p.apMaxInactivity() * 1000L, acl, perStation);
    }

    /** The PSK of a passphrase (PBKDF2 over the SSID) or of a raw key. */
    private static SecretKeyBytes key(PskSetting s, ApProfile p) {
        return s instanceof Passphrase pass ? Psk.fromPassphrase(pass.text().bytes(), p.ssid()) : SecretKeyBytes.adopt(((RawPsk) s).key().bytes());
    }

    private static String secret(Map<String, Object> props, Path home, Source src, List<String> warnings) {
        String file = str(props, "passphraseFile");
        if (!file.isEmpty()) {
            try {
                return PassphraseFile.read(file, home.toString());
            } catch (IllegalArgumentException e) {
                throw refuse(src, "passphraseFile", file, "cannot be used (" + e.getMessage() + ")", "a readable file with the passphrase or 64 hex digits");
            }
        }
        String key = str(props, ".psk").isEmpty() ? ".passphrase" : ".psk";
        String pass = str(props, key);
        if (!pass.isEmpty()) {
            warnings.add(src + ": " + key + " is kept in clear in Config Admin's store; keep it in a passphraseFile (mode 0600) instead");
        }
        if (key.equals(".psk") && !PassphraseFile.isHexPsk(pass)) {
            throw refuse(src, ".psk", null, "is not a PSK", "64 hex digits");
        }
        return pass;
    }

    private static void set(ApBlock b, Map<String, Object> props, String cmKey, String confKey, Source src, List<Problem> w) {
        String v = str(props, cmKey);
        if (!v.isEmpty()) {
            w.addAll(b.set(confKey, v, src));
        }
    }

    private static String str(Map<String, Object> props, String key) {
        Object v = props.get(key);
        return v == null ? "" : String.valueOf(v).trim();
    }

    private static ConfigException refuse(Source src, String key, String value, String reason, String allowed) {
        return new ConfigException(List.of(Problem.error(src, key, value, reason, allowed)));
    }
}
