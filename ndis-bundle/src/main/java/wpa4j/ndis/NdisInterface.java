package wpa4j.ndis;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.DriverOps;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.event.DriverEventSink;
import wpa4j.driver.types.AssociateParams;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.BssMode;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.DriverFlag;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.KeyMgmtCapability;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.PmkidEntry;
import wpa4j.driver.types.ScanParams;
import wpa4j.driver.types.ScanResult;
import wpa4j.driver.types.ScanResults;
import wpa4j.driver.types.Ssid;
import wpa4j.ndis.oid.NdisAssociationInformation;
import wpa4j.ndis.oid.NdisCapability;
import wpa4j.ndis.oid.NdisEnums.AuthenticationMode;
import wpa4j.ndis.oid.NdisEnums.EncryptionStatus;
import wpa4j.ndis.oid.NdisEnums.InfrastructureMode;
import wpa4j.ndis.oid.NdisEnums.PrivacyFilter;
import wpa4j.ndis.oid.NdisKey;
import wpa4j.ndis.oid.NdisPmkid;
import wpa4j.ndis.oid.NdisRemoveKey;
import wpa4j.ndis.oid.NdisSsid;
import wpa4j.ndis.oid.NdisWep;
import wpa4j.ndis.oid.NdisWlanBssidEx;
import wpa4j.ndis.oid.Oid;
import wpa4j.ndis.transport.NdisException;
import wpa4j.ndis.transport.NdisTransport;

/**
 * One open NDIS adapter: the ops of hostap's driver_ndis over OIDs. Media connect/disconnect comes from
 * polling OID_802_11_BSSID once a second (what driver_ndis does without its WMI event receiver), turned
 * into EVENT_ASSOCINFO + EVENT_ASSOC and EVENT_DISASSOC.
 */
final class NdisInterface implements DriverInterface {
    static final int SCAN_LIST_START = 16 * 1024;
    static final int SCAN_LIST_MAX = 1024 * 1024;
    private static final int ERROR_INSUFFICIENT_BUFFER = 122;
    private static final int ERROR_MORE_DATA = 234;

    private final String ifname;
    private final NdisTransport transport;
    private final DriverEventSink sink;
    private final ScheduledExecutorService timers;
    private final long scanWaitMs;
    private final SecureRandom random = new SecureRandom();
    private final List<PmkidEntry> pmkids = new ArrayList<>();
    private MacAddress own;
    private Capabilities capabilities;
    private int pmkidCacheSize;
    private boolean bssidSet;
    private MacAddress connectedBssid;
    private ScheduledFuture<?> poller;
    private ScheduledFuture<?> scanTimer;
    private volatile boolean closed;

    NdisInterface(String ifname, NdisTransport transport, DriverEventSink sink, ScheduledExecutorService timers, long scanWaitMs) {
        this.ifname = ifname;
        this.transport = transport;
        this.sink = sink;
        this.timers = timers;
        this.scanWaitMs = scanWaitMs;
    }

    /** driver_ndis init: address, capabilities, PMKID flush, disconnect, infrastructure mode, BSSID polling. */
    synchronized void init(long pollMs) throws DriverException {
        own = MacAddress.of(query("init", Oid.OID_802_3_CURRENT_ADDRESS, 6));
        capabilities = probeCapabilities();
        flushPmkid();
        disconnect();
        set("init", Oid.OID_802_11_INFRASTRUCTURE_MODE, ulong(InfrastructureMode.INFRASTRUCTURE.value()));
        if (pollMs > 0) {
            poller = timers.scheduleWithFixedDelay(this::pollQuietly, pollMs, pollMs, TimeUnit.MILLISECONDS);
        }
    }

    // ---- transport helpers ---------------------------------------------------------------------

    private byte[] query(String op, int oid, int maxLength) throws DriverException {
        try {
            return transport.query(oid, maxLength);
        } catch (NdisException e) {
            throw new DriverException(op, "query " + Oid.name(oid) + ": " + e.getMessage(), e.error(), e);
        }
    }

    private void set(String op, int oid, byte[] value) throws DriverException {
        try {
            transport.set(oid, value);
        } catch (NdisException e) {
            throw new DriverException(op, "set " + Oid.name(oid) + ": " + e.getMessage(), e.error(), e);
        }
    }

    private static byte[] ulong(long v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    private long queryUlong(String op, int oid) throws DriverException {
        byte[] b = query(op, oid, 4);
        if (b.length != 4) {
            throw new DriverException(op, Oid.name(oid) + " returned " + b.length + " octets, expected 4");
        }
        return (b[0] & 0xffL) | (b[1] & 0xffL) << 8 | (b[2] & 0xffL) << 16 | (b[3] & 0xffL) << 24;
    }

    // ---- identity and lifecycle ------------------------------------------------------------------

    @Override
    public String driverName() {
        return NdisDriver.NAME;
    }

    @Override
    public String getIfname() {
        return ifname;
    }

    @Override
    public MacAddress getMacAddr() {
        return own;
    }

    @Override
    public Capabilities getCapa() {
        return capabilities;
    }

    /** driver_ndis deinit: PMKID flush, disconnect, radio off (OID_802_11_DISASSOCIATE). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (poller != null) {
            poller.cancel(false);
        }
        if (scanTimer != null) {
            scanTimer.cancel(false);
        }
        try {
            flushPmkid();
            disconnect();
            set("deinit", Oid.OID_802_11_DISASSOCIATE, new byte[4]);
        } catch (DriverException e) {
            // the adapter may be gone already; closing the handle is all that is left
        }
        transport.close();
    }

    // ---- station ops ---------------------------------------------------------------------------

    @Override
    public synchronized Optional<MacAddress> getBssid() throws DriverException {
        return Optional.of(MacAddress.of(query("get_bssid", Oid.OID_802_11_BSSID, 6)));
    }

    @Override
    public synchronized Optional<Ssid> getSsid() throws DriverException {
        byte[] b = query("get_ssid", Oid.OID_802_11_SSID, NdisSsid.SIZE);
        try {
            return Optional.of(NdisSsid.decode(b));
        } catch (MalformedFrameException e) {
            throw new DriverException("get_ssid", e.getMessage());
        }
    }

    /** Starts a scan; driver_ndis reports the results after a fixed wait (7 s) as NDIS gives no completion. */
    @Override
    public synchronized void scan2(ScanParams params) throws DriverException {
        set("scan2", Oid.OID_802_11_BSSID_LIST_SCAN, new byte[] {' ', ' ', ' ', ' '});
        if (scanTimer != null) {
            scanTimer.cancel(false);
        }
        scanTimer = timers.schedule(() -> sink.onEvent(new DriverEvent.ScanResults(false, List.of(), List.of())), scanWaitMs,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized ScanResults getScanResults2() throws DriverException {
        List<ScanResult> results = new ArrayList<>();
        for (NdisWlanBssidEx e : bssidList("get_scan_results2")) {
            try {
                results.add(e.toScanResult());
            } catch (MalformedFrameException bad) {
                // one broken entry (bad IEs, channel) is skipped, as driver_ndis skips invalid entries
            }
        }
        return new ScanResults(results);
    }

    /** OID_802_11_BSSID_LIST, growing the buffer while the driver says it is too small. */
    private List<NdisWlanBssidEx> bssidList(String op) throws DriverException {
        for (int size = SCAN_LIST_START; ; size *= 2) {
            try {
                return NdisWlanBssidEx.decodeList(transport.query(Oid.OID_802_11_BSSID_LIST, size));
            } catch (NdisException e) {
                boolean tooSmall = e.error() == ERROR_INSUFFICIENT_BUFFER || e.error() == ERROR_MORE_DATA;
                if (!tooSmall || size >= SCAN_LIST_MAX) {
                    throw new DriverException(op, "query OID_802_11_BSSID_LIST: " + e.getMessage(), e.error(), e);
                }
            } catch (MalformedFrameException e) {
                throw new DriverException(op, "OID_802_11_BSSID_LIST: " + e.getMessage());
            }
        }
    }

    /**
     * driver_ndis's association: infrastructure mode, static WEP keys again (the mode change clears keys),
     * privacy filter, authentication mode, encryption status, BSSID, and the SSID last (which starts it).
     */
    @Override
    public synchronized void associate(AssociateParams p) throws DriverException {
        InfrastructureMode mode = p.mode() == BssMode.IBSS ? InfrastructureMode.IBSS : InfrastructureMode.INFRASTRUCTURE;
        set("associate", Oid.OID_802_11_INFRASTRUCTURE_MODE, ulong(mode.value()));
        if (p.keyMgmtSuite() == KeyMgmt.NONE || p.keyMgmtSuite() == KeyMgmt.IEEE8021X_NO_WPA) {
            for (int i = 0; i < 4; i++) {
                Bytes k = p.wepKeys().keys().get(i);
                if (!k.isEmpty()) {
                    setKey(KeyParams.group(KeyAlg.WEP, i, i == p.wepKeys().txKeyIdx(), Bytes.EMPTY, k));
                }
            }
        }
        AuthenticationMode auth;
        PrivacyFilter privacy;
        if (p.wpaIe().isEmpty()) {
            auth = p.authAlg().contains(AuthAlg.SHARED) ? (p.authAlg().contains(AuthAlg.OPEN) ? AuthenticationMode.AUTO_SWITCH
                    : AuthenticationMode.SHARED) : AuthenticationMode.OPEN;
            privacy = PrivacyFilter.ACCEPT_ALL;
        } else if (p.wpaIe().u8(0) == 48) {
            privacy = PrivacyFilter.IEEE8021X_WEP;
            auth = p.keyMgmtSuite() == KeyMgmt.PSK ? AuthenticationMode.WPA2_PSK : AuthenticationMode.WPA2;
        } else {
            privacy = PrivacyFilter.IEEE8021X_WEP;
            auth = p.keyMgmtSuite() == KeyMgmt.WPA_NONE ? AuthenticationMode.WPA_NONE
                    : p.keyMgmtSuite() == KeyMgmt.PSK ? AuthenticationMode.WPA_PSK : AuthenticationMode.WPA;
        }
        set("associate", Oid.OID_802_11_PRIVACY_FILTER, ulong(privacy.value()));
        set("associate", Oid.OID_802_11_AUTHENTICATION_MODE, ulong(auth.value()));
        set("associate", Oid.OID_802_11_ENCRYPTION_STATUS, ulong(encryption(p).value()));
        if (p.bssid() != null) {
            set("associate", Oid.OID_802_11_BSSID, p.bssid().octets());
            bssidSet = true;
        } else if (bssidSet) {
            set("associate", Oid.OID_802_11_BSSID, MacAddress.BROADCAST.octets());
            bssidSet = false;
        }
        set("associate", Oid.OID_802_11_SSID, NdisSsid.encode(p.ssid()));
    }

    private static EncryptionStatus encryption(AssociateParams p) {
        Cipher c = p.pairwiseSuite() == Cipher.NONE ? p.groupSuite() : p.pairwiseSuite();
        return switch (c) {
            case CCMP -> EncryptionStatus.ENCRYPTION3_ENABLED;
            case TKIP -> EncryptionStatus.ENCRYPTION2_ENABLED;
            case WEP40, WEP104, WEP128 -> p.pairwiseSuite() == Cipher.NONE ? EncryptionStatus.DISABLED : EncryptionStatus.ENCRYPTION1_ENABLED;
            default -> EncryptionStatus.DISABLED;
        };
    }

    /** driver_ndis disconnects by setting a random SSID (which is unlikely to exist). */
    @Override
    public synchronized void deauthenticate(MacAddress addr, int reasonCode) throws DriverException {
        disconnect();
    }

    private void disconnect() throws DriverException {
        byte[] s = new byte[Ssid.MAX_LENGTH];
        random.nextBytes(s);
        set("deauthenticate", Oid.OID_802_11_SSID, NdisSsid.encode(Ssid.of(s)));
    }

    /** Group keys to ADD_KEY (or ADD_WEP), pairwise keys likewise with bit 30; removal with REMOVE_KEY (+ REMOVE_WEP). */
    @Override
    public synchronized void setKey(KeyParams k) throws DriverException {
        boolean pairwise = k.isPairwise();
        MacAddress bssid = pairwise ? k.addr() : currentBssidOrBroadcast();
        if (k.alg() == KeyAlg.NONE || k.key().isEmpty()) {
            // as driver_ndis: REMOVE_KEY, and for a group key also REMOVE_WEP; it fails only if both fail
            boolean removed = trySet(Oid.OID_802_11_REMOVE_KEY, new NdisRemoveKey(k.keyIdx(), pairwise, bssid).encode());
            boolean wepRemoved = pairwise || trySet(Oid.OID_802_11_REMOVE_WEP, ulong(k.keyIdx()));
            if (!removed && !wepRemoved) {
                throw new DriverException("set_key", "neither OID_802_11_REMOVE_KEY nor OID_802_11_REMOVE_WEP removed key " + k.keyIdx());
            }
            return;
        }
        if (k.alg() == KeyAlg.WEP) {
            set("set_key", Oid.OID_802_11_ADD_WEP, new NdisWep(k.keyIdx(), k.setTx(), k.key()).encode());
            return;
        }
        if (k.alg() != KeyAlg.TKIP && k.alg() != KeyAlg.CCMP) {
            throw new DriverException("set_key", k.alg() + " keys cannot be given to an NDIS 802.11 driver", 95, null);
        }
        long rsc = 0;
        for (int i = 0; i < k.seq().length(); i++) {
            rsc |= (long) k.seq().u8(i) << (8 * i);
        }
        set("set_key", Oid.OID_802_11_ADD_KEY,
                new NdisKey(k.keyIdx(), k.setTx(), pairwise, !k.seq().isEmpty(), bssid, rsc, ndisKeyMaterial(k)).encode());
    }

    /** NDIS wants the TKIP Michael keys swapped relative to hostap's order: TK, RX MIC, TX MIC. */
    static Bytes ndisKeyMaterial(KeyParams k) {
        if (k.alg() != KeyAlg.TKIP) {
            return k.key();
        }
        byte[] in = k.key().toArray();
        byte[] out = new byte[32];
        System.arraycopy(in, 0, out, 0, 16);
        System.arraycopy(in, 24, out, 16, 8);
        System.arraycopy(in, 16, out, 24, 8);
        java.util.Arrays.fill(in, (byte) 0);
        return Bytes.of(out);
    }

    private MacAddress currentBssidOrBroadcast() {
        try {
            return MacAddress.of(transport.query(Oid.OID_802_11_BSSID, 6));
        } catch (NdisException | IllegalArgumentException e) {
            return MacAddress.BROADCAST;
        }
    }

    // ---- PMKSA cache (kept here, mirrored to the driver as one list) ------------------------------

    @Override
    public synchronized void addPmkid(PmkidEntry entry) throws DriverException {
        if (pmkidCacheSize == 0) {
            return;
        }
        pmkids.removeIf(e -> e.bssid().equals(entry.bssid()));
        pmkids.add(0, entry);
        writePmkids("add_pmkid");
    }

    @Override
    public synchronized void removePmkid(PmkidEntry entry) throws DriverException {
        if (pmkidCacheSize == 0) {
            return;
        }
        pmkids.remove(entry);
        writePmkids("remove_pmkid");
    }

    private void writePmkids(String op) throws DriverException {
        set(op, Oid.OID_802_11_PMKID, NdisPmkid.encode(pmkids.subList(0, Math.min(pmkids.size(), pmkidCacheSize))));
    }

    /** Some drivers accept OID_802_11_PMKID only in WPA2 mode: switch temporarily, as driver_ndis does. */
    @Override
    public synchronized void flushPmkid() throws DriverException {
        if (pmkidCacheSize == 0) {
            return;
        }
        pmkids.clear();
        long previous = queryUlong("flush_pmkid", Oid.OID_802_11_AUTHENTICATION_MODE);
        boolean switchMode = previous != AuthenticationMode.WPA2.value();
        if (switchMode) {
            set("flush_pmkid", Oid.OID_802_11_AUTHENTICATION_MODE, ulong(AuthenticationMode.WPA2.value()));
        }
        set("flush_pmkid", Oid.OID_802_11_PMKID, NdisPmkid.encode(List.of()));
        if (switchMode) {
            set("flush_pmkid", Oid.OID_802_11_AUTHENTICATION_MODE, ulong(previous));
        }
    }

    // ---- capabilities --------------------------------------------------------------------------

    /** OID_802_11_CAPABILITY (version 2) when the driver has it, else the set-and-read-back probe of driver_ndis. */
    private Capabilities probeCapabilities() throws DriverException {
        Set<KeyMgmtCapability> keyMgmt = EnumSet.noneOf(KeyMgmtCapability.class);
        Set<Cipher> enc = EnumSet.noneOf(Cipher.class);
        Set<AuthAlg> auth = EnumSet.noneOf(AuthAlg.class);
        NdisCapability cap = null;
        try {
            cap = NdisCapability.decode(transport.query(Oid.OID_802_11_CAPABILITY, 512));
        } catch (NdisException | MalformedFrameException e) {
            cap = null;
        }
        if (cap != null && cap.version() == 2) {
            pmkidCacheSize = (int) Math.min(cap.noOfPmkids(), 64);
            for (NdisCapability.Pair pair : cap.pairs()) {
                addAuth(AuthenticationMode.of(pair.authMode()), keyMgmt, auth);
                addEncryption(EncryptionStatus.of(pair.encryptStatus()), enc);
            }
        } else {
            for (AuthenticationMode m : List.of(AuthenticationMode.WPA, AuthenticationMode.WPA_PSK, AuthenticationMode.SHARED, AuthenticationMode.OPEN)) {
                if (trySetAndReadBack(Oid.OID_802_11_AUTHENTICATION_MODE, m.value(), m.value())) {
                    addAuth(m, keyMgmt, auth);
                }
            }
            for (EncryptionStatus s : List.of(EncryptionStatus.ENCRYPTION3_ENABLED, EncryptionStatus.ENCRYPTION2_ENABLED,
                    EncryptionStatus.ENCRYPTION1_ENABLED)) {
                // a driver that can do the cipher answers "key absent" for it
                if (trySetAndReadBack(Oid.OID_802_11_ENCRYPTION_STATUS, s.value(), s.value() + (s == EncryptionStatus.ENCRYPTION1_ENABLED ? 2 : 1))) {
                    addEncryption(s, enc);
                }
            }
            try {
                set("get_capa", Oid.OID_802_11_ENCRYPTION_STATUS, ulong(EncryptionStatus.DISABLED.value()));
            } catch (DriverException e) {
                // only a reset after probing
            }
        }
        return new Capabilities(keyMgmt, enc, auth, EnumSet.of(DriverFlag.DRIVER_IE), 1, 0, false, 0, 0, 0, Set.of(), supportedOps());
    }

    private boolean trySet(int oid, byte[] value) {
        try {
            transport.set(oid, value);
            return true;
        } catch (NdisException e) {
            return false;
        }
    }

    /** The capabilities of an adapter without opening it for use (for the service properties). */
    static Capabilities probe(NdisTransport transport) throws DriverException {
        return new NdisInterface("probe", transport, e -> { }, null, 0).probeCapabilities();
    }

    private boolean trySetAndReadBack(int oid, long value, long expected) {
        try {
            transport.set(oid, ulong(value));
            byte[] b = transport.query(oid, 4);
            return b.length == 4 && ((b[0] & 0xffL) | (b[1] & 0xffL) << 8 | (b[2] & 0xffL) << 16 | (b[3] & 0xffL) << 24) == expected;
        } catch (NdisException e) {
            return false;
        }
    }

    private static void addAuth(AuthenticationMode m, Set<KeyMgmtCapability> keyMgmt, Set<AuthAlg> auth) {
        if (m == null) {
            return;
        }
        switch (m) {
            case OPEN -> auth.add(AuthAlg.OPEN);
            case SHARED -> auth.add(AuthAlg.SHARED);
            case WPA -> keyMgmt.add(KeyMgmtCapability.WPA);
            case WPA_PSK -> keyMgmt.add(KeyMgmtCapability.WPA_PSK);
            case WPA2 -> keyMgmt.add(KeyMgmtCapability.WPA2);
            case WPA2_PSK -> keyMgmt.add(KeyMgmtCapability.WPA2_PSK);
            case WPA_NONE -> keyMgmt.add(KeyMgmtCapability.WPA_NONE);
            default -> { }
        }
    }

    private static void addEncryption(EncryptionStatus s, Set<Cipher> enc) {
        if (s == null) {
            return;
        }
        switch (s) {
            case ENCRYPTION1_ENABLED -> {
                enc.add(Cipher.WEP40);
                enc.add(Cipher.WEP104);
            }
            case ENCRYPTION2_ENABLED -> enc.add(Cipher.TKIP);
            case ENCRYPTION3_ENABLED -> enc.add(Cipher.CCMP);
            default -> { }
        }
    }

    static Set<String> supportedOps() {
        Set<String> ops = new java.util.HashSet<>(DriverOps.implementedBy(NdisInterface.class));
        ops.addAll(List.of("init", "init2", "global_init", "global_deinit", "get_interfaces"));
        return ops;
    }

    // ---- media state ---------------------------------------------------------------------------

    /** driver_ndis poll: BSSID changed means connected (EVENT_ASSOCINFO, EVENT_ASSOC); none means disconnected. */
    @Override
    public synchronized void poll() {
        MacAddress bssid;
        try {
            bssid = MacAddress.of(transport.query(Oid.OID_802_11_BSSID, 6));
        } catch (NdisException | IllegalArgumentException e) {
            bssid = null;
        }
        if (bssid == null || bssid.isZero()) {
            if (connectedBssid != null) {
                connectedBssid = null;
                sink.onEvent(new DriverEvent.Disassoc(null, 0, Bytes.EMPTY, false));
            }
            return;
        }
        if (!bssid.equals(connectedBssid)) {
            connectedBssid = bssid;
            DriverEvent.AssocInfoData info = assocInfo(bssid);
            sink.onEvent(new DriverEvent.AssocInfo(info));
            sink.onEvent(new DriverEvent.Assoc(info));
        }
    }

    private void pollQuietly() {
        if (!closed) {
            poll();
        }
    }

    /** OID_802_11_ASSOCIATION_INFORMATION for the request/response IEs, the BSSID list for the Beacon IEs. */
    private DriverEvent.AssocInfoData assocInfo(MacAddress bssid) {
        Bytes req = Bytes.EMPTY;
        Bytes resp = Bytes.EMPTY;
        try {
            NdisAssociationInformation ai = NdisAssociationInformation.decode(transport.query(Oid.OID_802_11_ASSOCIATION_INFORMATION, 512));
            req = ai.requestIes();
            resp = ai.responseIes();
        } catch (NdisException | MalformedFrameException e) {
            // association information is optional in NDIS; the supplicant then has only the Beacon IEs
        }
        Bytes beacon = Bytes.EMPTY;
        int freq = 0;
        try {
            for (NdisWlanBssidEx e : bssidList("poll")) {
                if (e.bssid().equals(bssid)) {
                    ScanResult r = e.toScanResult();
                    beacon = r.ies();
                    freq = r.freq();
                }
            }
        } catch (DriverException | MalformedFrameException e) {
            // no Beacon IEs then
        }
        return new DriverEvent.AssocInfoData(bssid, false, req, resp, beacon, freq);
    }
}
