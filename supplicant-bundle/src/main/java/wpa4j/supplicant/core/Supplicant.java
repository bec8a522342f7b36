package wpa4j.supplicant.core;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import wpa4j.common.binding.CoreDriverSlot;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.eloop.EventLoop;
import wpa4j.common.frame.ReasonCode;
import wpa4j.common.ie.ElementId;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;
import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.AssociateParams;
import wpa4j.driver.types.AuthParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.DriverFlag;
import wpa4j.driver.types.InterfaceChange;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.KeyMgmtCapability;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Operstate;
import wpa4j.driver.types.Proto;
import wpa4j.driver.types.ScanParams;
import wpa4j.driver.types.ScanResult;
import wpa4j.driver.types.SignalInfo;
import wpa4j.driver.types.Ssid;
import wpa4j.supplicant.StationStatus;
import wpa4j.supplicant.SupplicantState;

/**
 * The station core for one interface: wpa_supplicant's state machine over whichever driver is attached.
 * Everything runs on the interface's event loop; call {@link #onEvent} and the commands from there
 * ({@link EventLoop#execute}). Key material never leaves this object except into {@code set_key}.
 */
public final class Supplicant implements CoreDriverSlot.Core {
    private static final System.Logger LOG = System.getLogger(Supplicant.class.getName());
    /** The RSN element the station sends: WPA2-PSK, CCMP/CCMP, no capabilities. */
    static final InformationElement OWN_RSN = RsnElement.psk(Suite.RSN_CCMP, Suite.RSN_CCMP, 0).toElement();

    /** wpa_supplicant's authentication timeout for drivers that do their own SME. */
    static final int NON_SME_ASSOC_TIMEOUT_MS = 10_000;

    private final EventLoop loop;
    private final String ifname;
    private final SupplicantTiming timing;
    private final SupplicantListener listener;
    private final List<NetworkState> networks = new ArrayList<>();
    private final BssTable bss = new BssTable(180_000, 2);
    /** BSSs that failed to connect lately, skipped in selection (wpa_supplicant's bssid_ignore). */
    private final BssIgnoreList ignored = new BssIgnoreList();
    private List<Integer> lastScanFreqs = List.of();
    private long scanStartNanos = System.nanoTime();
    /** Scans in a row that found no network: the rescan interval grows with it. */
    private int notFound;
    private final SecureRandom random = new SecureRandom();
    private DriverInterface driver;
    private MacAddress own;
    private SupplicantState state = SupplicantState.DISCONNECTED;
    private NetworkState current;
    private BssTable.Entry currentBss;
    private StationKeyHandshake keys;
    private boolean userDisconnected;
    /** Set by each association and cleared on completion, so a later group rekey does not report a new connection. */
    private boolean newConnection;
    private EventLoop.Timer scanTimer;
    private EventLoop.Timer timeout;
    private long eapolDropped;
    private long driverErrors;
    /** Networks already reported as needing what the bound driver cannot do. */
    private final Set<Integer> unsupportedReported = new java.util.HashSet<>();
    private String lastScanError = "";

    /** A configured network and what happened to it. */
    private static final class NetworkState {
        final NetworkConfig config;
        int authFailures;
        long disabledUntilNanos;
        EventLoop.Timer reenable;

        NetworkState(NetworkConfig config) {
            this.config = config;
        }

        /** The same network with a new configuration: its failure history stays. */
        NetworkState(NetworkConfig config, NetworkState was) {
            this.config = config;
            this.authFailures = was.authFailures;
            this.disabledUntilNanos = was.disabledUntilNanos;
            this.reenable = was.reenable;
        }

        boolean tempDisabled() {
            return System.nanoTime() < disabledUntilNanos;
        }
    }

    public Supplicant(EventLoop loop, String ifname, List<NetworkConfig> networks, SupplicantTiming timing, SupplicantListener listener) {
        this.loop = loop;
        this.ifname = ifname;
        this.timing = timing;
        this.listener = listener;
        networks.forEach(n -> this.networks.add(new NetworkState(n)));
    }

    // ---- driver binding ------------------------------------------------------------------------

    /** A driver is bound: start (or, when a link is up, carry on with it after re-syncing from the driver). */
    @Override
    public void attach(DriverInterface d) {
        driver = d;
        own = d.getMacAddr();
        unsupportedReported.clear();
        reportUnsupported();
        if (state == SupplicantState.INTERFACE_DISABLED) {
            // the interface is back (a new netdev under the configured name): start over, as on EVENT_INTERFACE_ADDED
            setState(SupplicantState.DISCONNECTED);
        }
        if (state == SupplicantState.COMPLETED || state == SupplicantState.ASSOCIATED || state.ordinal() > SupplicantState.ASSOCIATED.ordinal()) {
            resync();
            return;
        }
        leaveLeftoverLink();
        if (!userDisconnected) {
            requestScan(0);
        }
    }

    /** A link the kernel holds that this core did not make (an earlier instance's) would make our connect fail. */
    private void leaveLeftoverLink() {
        try {
            Optional<MacAddress> b = driver.getBssid();
            if (b.isPresent()) {
                driver.deauthenticate(b.get(), ReasonCode.DEAUTH_LEAVING);
            }
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
        }
    }

    /** The driver is going away; state stays, ops wait for the next driver. */
    @Override
    public void detach() {
        driver = null;
    }

    private void resync() {
        MacAddress was = currentBss == null ? MacAddress.ZERO : currentBss.bssid();
        Optional<MacAddress> bssid = Optional.empty();
        try {
            bssid = driver.getBssid();
            if (currentBss != null && bssid.isPresent() && bssid.get().equals(currentBss.bssid())) {
                listener.onEvent("CTRL-EVENT-DRIVER-RESYNC bssid=" + bssid.get() + " driver=" + driver.driverName());
                return;
            }
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
        }
        // the new driver cannot carry the link on: end it in the kernel too (on the BSS the kernel is on), or
        // the next connect meets a busy interface
        try {
            driver.deauthenticate(bssid.orElse(was), ReasonCode.UNSPECIFIED);
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
        }
        disconnected(was, ReasonCode.UNSPECIFIED, true);
    }

    // ---- commands ------------------------------------------------------------------------------

    /** SCAN: connected, the BSS table is refreshed without leaving the link; otherwise a scan to join a network. */
    public void scan() {
        if (driver != null && (state == SupplicantState.COMPLETED || userDisconnected)) {
            // connected, or disconnected by the user: the table is refreshed, nothing is joined (as wpa_supplicant)
            scan2(false);
            return;
        }
        requestScan(0);
    }

    /**
     * DISCONNECT: the link ends and the station stays disconnected until RECONNECT, REASSOCIATE or SELECT_NETWORK. Like
     * wpa_supplicant_deauthenticate, the disconnection is reported (locally_generated=1) to monitors and scripts.
     */
    public void disconnect() {
        userDisconnected = true;
        cancelTimers();
        if (currentBss != null) {
            dropLink(ReasonCode.DEAUTH_LEAVING);
            return;
        }
        endAssociation();
        setState(SupplicantState.DISCONNECTED);
    }

    public void reconnect() {
        userDisconnected = false;
        if (state == SupplicantState.DISCONNECTED || state == SupplicantState.INACTIVE) {
            requestScan(0);
        }
    }

    /** REASSOCIATE: connect again even when connected (the link is ended first) or disconnected by the user. */
    public void reassociate() {
        userDisconnected = false;
        if (currentBss != null) {
            dropLink(ReasonCode.DEAUTH_LEAVING);
        } else {
            requestScan(0);
        }
    }

    /**
     * Replaces the enabled networks (RECONFIGURE, ENABLE/DISABLE/REMOVE/SET_NETWORK). A network that stays keeps its
     * failure history; the link ends when its network is gone or now connects differently.
     */
    public void setNetworks(List<NetworkConfig> configs) {
        Map<Integer, NetworkState> was = new HashMap<>();
        networks.forEach(n -> was.put(n.config.id(), n));
        // a change to a disabled or incomplete block (SET_NETWORK while building one) changes nothing here: no rescan
        boolean changed = configs.size() != was.size()
                || configs.stream().anyMatch(c -> was.get(c.id()) == null || !was.get(c.id()).config.sameSelection(c));
        networks.clear();
        for (NetworkConfig c : configs) {
            NetworkState old = was.remove(c.id());
            if (old != null && !old.config.ssid().equals(c.ssid()) && old.reenable != null) {
                // another network now under that id: the old one's re-enable would be a false SSID-REENABLED
                old.reenable.cancel();
            }
            networks.add(old != null && old.config.ssid().equals(c.ssid()) ? new NetworkState(c, old) : new NetworkState(c));
        }
        was.values().stream().filter(n -> n.reenable != null).forEach(n -> n.reenable.cancel());
        reportUnsupported();
        if (current != null) {
            Optional<NetworkState> now = network(current.config.id());
            if (now.isPresent() && now.get().config.sameLink(current.config)) {
                current = now.get();
            } else if (currentBss != null) {
                dropLink(ReasonCode.DEAUTH_LEAVING);
                return;
            }
        }
        if (changed && !userDisconnected && (state == SupplicantState.DISCONNECTED || state == SupplicantState.INACTIVE)) {
            notFound = 0;
            requestScan(0);
        }
    }

    /** SELECT_NETWORK / ENABLE_NETWORK of one network: forget its temporary disabling and connect now if not connected. */
    public void selectNetwork(int id) {
        network(id).ifPresent(n -> {
            n.authFailures = 0;
            n.disabledUntilNanos = 0;
        });
        userDisconnected = false;
        if (current != null && current.config.id() != id && currentBss != null) {
            dropLink(ReasonCode.DEAUTH_LEAVING);
        } else if (state == SupplicantState.DISCONNECTED || state == SupplicantState.INACTIVE || state == SupplicantState.SCANNING) {
            notFound = 0;
            requestScan(0);
        }
    }

    /** The network of the current (or attempted) link. */
    public Optional<Integer> currentNetworkId() {
        return current == null ? Optional.empty() : Optional.of(current.config.id());
    }

    /** Whether network {@code id} is temporarily disabled after failures. */
    public boolean isTempDisabled(int id) {
        return network(id).map(NetworkState::tempDisabled).orElse(false);
    }

    private Optional<NetworkState> network(int id) {
        return networks.stream().filter(n -> n.config.id() == id).findFirst();
    }

    /** SIGNAL_POLL as wpa_supplicant answers it, or empty when not connected or the driver cannot tell. */
    public Optional<String> signalPoll() {
        if (driver == null || currentBss == null || state.ordinal() < SupplicantState.ASSOCIATED.ordinal()) {
            return Optional.empty();
        }
        try {
            SignalInfo si = driver.signalPoll();
            return Optional.of("RSSI=" + si.currentSignal() + "\nLINKSPEED=" + si.currentTxrate() / 1000 + "\nNOISE=" + si.currentNoise()
                    + "\nFREQUENCY=" + (si.frequency() == 0 ? currentBss.result().freq() : si.frequency()) + "\n");
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
            return Optional.empty();
        }
    }

    /** wpa_cli STATUS (and STATUS-VERBOSE) lines; never key material. */
    public String statusText(boolean verbose) {
        StringBuilder sb = new StringBuilder();
        boolean linked = currentBss != null && state.ordinal() >= SupplicantState.ASSOCIATED.ordinal();
        if (linked) {
            String cipher = current.config.isPsk() ? "CCMP" : "NONE";
            sb.append("bssid=").append(currentBss.bssid()).append("\nfreq=").append(currentBss.result().freq()).append("\nssid=")
                    .append(currentBss.ssid().toPrintable()).append("\nid=").append(current.config.id()).append('\n');
            if (!current.config.idStr().isEmpty()) {
                sb.append("id_str=").append(current.config.idStr()).append('\n');
            }
            sb.append("mode=station\npairwise_cipher=").append(cipher).append("\ngroup_cipher=").append(cipher).append("\nkey_mgmt=")
                    .append(current.config.keyMgmt()).append('\n');
        }
        sb.append("wpa_state=").append(state.wpaName()).append('\n');
        if (own != null) {
            sb.append("address=").append(own).append('\n');
        }
        if (verbose) {
            sb.append("driver=").append(driver == null ? "none" : driver.driverName()).append("\neapol_dropped=").append(eapolDropped)
                    .append("\ndriver_errors=").append(driverErrors).append("\nbss_count=").append(bss.all().size()).append('\n');
            if (!lastScanError.isEmpty()) {
                sb.append("last_scan_error=").append(lastScanError).append('\n');
            }
        }
        return sb.toString();
    }

    /** The BSS table entries (BSS command), in table order; the index is the BSS id. */
    public List<ScanResult> bssEntries() {
        return bss.all().stream().map(BssTable.Entry::result).toList();
    }

    /** wpa_cli's flags column for a BSS, e.g. {@code [WPA2-PSK-CCMP][ESS]}. */
    public String bssFlags(MacAddress bssid) {
        return bss.get(bssid).map(Supplicant::flags).orElse("");
    }

    private static String flags(BssTable.Entry e) {
        return (e.offersPskCcmp() ? "[WPA2-PSK-CCMP]" : e.rsn() != null ? "[WPA2]" : e.privacy() ? "[WEP]" : "") + "[ESS]";
    }

    public SupplicantState state() {
        return state;
    }

    public StationStatus status() {
        boolean linked = currentBss != null && state.ordinal() >= SupplicantState.ASSOCIATED.ordinal();
        return new StationStatus(ifname, driver == null ? "none" : driver.driverName(), state, linked ? currentBss.bssid().toString() : "",
                linked ? currentBss.ssid().toPrintable() : "", linked ? currentBss.result().freq() : 0,
                linked ? current.config.keyMgmt() : "", own == null ? "" : own.toString());
    }

    /** wpa_cli SCAN_RESULTS lines. */
    public List<String> scanResults() {
        List<String> lines = new ArrayList<>();
        lines.add("bssid / frequency / signal level / flags / ssid");
        for (BssTable.Entry e : bss.all()) {
            lines.add(e.bssid() + "\t" + e.result().freq() + "\t" + e.result().level() + "\t" + flags(e) + "\t" + e.ssid().toPrintable());
        }
        return lines;
    }

    public long eapolDropped() {
        return eapolDropped;
    }

    /** Authentication failures of network {@code id} since it last connected. */
    public int authFailures(int id) {
        return networks.stream().filter(n -> n.config.id() == id).mapToInt(n -> n.authFailures).findFirst().orElse(0);
    }

    // ---- scanning and selection ----------------------------------------------------------------

    private void requestScan(long delayMs) {
        if (scanTimer != null) {
            scanTimer.cancel();
        }
        scanTimer = loop.schedule(delayMs, this::startScan);
    }

    private void startScan() {
        if (driver == null || userDisconnected || state == SupplicantState.INTERFACE_DISABLED
                || state.ordinal() >= SupplicantState.AUTHENTICATING.ordinal()) {
            return;
        }
        scan2(true);
    }

    /**
     * Asks the driver for a scan of the networks' SSIDs and frequencies.
     *
     * @param selecting whether this scan looks for a network to join (state SCANNING, with a timeout), or only
     *     refreshes the BSS table while connected (the SCAN command; wpa_supplicant scans while associated too)
     */
    private void scan2(boolean selecting) {
        Set<Ssid> ssids = new LinkedHashSet<>();
        ssids.add(Ssid.WILDCARD);
        networks.stream().filter(n -> n.config.scanSsid()).forEach(n -> ssids.add(n.config.ssid()));
        boolean allRestricted = !networks.isEmpty() && networks.stream().allMatch(n -> !n.config.scanFreqs().isEmpty());
        Set<Integer> freqs = new LinkedHashSet<>();
        if (allRestricted) {
            networks.forEach(n -> freqs.addAll(n.config.scanFreqs()));
        }
        try {
            driver.scan2(new ScanParams(new ArrayList<>(ssids), Bytes.EMPTY, new ArrayList<>(freqs), List.of(), 0, false));
            lastScanFreqs = List.copyOf(freqs);
            scanStartNanos = System.nanoTime();
            if (!selecting) {
                return;
            }
            setState(SupplicantState.SCANNING);
            scanTimer = loop.schedule(timing.scanTimeoutMs(), () -> {
                setState(SupplicantState.DISCONNECTED);
                requestScan(timing.scanIntervalMs());
            });
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
            LOG.log(System.Logger.Level.DEBUG, () -> ifname + ": scan request failed: " + e.getMessage());
            lastScanError = e.getMessage();
            if (selecting) {
                requestScan(timing.scanIntervalMs());
            }
        }
    }

    private void onScanResults() {
        if (scanTimer != null) {
            scanTimer.cancel();
        }
        try {
            bss.update(driver.getScanResults2().results(), lastScanFreqs, (System.nanoTime() - scanStartNanos) / 1_000_000 + 1);
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
        }
        listener.onEvent("CTRL-EVENT-SCAN-RESULTS");
        if (userDisconnected || state != SupplicantState.SCANNING && state != SupplicantState.DISCONNECTED) {
            return;
        }
        Optional<Candidate> c = select();
        if (c.isEmpty() && !ignored.isEmpty()) {
            // every candidate failed lately: as wpa_supplicant, forget those failures and try them all again
            ignored.clear();
            c = select();
        }
        if (c.isEmpty()) {
            setState(SupplicantState.DISCONNECTED);
            if (!networks.isEmpty()) {
                listener.onEvent("CTRL-EVENT-NETWORK-NOT-FOUND");
            }
            notFound++;
            // nothing to join: scan less often the longer nothing is there (1, 2, 4, then 6 intervals: 30 s by default)
            requestScan((long) timing.scanIntervalMs() * Math.min(1L << Math.min(notFound - 1, 3), 6));
            return;
        }
        notFound = 0;
        authenticate(c.get());
    }

    private record Candidate(NetworkState network, BssTable.Entry bss) {}

    /**
     * wpa_supplicant's selection: the highest priority group with a usable BSS wins; inside it the stronger security,
     * then the stronger signal. A BSS that failed lately (ignored) and a temporarily disabled network are skipped.
     */
    private Optional<Candidate> select() {
        List<NetworkState> usable = networks.stream().filter(n -> !n.tempDisabled() && driverCan(n.config)).toList();
        Comparator<Candidate> order = Comparator.comparingInt((Candidate c) -> c.network().config.priority())
                .thenComparingInt(c -> c.network().config.isPsk() ? 1 : 0).thenComparingInt(c -> c.bss().result().level());
        List<Candidate> all = new ArrayList<>();
        for (NetworkState n : usable) {
            bss.all().stream().filter(e -> matches(n.config, e)).filter(e -> !ignored.ignored(e.bssid()))
                    .forEach(e -> all.add(new Candidate(n, e)));
        }
        return all.stream().max(order);
    }

    /** Whether the bound driver can do the network's key management (its capabilities say WPA2-PSK for a PSK network). */
    private boolean driverCan(NetworkConfig n) {
        return !n.isPsk() || driver == null || driver.getCapa().keyMgmt().contains(KeyMgmtCapability.WPA2_PSK);
    }

    /** A network the bound driver cannot connect is said once per driver, then left out of selection. */
    private void reportUnsupported() {
        for (NetworkState n : networks) {
            if (!driverCan(n.config) && unsupportedReported.add(n.config.id())) {
                listener.onEvent("network " + n.config.id() + " not usable: key_mgmt " + n.config.keyMgmt() + " is not supported by driver "
                        + driver.driverName());
            }
        }
    }

    private static boolean matches(NetworkConfig n, BssTable.Entry e) {
        return e.ssid().equals(n.ssid()) && n.bssid().map(b -> b.equals(e.bssid())).orElse(true) && (n.isPsk() ? e.offersPskCcmp() : e.isOpen());
    }

    // ---- SME: authentication and association -----------------------------------------------------

    private void authenticate(Candidate c) {
        current = c.network();
        currentBss = c.bss();
        if (!driver.getCapa().has(DriverFlag.SME)) {
            // as wpa_supplicant without WPA_DRIVER_FLAGS_SME: the driver authenticates and associates in one op
            associate();
            return;
        }
        listener.onEvent("SME: Trying to authenticate with " + currentBss.bssid() + " (SSID='" + currentBss.ssid().toPrintable() + "' freq="
                + currentBss.result().freq() + " MHz)");
        setState(SupplicantState.AUTHENTICATING);
        try {
            driver.authenticate(AuthParams.open(currentBss.result().freq(), currentBss.bssid(), currentBss.ssid()));
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
            connectionFailed();
        }
    }

    private void onAuth(DriverEvent.Auth a) {
        if (state != SupplicantState.AUTHENTICATING || currentBss == null || !a.peer().equals(currentBss.bssid())) {
            return;
        }
        if (a.statusCode() != 0) {
            listener.onEvent("SME: Authentication failed (status " + a.statusCode() + ")");
            connectionFailed();
            return;
        }
        associate();
    }

    private void associate() {
        listener.onEvent("Trying to associate with " + currentBss.bssid() + " (SSID='" + currentBss.ssid().toPrintable() + "' freq="
                + currentBss.result().freq() + " MHz)");
        setState(SupplicantState.ASSOCIATING);
        boolean psk = current.config.isPsk();
        AssociateParams p = AssociateParams.builder().bssid(currentBss.bssid()).ssid(currentBss.ssid()).freq(currentBss.result().freq())
                .wpaIe(psk ? encode(OWN_RSN) : Bytes.EMPTY).wpaProto(psk ? Set.of(Proto.RSN) : Set.of())
                .pairwiseSuite(psk ? Cipher.CCMP : Cipher.NONE).groupSuite(psk ? Cipher.CCMP : Cipher.NONE)
                .keyMgmtSuite(psk ? KeyMgmt.PSK : KeyMgmt.NONE).build();
        try {
            driver.associate(p);
            if (!driver.getCapa().has(DriverFlag.SME)) {
                // no AUTH/ASSOC_TIMED_OUT comes from such a driver: as wpa_supplicant, give it 10 s
                timeout = loop.schedule(NON_SME_ASSOC_TIMEOUT_MS, () -> {
                    listener.onEvent("Authentication with " + currentBss.bssid() + " timed out.");
                    try {
                        if (driver != null) {
                            driver.deauthenticate(currentBss.bssid(), ReasonCode.UNSPECIFIED);
                        }
                    } catch (DriverException | UnsupportedOperationException e) {
                        driverErrors++;
                    }
                    connectionFailed();
                });
            }
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
            connectionFailed();
        }
    }

    private static Bytes encode(InformationElement e) {
        return IeList.of(e).encode();
    }

    private void onAssoc(DriverEvent.Assoc a) {
        if (state != SupplicantState.ASSOCIATING || currentBss == null) {
            return;
        }
        if (timeout != null) {
            timeout.cancel();
        }
        listener.onEvent("Associated with " + currentBss.bssid());
        newConnection = true;
        setState(SupplicantState.ASSOCIATED);
        if (!current.config.isPsk()) {
            completed();
            return;
        }
        Bytes apRsn = apRsnElement(a.info().beaconIes()).orElse(currentBss.rsn() == null ? Bytes.EMPTY : currentBss.rsn().encodeBody());
        closeKeys();
        keys = new StationKeyHandshake(current.config.psk(), currentBss.bssid(), own, OWN_RSN, apRsn, random);
        timeout = loop.schedule(timing.handshakeTimeoutMs(), () -> {
            listener.onEvent("WPA: key handshake timed out");
            leave(ReasonCode.FOURWAY_HANDSHAKE_TIMEOUT);
        });
    }

    /** The AP's RSN element octets from the Beacon the driver reported with the association. */
    private Optional<Bytes> apRsnElement(Bytes beaconIes) {
        try {
            return IeList.decode(beaconIes).find(ElementId.RSN).map(InformationElement::body);
        } catch (MalformedFrameException e) {
            return Optional.empty();
        }
    }

    /**
     * As wpa_supplicant's wpas_connection_failed: the BSS is ignored for a while and the next scan comes later the more
     * often it failed; after more than three failures in a row the network is temporarily disabled (CONN_FAILED).
     */
    private void connectionFailed() {
        NetworkState network = current;
        MacAddress failed = currentBss == null ? null : currentBss.bssid();
        endAssociation();
        setState(SupplicantState.DISCONNECTED);
        int count = failed == null ? 1 : ignored.fail(failed);
        if (count > 3 && network != null) {
            authFailed(network, "CONN_FAILED");
        }
        long delay = switch (count) {
            case 1 -> timing.reconnectDelayMs();
            case 2 -> timing.reconnectDelayMs() * 5L;
            case 3 -> timing.reconnectDelayMs() * 10L;
            case 4 -> timing.reconnectDelayMs() * 50L;
            default -> timing.reconnectDelayMs() * 100L;
        };
        requestScan(delay);
    }

    // ---- key handshakes ------------------------------------------------------------------------

    private void onEapol(DriverEvent.EapolRx e) {
        if (keys == null || currentBss == null || !e.src().equals(currentBss.bssid())) {
            eapolDropped++;
            return;
        }
        List<KeyAction> actions;
        try {
            actions = keys.onEapol(e.data());
        } catch (MalformedFrameException bad) {
            eapolDropped++;
            LOG.log(System.Logger.Level.DEBUG, "EAPOL-Key dropped: " + bad.reason());
            return;
        }
        for (KeyAction a : actions) {
            if (!perform(a)) {
                return;
            }
        }
    }

    /** Carries out one key action; false when the association ended. */
    private boolean perform(KeyAction a) {
        try {
            if (a instanceof KeyAction.Send s) {
                driver.sendEapol(currentBss.bssid(), 0x888e, s.pdu());
            } else if (a instanceof KeyAction.Install i) {
                driver.setKey(i.key());
            } else if (a instanceof KeyAction.Enter en) {
                if (en.state() == SupplicantState.COMPLETED) {
                    completed();
                } else {
                    setState(en.state());
                }
            } else if (a instanceof KeyAction.Deauth d) {
                listener.onEvent("WPA: IE in 3/4 msg does not match with IE in Beacon/ProbeResp");
                leave(d.reason());
                return false;
            }
            return true;
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
            leave(ReasonCode.UNSPECIFIED);
            return false;
        }
    }

    private void completed() {
        if (timeout != null) {
            timeout.cancel();
        }
        setState(SupplicantState.COMPLETED);
        current.authFailures = 0;
        ignored.remove(currentBss.bssid());
        if (newConnection) {
            newConnection = false;
            if (current.config.isPsk() && driver.getCapa().supports("set_supp_port")) {
                // drivers with an 802.1X controlled port (nl80211) pass data only once it is authorized
                try {
                    driver.setSuppPort(true);
                } catch (DriverException | UnsupportedOperationException e) {
                    driverErrors++;
                }
            }
            operstate(Operstate.UP);
            listener.onEvent("CTRL-EVENT-CONNECTED - Connection to " + currentBss.bssid() + " completed [id=" + current.config.id() + " id_str=" + current.config.idStr() + "]");
        }
    }

    // ---- leaving -------------------------------------------------------------------------------

    private void leave(int reason) {
        MacAddress bssid = currentBss == null ? MacAddress.ZERO : currentBss.bssid();
        try {
            driver.deauthenticate(bssid, reason);
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
            disconnected(bssid, reason, true);
        }
    }

    /** Ends the link from our side at once (the network went or changed) and looks for the next one. */
    private void dropLink(int reason) {
        MacAddress bssid = currentBss.bssid();
        try {
            if (driver != null) {
                driver.deauthenticate(bssid, reason);
            }
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
        }
        disconnected(bssid, reason, true);
    }

    private void disconnected(MacAddress bssid, int reason, boolean locally) {
        SupplicantState was = state;
        NetworkState network = current;
        listener.onEvent("CTRL-EVENT-DISCONNECTED bssid=" + bssid + " reason=" + reason + (locally ? " locally_generated=1" : ""));
        if (was == SupplicantState.FOUR_WAY_HANDSHAKE && network != null && network.config.isPsk() && !userDisconnected) {
            listener.onEvent("WPA: 4-Way Handshake failed - pre-shared key may be incorrect");
            authFailed(network, "WRONG_KEY");
        }
        if (was == SupplicantState.COMPLETED || was == SupplicantState.GROUP_HANDSHAKE) {
            operstate(Operstate.DORMANT);
        }
        endAssociation();
        setState(SupplicantState.DISCONNECTED);
        if (!userDisconnected) {
            requestScan(timing.reconnectDelayMs());
        }
    }

    private void authFailed(NetworkState n, String reason) {
        n.authFailures++;
        int units = SupplicantTiming.backoffUnits(n.authFailures);
        n.disabledUntilNanos = System.nanoTime() + (long) units * timing.backoffUnitMs() * 1_000_000L;
        listener.onEvent("CTRL-EVENT-SSID-TEMP-DISABLED id=" + n.config.id() + " ssid=\"" + n.config.ssid().toPrintable() + "\" auth_failures="
                + n.authFailures + " duration=" + units + " reason=" + reason);
        if (n.reenable != null) {
            n.reenable.cancel();
        }
        n.reenable = loop.schedule((long) units * timing.backoffUnitMs(), () -> {
            listener.onEvent("CTRL-EVENT-SSID-REENABLED id=" + n.config.id() + " ssid=\"" + n.config.ssid().toPrintable() + "\"");
            if (state == SupplicantState.DISCONNECTED || state == SupplicantState.SCANNING) {
                requestScan(0);
            }
        });
    }

    /** As wpa_supplicant: IP traffic flows (UP) only while the port is authorized. */
    private void operstate(Operstate o) {
        try {
            driver.setOperstate(o);
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
        }
    }

    private void endAssociation() {
        if (timeout != null) {
            timeout.cancel();
        }
        closeKeys();
        currentBss = null;
        current = null;
    }

    private void closeKeys() {
        if (keys != null) {
            keys.close();
            keys = null;
        }
    }

    private void cancelTimers() {
        if (scanTimer != null) {
            scanTimer.cancel();
        }
        if (timeout != null) {
            timeout.cancel();
        }
    }

    // ---- events --------------------------------------------------------------------------------

    /** A driver event for this interface. */
    @Override
    public void onEvent(DriverEvent e) {
        if (state == SupplicantState.INTERFACE_DISABLED || driver == null) {
            // late events of a removed interface, or of a driver already detached: nothing to act on with
            return;
        }
        if (e instanceof DriverEvent.ScanResults) {
            onScanResults();
        } else if (e instanceof DriverEvent.Auth a) {
            onAuth(a);
        } else if (e instanceof DriverEvent.Assoc a) {
            onAssoc(a);
        } else if (e instanceof DriverEvent.EapolRx x) {
            onEapol(x);
        } else if (e instanceof DriverEvent.Deauth d) {
            onLeft(d.addr(), d.reasonCode(), d.locallyGenerated());
        } else if (e instanceof DriverEvent.Disassoc d) {
            onLeft(d.addr(), d.reasonCode(), d.locallyGenerated());
        } else if (e instanceof DriverEvent.AuthTimedOut || e instanceof DriverEvent.AssocTimedOut) {
            listener.onEvent("SME: " + e.type() + " with " + (currentBss == null ? "?" : currentBss.bssid()));
            connectionFailed();
        } else if (e instanceof DriverEvent.AssocReject r) {
            listener.onEvent("CTRL-EVENT-ASSOC-REJECT bssid=" + r.bssid() + " status_code=" + r.statusCode());
            connectionFailed();
        } else if (e instanceof DriverEvent.InterfaceStatus s && s.change() == InterfaceChange.REMOVED && s.ifname().equals(ifname)) {
            interfaceRemoved();
        }
    }

    /**
     * As wpa_supplicant on EVENT_INTERFACE_STATUS (removed): the link went with the netdev, so its keys and
     * timers go too; the core waits in INTERFACE_DISABLED until a driver for the name is bound again.
     */
    private void interfaceRemoved() {
        listener.onEvent("interface " + ifname + " is gone" + (currentBss == null ? "" : ", link to " + currentBss.bssid() + " ended") + ": waiting for it");
        cancelTimers();
        endAssociation();
        setState(SupplicantState.INTERFACE_DISABLED);
    }

    private void onLeft(MacAddress addr, int reason, boolean locally) {
        if (currentBss == null) {
            // no link to lose (already ended from our side, or never made)
            return;
        }
        disconnected(addr == null ? MacAddress.ZERO : addr, reason, locally);
    }

    private void setState(SupplicantState next) {
        if (next != state) {
            SupplicantState was = state;
            state = next;
            listener.onState(was, next);
        }
    }
}
