package wpa4j.config.station;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
import wpa4j.config.internal.LineReader;
import wpa4j.config.internal.Macs;
import wpa4j.config.internal.Numbers;
import wpa4j.config.text.Octets;
import wpa4j.config.internal.Show;
import wpa4j.config.internal.Tokens;
import wpa4j.config.internal.Values;
import wpa4j.config.text.WpaString;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Ssid;
import wpa4j.driver.types.Validate;

/**
 * One network block as wpa_supplicant keeps it ({@code struct wpa_ssid}): mutable, filled key by key from the
 * file, from Config Admin or by {@code SET_NETWORK}, and read back by {@code GET_NETWORK}. Every
 * {@link #set} validates its key at once, with the same diagnostic on every edge; {@link #profile} checks
 * that the keys fit together and gives the immutable {@link NetworkProfile}.
 *
 * <p>Not thread-safe: the owner (the control interface, the parser) serialises access.
 */
public final class NetworkBlock {
    /** wpa_supplicant's default proto, pairwise and group ({@code DEFAULT_PROTO}, ...). */
    static final Set<String> DEFAULT_PROTO = Set.of("WPA", "RSN");
    static final Set<String> DEFAULT_CIPHERS = Set.of("CCMP", "TKIP");
    /**
     * wpa_supplicant's default key_mgmt is {@code WPA-PSK WPA-EAP}; EAP is not implemented, so wpa4j's default
     * is WPA-PSK alone (and, as wpa_supplicant never writes its default, nothing is written either).
     */
    static final Set<KeyMgmt> DEFAULT_KEY_MGMT = Collections.unmodifiableSet(EnumSet.of(KeyMgmt.WPA_PSK));
    /** {@code MGMT_FRAME_PROTECTION_DEFAULT}: "use the global pmf", which {@code GET_NETWORK} shows as 3. */
    static final int IEEE80211W_DEFAULT = 3;

    private static final String ALLOWED_BOOL = "0, 1";
    private static final String ALLOWED_PMF = "0 (disabled), 1 (optional), 2 (required)";
    private static final String ALLOWED_FREQS = "space-separated frequencies in MHz, e.g. 2412 5180";
    private static final String ALLOWED_PSK = "\"8..63 printable ASCII characters\" or 64 hex digits";
    private static final Set<String> PAIRWISE_ALLOWED = Set.of("CCMP", "GCMP", "TKIP", "NONE", "GCMP-256", "CCMP-256");
    private static final Set<String> GROUP_ALLOWED = Set.of("CCMP", "GCMP", "TKIP", "GCMP-256", "CCMP-256", "GTK_NOT_USED");
    private static final List<String> MODES = List.of("station", "IBSS", "access point", "P2P group owner",
            "P2P group formation", "mesh");
    /** The keys this class implements. */
    static final Set<String> SUPPORTED = Set.of("ssid", "psk", "key_mgmt", "scan_ssid", "priority", "bssid", "disabled",
            "id_str", "proto", "pairwise", "group", "ieee80211w", "sae_password", "scan_freq", "freq_list", "beacon_prot",
            "wpa_ptk_rekey");

    private final int id;
    private final Source source;
    private Ssid ssid;
    private PskSetting psk;
    private SecretText saePassword;
    private Set<KeyMgmt> keyMgmt;
    private int scanSsid;
    private int priority;
    private int wpaPtkRekey;
    private MacAddress bssid;
    private int disabled;
    private byte[] idStr;
    private Set<String> proto;
    private Set<String> pairwise;
    private Set<String> group;
    private Integer ieee80211w;
    /** beacon_prot: 1 to use beacon protection (a BIGTK) when PMF is in use and the driver can verify Beacons. */
    private int beaconProt;
    private List<Integer> scanFreq;
    private List<Integer> freqList;
    /** Where each key was last set, for the diagnostics of {@link #profile}. */
    private final Map<String, Source> setAt = new HashMap<>();

    /** A new, empty network (as {@code ADD_NETWORK} creates it). */
    public NetworkBlock(int id) {
        this(id, Source.of("network " + id));
    }

    /** @param source where the block starts ({@code network=\{} line) or the edge that created it */
    public NetworkBlock(int id, Source source) {
        if (id < 0) {
            throw new IllegalArgumentException("id: " + id + " is negative");
        }
        this.id = id;
        this.source = Objects.requireNonNull(source, "source");
    }

    public int id() {
        return id;
    }

    /** Where the block starts. */
    public Source source() {
        return source;
    }

    public boolean isDisabled() {
        return disabled != 0;
    }

    /**
     * Validates and stores one key ({@code SET_NETWORK id key value}); {@code value} is the text after the key,
     * e.g. {@code "home"} with its quotes. Text is UTF-8.
     *
     * @return warnings: a key wpa4j ignores (the value is then not stored)
     * @throws ConfigException with one problem if the value is invalid (nothing is changed)
     */
    public List<Problem> set(String key, String value, Source src) {
        return setOctets(key, Octets.fromText(Objects.requireNonNull(value, "value")), src);
    }

    /**
     * {@link #set} for a value held as an octet string, one char per octet (ISO-8859-1): as the file parser reads it and
     * as the control interface receives it, so SSIDs that are not UTF-8 arrive unchanged.
     */
    public List<Problem> setOctets(String key, String value, Source src) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(src, "src");
        Values.checkKeyBlanks(key, src, k -> SUPPORTED.contains(k) || KnownKeys.WPA_SUPPLICANT_NETWORK.contains(k));
        switch (key) {
            case "ssid" -> setSsid(value, src);
            case "psk" -> psk = parsePsk(value, src);
            case "sae_password" -> setSaePassword(value, src);
            case "key_mgmt" -> keyMgmt = parseKeyMgmt(value, src);
            case "scan_ssid" -> scanSsid = Values.strtol(key, value, src, 0, 1, ALLOWED_BOOL);
            case "priority" -> priority = Values.strtol(key, value, src, Integer.MIN_VALUE, Integer.MAX_VALUE,
                    Integer.MIN_VALUE + ".." + Integer.MAX_VALUE);
            case "bssid" -> bssid = parseBssid(value, src);
            case "wpa_ptk_rekey" -> wpaPtkRekey = Values.strtol(key, value, src, 0, Integer.MAX_VALUE, "seconds, 0 for never");
            case "disabled" -> disabled = parseDisabled(value, src);
            case "id_str" -> idStr = "NULL".equals(value) ? null : Values.wpaString(key, value, src, false);
            case "proto" -> proto = parseProto(value, src);
            case "pairwise" -> pairwise = parseCiphers(key, value, src, PAIRWISE_ALLOWED);
            case "group" -> group = parseCiphers(key, value, src, GROUP_ALLOWED);
            case "ieee80211w" -> ieee80211w = Values.strtol(key, value, src, 0, 2, ALLOWED_PMF);
            case "beacon_prot" -> beaconProt = Values.strtol(key, value, src, 0, 1, ALLOWED_BOOL);
            case "scan_freq" -> scanFreq = parseFreqs(key, value, src);
            case "freq_list" -> freqList = parseFreqs(key, value, src);
            default -> {
                Problem ignored = ignoredOrRefused(key, value, src);
                return ignored == null ? List.of() : List.of(ignored);
            }
        }
        setAt.put(key, src);
        return List.of();
    }

    private void setSsid(String value, Source src) {
        if ("NULL".equals(value)) {
            ssid = null;
            return;
        }
        byte[] octets = Values.wpaString("ssid", value, src, false);
        if (octets.length > Ssid.MAX_LENGTH) {
            throw Values.error(src, "ssid", Show.value(value), "is " + octets.length + " octets long", "0..32 octets");
        }
        ssid = Ssid.of(octets);
    }

    private static PskSetting parsePsk(String value, Source src) {
        if (value.startsWith("\"")) {
            int close = value.lastIndexOf('"');
            if (close == 0) {
                throw Values.error(src, "psk", null, "the passphrase has no closing quote", ALLOWED_PSK);
            }
            if (close != value.length() - 1) {
                throw Values.error(src, "psk", null, "the passphrase has text after the closing quote", ALLOWED_PSK);
            }
            byte[] octets = Octets.bytes(value.substring(1, close));
            if (!Passphrase.isValid(octets)) {
                throw Values.error(src, "psk", null, Passphrase.RULE, null);
            }
            // wpa_supplicant would write it and then read the part after '"' ... '#' as a comment
            if (LineReader.commentStart(value) != value.length()) {
                throw Values.error(src, "psk", null, "a passphrase with '\"' before '#' cannot be saved in wpa_supplicant.conf", null);
            }
            return Passphrase.of(octets);
        }
        byte[] raw = value.length() == 2 * RawPsk.LENGTH ? Hex.decode(value) : null;
        if (raw == null) {
            throw Values.error(src, "psk", null, "must be a \"quoted\" passphrase or 64 hex digits (a raw PSK)", ALLOWED_PSK);
        }
        return RawPsk.of(raw);
    }

    private void setSaePassword(String value, Source src) {
        if ("NULL".equals(value)) {
            saePassword = null;
            return;
        }
        byte[] octets = Values.wpaString("sae_password", value, src, true);
        if (octets.length == 0) {
            throw Values.error(src, "sae_password", null, "must not be empty", null);
        }
        saePassword = SecretText.of(octets);
    }

    private static Set<KeyMgmt> parseKeyMgmt(String value, Source src) {
        List<String> tokens = Tokens.split(value);
        if (tokens.isEmpty()) {
            throw Values.error(src, "key_mgmt", Show.value(value), "has no values", KeyMgmt.ALLOWED);
        }
        Set<KeyMgmt> out = EnumSet.noneOf(KeyMgmt.class);
        for (String t : tokens) {
            Optional<KeyMgmt> k = KeyMgmt.ofConfName(t);
            if (k.isEmpty()) {
                String reason = AkmNames.WPA_SUPPLICANT.contains(t) ? "is not supported by wpa4j"
                        : "is not a key management wpa_supplicant knows";
                throw Values.error(src, "key_mgmt", Show.value(t), reason, KeyMgmt.ALLOWED);
            }
            out.add(k.get());
        }
        return Collections.unmodifiableSet(out);
    }

    private static MacAddress parseBssid(String value, Source src) {
        if (value.isEmpty() || "\"\"".equals(value) || "any".equals(value)) {
            return null;
        }
        MacAddress mac = Macs.parse(value);
        if (mac == null) {
            throw Values.error(src, "bssid", Show.value(value), "is not a MAC address", Macs.FORM + " or any");
        }
        return mac;
    }

    private static int parseDisabled(String value, Source src) {
        int v = Values.strtol("disabled", value, src, 0, 2, ALLOWED_BOOL);
        if (v == 2) {
            throw Values.error(src, "disabled", Show.value(value), "(a P2P persistent group) is not supported by wpa4j", ALLOWED_BOOL);
        }
        return v;
    }

    private static Set<String> parseProto(String value, Source src) {
        List<String> tokens = Tokens.split(value);
        if (tokens.isEmpty()) {
            throw Values.error(src, "proto", Show.value(value), "has no values", "RSN");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String t : tokens) {
            switch (t) {
                case "WPA", "RSN", "OSEN" -> out.add(t);
                case "WPA2" -> out.add("RSN");
                default -> throw Values.error(src, "proto", Show.value(t), "is not a protocol wpa_supplicant knows", "RSN (also written WPA2)");
            }
        }
        if (!out.contains("RSN")) {
            throw Values.error(src, "proto", Show.value(value), "is not supported by wpa4j", "RSN (also written WPA2)");
        }
        Set<String> ordered = new LinkedHashSet<>();
        for (String p : List.of("WPA", "RSN", "OSEN")) { // writer order
            if (out.contains(p)) {
                ordered.add(p);
            }
        }
        return Collections.unmodifiableSet(ordered);
    }

    /** pairwise/group: the names wpa_supplicant parses and allows for the key, of which wpa4j needs CCMP. */
    private static Set<String> parseCiphers(String key, String value, Source src, Set<String> allowedHere) {
        List<String> tokens = Tokens.split(value);
        if (tokens.isEmpty()) {
            throw Values.error(src, key, Show.value(value), "has no values", CipherNames.CCMP);
        }
        String unknown = CipherNames.firstUnknown(tokens);
        if (unknown != null) {
            throw Values.error(src, key, Show.value(unknown), "is not a cipher wpa_supplicant knows", CipherNames.CCMP);
        }
        List<String> kept = new ArrayList<>(tokens);
        if (key.equals("group")) {
            // as wpa_supplicant: WEP in the group list is dropped for backwards compatibility
            kept.removeIf(t -> t.startsWith("WEP"));
        }
        for (String t : kept) {
            if (!allowedHere.contains(t)) {
                throw Values.error(src, key, Show.value(t), "is not allowed as a " + key + " cipher", CipherNames.CCMP);
            }
        }
        if (!kept.contains(CipherNames.CCMP)) {
            throw Values.error(src, key, Show.value(value), "is not supported by wpa4j", CipherNames.CCMP);
        }
        return CipherNames.ordered(kept);
    }

    private static List<Integer> parseFreqs(String key, String value, Source src) {
        List<Integer> out = new ArrayList<>();
        for (String t : Tokens.split(value)) {
            Long mhz = Numbers.decimal(t);
            if (mhz != null && mhz == 0 && out.isEmpty()) {
                break; // wpa_supplicant: a leading 0 ends the list (none)
            }
            if (mhz == null || mhz > Integer.MAX_VALUE || !isFrequency(mhz.intValue())) {
                throw Values.error(src, key, Show.value(t), "is not a channel frequency in MHz", ALLOWED_FREQS);
            }
            out.add(mhz.intValue());
        }
        return out.isEmpty() ? null : List.copyOf(out);
    }

    private static boolean isFrequency(int mhz) {
        try {
            Validate.frequency("freq", mhz);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A key wpa4j does not implement: refused if ignoring it would change security or the network joined,
     * {@code null} if its value is what wpa4j does anyway, else a warning.
     */
    private static Problem ignoredOrRefused(String key, String value, Source src) {
        switch (key) {
            case "wep_key0", "wep_key1", "wep_key2", "wep_key3", "wep_tx_keyidx" ->
                    throw Values.error(src, key, null, "WEP is not supported by wpa4j", null);
            case "mode" -> {
                Long m = Numbers.strtol(value);
                if (m != null && m == 0) {
                    return null;
                }
                String what = m != null && m > 0 && m < MODES.size() ? "(" + MODES.get(m.intValue()) + ") " : "";
                throw Values.error(src, key, Show.value(value), what + "is not supported by wpa4j", "0 (station)");
            }
            case "auth_alg" -> {
                if (Tokens.split(value).equals(List.of("OPEN"))) {
                    return null;
                }
                throw Values.error(src, key, Show.value(value), "is not supported by wpa4j", "OPEN");
            }
            case "mem_only_psk" -> {
                if ("0".equals(value)) {
                    return null;
                }
                throw Values.error(src, key, Show.value(value), "is not supported by wpa4j (the PSK would be saved)", "0");
            }
            default -> {
                return KnownKeys.WPA_SUPPLICANT_NETWORK.contains(key) ? Values.notImplemented(src, key) : Values.unknown(src, key);
            }
        }
    }

    /**
     * The value as {@code GET_NETWORK} answers it: strings quoted or hex, secrets {@code *}, integers and lists
     * with their defaults; empty where wpa_supplicant answers {@code FAIL} (unset strings, unknown keys).
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(switch (key) {
            case "ssid" -> ssid == null ? null : WpaString.encode(ssid.octets().toArray());
            case "psk" -> psk == null ? null : "*";
            case "sae_password" -> saePassword == null ? null : "*";
            case "key_mgmt" -> keyMgmtNames(effectiveKeyMgmt());
            case "scan_ssid" -> Integer.toString(scanSsid);
            case "priority" -> Integer.toString(priority);
            case "wpa_ptk_rekey" -> Integer.toString(wpaPtkRekey);
            case "bssid" -> bssid == null ? null : bssid.toString();
            case "disabled" -> Integer.toString(disabled);
            case "id_str" -> idStr == null ? null : WpaString.encode(idStr);
            case "proto" -> String.join(" ", proto == null ? List.of("WPA", "RSN") : proto);
            case "pairwise" -> String.join(" ", pairwise == null ? CipherNames.ordered(DEFAULT_CIPHERS) : pairwise);
            case "group" -> String.join(" ", group == null ? CipherNames.ordered(DEFAULT_CIPHERS) : group);
            case "ieee80211w" -> Integer.toString(ieee80211w == null ? IEEE80211W_DEFAULT : ieee80211w);
            case "beacon_prot" -> Integer.toString(beaconProt);
            case "scan_freq" -> freqs(scanFreq);
            case "freq_list" -> freqs(freqList);
            default -> null;
        });
    }

    private Set<KeyMgmt> effectiveKeyMgmt() {
        return keyMgmt == null ? DEFAULT_KEY_MGMT : keyMgmt;
    }

    private static String keyMgmtNames(Set<KeyMgmt> set) {
        return set.stream().map(KeyMgmt::confName).collect(Collectors.joining(" "));
    }

    private static String freqs(List<Integer> list) {
        return list == null ? null : list.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    /** {@link #profile(Source, int)} with the global {@code pmf} at its default, 0. */
    public NetworkProfile profile(Source src) {
        return profile(src, 0);
    }

    /**
     * The complete network, or every reason it is not one.
     *
     * @param src       named by problems about missing keys (usually {@link #source()})
     * @param globalPmf the global {@code pmf}, the default of {@code ieee80211w}
     * @throws ConfigException if keys are missing or do not fit together
     */
    public NetworkProfile profile(Source src, int globalPmf) {
        List<Problem> problems = new ArrayList<>();
        Set<KeyMgmt> akm = effectiveKeyMgmt();
        if (ssid == null) {
            problems.add(Problem.error(src, "ssid", null, "missing; every network needs one", null));
        } else if (ssid.isEmpty()) {
            problems.add(Problem.error(setAt.get("ssid"), "ssid", "\"\"", "is empty; wpa4j does not join any-SSID networks", "1..32 octets"));
        }
        if (psk == null && akm.stream().anyMatch(KeyMgmt::usesPsk)) {
            problems.add(Problem.error(src, "psk", null, "missing; key_mgmt " + keyMgmtNames(akm) + " needs a passphrase or a raw PSK", null));
        }
        if (akm.contains(KeyMgmt.SAE) && saePassword == null && !(psk instanceof Passphrase)) {
            problems.add(Problem.error(src, "sae_password", null,
                    "missing; key_mgmt SAE needs sae_password or a psk passphrase (a raw PSK cannot do SAE)", null));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new NetworkProfile(id, ssid, Optional.ofNullable(psk), Optional.ofNullable(saePassword), akm, scanSsid != 0,
                priority, Optional.ofNullable(bssid), disabled != 0, idStr == null ? "" : Octets.toText(idStr),
                proto == null ? DEFAULT_PROTO : proto,
                pairwise == null ? DEFAULT_CIPHERS : pairwise,
                group == null ? DEFAULT_CIPHERS : group,
                ieee80211w == null ? globalPmf : ieee80211w,
                scanFreq == null ? List.of() : scanFreq, freqList == null ? List.of() : freqList, beaconProt != 0, wpaPtkRekey);
    }

    /**
     * The block's lines as {@code SAVE_CONFIG} writes them ({@code wpa_config_write_network}: its order, values
     * that differ from the default). {@code psk} and {@code sae_password} are written in full: that is the
     * file's purpose (it is saved with mode 0600). {@code freq_list}, which wpa_supplicant 2.10 forgets to
     * write, is written after {@code scan_freq} so nothing is lost.
     */
    List<String> confLines() {
        List<String> out = new ArrayList<>();
        if (ssid != null) {
            out.add("ssid=" + fileString(ssid.octets().toArray()));
        }
        if (scanSsid != 0) {
            out.add("scan_ssid=" + scanSsid);
        }
        if (bssid != null) {
            out.add("bssid=" + bssid);
        }
        if (psk instanceof Passphrase p) {
            byte[] b = p.text().bytes();
            out.add("psk=\"" + Octets.of(b) + "\"");
            java.util.Arrays.fill(b, (byte) 0);
        } else if (psk instanceof RawPsk r) {
            byte[] b = r.key().bytes();
            out.add("psk=" + Hex.encode(b));
            java.util.Arrays.fill(b, (byte) 0);
        }
        if (saePassword != null) {
            byte[] b = saePassword.bytes();
            out.add("sae_password=" + fileString(b));
            java.util.Arrays.fill(b, (byte) 0);
        }
        if (proto != null && !proto.equals(DEFAULT_PROTO)) {
            out.add("proto=" + String.join(" ", proto));
        }
        if (keyMgmt != null) {
            out.add("key_mgmt=" + keyMgmtNames(keyMgmt));
        }
        if (pairwise != null && !pairwise.equals(DEFAULT_CIPHERS)) {
            out.add("pairwise=" + String.join(" ", pairwise));
        }
        if (group != null && !group.equals(DEFAULT_CIPHERS)) {
            out.add("group=" + String.join(" ", group));
        }
        if (scanFreq != null) {
            out.add("scan_freq=" + freqs(scanFreq));
        }
        if (freqList != null) {
            out.add("freq_list=" + freqs(freqList));
        }
        if (priority != 0) {
            out.add("priority=" + priority);
        }
        if (wpaPtkRekey != 0) {
            out.add("wpa_ptk_rekey=" + wpaPtkRekey);
        }
        if (disabled != 0) {
            out.add("disabled=" + disabled);
        }
        if (ieee80211w != null) {
            out.add("ieee80211w=" + ieee80211w);
        }
        if (idStr != null) {
            out.add("id_str=" + fileString(idStr));
        }
        if (beaconProt != 0) {
            // after id_str, among the later INT()s of wpa_config_write_network
            out.add("beacon_prot=" + beaconProt);
        }
        return out;
    }

    /**
     * wpa_supplicant's string form, except that a quoted form the file's comment rule would cut (a quote,
     * then '#') is written as hex: wpa_supplicant 2.10 writes it quoted and then misreads its own file.
     */
    private static String fileString(byte[] octets) {
        String quoted = WpaString.encode(octets);
        return quoted.startsWith("\"") && LineReader.commentStart(quoted) != quoted.length() ? Hex.encode(octets) : quoted;
    }

    /** The SSID, for messages and logs (escaped as wpa_supplicant prints it). */
    public Optional<Ssid> ssid() {
        return Optional.ofNullable(ssid);
    }

    /** Masks secrets: safe to log. */
    @Override
    public String toString() {
        return "NetworkBlock[id=" + id + ", ssid=" + (ssid == null ? "-" : ssid.toPrintable()) + ", source=" + source + "]";
    }
}
