package wpa4j.config.ap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import wpa4j.config.FileNames;
import wpa4j.config.ConfigException;
import wpa4j.config.Passphrase;
import wpa4j.config.Problem;
import wpa4j.config.PskSetting;
import wpa4j.config.RawPsk;
import wpa4j.config.SecretText;
import wpa4j.config.Source;
import wpa4j.config.internal.AkmNames;
import wpa4j.config.internal.CipherNames;
import wpa4j.config.text.Hex;
import wpa4j.config.internal.KnownKeys;
import wpa4j.config.internal.Macs;
import wpa4j.config.text.Octets;
import wpa4j.config.internal.Show;
import wpa4j.config.internal.Tokens;
import wpa4j.config.internal.Values;
import wpa4j.config.station.KeyMgmt;
import wpa4j.driver.types.HwModeType;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;
import wpa4j.driver.types.Validate;

/**
 * One BSS being configured, key by key, with hostapd 2.10's rules: values are the literal rest of the line
 * (no quotes, no trimming), except {@code ssid2} in wpa_supplicant's string forms. The files a key names
 * ({@code wpa_psk_file}, {@code accept_mac_file}, {@code deny_mac_file}) are read when the key is set, as
 * hostapd reads its MAC lists, with relative paths resolved against {@code baseDir}. {@link #profile}
 * checks that the keys fit together.
 *
 * <p>Not thread-safe.
 */
public final class ApBlock {
    /** The keys this class implements. */
    static final Set<String> SUPPORTED = Set.of("interface", "driver", "ssid", "ssid2", "hw_mode", "channel", "country_code",
            "ignore_broadcast_ssid", "wpa", "wpa_passphrase", "wpa_psk", "wpa_psk_file", "wpa_key_mgmt", "rsn_pairwise",
            "wpa_pairwise", "wpa_group_rekey", "wpa_ptk_rekey", "max_num_sta", "ap_max_inactivity", "macaddr_acl", "accept_mac_file",
            "deny_mac_file", "ieee80211w", "beacon_int", "dtim_period", "sae_password", "sae_pwe", "sae_groups",
            "sae_anti_clogging_threshold", "anti_clogging_threshold", "group_mgmt_cipher", "assoc_sa_query_max_timeout",
            "assoc_sa_query_retry_timeout", "beacon_prot", "ctrl_interface", "ctrl_interface_group");
    /** Keys whose value hostapd takes literally, trailing blanks included. */
    private static final Set<String> KEEPS_BLANKS = Set.of("ssid", "wpa_passphrase", "sae_password", "ctrl_interface",
            "ctrl_interface_group");
    /** The AP backends of wpa4j. */
    static final List<String> DRIVERS = List.of("nl80211", "sim");
    /** hostapd's other drivers (Linux and BSD builds). */
    private static final Set<String> HOSTAPD_DRIVERS = Set.of("wired", "none", "bsd", "atheros", "hostap", "macsec_linux",
            "macsec_qca", "roboswitch");
    private static final String ALLOWED_KEY_MGMT = "WPA-PSK, WPA-PSK-SHA256, SAE";
    private static final String ALLOWED_PMF = "0 (disabled), 1 (optional), 2 (required)";
    /** The SAE groups wpa4j implements: the NIST curves P-256, P-384, P-521. */
    private static final List<Integer> SAE_GROUPS = List.of(19, 20, 21);
    /** hostapd's other group_mgmt_cipher values. */
    private static final Set<String> OTHER_MGMT_CIPHERS = Set.of("BIP-GMAC-128", "BIP-GMAC-256", "BIP-CMAC-256");
    /** hostapd's {@code MAX_STA_COUNT}. */
    static final int MAX_STA_COUNT = 2007;
    /** hostapd's {@code AP_MAX_INACTIVITY}. */
    static final int AP_MAX_INACTIVITY = 300;

    private final Path baseDir;
    private String interfaceName;
    private String driver;
    private Ssid ssid;
    private HwModeType hwMode;
    private Integer channel;
    private String countryCode;
    private int ignoreBroadcastSsid;
    private int wpa;
    private PskSetting wpaPsk;
    private Path wpaPskFile;
    private List<PskFileEntry> pskFileEntries = List.of();
    private Set<KeyMgmt> wpaKeyMgmt;
    private Set<String> rsnPairwise;
    private Set<String> wpaPairwise;
    private Integer wpaGroupRekey;
    private int wpaPtkRekey;
    private int maxNumSta = MAX_STA_COUNT;
    private int apMaxInactivity = AP_MAX_INACTIVITY;
    private MacAcl macaddrAcl = MacAcl.ACCEPT_UNLESS_DENIED;
    private final Set<MacAddress> acceptMacs = new TreeSet<>();
    private final Set<MacAddress> denyMacs = new TreeSet<>();
    private int ieee80211w;
    private int beaconInt = 100;
    private int dtimPeriod = 2;
    private final List<SaePassword> saePasswords = new ArrayList<>();
    private int saePwe;
    private List<Integer> saeGroups = ApProfile.DEFAULT_SAE_GROUPS;
    private int saeAntiCloggingThreshold = ApProfile.DEFAULT_SAE_ANTI_CLOGGING_THRESHOLD;
    private int assocSaQueryMaxTimeout = ApProfile.DEFAULT_ASSOC_SA_QUERY_MAX_TIMEOUT;
    private int assocSaQueryRetryTimeout = ApProfile.DEFAULT_ASSOC_SA_QUERY_RETRY_TIMEOUT;
    private boolean beaconProt;
    private Path ctrlInterface;
    private String ctrlInterfaceGroup;
    /** Where each key was last set, for {@link #profile}'s diagnostics. */
    private final Map<String, Source> setAt = new HashMap<>();

    /** Files named by relative paths are looked up in the working directory. */
    public ApBlock() {
        this(Path.of(""));
    }

    /** @param baseDir where relative file names resolve: the directory of the hostapd.conf */
    public ApBlock(Path baseDir) {
        this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
    }

    /**
     * Validates and stores one key; {@code value} is the text after '=' (UTF-8 for octets).
     *
     * @return warnings: keys wpa4j ignores, entries of named files it ignores
     * @throws ConfigException if the value is invalid (nothing is changed); a named file's problems name
     *                         {@code <file>:<line>}
     */
    public List<Problem> set(String key, String value, Source src) {
        return setOctets(key, Octets.fromText(Objects.requireNonNull(value, "value")), src);
    }

    /** {@link #set} for a value held as an octet string (the file parser). */
    /**
     * {@link #set} for a value held as an octet string, one char per octet (ISO-8859-1): as the file parser reads it and
     * as the control interface receives it, so SSIDs that are not UTF-8 arrive unchanged.
     */
    public List<Problem> setOctets(String key, String value, Source src) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(src, "src");
        Values.checkKeyBlanks(key, src, k -> SUPPORTED.contains(k) || KnownKeys.isHostapdKey(k));
        List<Problem> warnings = List.of();
        switch (key) {
            case "interface" -> interfaceName = parseInterface(value, src);
            case "driver" -> driver = parseDriver(value, src);
            case "ssid" -> ssid = parseSsid(key, Octets.bytes(value), value, src);
            case "ssid2" -> ssid = parseSsid(key, Values.wpaString(key, value, src, false), value, src);
            case "hw_mode" -> hwMode = parseHwMode(value, src);
            case "channel" -> channel = parseChannel(value, src);
            case "country_code" -> countryCode = parseCountry(value, src);
            case "ignore_broadcast_ssid" -> ignoreBroadcastSsid = Values.decimal(key, value, src, 0, 2,
                    "0 (SSID in beacons), 1 (empty SSID), 2 (zeroed SSID)");
            case "wpa" -> wpa = parseWpa(value, src);
            case "wpa_passphrase" -> wpaPsk = parsePassphrase(value, src);
            case "wpa_psk" -> wpaPsk = parseRawPsk(value, src);
            case "wpa_psk_file" -> warnings = readPskFile(value, src);
            case "wpa_key_mgmt" -> wpaKeyMgmt = parseKeyMgmt(value, src);
            case "rsn_pairwise" -> rsnPairwise = parseRsnPairwise(value, src);
            case "wpa_pairwise" -> wpaPairwise = parsePairwise(key, value, src);
            case "wpa_group_rekey" -> wpaGroupRekey = Values.decimal(key, value, src, 0, Integer.MAX_VALUE, "seconds, 0 for never");
            case "wpa_ptk_rekey" -> wpaPtkRekey = Values.decimal(key, value, src, 0, Integer.MAX_VALUE, "seconds, 0 for never");
            case "max_num_sta" -> maxNumSta = Values.decimal(key, value, src, 0, MAX_STA_COUNT, "0.." + MAX_STA_COUNT);
            case "ap_max_inactivity" -> apMaxInactivity = Values.decimal(key, value, src, 0, Integer.MAX_VALUE, "seconds");
            case "macaddr_acl" -> macaddrAcl = parseAcl(value, src);
            case "accept_mac_file" -> readMacList(key, value, src, acceptMacs);
            case "deny_mac_file" -> readMacList(key, value, src, denyMacs);
            case "ieee80211w" -> ieee80211w = Values.decimal(key, value, src, 0, 2, ALLOWED_PMF);
            case "beacon_int" -> beaconInt = Values.decimal(key, value, src, 10, 65535, "10..65535 (TU)");
            case "dtim_period" -> dtimPeriod = Values.decimal(key, value, src, 1, 255, "1..255");
            case "sae_password" -> saePasswords.add(parseSaePassword(value, src));
            case "sae_pwe" -> saePwe = Values.decimal(key, value, src, 0, 2, "0 (hunting-and-pecking), 1 (hash-to-element), 2 (both)");
            case "sae_groups" -> saeGroups = parseSaeGroups(value, src);
            case "sae_anti_clogging_threshold", "anti_clogging_threshold" -> saeAntiCloggingThreshold = Values.decimal(key, value, src, 0,
                    Integer.MAX_VALUE, "open SAE sessions before a token is required, 0 for always");
            case "group_mgmt_cipher" -> checkMgmtCipher(value, src);
            case "assoc_sa_query_max_timeout" -> assocSaQueryMaxTimeout = Values.decimal(key, value, src, 1, Integer.MAX_VALUE, "TUs, above 0");
            case "assoc_sa_query_retry_timeout" -> assocSaQueryRetryTimeout = Values.decimal(key, value, src, 1, Integer.MAX_VALUE, "TUs, above 0");
            case "beacon_prot" -> beaconProt = Values.decimal(key, value, src, 0, 1, "0 (disabled), 1 (enabled)") == 1;
            case "ctrl_interface" -> ctrlInterface = FileNames.of(key, nonEmpty(key, value, src, "a directory"), src, "a directory");
            case "ctrl_interface_group" -> ctrlInterfaceGroup = nonEmpty(key, value, src, "a group name or number");
            default -> {
                Problem ignored = HostapdKeys.ignoredOrRefused(key, value, src);
                return ignored == null ? List.of() : List.of(ignored);
            }
        }
        setAt.put(key.equals("ssid2") ? "ssid" : key, src);
        List<Problem> out = new ArrayList<>(warnings);
        if (KEEPS_BLANKS.contains(key) && (value.endsWith(" ") || value.endsWith("\t"))) {
            out.add(Problem.warning(src, key, null, "value ends with white space, which hostapd keeps as part of it", null));
        }
        return out;
    }

    private static String parseInterface(String value, Source src) {
        String name = Octets.toText(Octets.bytes(value));
        try {
            return Validate.ifname("interface", name);
        } catch (IllegalArgumentException e) {
            throw Values.error(src, "interface", Show.value(value), "is not a valid interface name",
                    "1..15 printable characters, no '/', ':' or white space");
        }
    }

    private static String parseDriver(String value, Source src) {
        if (DRIVERS.contains(value)) {
            return value;
        }
        String reason = value.equals("wext") || value.equals("ndis") ? "has no access point mode in wpa4j"
                : HOSTAPD_DRIVERS.contains(value) ? "is not supported by wpa4j" : "is not a driver hostapd or wpa4j knows";
        throw Values.error(src, "driver", Show.value(value), reason, String.join(", ", DRIVERS));
    }

    private static Ssid parseSsid(String key, byte[] octets, String value, Source src) {
        if (octets.length < 1 || octets.length > Ssid.MAX_LENGTH) {
            throw Values.error(src, key, Show.value(value), "is " + octets.length + " octets long", "1..32 octets");
        }
        return Ssid.of(octets);
    }

    private static HwModeType parseHwMode(String value, Source src) {
        return switch (value) {
            case "a" -> HwModeType.IEEE80211A;
            case "b" -> HwModeType.IEEE80211B;
            case "g" -> HwModeType.IEEE80211G;
            case "ad" -> throw Values.error(src, "hw_mode", value, "(60 GHz) is not supported by wpa4j", "a, b, g");
            case "any" -> throw Values.error(src, "hw_mode", value, "(chosen by automatic channel selection) is not supported by wpa4j", "a, b, g");
            default -> throw Values.error(src, "hw_mode", Show.value(value), "is not a mode hostapd knows", "a, b, g");
        };
    }

    private static int parseChannel(String value, Source src) {
        if (value.equals("acs_survey") || value.equals("0")) {
            throw Values.error(src, "channel", value, "asks for automatic channel selection, which wpa4j does not support",
                    "a channel number");
        }
        return Values.decimal("channel", value, src, 1, 200, "a channel number");
    }

    private static String parseCountry(String value, Source src) {
        if (value.length() != 2 || !value.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw Values.error(src, "country_code", Show.value(value), "is not a country code",
                    "two upper-case letters (ISO 3166-1 alpha-2)");
        }
        return value;
    }

    private static int parseWpa(String value, Source src) {
        int v = Values.decimal("wpa", value, src, 0, 3, "0 (open), 2 (WPA2/RSN)");
        if (v == 1 || v == 3) {
            throw Values.error(src, "wpa", value, (v == 1 ? "(WPA1)" : "(WPA1 and WPA2)") + " is not supported by wpa4j",
                    "0 (open), 2 (WPA2/RSN)");
        }
        return v;
    }

    private static PskSetting parsePassphrase(String value, Source src) {
        byte[] octets = Octets.bytes(value);
        if (!Passphrase.isValid(octets)) {
            throw Values.error(src, "wpa_passphrase", null, Passphrase.RULE, null);
        }
        return Passphrase.of(octets);
    }

    private static PskSetting parseRawPsk(String value, Source src) {
        byte[] raw = value.length() == 2 * RawPsk.LENGTH ? Hex.decode(value) : null;
        if (raw == null) {
            throw Values.error(src, "wpa_psk", null, "must be 64 hex digits (a raw PSK)", null);
        }
        return RawPsk.of(raw);
    }

    private List<Problem> readPskFile(String value, Source src) {
        Path file = resolve("wpa_psk_file", value, src);
        PskFile.Result r = PskFile.read(file, value, src);
        wpaPskFile = file;
        pskFileEntries = r.entries();
        return r.warnings();
    }

    private void readMacList(String key, String value, Source src, Set<MacAddress> target) {
        Path file = resolve(key, value, src);
        for (MacListFile.Change c : MacListFile.read(file, value, src, key)) {
            if (c.remove()) {
                target.remove(c.mac());
            } else {
                target.add(c.mac());
            }
        }
    }

    private Path resolve(String key, String value, Source src) {
        return baseDir.resolve(nonEmpty(key, value, src, "a file name"));
    }

    private static String nonEmpty(String key, String value, Source src, String allowed) {
        if (value.isEmpty()) {
            throw Values.error(src, key, "", "is empty", allowed);
        }
        return Octets.toText(Octets.bytes(value));
    }

    private static Set<KeyMgmt> parseKeyMgmt(String value, Source src) {
        List<String> tokens = Tokens.split(value);
        if (tokens.isEmpty()) {
            throw Values.error(src, "wpa_key_mgmt", Show.value(value), "has no values", ALLOWED_KEY_MGMT);
        }
        Set<KeyMgmt> out = EnumSet.noneOf(KeyMgmt.class);
        for (String t : tokens) {
            Optional<KeyMgmt> k = KeyMgmt.ofConfName(t).filter(m -> m != KeyMgmt.NONE);
            if (k.isEmpty()) {
                String reason = AkmNames.HOSTAPD.contains(t) ? "is not supported by wpa4j" : "is not a key management hostapd knows";
                throw Values.error(src, "wpa_key_mgmt", Show.value(t), reason, ALLOWED_KEY_MGMT);
            }
            out.add(k.get());
        }
        return Collections.unmodifiableSet(out);
    }

    /** hostapd's pairwise cipher rules ({@code wpa_pairwise}, {@code rsn_pairwise}). */
    private static Set<String> parsePairwise(String key, String value, Source src) {
        List<String> tokens = Tokens.split(value);
        if (tokens.isEmpty()) {
            throw Values.error(src, key, Show.value(value), "has no values", CipherNames.CCMP);
        }
        String unknown = CipherNames.firstUnknown(tokens);
        if (unknown != null) {
            throw Values.error(src, key, Show.value(unknown), "is not a cipher hostapd knows", CipherNames.CCMP);
        }
        for (String t : tokens) {
            if (t.equals("NONE") || t.startsWith("WEP")) {
                throw Values.error(src, key, t, "is not allowed as a pairwise cipher", CipherNames.CCMP);
            }
        }
        return CipherNames.ordered(tokens);
    }

    /** wpa4j offers CCMP and nothing else: offering less than configured would change what stations see. */
    private static Set<String> parseRsnPairwise(String value, Source src) {
        Set<String> ciphers = parsePairwise("rsn_pairwise", value, src);
        if (!ciphers.equals(Set.of(CipherNames.CCMP))) {
            throw Values.error(src, "rsn_pairwise", Show.value(value), "is not supported by wpa4j", CipherNames.CCMP);
        }
        return ciphers;
    }

    /** hostapd_parse_intlist: numbers separated by spaces, in preference order. */
    private static List<Integer> parseSaeGroups(String value, Source src) {
        String allowed = SAE_GROUPS.stream().map(String::valueOf).collect(Collectors.joining(" "));
        List<String> tokens = Tokens.split(value);
        if (tokens.isEmpty()) {
            throw Values.error(src, "sae_groups", Show.value(value), "has no groups", allowed);
        }
        List<Integer> groups = new ArrayList<>();
        for (String t : tokens) {
            int g = Values.decimal("sae_groups", t, src, 1, 65535, allowed);
            if (!SAE_GROUPS.contains(g)) {
                throw Values.error(src, "sae_groups", t, "is not a group wpa4j supports", allowed);
            }
            if (!groups.contains(g)) {
                groups.add(g);
            }
        }
        return List.copyOf(groups);
    }

    /** BIP-CMAC-128 (hostapd's AES-128-CMAC, the default) is the only group management cipher wpa4j does. */
    private static void checkMgmtCipher(String value, Source src) {
        if (value.equals("AES-128-CMAC")) {
            return;
        }
        String reason = OTHER_MGMT_CIPHERS.contains(value) ? "is not supported by wpa4j" : "is not a group management cipher hostapd knows";
        throw Values.error(src, "group_mgmt_cipher", Show.value(value), reason, "AES-128-CMAC");
    }

    private static MacAcl parseAcl(String value, Source src) {
        String allowed = "0 (accept unless denied), 1 (deny unless accepted)";
        int v = Values.decimal("macaddr_acl", value, src, 0, 2, allowed);
        if (v == 2) {
            throw Values.error(src, "macaddr_acl", value, "(RADIUS) is not supported by wpa4j", allowed);
        }
        return v == 0 ? MacAcl.ACCEPT_UNLESS_DENIED : MacAcl.DENY_UNLESS_ACCEPTED;
    }

    /**
     * {@code <password>[|mac=<peer>][|vlanid=..][|pk=..][|id=..]}: the password ends at the first parameter
     * ({@code parse_sae_password}). Only {@code mac} is implemented; ignoring the others would let the
     * password work where it must not, so they are refused.
     */
    private static SaePassword parseSaePassword(String value, Source src) {
        int end = value.length();
        for (String p : List.of("|mac=", "|vlanid=", "|pk=", "|id=")) {
            int at = value.indexOf(p);
            if (at >= 0) {
                end = Math.min(end, at);
                if (!p.equals("|mac=")) {
                    throw Values.error(src, "sae_password", null, "the " + p.substring(1, p.length() - 1)
                            + " parameter is not supported by wpa4j", "<password>[|mac=" + Macs.FORM + "]");
                }
            }
        }
        Optional<MacAddress> peer = Optional.empty();
        int mac = value.indexOf("|mac=");
        if (mac >= 0) {
            String text = value.substring(mac + 5, Math.min(value.length(), mac + 5 + 17));
            MacAddress m = Macs.parse(text);
            if (m == null || mac + 5 + 17 != value.length()) {
                throw Values.error(src, "sae_password", null, "the mac parameter is not a MAC address",
                        "<password>[|mac=" + Macs.FORM + "]");
            }
            peer = Optional.of(m);
        }
        if (end == 0) {
            throw Values.error(src, "sae_password", null, "the password is empty", null);
        }
        return new SaePassword(SecretText.of(Octets.bytes(value.substring(0, end))), peer);
    }

    private Set<KeyMgmt> effectiveKeyMgmt() {
        return wpaKeyMgmt == null ? EnumSet.of(KeyMgmt.WPA_PSK) : wpaKeyMgmt;
    }

    private HwModeType effectiveHwMode() {
        return hwMode == null ? HwModeType.IEEE80211B : hwMode; // hostapd's default hw_mode is b
    }

    /** rsn_pairwise, or what hostapd falls back to: wpa_pairwise, whose default is TKIP. */
    private Set<String> effectivePairwise() {
        return rsnPairwise != null ? rsnPairwise : wpaPairwise != null ? wpaPairwise : Set.of("TKIP");
    }

    /**
     * The complete BSS, or every reason it is not one.
     *
     * @param src named by problems about missing keys (the file, or the Config Admin PID)
     * @throws ConfigException if keys are missing or do not fit together
     */
    public ApProfile profile(Source src) {
        List<Problem> problems = new ArrayList<>();
        if (interfaceName == null) {
            problems.add(Problem.error(src, "interface", null, "missing", "a network interface name"));
        }
        if (ssid == null) {
            problems.add(Problem.error(src, "ssid", null, "missing; set ssid= or ssid2=", null));
        }
        Optional<String> country = Optional.ofNullable(countryCode);
        if (channel == null) {
            problems.add(Problem.error(src, "channel", null, "missing; automatic channel selection is not supported by wpa4j",
                    ChannelPlan.render(effectiveHwMode(), ChannelPlan.allowedChannels(effectiveHwMode(), country))));
        } else {
            ChannelPlan.Verdict v = ChannelPlan.check(effectiveHwMode(), channel, country);
            if (v != null) {
                problems.add(Problem.error(setAt.get("channel"), "channel", channel.toString(), v.reason(), v.allowed()));
            }
        }
        if (wpa == 2) {
            checkSecurity(src, problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        boolean open = wpa == 0;
        return new ApProfile(interfaceName, Optional.ofNullable(driver), ssid, effectiveHwMode(), channel, country,
                ignoreBroadcastSsid, wpa, open ? Optional.empty() : Optional.ofNullable(wpaPsk),
                open ? Optional.empty() : Optional.ofNullable(wpaPskFile), open ? List.of() : pskFileEntries,
                open ? Set.of() : effectiveKeyMgmt(), open ? Set.of() : effectivePairwise(),
                wpaGroupRekey == null ? 86400 : wpaGroupRekey, maxNumSta, apMaxInactivity, macaddrAcl, acceptMacs, denyMacs,
                ieee80211w, beaconInt, dtimPeriod, open ? List.of() : saePasswords, saePwe, Optional.ofNullable(ctrlInterface),
                Optional.ofNullable(ctrlInterfaceGroup), saeGroups, saeAntiCloggingThreshold, assocSaQueryMaxTimeout, assocSaQueryRetryTimeout,
                beaconProt, wpaPtkRekey);
    }

    private void checkSecurity(Source src, List<Problem> problems) {
        Set<KeyMgmt> akm = effectiveKeyMgmt();
        String names = akm.stream().map(KeyMgmt::confName).collect(Collectors.joining(" "));
        if (akm.stream().anyMatch(KeyMgmt::usesPsk) && wpaPsk == null && pskFileEntries.isEmpty()) {
            problems.add(Problem.error(src, "wpa_passphrase", null, "missing; wpa_key_mgmt " + names
                    + " needs wpa_passphrase, wpa_psk or wpa_psk_file", null));
        }
        if (akm.contains(KeyMgmt.SAE) && saePasswords.isEmpty() && !(wpaPsk instanceof Passphrase)) {
            problems.add(Problem.error(src, "sae_password", null, "missing; wpa_key_mgmt SAE needs sae_password or wpa_passphrase", null));
        }
        if (rsnPairwise == null && !effectivePairwise().equals(Set.of(CipherNames.CCMP))) {
            Source at = setAt.getOrDefault("wpa_pairwise", src);
            problems.add(Problem.error(at, "rsn_pairwise", null, "missing; hostapd would use wpa_pairwise '"
                    + CipherNames.join(effectivePairwise()) + "', which wpa4j does not support", CipherNames.CCMP));
        }
    }

    /**
     * Settings that are valid but probably not what was meant (an open BSS with a passphrase set, SAE without
     * PMF, beacon protection without PMF, ...), and countries whose channels wpa4j cannot check. Call after
     * {@link #profile} succeeded.
     */
    public List<Problem> advisories(Source src) {
        List<Problem> out = new ArrayList<>();
        Source wpaAt = setAt.getOrDefault("wpa", src);
        if (wpa == 0 && (wpaPsk != null || wpaPskFile != null || !saePasswords.isEmpty())) {
            out.add(Problem.warning(wpaAt, "wpa", setAt.containsKey("wpa") ? "0" : null,
                    (setAt.containsKey("wpa") ? "makes" : "is not set, which makes") + " the BSS open: the passphrase is not used",
                    "2 (WPA2/RSN)"));
        }
        if (wpa == 2 && effectiveKeyMgmt().contains(KeyMgmt.SAE) && ieee80211w == 0) {
            out.add(Problem.warning(setAt.getOrDefault("ieee80211w", src), "ieee80211w", "0",
                    "with SAE is not WPA3 (which requires management frame protection); stations may refuse it",
                    "1 (optional), 2 (required)"));
        }
        if (beaconProt && (wpa == 0 || ieee80211w == 0)) {
            // hostapd makes a BIGTK only with management frame protection, and says nothing: the BSS runs without it
            out.add(Problem.warning(setAt.getOrDefault("beacon_prot", src), "beacon_prot", "1", wpa == 0
                    ? "has no effect on an open BSS (wpa=0 has no group keys): the BSS runs without beacon protection"
                    : "has no effect with ieee80211w=0 (beacon protection needs management frame protection, ieee80211w=1 or 2): "
                            + "the BSS runs without beacon protection", null));
        }
        if (macaddrAcl == MacAcl.DENY_UNLESS_ACCEPTED && acceptMacs.isEmpty()) {
            out.add(Problem.warning(setAt.getOrDefault("macaddr_acl", src), "macaddr_acl", "1",
                    "with an empty accept list: no station can associate", null));
        }
        if (countryCode != null && !ChannelPlan.knows(countryCode)) {
            out.add(Problem.warning(setAt.get("country_code"), "country_code", countryCode,
                    "is not in wpa4j's channel table; the channel was checked against the band only", null));
        }
        return out;
    }

    /** Masks secrets: safe to log. */
    @Override
    public String toString() {
        return "ApBlock[interface=" + interfaceName + ", ssid=" + (ssid == null ? "-" : ssid.toPrintable()) + "]";
    }
}
