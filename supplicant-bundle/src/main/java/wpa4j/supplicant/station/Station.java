package wpa4j.supplicant.station;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import wpa4j.common.crypto.Psk;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.config.ConfigException;
import wpa4j.config.Source;
import wpa4j.config.Passphrase;
import wpa4j.config.Problem;
import wpa4j.config.PskSetting;
import wpa4j.config.RawPsk;
import wpa4j.config.station.KeyMgmt;
import wpa4j.config.station.NetworkBlock;
import wpa4j.config.station.NetworkProfile;
import wpa4j.config.station.StationFile;
import wpa4j.config.station.WpaSupplicantConf;
import wpa4j.driver.types.Ssid;
import wpa4j.supplicant.core.NetworkConfig;
import wpa4j.supplicant.core.NetworkSecurity;
import wpa4j.supplicant.core.Supplicant;

/**
 * The network blocks of one station and what feeds its core: every change to a block (file, Config Admin,
 * control interface) re-derives the core's enabled networks ({@link Supplicant#setNetworks}). Confined to the
 * station's event loop, like the core: call everything from there.
 */
public final class Station {
    /** One network block and who owns it. */
    private record Entry(NetworkBlock block, NetworkOrigin origin) {}

    private static final Source CONTROL = new Source("ctrl_iface", 0);

    private final String ifname;
    private final Supplicant core;
    private final ProblemSink problems;
    private final TreeMap<Integer, Entry> networks = new TreeMap<>();
    /** Networks already refused once, so a broken block is reported when it changes, not at every apply. */
    private final Map<Integer, String> refused = new LinkedHashMap<>();
    private Path confFile;
    private StationFile fileSettings;
    private int nextId;

    /** Where a refused setting is reported: one line, no stack trace. */
    @FunctionalInterface
    public interface ProblemSink {
        void problem(String line);
    }

    public Station(String ifname, Supplicant core, ProblemSink problems) {
        this.ifname = ifname;
        this.core = core;
        this.problems = problems;
    }

    public String ifname() {
        return ifname;
    }

    public Supplicant core() {
        return core;
    }

    // ---- sources -------------------------------------------------------------------------------

    /**
     * Reads {@code file} (wpa_supplicant.conf): its networks replace those of the file and of the control interface, as
     * RECONFIGURE does. Nothing changes when the file is invalid.
     */
    public StationFile loadFile(Path file) throws ConfigException, IOException {
        StationFile parsed = WpaSupplicantConf.parse(file);
        confFile = file;
        fileSettings = parsed;
        networks.values().removeIf(e -> e.origin().saved());
        Map<Integer, Entry> others = new TreeMap<>(networks);
        networks.clear();
        nextId = 0;
        for (NetworkBlock b : parsed.networks()) {
            networks.put(nextId++, new Entry(b, NetworkOrigin.FILE));
        }
        // Config Admin networks keep their place after the file's
        others.values().forEach(e -> networks.put(nextId++, e));
        apply();
        return parsed;
    }

    public Optional<Path> confFile() {
        return Optional.ofNullable(confFile);
    }

    public Optional<StationFile> fileSettings() {
        return Optional.ofNullable(fileSettings);
    }

    /** The network of Config Admin configuration {@code pid}: added, or replaced in place (its id stays). */
    public void putConfigAdminNetwork(String pid, NetworkBlock block) {
        NetworkOrigin origin = NetworkOrigin.configAdmin(pid);
        Optional<Integer> id = idOf(e -> e.origin().equals(origin));
        networks.put(id.orElseGet(() -> nextId++), new Entry(block, origin));
        apply();
    }

    public void removeConfigAdminNetwork(String pid) {
        NetworkOrigin origin = NetworkOrigin.configAdmin(pid);
        networks.values().removeIf(e -> e.origin().equals(origin));
        apply();
    }

    private Optional<Integer> idOf(Predicate<Entry> p) {
        return networks.entrySet().stream().filter(e -> p.test(e.getValue())).map(Map.Entry::getKey).findFirst();
    }

    // ---- the control interface's network commands ------------------------------------------------

    /** ADD_NETWORK: a new, disabled, empty block. */
    public int addNetwork() {
        int id = nextId++;
        NetworkBlock b = new NetworkBlock(id);
        b.set("disabled", "1", CONTROL);
        networks.put(id, new Entry(b, NetworkOrigin.CONTROL));
        return id;
    }

    /** SET_NETWORK: validates the one key (ConfigException with the reason) and applies it when the network is in use. */
    public void setNetwork(int id, String key, String value) throws ConfigException {
        Entry e = entry(id);
        // the control interface hands over octets (ISO-8859-1 chars): an SSID that is not UTF-8 stays as sent
        List<Problem> warnings = e.block().setOctets(key, value, CONTROL);
        if (warnings.stream().anyMatch(w -> w.message().startsWith("unknown key"))) {
            // a key wpa_supplicant does not know either: FAIL, as wpa_supplicant answers it
            throw new ConfigException(warnings.stream().map(w -> Problem.error(w.source(), null, null, w.message(), w.allowed())).toList());
        }
        warnings.forEach(w -> problems.problem(w.toString()));
        refused.remove(id);
        apply();
    }

    /** GET_NETWORK: as wpa_supplicant answers it (secrets as {@code *}); empty when the key is not set. */
    public Optional<String> getNetwork(int id, String key) {
        return entry(id).block().get(key);
    }

    /** ENABLE_NETWORK id (or all when {@code id} is empty). */
    public void enableNetwork(Optional<Integer> id) {
        // as wpa_supplicant: enabling never ends a working link nor undoes DISCONNECT; a disconnected station scans
        forSelected(id, e -> e.block().set("disabled", "0", CONTROL));
        apply();
    }

    /** DISABLE_NETWORK id (or all). */
    public void disableNetwork(Optional<Integer> id) {
        forSelected(id, e -> e.block().set("disabled", "1", CONTROL));
        apply();
    }

    /** SELECT_NETWORK id: that one enabled, every other disabled (as wpa_supplicant), or {@code any}: all enabled. */
    public void selectNetwork(Optional<Integer> id) {
        id.ifPresent(this::entry);
        networks.forEach((k, e) -> e.block().set("disabled", id.isEmpty() || id.get().equals(k) ? "0" : "1", CONTROL));
        apply();
        if (id.isPresent()) {
            core.selectNetwork(id.get());
        } else {
            // SELECT_NETWORK any: every network, and DISCONNECT undone
            core.reconnect();
        }
    }

    /** REMOVE_NETWORK id (or all). A Config Admin network cannot be removed here: its configuration owns it. */
    public void removeNetwork(Optional<Integer> id) {
        if (id.isPresent()) {
            Entry e = entry(id.get());
            if (e.origin().kind() == NetworkOrigin.Kind.CONFIG_ADMIN) {
                throw new IllegalArgumentException("network " + id.get() + " belongs to configuration " + e.origin().name());
            }
            networks.remove(id.get());
        } else {
            networks.values().removeIf(e -> e.origin().saved());
        }
        apply();
    }

    private void forSelected(Optional<Integer> id, java.util.function.Consumer<Entry> action) {
        if (id.isPresent()) {
            action.accept(entry(id.get()));
        } else {
            networks.values().forEach(action);
        }
    }

    private Entry entry(int id) {
        Entry e = networks.get(id);
        if (e == null) {
            throw new IllegalArgumentException("no network " + id);
        }
        return e;
    }

    /** LIST_NETWORKS rows: {@code id\tssid\tbssid\tflags}. */
    public List<String> listNetworks() {
        List<String> rows = new ArrayList<>();
        rows.add("network id / ssid / bssid / flags");
        Optional<Integer> current = core.currentNetworkId();
        networks.forEach((id, e) -> {
            NetworkBlock b = e.block();
            String flags = (current.equals(Optional.of(id)) ? "[CURRENT]" : "") + (b.isDisabled() ? "[DISABLED]" : "")
                    + (core.isTempDisabled(id) ? "[TEMP-DISABLED]" : "");
            // as wpa_ssid_txt: printf-escaped, neither quoted nor hex
            rows.add(id + "\t" + b.ssid().map(Ssid::toPrintable).orElse("") + "\t" + b.get("bssid").orElse("any") + "\t" + flags);
        });
        return rows;
    }


    /**
     * SAVE_CONFIG: the file's and the control interface's networks written atomically (mode 0600). False when there is
     * no file or it says update_config=0, as wpa_supplicant refuses then.
     */
    public boolean saveConfig() throws IOException {
        if (confFile == null || fileSettings == null || !fileSettings.updateConfig()) {
            return false;
        }
        List<NetworkBlock> saved = networks.values().stream().filter(e -> e.origin().saved()).map(Entry::block).toList();
        StationFile out = fileSettings.withNetworks(saved);
        WpaSupplicantConf.save(confFile, out);
        fileSettings = out;
        return true;
    }

    /** RECONFIGURE: the file read again (unsaved control-interface changes are dropped, as in wpa_supplicant). */
    public void reconfigure() throws ConfigException, IOException {
        if (confFile != null) {
            loadFile(confFile);
        } else {
            apply();
        }
    }

    // ---- feeding the core ----------------------------------------------------------------------

    /** The enabled, complete networks as the core takes them; a block that cannot be used is reported once. */
    private void apply() {
        List<NetworkConfig> enabled = new ArrayList<>();
        networks.forEach((id, e) -> {
            if (e.block().isDisabled()) {
                return;
            }
            try {
                // the file's globals give ieee80211w's default (pmf) and the SAE password element method (sae_pwe)
                NetworkProfile p = e.block().profile(source(e), fileSettings == null ? 0 : fileSettings.pmf());
                enabled.add(toCore(id, p, fileSettings == null ? 0 : fileSettings.saePwe()));
                refused.remove(id);
            } catch (IllegalArgumentException bad) {
                // a ConfigException from the block, or a key management the core cannot do yet
                String why = bad.getMessage();
                if (!why.equals(refused.put(id, why))) {
                    problems.problem("network " + id + " not used: " + why);
                }
            }
        });
        core.setNetworks(enabled);
    }

    private Source source(Entry e) {
        return switch (e.origin().kind()) {
            case FILE -> new Source(confFile == null ? "wpa_supplicant.conf" : confFile.toString(), 0);
            case CONFIG_ADMIN -> new Source(e.origin().name(), 0);
            case CONTROL -> CONTROL;
        };
    }

    /**
     * The core's form of a profile: the passphrase becomes the PSK here (PBKDF2) for the PSK AKMs and is kept, as
     * octets, only as the SAE password when SAE is allowed without an sae_password (as wpa_supplicant does).
     */
    static NetworkConfig toCore(int id, NetworkProfile p, int saePwe) {
        if (p.keyMgmt().contains(KeyMgmt.NONE)) {
            return new NetworkConfig(id, p.ssid(), NetworkSecurity.OPEN, p.scanSsid(), p.priority(), p.scanFreq(), p.bssid(), p.idStr());
        }
        Set<wpa4j.driver.types.KeyMgmt> akms = EnumSet.noneOf(wpa4j.driver.types.KeyMgmt.class);
        p.keyMgmt().forEach(k -> akms.add(k.driverKeyMgmt()));
        SecretKeyBytes psk = null;
        if (p.keyMgmt().stream().anyMatch(KeyMgmt::usesPsk)) {
            PskSetting setting = p.psk().orElseThrow(() -> new IllegalArgumentException("psk: not set, required by key_mgmt WPA-PSK"));
            psk = setting instanceof Passphrase pass ? Psk.fromPassphrase(pass.text().bytes(), p.ssid())
                    : SecretKeyBytes.adopt(((RawPsk) setting).key().bytes());
        }
        SecretKeyBytes sae = null;
        if (p.keyMgmt().contains(KeyMgmt.SAE)) {
            if (p.saePassword().isPresent()) {
                sae = SecretKeyBytes.adopt(p.saePassword().get().bytes());
            } else if (p.psk().orElse(null) instanceof Passphrase pass) {
                sae = SecretKeyBytes.adopt(pass.text().bytes());
            } else {
                throw new IllegalArgumentException("key_mgmt SAE needs sae_password or a passphrase (psk=\"...\"), a raw PSK cannot be used");
            }
        }
        NetworkSecurity security = new NetworkSecurity(akms, psk, sae, p.ieee80211w(), saePwe, p.beaconProt());
        return new NetworkConfig(id, p.ssid(), security, p.scanSsid(), p.priority(), p.scanFreq(), p.bssid(), p.idStr(), p.wpaPtkRekey() * 1000L);
    }
}
