package wpa4j.supplicant.core;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import wpa4j.runtime.binding.CoreDriverSlot;
import wpa4j.common.codec.FrameWriter;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.runtime.eloop.EventLoop;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.ReasonCode;
import wpa4j.common.frame.SaQuery;
import wpa4j.common.frame.StatusCode;
import wpa4j.common.ie.ElementId;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;
import wpa4j.common.sae.PmksaCache;
import wpa4j.common.sae.PmksaEntry;
import wpa4j.common.sae.SaeAction;
import wpa4j.common.sae.SaePassword;
import wpa4j.common.sae.SaePwe;
import wpa4j.common.sae.SaeSettings;
import wpa4j.common.sae.SaeStatus;
import wpa4j.common.sae.SaeStation;
import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.AssociateParams;
import wpa4j.driver.types.AuthAlg;
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
import wpa4j.driver.types.SendActionParams;
import wpa4j.driver.types.SignalInfo;
import wpa4j.driver.types.Ssid;
import wpa4j.driver.types.WepKeys;
import wpa4j.supplicant.StationStatus;
import wpa4j.supplicant.SupplicantState;

/**
 * The station core for one interface: wpa_supplicant's state machine over whichever driver is attached.
 * Everything runs on the interface's event loop; call {@link #onEvent} and the commands from there
 * ({@link EventLoop#execute}). Key material never leaves this object except into {@code set_key}.
 */
public final class Supplicant implements CoreDriverSlot.Core {
    private static final System.Logger LOG = System.getLogger(Supplicant.class.getName());

    /** The station's SAE retransmission period: mac80211 retries a lost SAE frame after 2 s, ours comes first. */
    static final long SAE_RETRANSMIT_MS = 1000;
    static final java.time.Duration PMKSA_LIFETIME = java.time.Duration.ofHours(12);

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
    /** A SCAN asked for while connected: its results may move the link to a network of higher priority. */
    private boolean scanWhileConnected;
    /** Scans in a row that found no network: the rescan interval grows with it. */
    private int notFound;
    private final SecureRandom random = new SecureRandom();
    private DriverInterface driver;
    private MacAddress own;
    private SupplicantState state = SupplicantState.DISCONNECTED;
    private NetworkState current;
    private BssTable.Entry currentBss;
    /** What the current (or attempted) association negotiated with currentBss. */
    private LinkSecurity link = LinkSecurity.OPEN;
    /** The RSN/RSNX elements of the current (Re)Association Request, sent again in 4-way message 2. */
    private List<InformationElement> ownIes = List.of();
    /** Set once SAE accepted the peer for this attempt: the PMK comes from the exchange, no PMKID is offered. */
    private boolean saeAuthenticated;
    /** The PMKSA of this attempt: cached and offered by PMKID (a reconnect that skips SAE), or SAE's fresh one. */
    private Optional<PmksaEntry> pmksa = Optional.empty();
    /** SAE PMKSAs by BSSID, as wpa_supplicant's PMKSA cache (default lifetime 12 h). */
    private final PmksaCache pmksaCache = new PmksaCache(32);
    /** Which network each cached PMKSA belongs to (by BSSID): flushed when that network changes or goes, as wpa_supplicant does. */
    private final Map<MacAddress, Integer> pmksaNetwork = new HashMap<>();
    /** The networks as last set, to tell which changed. */
    private List<NetworkConfig> networksBefore;
    private SaeStation sae;
    /** Whether this SAE exchange got as far as our Confirm, and whether the AP then refused it (a wrong password). */
    private boolean saeConfirmSent;
    private boolean saeConfirmRefused;
    private SaePassword saePassword;
    private EventLoop.Timer saeTimer;
    private final SaQueryClient saQuery = new SaQueryClient(random);
    private EventLoop.Timer saQueryTimer;
    /** Association comebacks (status 30) in a row for this attempt: a few are honoured, then it counts as a failure. */
    private int comebacks;
    private long unprotectedDropped;
    /** An EAPOL frame from the BSS that came before the association event (see onEapol). */
    private DriverEvent.EapolRx pendingEapol;
    private long lastSaQueryNanos;
    private static final long SA_QUERY_INTERVAL_NANOS = 10_000_000_000L;
    /** How long the keys of message 3 wait for message 4's acknowledgement at most. */
    private static final long MESSAGE4_ACK_WAIT_MS = 500;
    /** When a PTK rekey falls due during another handshake, it is asked for this much later. */
    private static final long PTK_REKEY_BUSY_RETRY_MS = 1000;
    /** Immediate resends of one EAPOL-Key reply the driver reported unacknowledged. */
    private static final int UNACKED_RESENDS = 8;
    /** (BSSID, network id) pairs whose reason for being unusable was already shown, so each is said once. */
    private final Map<String, String> unusableShown = new HashMap<>();
    private StationKeyHandshake keys;
    private boolean userDisconnected;
    /** Set by each association and cleared on completion, so a later group rekey does not report a new connection. */
    private boolean newConnection;
    private EventLoop.Timer scanTimer;
    private EventLoop.Timer timeout;
    /** A PTK rekey in progress (message 1 while keys are installed): given up with the keys kept when it times out. */
    private EventLoop.Timer rekeyTimeout;
    /** The next Request for a new PTK (wpa_ptk_rekey), while one is scheduled. */
    private EventLoop.Timer ptkRekeyTimer;
    /** The key installs that wait for message 4's acknowledgement, that message, and the wait's end. */
    private List<KeyAction> afterAck;
    private Bytes afterAckPdu;
    private EventLoop.Timer afterAckTimer;
    /** Our last EAPOL-Key reply, and how often it went again because the driver reported it unacknowledged. */
    private Bytes lastEapol;
    private int unackedResends;
    private long eapolDropped;
    private long driverErrors;
    /** Networks already reported as needing what the bound driver cannot do. */
    private final Set<Integer> unsupportedReported = new java.util.HashSet<>();
    /** Networks with beacon_prot=1 already reported as getting none from the bound driver. */
    private final Set<Integer> beaconProtReported = new java.util.HashSet<>();
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
        this.networksBefore = List.copyOf(networks);
    }

    // ---- driver binding ------------------------------------------------------------------------

    /** A driver is bound: start (or, when a link is up, carry on with it after re-syncing from the driver). */
    @Override
    public void attach(DriverInterface d) {
        useDriver(d);
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

    /**
     * After the last driver hung in an op of this link (its task given up half done: a key perhaps not installed, a
     * frame not sent), the link is not trusted: it is ended in the driver and made again, as after a disconnect.
     */
    @Override
    public void attachAfterFault(DriverInterface d) {
        if (state.ordinal() < SupplicantState.AUTHENTICATING.ordinal()) {
            attach(d);
            return;
        }
        useDriver(d);
        listener.onEvent("CTRL-EVENT-DRIVER-FAULT driver=" + d.driverName() + ": the link is made again");
        endLinkInDriver(Optional.empty());
    }

    private void useDriver(DriverInterface d) {
        driver = d;
        own = d.getMacAddr();
        unsupportedReported.clear();
        beaconProtReported.clear();
        reportUnsupported();
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
        endLinkInDriver(bssid);
    }

    /** Ends the link in the driver too (on {@code bssid}, the BSS the kernel is on, if known), or the next connect meets a busy interface. */
    private void endLinkInDriver(Optional<MacAddress> bssid) {
        MacAddress was = currentBss == null ? MacAddress.ZERO : currentBss.bssid();
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
        flushPmksa(configs);
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
            String cipher = link.isOpen() ? "NONE" : "CCMP";
            sb.append("bssid=").append(currentBss.bssid()).append("\nfreq=").append(currentBss.result().freq()).append("\nssid=")
                    .append(currentBss.ssid().toPrintable()).append("\nid=").append(current.config.id()).append('\n');
            if (!current.config.idStr().isEmpty()) {
                sb.append("id_str=").append(current.config.idStr()).append('\n');
            }
            sb.append("mode=station\npairwise_cipher=").append(cipher).append("\ngroup_cipher=").append(cipher).append("\nkey_mgmt=")
                    .append(link.statusName()).append('\n');
            if (link.mfp()) {
                // as wpa_sm_get_status: pmf=2 when the AP requires it
                sb.append("pmf=").append(link.bssMfpRequired() ? 2 : 1).append("\nmgmt_group_cipher=BIP\n");
            }
            if (link.sae()) {
                sb.append("sae_h2e=").append(link.saeH2e() ? 1 : 0).append('\n');
            }
        }
        sb.append("wpa_state=").append(state.wpaName()).append('\n');
        if (own != null) {
            sb.append("address=").append(own).append('\n');
        }
        if (verbose) {
            sb.append("driver=").append(driver == null ? "none" : driver.driverName()).append("\neapol_dropped=").append(eapolDropped)
                    .append("\ndriver_errors=").append(driverErrors).append("\nbss_count=").append(bss.all().size())
                    .append("\nunprot_dropped=").append(unprotectedDropped).append('\n');
            if (linked && link.beaconProt()) {
                sb.append("beacon_prot=1\n");
            }
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
        return (e.rsn() != null ? BssFlags.rsn(e.rsn()) : e.privacy() ? "[WEP]" : "") + (e.saeH2e() ? "[SAE-H2E]" : "") + "[ESS]";
    }

    public SupplicantState state() {
        return state;
    }

    public StationStatus status() {
        boolean linked = currentBss != null && state.ordinal() >= SupplicantState.ASSOCIATED.ordinal();
        return new StationStatus(ifname, driver == null ? "none" : driver.driverName(), state, linked ? currentBss.bssid().toString() : "",
                linked ? currentBss.ssid().toPrintable() : "", linked ? currentBss.result().freq() : 0,
                linked ? link.statusName() : "", own == null ? "" : own.toString());
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
            // the scan starts when it is asked for: a BSS heard while the request is on its way is not "older than the scan"
            long asked = System.nanoTime();
            driver.scan2(new ScanParams(new ArrayList<>(ssids), Bytes.EMPTY, new ArrayList<>(freqs), List.of(), 0, false));
            lastScanFreqs = List.copyOf(freqs);
            scanStartNanos = asked;
            scanWhileConnected = !selecting;
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
        boolean ours = scanWhileConnected;
        scanWhileConnected = false;
        if (ours && state == SupplicantState.COMPLETED && !userDisconnected) {
            roamToHigherPriority();
            return;
        }
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

    /**
     * As wpa_supplicant_need_to_roam for another network block: a scan while connected that finds a network of higher
     * priority leaves the current link for it (wpa_supplicant's first scan can miss an AP that answers probes late).
     * Only a strictly higher priority moves the link, so two networks of one priority never take turns.
     */
    private void roamToHigherPriority() {
        // only what this scan saw (as wpa_supplicant picks from last_scan_res): an entry kept from earlier may be gone
        long since = scanStartNanos - 1_000_000L;
        Predicate<BssTable.Entry> seenNow = e -> e.seenNanos() >= since;
        if (select(seenNow).filter(c -> current != null && c.network().config.priority() > current.config.priority()).isEmpty()) {
            return;
        }
        dropLink(ReasonCode.DEAUTH_LEAVING);
        if (scanTimer != null) {
            scanTimer.cancel();
        }
        // straight to what this scan found, after the usual pause (a rescan could miss it again), selected anew then:
        // the networks, their disabling and the ignore list may have changed meanwhile
        scanTimer = loop.schedule(timing.reconnectDelayMs(), () -> {
            if (driver != null && !userDisconnected && state == SupplicantState.DISCONNECTED) {
                select(seenNow).ifPresentOrElse(this::authenticate, () -> requestScan(0));
            }
        });
    }

    private record Candidate(NetworkState network, BssTable.Entry bss, LinkSecurity security) {}

    /**
     * wpa_supplicant's selection: the highest priority group with a usable BSS wins; inside it the stronger security,
     * then the stronger signal. A BSS that failed lately (ignored) and a temporarily disabled network are skipped.
     */
    private Optional<Candidate> select() {
        return select(e -> true);
    }

    /** {@link #select()} among the BSS entries {@code eligible} lets through. */
    private Optional<Candidate> select(Predicate<BssTable.Entry> eligible) {
        List<NetworkState> usable = networks.stream().filter(n -> !n.tempDisabled() && driverCan(n.config)).toList();
        Comparator<Candidate> order = Comparator.comparingInt((Candidate c) -> c.network().config.priority())
                .thenComparingInt(c -> strength(c.security())).thenComparingInt(c -> c.bss().result().level());
        List<Candidate> all = new ArrayList<>();
        for (NetworkState n : usable) {
            for (BssTable.Entry e : bss.all()) {
                if (!eligible.test(e) || !e.ssid().equals(n.config.ssid()) || !n.config.bssid().map(b -> b.equals(e.bssid())).orElse(true) || ignored.ignored(e.bssid())) {
                    continue;
                }
                RsnMatch.Verdict v = RsnMatch.evaluate(n.config.security(), e, driver.getCapa(), driver.driverName());
                if (v instanceof RsnMatch.Usable u) {
                    all.add(new Candidate(n, e, u.security()));
                } else if (v instanceof RsnMatch.Unusable no) {
                    showUnusable(n, e, no.why());
                }
            }
        }
        return all.stream().max(order);
    }

    /** Stronger security first inside a priority group: SAE, then PSK-SHA256 or PMF, then PSK, then open. */
    private static int strength(LinkSecurity s) {
        return switch (s.akm()) {
            case SAE -> 4;
            case PSK_SHA256 -> 3;
            case PSK -> s.mfp() ? 3 : 2;
            default -> 0;
        };
    }

    /** Why a BSS of a network's SSID is not joined, said once per BSS and reason (wpa_supplicant says it in its debug log). */
    private void showUnusable(NetworkState n, BssTable.Entry e, String why) {
        if (!why.equals(unusableShown.put(e.bssid() + "/" + n.config.id(), why))) {
            listener.onEvent("SELECT: skip " + e.bssid() + " for network id=" + n.config.id() + ": " + why);
        }
    }

    /** Whether the bound driver can do the network at all (some AKM of it, and PMF if required). */
    private boolean driverCan(NetworkConfig n) {
        return driver == null || RsnMatch.networkUnsupported(n.security(), driver.getCapa(), driver.driverName()) == null;
    }

    /** A network the bound driver cannot connect is said once per driver, then left out of selection. */
    private void reportUnsupported() {
        for (NetworkState n : networks) {
            String why = driver == null ? null : RsnMatch.networkUnsupported(n.config.security(), driver.getCapa(), driver.driverName());
            if (why != null && unsupportedReported.add(n.config.id())) {
                listener.onEvent("network " + n.config.id() + " not usable: " + why);
            }
            if (driver != null && n.config.security().beaconProt() && !RsnMatch.verifiesBeacons(driver.getCapa())
                    && beaconProtReported.add(n.config.id())) {
                // as wpa_supplicant, which then leaves beacon_prot out (wpas_glue): the network is still joined, unprotected Beacons and all
                listener.onEvent("network " + n.config.id() + ": beacon_prot=1 ignored: driver " + driver.driverName()
                        + " cannot verify protected Beacons; connecting without beacon protection");
            }
        }
    }

    // ---- SME: authentication and association -----------------------------------------------------

    private void authenticate(Candidate c) {
        current = c.network();
        currentBss = c.bss();
        link = c.security();
        if (!driver.getCapa().has(DriverFlag.SME)) {
            // as wpa_supplicant without WPA_DRIVER_FLAGS_SME: the driver authenticates and associates in one op
            associate();
            return;
        }
        listener.onEvent("SME: Trying to authenticate with " + currentBss.bssid() + " (SSID='" + currentBss.ssid().toPrintable() + "' freq="
                + currentBss.result().freq() + " MHz)");
        setState(SupplicantState.AUTHENTICATING);
        saeAuthenticated = false;
        pmksa = Optional.empty();
        if (link.sae()) {
            Integer owner = pmksaNetwork.get(currentBss.bssid());
            pmksa = owner != null && owner == current.config.id()
                    ? pmksaCache.byPeer(currentBss.bssid(), Instant.now()).filter(e -> e.akm().equals(Suite.AKM_SAE)) : Optional.empty();
            if (pmksa.isEmpty()) {
                startSae();
                return;
            }
            listener.onEvent("PMKSA caching: reconnecting to " + currentBss.bssid() + " with the cached PMKID, SAE skipped");
        }
        try {
            driver.authenticate(AuthParams.open(currentBss.result().freq(), currentBss.bssid(), currentBss.ssid()));
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
            listener.onEvent("Authentication request to the driver failed: " + e.getMessage());
            connectionFailed();
        }
    }

    /** The PMK of the current association: the PSK, or SAE's (fresh or cached). */
    private SecretKeyBytes linkPmk() {
        if (link.sae()) {
            return pmksa.map(PmksaEntry::pmk).orElseThrow(() -> new IllegalStateException("SAE association without a PMKSA"));
        }
        return current.config.security().psk();
    }

    // ---- SAE (IEEE 802.11-2020 12.4) in the station's SME ------------------------------------------

    private void startSae() {
        byte[] pw = current.config.security().saePassword().copy();
        SaePassword password;
        try {
            password = SaePassword.of(pw, currentBss.ssid());
        } finally {
            java.util.Arrays.fill(pw, (byte) 0);
        }
        saePassword = password;
        SaeSettings settings = new SaeSettings(SaeSettings.DEFAULT.groups(), link.saeH2e() ? SaePwe.HASH_TO_ELEMENT : SaePwe.LOOPING,
                SaeSettings.DEFAULT.syncLimit(), SAE_RETRANSMIT_MS, SaeSettings.DEFAULT.antiCloggingThreshold());
        sae = new SaeStation(password, own, currentBss.bssid(), link.saeH2e(), settings, random);
        saeConfirmSent = false;
        saeConfirmRefused = false;
        listener.onEvent("SAE: starting an exchange with " + currentBss.bssid() + " (" + (link.saeH2e() ? "hash-to-element" : "hunting-and-pecking") + ")");
        saeActions(sae.start());
    }

    /** Carries out what the SAE instance asks: frames through the driver's authenticate op, its timer on the loop. */
    private void saeActions(List<SaeAction> actions) {
        for (SaeAction a : actions) {
            if (sae == null) {
                return;
            }
            if (a instanceof SaeAction.Send send) {
                sendSae(send);
            } else if (a instanceof SaeAction.ArmTimer t) {
                cancelSaeTimer();
                saeTimer = loop.schedule(t.millis(), () -> {
                    if (sae != null) {
                        saeActions(sae.timeout());
                    }
                });
            } else if (a instanceof SaeAction.CancelTimer) {
                cancelSaeTimer();
            } else if (a instanceof SaeAction.Accepted ok) {
                saeAccepted(ok);
            } else if (a instanceof SaeAction.Failed f) {
                saeFailed(f);
            } else if (a instanceof SaeAction.Ignored i) {
                LOG.log(System.Logger.Level.DEBUG, () -> ifname + ": SAE frame ignored: " + i.why());
            }
        }
    }

    private void sendSae(SaeAction.Send send) {
        if (driver == null) {
            // detached mid-exchange: the retransmission timer resends once a driver is back, else SAE gives up
            return;
        }
        saeConfirmSent |= send.transaction() == SaeStatus.CONFIRM && send.status() == SaeStatus.SUCCESS;
        // NL80211_ATTR_SAE_DATA's layout: transaction sequence number and status code, then the SAE fields
        Bytes data = new FrameWriter(4 + send.body().length()).u16le(send.transaction()).u16le(send.status()).bytes(send.body()).toBytes();
        try {
            driver.authenticate(new AuthParams(currentBss.result().freq(), currentBss.bssid(), currentBss.ssid(), AuthAlg.SAE, Bytes.EMPTY,
                    WepKeys.NONE, false, false, data));
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
            listener.onEvent("SAE: Authentication request to the driver failed: " + e.getMessage());
            closeSae();
            connectionFailed();
        }
    }

    private void saeAccepted(SaeAction.Accepted ok) {
        closeSae();
        PmksaEntry entry = new PmksaEntry(currentBss.bssid(), own, ok.pmk(), ok.pmkid(), Suite.AKM_SAE, Instant.now().plus(PMKSA_LIFETIME));
        pmksaCache.add(entry);
        pmksaNetwork.put(currentBss.bssid(), current.config.id());
        pmksa = Optional.of(entry);
        saeAuthenticated = true;
        listener.onEvent("SAE: authenticated with " + currentBss.bssid() + " (group " + ok.group().id() + ")");
        associate();
    }

    /**
     * SAE ended without a key. The password is wrong when a confirm does not verify: the AP's under our keys, or ours at
     * the AP, which answers 15 (our AP) or, as hostapd 2.10 does, 1 to our Confirm. That is reported as such and the
     * network backs off like a wrong WPA2 passphrase (WRONG_KEY). Silence is not read as a wrong password (a lossy link
     * looks the same); any failure ignores the BSS a while.
     */
    private void saeFailed(SaeAction.Failed f) {
        boolean refused = saeConfirmRefused;
        closeSae();
        NetworkState network = current;
        listener.onEvent("SAE: authentication with " + (currentBss == null ? "?" : currentBss.bssid()) + " failed (status " + f.status() + "): " + f.why());
        if (network != null && (f.status() == StatusCode.CHALLENGE_FAIL || refused)) {
            listener.onEvent(f.status() == StatusCode.CHALLENGE_FAIL ? "SAE: the password is incorrect (a confirm did not verify)"
                    : "SAE: the password is probably incorrect (the AP refused our confirm with status " + f.status() + ")");
            authFailed(network, "WRONG_KEY");
        }
        connectionFailed();
    }

    /** The driver gave up authenticating (the SAE exchange with it, if any). */
    private void authTimedOut(DriverEvent e) {
        listener.onEvent("SME: " + e.type() + " with " + (currentBss == null ? "?" : currentBss.bssid()));
        closeSae();
        connectionFailed();
    }

    /**
     * Drops the PMKSAs of networks that are gone or now connect differently (another SAE password, AKM or PMF
     * setting): a reconnect must prove the current password, not reuse a PMK from the old one.
     */
    private void flushPmksa(List<NetworkConfig> configs) {
        Map<Integer, NetworkConfig> now = new HashMap<>();
        configs.forEach(c -> now.put(c.id(), c));
        Map<Integer, NetworkConfig> before = new HashMap<>();
        networksBefore.forEach(c -> before.put(c.id(), c));
        pmksaNetwork.entrySet().removeIf(e -> {
            NetworkConfig old = before.get(e.getValue());
            NetworkConfig cur = now.get(e.getValue());
            boolean stale = cur == null || old == null || !cur.sameLink(old);
            if (stale) {
                pmksaCache.remove(e.getKey());
            }
            return stale;
        });
        networksBefore = List.copyOf(configs);
    }

    /** A cached PMKSA the AP did not take (it lost it, status 53, or the 4-way failed): the next attempt runs SAE again. */
    private void forgetCachedPmksa(String why) {
        if (link.sae() && !saeAuthenticated && pmksa.isPresent() && currentBss != null) {
            pmksaCache.remove(currentBss.bssid());
            pmksa = Optional.empty();
            listener.onEvent("PMKSA caching: entry for " + currentBss.bssid() + " dropped (" + why + ")");
        }
    }

    private void cancelSaeTimer() {
        if (saeTimer != null) {
            saeTimer.cancel();
            saeTimer = null;
        }
    }

    private void closeSae() {
        cancelSaeTimer();
        if (sae != null) {
            sae.destroy();
            sae = null;
        }
        if (saePassword != null) {
            saePassword.destroy();
            saePassword = null;
        }
    }

    private void onAuth(DriverEvent.Auth a) {
        if (state != SupplicantState.AUTHENTICATING || currentBss == null || !a.peer().equals(currentBss.bssid())) {
            return;
        }
        if (a.authType() == MgmtFrame.Authentication.ALG_SAE && sae != null) {
            saeConfirmRefused |= saeConfirmSent && a.authTransaction() == SaeStatus.CONFIRM && a.statusCode() != SaeStatus.SUCCESS;
            saeActions(sae.receive(a.authTransaction(), a.statusCode(), a.ies()));
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
        boolean rsn = !link.isOpen();
        ownIes = rsn ? ownElements() : List.of();
        AssociateParams p = AssociateParams.builder().bssid(currentBss.bssid()).ssid(currentBss.ssid()).freq(currentBss.result().freq())
                .wpaIe(rsn ? new IeList(ownIes).encode() : Bytes.EMPTY).wpaProto(rsn ? Set.of(Proto.RSN) : Set.of())
                .pairwiseSuite(rsn ? Cipher.CCMP : Cipher.NONE).groupSuite(rsn ? Cipher.CCMP : Cipher.NONE)
                .keyMgmtSuite(link.akm()).authAlg(Set.of(link.sae() && saeAuthenticated ? AuthAlg.SAE : AuthAlg.OPEN))
                .mgmtFrameProtection(link.driverMfp()).build();
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
            listener.onEvent("Association request to the driver failed: " + e.getMessage());
            connectionFailed();
        }
    }

    /** The RSN element (with the PMKID of a cached PMKSA) and, for SAE hash-to-element, the RSNX element this station sends. */
    private List<InformationElement> ownElements() {
        List<InformationElement> ies = new ArrayList<>();
        ies.add(link.ownRsn(saeAuthenticated ? Optional.empty() : pmksa.map(PmksaEntry::pmkid)).toElement());
        link.ownRsnx().ifPresent(ies::add);
        return ies;
    }

    private void onAssoc(DriverEvent.Assoc a) {
        if (currentBss != null && state.ordinal() > SupplicantState.ASSOCIATING.ordinal()) {
            reassociated(a);
            return;
        }
        if (state != SupplicantState.ASSOCIATING || currentBss == null) {
            return;
        }
        if (timeout != null) {
            timeout.cancel();
        }
        listener.onEvent("Associated with " + currentBss.bssid());
        newConnection = true;
        setState(SupplicantState.ASSOCIATED);
        if (link.isOpen()) {
            completed();
            return;
        }
        Bytes apRsn = apElement(a.info().beaconIes(), ElementId.RSN).orElse(currentBss.rsn() == null ? Bytes.EMPTY : currentBss.rsn().encodeBody());
        Optional<Bytes> apRsnx = apElement(a.info().beaconIes(), ElementId.RSNX).or(() -> apElement(currentBss.result().ies(), ElementId.RSNX));
        closeKeys();
        keys = new StationKeyHandshake(linkPmk(), link, currentBss.bssid(), own, ownIes, apRsn, apRsnx, random);
        timeout = loop.schedule(timing.handshakeTimeoutMs(), () -> {
            listener.onEvent("WPA: key handshake timed out");
            leave(ReasonCode.FOURWAY_HANDSHAKE_TIMEOUT);
        });
        if (pendingEapol != null) {
            DriverEvent.EapolRx early = pendingEapol;
            pendingEapol = null;
            onEapol(early);
        }
    }

    /**
     * The driver (re)associated again on its own (a reassociation within the BSS; a driver that roams): the pairwise
     * key went with the old association in the kernel and at the AP, so the keys of this side go too (none of them
     * may protect a frame of the new association) and a fresh 4-way handshake follows, as in wpa_supplicant's
     * event_assoc. A roam of the driver's own to another BSS of the same network (a FullMAC or wext driver) is followed
     * if the scan table knows that BSS with the same suites (not with SAE: its PMK belongs to the old BSS); any other
     * BSS was not chosen here: that link is ended at once and a network selected anew.
     */
    private void reassociated(DriverEvent.Assoc a) {
        MacAddress now = a.info().addr();
        if (now != null && !now.equals(currentBss.bssid())) {
            Optional<BssTable.Entry> roamed = link.sae() ? Optional.empty()
                    : bss.get(now).filter(e -> e.ssid().equals(currentBss.ssid()) && sameSuites(e.rsn(), currentBss.rsn()));
            if (roamed.isEmpty()) {
                listener.onEvent("driver associated with " + now + " instead of " + currentBss.bssid() + ": leaving it");
                try {
                    driver.deauthenticate(now, ReasonCode.UNSPECIFIED);
                } catch (DriverException | UnsupportedOperationException e) {
                    driverErrors++;
                }
                disconnected(now, ReasonCode.UNSPECIFIED, true);
                return;
            }
            currentBss = roamed.get();
        }
        if (portOpen(state)) {
            operstate(Operstate.DORMANT);
        }
        dropLinkKeys();
        // message 2 must carry the RSN element the (Re)Association Request carried; a driver that built it says which
        List<InformationElement> sent = requestRsnElements(a.info().reqIes());
        if (!sent.isEmpty()) {
            ownIes = sent;
        }
        setState(SupplicantState.ASSOCIATING);
        onAssoc(a);
    }

    private static boolean sameSuites(RsnElement a, RsnElement b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.akms().equals(b.akms()) && a.pairwiseCiphers().equals(b.pairwiseCiphers()) && Objects.equals(a.groupCipher(), b.groupCipher());
    }

    /** The RSN (and RSNX) elements of a (Re)Association Request's IEs, in order; none if they do not decode. */
    private static List<InformationElement> requestRsnElements(Bytes reqIes) {
        try {
            IeList ies = IeList.decode(reqIes);
            List<InformationElement> out = new ArrayList<>();
            ies.find(ElementId.RSN).ifPresent(out::add);
            ies.find(ElementId.RSNX).ifPresent(out::add);
            return out;
        } catch (MalformedFrameException e) {
            return List.of();
        }
    }

    /** An element's octets (RSN, RSNX) from the AP's Beacon the driver reported with the association. */
    private static Optional<Bytes> apElement(Bytes beaconIes, int id) {
        try {
            return IeList.decode(beaconIes).find(id).map(InformationElement::body);
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
        if (keys == null && state == SupplicantState.ASSOCIATING && currentBss != null && e.src().equals(currentBss.bssid())) {
            // message 1 can overtake the driver's association event: kept (one frame) until it comes, as wpa_supplicant does
            pendingEapol = e;
            return;
        }
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
        performAll(actions);
    }

    /**
     * Carries out key actions in order. With a driver that reports EAPOL TX status, the keys of message 3 are
     * installed only once message 4 is acknowledged: a message 4 sent again after the install would go out under the
     * new PTK, which the AP installs only when it has message 4, and the handshake would die on a lost frame.
     */
    private void performAll(List<KeyAction> actions) {
        for (int i = 0; i < actions.size(); i++) {
            KeyAction a = actions.get(i);
            if (a instanceof KeyAction.Send s && i + 1 < actions.size() && actions.get(i + 1) instanceof KeyAction.Install next
                    && next.key().isPairwise() && driver.getCapa().has(DriverFlag.EAPOL_TX_STATUS)) {
                if (perform(a)) {
                    deferUntilAcked(s.pdu(), actions.subList(i + 1, actions.size()));
                }
                return;
            }
            if (!perform(a)) {
                return;
            }
        }
    }

    private void deferUntilAcked(Bytes pdu, List<KeyAction> rest) {
        afterAck = List.copyOf(rest);
        afterAckPdu = pdu;
        afterAckTimer = loop.schedule(MESSAGE4_ACK_WAIT_MS, this::performAfterAck);
    }

    /** The actions that waited for message 4's acknowledgement (or for its wait to end). */
    private void performAfterAck() {
        List<KeyAction> rest = afterAck;
        cancelAfterAck();
        if (rest != null && keys != null) {
            performAll(rest);
        }
    }

    private void cancelAfterAck() {
        if (afterAckTimer != null) {
            afterAckTimer.cancel();
            afterAckTimer = null;
        }
        afterAck = null;
        afterAckPdu = null;
    }

    /**
     * Our reply the driver reported unacknowledged after its retries (drivers that report EAPOL TX status): the AP
     * never got it, so it goes again at once (a few times), instead of waiting for the AP's next retransmission, of
     * which it has only four before it gives the handshake up.
     */
    private void onEapolTxStatus(DriverEvent.EapolTxStatus t) {
        if (t.ack() && afterAckPdu != null && (t.data().equals(afterAckPdu) || t.data().equals(lastEapol))) {
            // message 4 (or its answer to a retransmitted message 3) arrived
            performAfterAck();
            return;
        }
        if (!t.ack() && afterAckPdu != null && t.data().equals(afterAckPdu) && unackedResends >= UNACKED_RESENDS) {
            // the AP did not get message 4 however often it went: its retransmitted message 3 will tell
            performAfterAck();
            return;
        }
        if (t.ack() || currentBss == null || lastEapol == null || !t.data().equals(lastEapol) || unackedResends >= UNACKED_RESENDS) {
            return;
        }
        unackedResends++;
        try {
            driver.sendEapol(currentBss.bssid(), 0x888e, lastEapol);
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
        }
    }

    /** Carries out one key action; false when the association ended. */
    private boolean perform(KeyAction a) {
        try {
            if (a instanceof KeyAction.Send s) {
                lastEapol = s.pdu();
                unackedResends = 0;
                driver.sendEapol(currentBss.bssid(), 0x888e, s.pdu());
            } else if (a instanceof KeyAction.Install i) {
                driver.setKey(i.key());
                if (i.key().isPairwise()) {
                    // as wpa_supplicant's wpa_supplicant_install_ptk: wpa_ptk_rekey counts from each new PTK
                    schedulePtkRekey(0);
                }
                if (i.key().isBigtk()) {
                    listener.onEvent("WPA: BIGTK keyid " + i.key().keyIdx() + " installed (beacon protection)");
                }
            } else if (a instanceof KeyAction.Enter en) {
                if (en.state() == SupplicantState.COMPLETED) {
                    completed();
                } else {
                    if (en.state() == SupplicantState.FOUR_WAY_HANDSHAKE && keys.ptkInstalled()) {
                        rekeyStarted();
                    }
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

    /**
     * Message 1 while the link has its keys: the AP's PTK rekey, or a stranger's forgery (message 1 has no MIC). The
     * installed keys carry on; if no valid message 3 follows within the handshake timeout, the attempt is dropped and
     * the link is COMPLETED again, never stuck in 4WAY_HANDSHAKE. Repeated message 1s do not extend the time.
     */
    private void rekeyStarted() {
        if (rekeyTimeout != null) {
            return;
        }
        MacAddress bssid = currentBss.bssid();
        rekeyTimeout = loop.schedule(timing.handshakeTimeoutMs(), () -> {
            rekeyTimeout = null;
            if (keys != null && state == SupplicantState.FOUR_WAY_HANDSHAKE) {
                keys.abandonRekey();
                listener.onEvent("WPA: PTK rekey with " + bssid + " did not complete in " + timing.handshakeTimeoutMs() + " ms: the installed keys stay");
                setState(SupplicantState.COMPLETED);
            }
        });
    }

    /**
     * As wpa_supplicant's wpa_ptk_rekey: this long after each PTK install, an EAPOL-Key Request asks the AP for a new
     * PTK ({@code delayMs} 0), or shortly ({@code delayMs}) when the link was busy in a handshake when it fell due.
     */
    private void schedulePtkRekey(long delayMs) {
        long ms = current == null ? 0 : current.config.ptkRekeyMs();
        if (ms <= 0 || link.isOpen()) {
            return;
        }
        if (ptkRekeyTimer != null) {
            ptkRekeyTimer.cancel();
        }
        ptkRekeyTimer = loop.schedule(delayMs > 0 ? delayMs : ms, () -> {
            ptkRekeyTimer = null;
            if (keys == null || !keys.ptkInstalled()) {
                return;
            }
            if (state != SupplicantState.COMPLETED) {
                schedulePtkRekey(PTK_REKEY_BUSY_RETRY_MS);
                return;
            }
            LOG.log(System.Logger.Level.INFO, () -> ifname + ": asking " + currentBss.bssid() + " for a new PTK (wpa_ptk_rekey)");
            try {
                driver.sendEapol(currentBss.bssid(), 0x888e, keys.ptkRekeyRequest());
            } catch (DriverException | UnsupportedOperationException e) {
                driverErrors++;
            }
        });
    }

    private void cancelRekeyTimeout() {
        if (rekeyTimeout != null) {
            rekeyTimeout.cancel();
            rekeyTimeout = null;
        }
    }

    private void completed() {
        cancelRekeyTimeout();
        if (timeout != null) {
            timeout.cancel();
        }
        setState(SupplicantState.COMPLETED);
        current.authFailures = 0;
        ignored.remove(currentBss.bssid());
        if (newConnection) {
            newConnection = false;
            if (!link.isOpen() && driver.getCapa().supports("set_supp_port")) {
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
        if (driver == null) {
            // no driver bound (a hung one being reopened): nobody reports the end, so it is ended here
            disconnected(bssid, reason, true);
            return;
        }
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
        boolean mismatch = couldBePskMismatch(reason, locally);
        listener.onEvent("CTRL-EVENT-DISCONNECTED bssid=" + bssid + " reason=" + reason + (locally ? " locally_generated=1" : ""));
        if (was == SupplicantState.FOUR_WAY_HANDSHAKE && keys != null && !keys.ptkInstalled()) {
            forgetCachedPmksa("4-way handshake failed");
        }
        if (mismatch && network != null && !link.isOpen() && !userDisconnected && !link.sae()) {
            listener.onEvent("WPA: 4-Way Handshake failed - pre-shared key may be incorrect");
            authFailed(network, "WRONG_KEY");
        }
        if (portOpen(was)) {
            // the port was open (a PTK rekey ran when the link ended): IP traffic stops
            operstate(Operstate.DORMANT);
        }
        endAssociation();
        setState(SupplicantState.DISCONNECTED);
        if (!userDisconnected) {
            requestScan(timing.reconnectDelayMs());
        }
    }

    /**
     * As wpa_supplicant's could_be_psk_mismatch, narrowed so a forged Deauthentication (no PMF) cannot pass for a wrong
     * passphrase and disable the network: only the first handshake of the association, after our message 2 and before
     * any valid message 3, ended by the AP's 4-way handshake timeout (15; 2 from older APs) or by our own timeout.
     */
    private boolean couldBePskMismatch(int reason, boolean locally) {
        if (state != SupplicantState.FOUR_WAY_HANDSHAKE || keys == null || !keys.awaitingFirstMessage3()) {
            return false;
        }
        return reason == ReasonCode.FOURWAY_HANDSHAKE_TIMEOUT || (!locally && reason == ReasonCode.PREV_AUTH_NOT_VALID);
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

    /** Whether the port was open in {@code s} (IP traffic flowed): connected, or a PTK installed (a PTK rekey running). */
    private boolean portOpen(SupplicantState s) {
        return s == SupplicantState.COMPLETED || s == SupplicantState.GROUP_HANDSHAKE
                || (s == SupplicantState.FOUR_WAY_HANDSHAKE && keys != null && keys.ptkInstalled());
    }

    /** The association's keys and the timers and SA Query state that live by them; the association itself stays. */
    private void dropLinkKeys() {
        lastEapol = null;
        cancelAfterAck();
        cancelRekeyTimeout();
        if (ptkRekeyTimer != null) {
            ptkRekeyTimer.cancel();
            ptkRekeyTimer = null;
        }
        if (saQueryTimer != null) {
            saQueryTimer.cancel();
        }
        saQuery.reset();
        closeKeys();
    }

    private void endAssociation() {
        dropLinkKeys();
        if (timeout != null) {
            timeout.cancel();
        }
        closeSae();
        // per-attempt state: a later attempt (another BSS, or a driver without SME) must not inherit it
        pendingEapol = null;
        link = LinkSecurity.OPEN;
        pmksa = Optional.empty();
        saeAuthenticated = false;
        ownIes = List.of();
        comebacks = 0;
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
        } else if (e instanceof DriverEvent.EapolTxStatus t) {
            onEapolTxStatus(t);
        } else if (e instanceof DriverEvent.Deauth d) {
            onLeft(d.addr(), d.reasonCode(), d.locallyGenerated());
        } else if (e instanceof DriverEvent.Disassoc d) {
            onLeft(d.addr(), d.reasonCode(), d.locallyGenerated());
        } else if (e instanceof DriverEvent.AuthTimedOut || e instanceof DriverEvent.AssocTimedOut) {
            authTimedOut(e);
        } else if (e instanceof DriverEvent.AssocReject r) {
            listener.onEvent("CTRL-EVENT-ASSOC-REJECT bssid=" + r.bssid() + " status_code=" + r.statusCode());
            onAssocReject(r);
        } else if (e instanceof DriverEvent.UnprotDeauth u) {
            onUnprotected(u.sa(), u.reasonCode(), "deauthentication");
        } else if (e instanceof DriverEvent.UnprotDisassoc u) {
            onUnprotected(u.sa(), u.reasonCode(), "disassociation");
        } else if (e instanceof DriverEvent.RxMgmt m) {
            onMgmt(m.frame());
        } else if (e instanceof DriverEvent.InterfaceStatus s && s.change() == InterfaceChange.REMOVED && s.ifname().equals(ifname)) {
            interfaceRemoved();
        }
    }

    // ---- PMF: association comeback, SA Query ----------------------------------------------------

    /**
     * A rejected association: with PMF the AP may still hold our old association and ask us to come back after a
     * Timeout Interval (status 30, IEEE 802.11-2020 11.3.5.3); that is honoured, a few times, without counting as a
     * failure (wpa_supplicant's "Temporary assoc reject"). Any other status is a connection failure.
     */
    private void onAssocReject(DriverEvent.AssocReject r) {
        Optional<Long> comeback = r.statusCode() == StatusCode.ASSOC_REJECTED_TEMPORARILY ? Comeback.timeTu(r.respIes()) : Optional.empty();
        if (comeback.isPresent() && currentBss != null && comebacks < 3 && state == SupplicantState.ASSOCIATING) {
            comebacks++;
            long ms = Math.max(1, comeback.get() * 1024 / 1000);
            listener.onEvent("SME: Temporary assoc reject: retry association with " + currentBss.bssid() + " in " + ms + " ms");
            if (timeout != null) {
                timeout.cancel();
            }
            timeout = loop.schedule(ms, this::associate);
            return;
        }
        forgetCachedPmksa("association rejected with status " + r.statusCode());
        connectionFailed();
    }

    /**
     * An unprotected Deauthentication/Disassociation the driver dropped because PMF is in use. As wpa_supplicant
     * (sme_event_unprot_disconnect): when it comes from our AP with reason 6 or 7 (the AP may have lost our state,
     * e.g. restarted), ask it with an SA Query over the protected link; otherwise it is only counted.
     */
    private void onUnprotected(MacAddress sa, int reason, String what) {
        unprotectedDropped++;
        if (state != SupplicantState.COMPLETED || currentBss == null || !link.mfp() || !currentBss.bssid().equals(sa)
                || reason != ReasonCode.CLASS2_FRAME_FROM_NONAUTH_STA && reason != ReasonCode.CLASS3_FRAME_FROM_NONASSOC_STA) {
            // counted only (STATUS-VERBOSE unprot_dropped): a flood of forged frames must not flood the log and monitors
            LOG.log(System.Logger.Level.DEBUG, () -> ifname + ": unprotected " + what + " from " + sa + " (reason " + reason + ") dropped");
            return;
        }
        long now = System.nanoTime();
        if (saQuery.inProgress() || lastSaQueryNanos != 0 && now - lastSaQueryNanos < SA_QUERY_INTERVAL_NANOS) {
            // as wpa_supplicant's sme_event_unprot_disconnect: at most one SA Query per 10 s
            return;
        }
        lastSaQueryNanos = now;
        listener.onEvent("SME: unprotected " + what + " from " + sa + " (reason " + reason + "): starting SA Query");
        saQueryStep();
    }

    /** Sends the next SA Query Request, or ends the link when the AP did not answer within SaQueryClient.MAX_TIMEOUT_MS. */
    private void saQueryStep() {
        if (driver == null || currentBss == null) {
            saQuery.reset();
            return;
        }
        Optional<SaQuery> req = saQuery.nextRequest(System.nanoTime());
        if (req.isEmpty()) {
            listener.onEvent("SME: SA Query timed out: the AP no longer has our association");
            saQuery.reset();
            leave(ReasonCode.PREV_AUTH_NOT_VALID);
            return;
        }
        try {
            driver.sendAction(new SendActionParams(currentBss.result().freq(), 0, currentBss.bssid(), own, currentBss.bssid(),
                    req.get().actionBody(), false));
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
        }
        saQueryTimer = loop.schedule(SaQueryClient.RETRY_TIMEOUT_MS, () -> {
            if (saQuery.inProgress() && currentBss != null) {
                saQueryStep();
            }
        });
    }

    /**
     * Management frames the driver passes up to the station: SA Query Responses from the AP. They must have come
     * protected (the driver decrypted them and left the Protected bit set, as mac80211 does): an unprotected one could
     * be forged, so it is not believed.
     */
    private void onMgmt(Bytes frame) {
        try {
            MgmtFrame.Received rx = MgmtFrame.decodeReceived(frame);
            if (!rx.wasProtected()) {
                unprotectedDropped++;
                return;
            }
            if (rx.frame() instanceof MgmtFrame.Action a && currentBss != null && a.header().sa().equals(currentBss.bssid())) {
                SaQuery.of(a).filter(saQuery::answered).ifPresent(q -> {
                    if (saQueryTimer != null) {
                        saQueryTimer.cancel();
                    }
                    listener.onEvent("SME: SA Query response from " + currentBss.bssid() + ": the association is alive, unprotected disconnection ignored");
                });
            }
        } catch (MalformedFrameException bad) {
            LOG.log(System.Logger.Level.DEBUG, () -> ifname + ": management frame dropped: " + bad.reason());
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
        if (addr != null && !addr.equals(MacAddress.ZERO) && !addr.equals(currentBss.bssid())) {
            // another BSS's (the late report of a link we left to join this one): it cannot end this attempt
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
