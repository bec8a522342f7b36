package wpa4j.wext;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import wpa4j.driver.Capabilities;
import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.event.DriverEventSink;
import wpa4j.driver.OperationNotSupportedException;
import wpa4j.driver.types.AssociateParams;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.AuthParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.Cipher;
import wpa4j.driver.types.KeyMgmt;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.Operstate;
import wpa4j.driver.types.PmkidEntry;
import wpa4j.driver.types.Proto;
import wpa4j.driver.types.ScanParams;
import wpa4j.driver.types.ScanResults;
import wpa4j.driver.types.Ssid;
import wpa4j.linux.netlink.Rtnetlink;
import wpa4j.linux.packet.EapolSocket;
import wpa4j.wext.event.WirelessEvent;
import wpa4j.wext.event.WirelessEvents;
import wpa4j.wext.ioctl.IwEventStream;
import wpa4j.wext.ioctl.WextSocket;
import wpa4j.wext.ioctl.WextStructs;
import wpa4j.wext.uapi.Uapi;

/**
 * One interface driven through Wireless Extensions, as driver_wext: the kernel does authentication and
 * association in one step (no SME split, no AP), keys go in with SIOCSIWENCODEEXT, EAPOL over PF_PACKET, and
 * events come from rtnetlink's IFLA_WIRELESS. Closing leaves the association in place (documented in
 * docs/wext.md), so another backend can take the link over, except when the gateway shuts down.
 */
final class WextInterface implements DriverInterface {
    private final WextLink link;
    private final DriverEventSink sink;
    private final WextSocket sock;
    private final EapolSocket eapol;
    private final Runnable onClose;
    /** The IEs of the last association, from IWEVASSOCREQIE/RESPIE; they precede SIOCGIWAP. */
    private volatile Bytes assocReqIes = Bytes.EMPTY;
    private volatile Bytes assocRespIes = Bytes.EMPTY;
    private volatile MacAddress associated = MacAddress.ZERO;
    private final java.util.concurrent.atomic.AtomicLong droppedEvents = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean closed;

    private final java.util.function.BooleanSupplier endLinksOnClose;

    WextInterface(WextLink link, DriverEventSink sink, WextSocket sock, java.util.function.BooleanSupplier endLinksOnClose, Runnable onClose)
            throws java.io.IOException {
        this.endLinksOnClose = endLinksOnClose;
        this.link = link;
        this.sink = sink;
        this.sock = sock;
        this.onClose = onClose;
        this.eapol = EapolSocket.open(link.ifindex(), (src, pdu) -> deliver(new DriverEvent.EapolRx(src, pdu)));
    }

    /** Sinks are the consumer's; a throwing one must not end our reader threads. */
    private void deliver(DriverEvent e) {
        if (closed) {
            return;
        }
        try {
            sink.onEvent(e);
        } catch (RuntimeException ex) {
            droppedEvents.incrementAndGet();
        }
    }

    /** The netdev went (or was renamed away from {@code ifname}): the consumer hears it before the service goes. */
    void interfaceRemoved(String ifname) {
        deliver(new DriverEvent.InterfaceStatus(ifname, wpa4j.driver.types.InterfaceChange.REMOVED));
    }

    /** An IFLA_WIRELESS payload for this interface, from the backend's rtnetlink reader. */
    void onWireless(Bytes stream) {
        WirelessEvents.Parsed parsed = WirelessEvents.parse(stream);
        droppedEvents.addAndGet(parsed.malformed());
        for (WirelessEvent e : parsed.events()) {
            if (e instanceof WirelessEvent.ApAddress a) {
                onApAddress(a.bssid());
            } else if (e instanceof WirelessEvent.AssocReqIe r) {
                assocReqIes = r.ies();
            } else if (e instanceof WirelessEvent.AssocRespIe r) {
                assocRespIes = r.ies();
            } else if (e instanceof WirelessEvent.MicFailure m) {
                deliver(new DriverEvent.MichaelMicFailure(!m.group(), m.src()));
            } else if (e instanceof WirelessEvent.ScanDone) {
                deliver(new DriverEvent.ScanResults(false, List.of(), List.of()));
            }
        }
    }

    /** As driver_wext: a BSSID means associated (EVENT_ASSOC with the IEs seen), all zero means disassociated. */
    private void onApAddress(MacAddress bssid) {
        MacAddress was = associated;
        associated = bssid;
        if (bssid.isZero()) {
            assocReqIes = Bytes.EMPTY;
            assocRespIes = Bytes.EMPTY;
            // always reported, as driver_wext: the link may predate this interface (a backend took it over)
            deliver(new DriverEvent.Disassoc(was, 0, Bytes.EMPTY, false));
            return;
        }
        if (bssid.equals(was) && assocReqIes.isEmpty() && assocRespIes.isEmpty()) {
            // the same BSSID again with no association IEs before it: a repeat (older drivers resend it), not a new
            // association; cfg80211 sends IWEVASSOCREQIE/RESPIE before every connect and roam. An Assoc would make
            // the station start a handshake the AP never starts
            return;
        }
        deliver(new DriverEvent.Assoc(new DriverEvent.AssocInfoData(bssid, false, assocReqIes, assocRespIes, Bytes.EMPTY, 0)));
        assocReqIes = Bytes.EMPTY; // as driver_wext: they belong to this association only
        assocRespIes = Bytes.EMPTY;
    }

    /** Events dropped: undecodable wireless events and events a throwing sink refused. */
    long droppedEvents() {
        return droppedEvents.get();
    }

    @Override
    public String driverName() {
        return WextDriver.NAME;
    }

    @Override
    public String getIfname() {
        return link.ifname();
    }

    @Override
    public MacAddress getMacAddr() {
        return link.mac();
    }

    @Override
    public Capabilities getCapa() {
        return link.capabilities();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (endLinksOnClose.getAsBoolean()) {
            try {
                MacAddress b = MacAddress.of(sock.bssid(link.ifname()));
                if (!b.isZero()) {
                    sock.mlme(link.ifname(), WextStructs.mlme(Uapi.IW_MLME_DEAUTH, 3, b)); // reason 3: leaving
                }
            } catch (wpa4j.wext.ioctl.WextException e) {
                // no link left to end
            }
        }
        eapol.close();
        try {
            // as driver_wext's deinit: leave the link usable for whoever comes next
            Rtnetlink.setLinkModeDormant(link.ifindex(), false);
            Rtnetlink.setOperstate(link.ifindex(), true);
        } catch (wpa4j.linux.netlink.NetlinkException e) {
            // the interface may be gone (hot-unplug)
        }
        onClose.run();
    }

    // ---- state -----------------------------------------------------------------------------------

    @Override
    public Optional<MacAddress> getBssid() throws DriverException {
        MacAddress b = MacAddress.of(WextOps.get("get_bssid", () -> sock.bssid(link.ifname())));
        return b.isZero() ? Optional.empty() : Optional.of(b);
    }

    @Override
    public Optional<Ssid> getSsid() throws DriverException {
        byte[] s = WextOps.get("get_ssid", () -> sock.essid(link.ifname()));
        return s.length == 0 ? Optional.empty() : Optional.of(Ssid.of(s));
    }

    @Override
    public void setOperstate(Operstate state) throws DriverException {
        WextOps.run("set_operstate", () -> Rtnetlink.setOperstate(link.ifindex(), state == Operstate.UP));
    }

    @Override
    public void setRts(int rts) throws DriverException {
        WextOps.run("set_rts", () -> sock.threshold(link.ifname(), true, rts));
    }

    @Override
    public void setFrag(int frag) throws DriverException {
        WextOps.run("set_frag", () -> sock.threshold(link.ifname(), false, frag));
    }

    // ---- scanning --------------------------------------------------------------------------------

    /**
     * SIOCSIWSCAN: WEXT takes one SSID; a scan for exactly one non-wildcard SSID is directed, any other is
     * broadcast. The frequencies, if any, go in the channel list (IW_SCAN_THIS_FREQ; cfg80211 honours it).
     */
    @Override
    public void scan2(ScanParams p) throws DriverException {
        List<Ssid> named = p.ssids().stream().filter(s -> s.length() > 0).toList();
        byte[] essid = named.size() == 1 ? named.get(0).octets().toArray() : null;
        List<Integer> freqs = p.freqs().size() <= Uapi.IW_MAX_FREQUENCIES ? p.freqs() : List.of();
        WextOps.run("scan2", () -> sock.scan(link.ifname(), essid, freqs));
    }

    @Override
    public ScanResults getScanResults2() throws DriverException {
        IwEventStream.Parsed parsed = WextOps.get("get_scan_results2", () -> sock.scanResults(link.ifname()));
        return new ScanResults(parsed.results());
    }

    // ---- association (the kernel's SME: one associate op) ----------------------------------------

    /**
     * SAE runs in the supplicant as the SME, which WEXT has no place for: the kernel authenticates inside
     * {@link #associate}. Without SME the core never calls this; a SAE request still says why.
     */
    @Override
    public void authenticate(AuthParams p) {
        WextLimits.checkAuthenticate(p);
        throw new OperationNotSupportedException("authenticate", WextDriver.NAME);
    }

    /** As driver_wext_associate on cfg80211: mode, IEs, auth parameters, frequency, BSSID, and the SSID last. */
    @Override
    public void associate(AssociateParams p) throws DriverException {
        WextLimits.checkAssociate(p);
        String ifn = link.ifname();
        WextOps.run("associate", () -> {
            sock.mode(ifn, Uapi.IW_MODE_INFRA);
            sock.genericIe(ifn, p.wpaIe().toArray());
            sock.auth(ifn, Uapi.IW_AUTH_WPA_VERSION, wpaVersion(p.wpaProto()));
            sock.auth(ifn, Uapi.IW_AUTH_CIPHER_PAIRWISE, cipher(p.pairwiseSuite()));
            sock.auth(ifn, Uapi.IW_AUTH_CIPHER_GROUP, cipher(p.groupSuite()));
            sock.auth(ifn, Uapi.IW_AUTH_KEY_MGMT, keyMgmt(p.keyMgmtSuite()));
            sock.auth(ifn, Uapi.IW_AUTH_PRIVACY_INVOKED, privacy(p) ? 1 : 0);
            sock.auth(ifn, Uapi.IW_AUTH_80211_AUTH_ALG, authAlg(p.authAlg()));
            if (p.freq() != 0) {
                sock.freq(ifn, p.freq());
            }
            sock.setBssid(ifn, (p.bssid() == null ? MacAddress.ZERO : p.bssid()).octets());
            sock.setEssid(ifn, p.ssid().octets().toArray());
        });
    }

    /** As driver_wext: privacy for any cipher (static WEP has pairwise NONE and a WEP group) or a WPA/RSN element. */
    static boolean privacy(AssociateParams p) {
        return p.pairwiseSuite() != Cipher.NONE || p.groupSuite() != Cipher.NONE || !p.wpaIe().isEmpty();
    }

    static int wpaVersion(Set<Proto> protos) {
        if (protos.contains(Proto.RSN)) {
            return Uapi.IW_AUTH_WPA_VERSION_WPA2;
        }
        return protos.contains(Proto.WPA) ? Uapi.IW_AUTH_WPA_VERSION_WPA : Uapi.IW_AUTH_WPA_VERSION_DISABLED;
    }

    static int cipher(Cipher c) {
        return switch (c) {
            case NONE -> Uapi.IW_AUTH_CIPHER_NONE;
            case WEP40 -> Uapi.IW_AUTH_CIPHER_WEP40;
            case WEP104 -> Uapi.IW_AUTH_CIPHER_WEP104;
            case TKIP -> Uapi.IW_AUTH_CIPHER_TKIP;
            case CCMP -> Uapi.IW_AUTH_CIPHER_CCMP;
            default -> throw new UnsupportedOperationException("associate: cipher " + c + " has no IW_AUTH_CIPHER in Wireless Extensions (backend wext)");
        };
    }

    static int keyMgmt(KeyMgmt k) {
        return switch (k) {
            case PSK -> Uapi.IW_AUTH_KEY_MGMT_PSK;
            case IEEE8021X -> Uapi.IW_AUTH_KEY_MGMT_802_1X;
            default -> 0;
        };
    }

    static int authAlg(Set<AuthAlg> algs) {
        int v = 0;
        v |= algs.contains(AuthAlg.OPEN) ? Uapi.IW_AUTH_ALG_OPEN_SYSTEM : 0;
        v |= algs.contains(AuthAlg.SHARED) ? Uapi.IW_AUTH_ALG_SHARED_KEY : 0;
        v |= algs.contains(AuthAlg.LEAP) ? Uapi.IW_AUTH_ALG_LEAP : 0;
        return v;
    }

    @Override
    public void deauthenticate(MacAddress addr, int reasonCode) throws DriverException {
        WextOps.run("deauthenticate", () -> sock.mlme(link.ifname(), WextStructs.mlme(Uapi.IW_MLME_DEAUTH, reasonCode, addr)));
    }

    @Override
    public void disassociate(MacAddress addr, int reasonCode) throws DriverException {
        WextOps.run("disassociate", () -> sock.mlme(link.ifname(), WextStructs.mlme(Uapi.IW_MLME_DISASSOC, reasonCode, addr)));
    }

    // ---- keys, PMKSA, EAPOL --------------------------------------------------------------------------

    @Override
    public void setKey(KeyParams k) throws DriverException {
        WextLimits.checkKey(k);
        WextStructs.EncodeExt ext = WextStructs.encodeExt(k);
        try {
            WextOps.run("set_key", () -> sock.encodeExt(link.ifname(), ext.ext(), ext.flags()));
        } finally {
            java.util.Arrays.fill(ext.ext(), (byte) 0);
        }
    }

    @Override
    public void addPmkid(PmkidEntry e) throws DriverException {
        WextOps.run("add_pmkid", () -> sock.pmksa(link.ifname(), WextStructs.pmksa(Uapi.IW_PMKSA_ADD, e.bssid(), e.pmkid().toArray())));
    }

    @Override
    public void removePmkid(PmkidEntry e) throws DriverException {
        WextOps.run("remove_pmkid", () -> sock.pmksa(link.ifname(), WextStructs.pmksa(Uapi.IW_PMKSA_REMOVE, e.bssid(), e.pmkid().toArray())));
    }

    @Override
    public void flushPmkid() throws DriverException {
        WextOps.run("flush_pmkid", () -> sock.pmksa(link.ifname(), WextStructs.pmksa(Uapi.IW_PMKSA_FLUSH, null, null)));
    }

    @Override
    public void sendEapol(MacAddress dest, int proto, Bytes data) throws DriverException {
        try {
            eapol.send(dest, data);
        } catch (java.io.IOException e) {
            throw new DriverException("send_eapol", e.getMessage());
        }
    }

    /** The ops this class implements, plus init (open) and get_capa-style queries; authenticate only explains why not. */
    static Set<String> supportedOps() {
        Set<String> ops = new java.util.HashSet<>(wpa4j.driver.DriverOps.implementedBy(WextInterface.class));
        ops.addAll(List.of("init", "get_interfaces"));
        ops.remove("authenticate");
        return ops;
    }
}
