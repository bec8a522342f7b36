package wpa4j.hostapd.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import wpa4j.config.FileNames;
import wpa4j.runtime.binding.PassphraseFile;
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
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.HiddenSsid;
import wpa4j.driver.types.HwModeType;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Mfp;
import wpa4j.hostapd.core.Akm;
import wpa4j.hostapd.core.ApConfig;
import wpa4j.hostapd.core.ApSaeSettings;
import wpa4j.hostapd.core.ApSecurity;
import wpa4j.hostapd.core.MacFilter;
import wpa4j.hostapd.core.SaQueryTiming;
import wpa4j.hostapd.core.SaeCredential;

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
            "dtimPeriod", "maxStations", "groupRekey", "ptkRekey", "maxInactivity", "passphraseFile", ".passphrase", ".psk", "keyMgmt", "ieee80211w", "saePwe",
            "saeGroups", "saePasswordFile", "beaconProt", "driver", "capabilities", "ctrlInterface", "ctrlInterfaceGroup");

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
            set(b, props, "ptkRekey", "wpa_ptk_rekey", src, w);
            set(b, props, "maxInactivity", "ap_max_inactivity", src, w);
            // also for an open BSS, so that the configuration layer says it has no effect there
            set(b, props, "beaconProt", "beacon_prot", src, w);
            security(b, props, home, src, warnings, w);
            w.forEach(p -> warnings.add(p.toString()));
            profile = b.profile(src);
            // as for a hostapd.conf: valid but probably not meant (SAE without PMF is not WPA3, ...)
            b.advisories(src).forEach(p -> warnings.add(p.toString()));
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
        Path ctrl = profile.ctrlInterface().orElseGet(() -> str(props, "ctrlInterface").isEmpty() ? DEFAULT_CTRL_DIR
                : FileNames.of("ctrlInterface", str(props, "ctrlInterface"), src, "a directory"));
        return new ApSettings(name, driver, toCore(profile, src), ctrl, profile.ctrlInterfaceGroup(), List.copyOf(warnings));
    }

    /**
     * The RSN keys of a Config Admin configuration: a passphrase or PSK (passphraseFile, else .passphrase or .psk) and/or
     * SAE passwords (saePasswordFile: sae_password lines, {@code <password>[|mac=<peer>]}), keyMgmt (default WPA-PSK),
     * ieee80211w, saePwe, saeGroups. Without any secret the BSS is open, and a keyMgmt given anyway is refused.
     */
    private static void security(ApBlock b, Map<String, Object> props, Path home, Source src, List<String> warnings, List<Problem> w) {
        String secret = secret(props, home, src, warnings);
        List<String> saeLines = saePasswordLines(props, home, src);
        String keyMgmt = words(props, "keyMgmt");
        if (secret.isEmpty() && saeLines.isEmpty()) {
            if (!keyMgmt.isEmpty()) {
                throw refuse(src, "keyMgmt", keyMgmt, "needs a secret", "passphraseFile (or .passphrase, .psk) for WPA-PSK; saePasswordFile or passphraseFile for SAE");
            }
            w.addAll(b.set("wpa", "0", src));
            return;
        }
        w.addAll(b.set("wpa", "2", src));
        if (!secret.isEmpty()) {
            w.addAll(b.set(PassphraseFile.isHexPsk(secret) ? "wpa_psk" : "wpa_passphrase", secret, src));
        }
        for (String line : saeLines) {
            w.addAll(b.set("sae_password", line, src));
        }
        w.addAll(b.set("wpa_key_mgmt", keyMgmt.isEmpty() ? "WPA-PSK" : keyMgmt, src));
        w.addAll(b.set("rsn_pairwise", "CCMP", src));
        set(b, props, "ieee80211w", "ieee80211w", src, w);
        set(b, props, "saePwe", "sae_pwe", src, w);
        String groups = words(props, "saeGroups");
        if (!groups.isEmpty()) {
            w.addAll(b.set("sae_groups", groups, src));
        }
    }

    /** The sae_password lines of saePasswordFile (empty lines and # comments skipped, as in hostapd.conf); never echoed. */
    private static List<String> saePasswordLines(Map<String, Object> props, Path home, Source src) {
        String file = str(props, "saePasswordFile");
        if (file.isEmpty()) {
            return List.of();
        }
        Path p = home.resolve(file);
        try {
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8).stream().map(l -> l.replaceAll("\r$", ""))
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            if (lines.isEmpty()) {
                throw refuse(src, "saePasswordFile", file, "has no password line", "<password>[|mac=<station>] lines (mode 0600)");
            }
            return lines;
        } catch (IOException e) {
            throw refuse(src, "saePasswordFile", file, "cannot be read (" + e.getClass().getSimpleName() + ")", "a readable file of sae_password lines");
        }
    }

    /** The AP core's settings for a profile; what the core does not do yet is refused, naming the key. */
    static ApConfig toCore(ApProfile p, Source src) throws ConfigException {
        List<Problem> problems = new ArrayList<>();
        if (p.hwMode() == HwModeType.IEEE80211A) {
            problems.add(Problem.error(src, "hw_mode", "a", "is not supported by the AP core yet (2.4 GHz only)", "b, g"));
        }
        ApSecurity security = security(p);
        // the PSK (PBKDF2) only when a PSK AKM is offered: an SAE-only BSS uses the passphrase as its SAE password
        boolean pskAkm = security.offersPsk();
        SecretKeyBytes psk = pskAkm ? p.wpaPsk().map(s -> key(s, p)).orElse(null) : null;
        Map<MacAddress, SecretKeyBytes> perStation = new HashMap<>();
        for (PskFileEntry e : pskAkm ? p.pskFileEntries() : List.<PskFileEntry>of()) {
            if (e.station().equals(MacAddress.ZERO)) {
                if (psk != null) {
                    problems.add(Problem.error(src, "wpa_psk_file", null, "has a second PSK for every station; the AP core tries one", "one of wpa_passphrase, wpa_psk or a 00:00:00:00:00:00 line"));
                }
                psk = key(e.psk(), p);
            } else {
                perStation.put(e.station(), key(e.psk(), p));
            }
        }
        if (pskAkm && psk == null && perStation.isEmpty()) {
            problems.add(Problem.error(src, "wpa_passphrase", null, "missing: wpa_key_mgmt " + security.keyMgmtNames() + " needs a passphrase or PSK",
                    "wpa_passphrase, wpa_psk or wpa_psk_file"));
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
                p.apMaxInactivity() * 1000L, acl, perStation, security, p.wpaPtkRekey() * 1000L);
    }

    /**
     * AKMs, PMF, beacon protection and SAE of a profile. The SAE passwords are the sae_password lines in order, then
     * wpa_passphrase, as hostapd's sae_get_password falls back to it (a raw wpa_psk cannot be an SAE password). hostapd
     * accepts SAE with ieee80211w=0, and so do we (the configuration layer warns that it is not WPA3); it also accepts
     * beacon_prot=1 with ieee80211w=0 and then makes no BIGTK: so do we (with the configuration layer's warning).
     */
    static ApSecurity security(ApProfile p) {
        if (p.wpa() != 2) {
            return ApSecurity.OPEN;
        }
        Set<Akm> akms = EnumSet.noneOf(Akm.class);
        p.wpaKeyMgmt().forEach(k -> Akm.ofConfName(k.confName()).ifPresent(akms::add));
        List<SaeCredential> passwords = new ArrayList<>();
        if (akms.contains(Akm.SAE)) {
            p.saePasswords().forEach(sp -> passwords.add(new SaeCredential(SecretKeyBytes.copyOf(sp.password().bytes()), sp.peer())));
            p.wpaPsk().filter(Passphrase.class::isInstance).map(Passphrase.class::cast)
                    .ifPresent(pass -> passwords.add(new SaeCredential(SecretKeyBytes.copyOf(pass.text().bytes()), Optional.empty())));
        }
        Mfp mfp = switch (p.ieee80211w()) {
            case 1 -> Mfp.OPTIONAL;
            case 2 -> Mfp.REQUIRED;
            default -> Mfp.NO;
        };
        ApSaeSettings sae = akms.contains(Akm.SAE) ? new ApSaeSettings(passwords, p.saePwe(), p.saeGroups(), p.saeAntiCloggingThreshold()) : ApSaeSettings.NONE;
        return new ApSecurity(akms, mfp, sae, new SaQueryTiming(p.assocSaQueryMaxTimeout(), p.assocSaQueryRetryTimeout()),
                p.beaconProt() && mfp != Mfp.NO);
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

    /** A list value as hostapd.conf writes it (space-separated), from a String (spaces or commas), String[] or collection. */
    private static String words(Map<String, Object> props, String key) {
        Object v = props.get(key);
        if (v instanceof String[] a) {
            return String.join(" ", a).trim();
        }
        if (v instanceof java.util.Collection<?> c) {
            return c.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" ")).trim();
        }
        return str(props, key).replace(',', ' ').trim();
    }

    private static String str(Map<String, Object> props, String key) {
        Object v = props.get(key);
        return v == null ? "" : String.valueOf(v).trim();
    }

    private static ConfigException refuse(Source src, String key, String value, String reason, String allowed) {
        return new ConfigException(List.of(Problem.error(src, key, value, reason, allowed)));
    }
}
