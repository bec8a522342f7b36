package wpa4j.nl80211;

import wpa4j.driver.DriverException;
import wpa4j.driver.types.AssociateParams;
import wpa4j.driver.types.AuthAlg;
import wpa4j.driver.types.AuthParams;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.Mfp;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.SignalInfo;
import wpa4j.driver.types.Ssid;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.ScanResult;
import wpa4j.driver.types.ScanResultFlag;
import wpa4j.nl80211.cmd.Association;
import wpa4j.nl80211.cmd.Authentication;
import wpa4j.nl80211.cmd.InterfaceRecord;
import wpa4j.nl80211.cmd.Nl80211;
import wpa4j.nl80211.cmd.StationRecord;
import wpa4j.nl80211.cmd.WiphyInfo;
import wpa4j.linux.netlink.NetlinkException;
import wpa4j.nl80211.uapi.Uapi;
import wpa4j.common.frame.ReasonCode;

import static wpa4j.nl80211.NlOps.failed;
import static wpa4j.nl80211.NlOps.run;

/**
 * A station's link as driver_nl80211 drives it with the supplicant as SME: authentication (Open System,
 * SAE), association, keys, the 802.1X port, and the link it is on (made here, taken over from a predecessor's
 * notes, or adopted from the kernel). The AP installs its keys through the same {@link #setKey}.
 */
final class StationMlme {
    private static final System.Logger LOG = System.getLogger(StationMlme.class.getName());
    private final Nl80211 nl;
    private final InterfaceSockets sockets;
    private final InterfaceRecord iface;
    private final WiphyInfo wiphy;
    private final EapolPath eapol;
    /** What the SME sent last and got back: needed to report EVENT_ASSOC as driver_nl80211 does. */
    private volatile Bytes lastReqIes = Bytes.EMPTY;
    private volatile int lastFreq;
    private volatile MacAddress bssid;
    /** When the link began ({@link #monotonicMs()}), noted for a successor to tell it from a newer link to the same BSS. */
    private volatile long linkSince;
    private volatile int linkEpoch;
    /** How much later than noted a link's kernel start may be and still be the noted link (see {@link #sameLink}). */
    static final long SAME_LINK_SLACK_MS = 1500;

    /** Guards bssid/epoch between the event reader and adoption only. */
    private final Object linkLock = new Object();
    private volatile Ssid ssid;
    /** The Deauthentication we forced before retrying an authentication (see {@link #authenticate}), while its event is due. */
    private final java.util.concurrent.atomic.AtomicReference<ForcedDeauth> forcedDeauth = new java.util.concurrent.atomic.AtomicReference<>();
    private static final int EALREADY = 114;
    private static final long FORCED_DEAUTH_EVENT_NANOS = 2_000_000_000L;

    private record ForcedDeauth(MacAddress bssid, long atNanos) {}

    StationMlme(Nl80211 nl, InterfaceSockets sockets, InterfaceRecord iface, WiphyInfo wiphy, EapolPath eapol) {
        this.nl = nl;
        this.sockets = sockets;
        this.iface = iface;
        this.wiphy = wiphy;
        this.eapol = eapol;
    }

    MacAddress bssid() {
        return bssid;
    }

    int lastFreq() {
        return lastFreq;
    }

    Bytes lastReqIes() {
        return lastReqIes;
    }

    /** Open System, or one SAE message (commit, then confirm: called once for each) with the core's SAE data. */
    void authenticate(AuthParams p) throws DriverException {
        int authType = authType(p, wiphy);
        try {
            eapol.forNewLink();
            eapol.ready();
            lastFreq = p.freq();
            Authentication auth = new Authentication(p.bssid(), p.freq(), p.ssid(), authType, p.ie(), p.authAlg() == AuthAlg.SAE ? p.saeData() : Bytes.EMPTY);
            try {
                nl.authenticate(iface.ifindex(), auth);
            } catch (NetlinkException e) {
                if (e.errno() != EALREADY || p.bssid() == null) {
                    throw e;
                }
                // as driver_nl80211: the kernel still holds an authentication with this BSS (e.g. what cfg80211's own SME
                // kept of a link another backend made with CONNECT) and refuses a new one; a forced Deauthentication
                // clears it, and the authentication is tried once more. Its event is ours, not the end of this attempt.
                LOG.log(System.Logger.Level.INFO, iface.ifname() + ": the kernel still holds an authentication with " + p.bssid()
                        + " (EALREADY): forcing a deauthentication and trying again");
                forcingDeauth(p.bssid());
                try {
                    nl.leave(iface.ifindex(), p.bssid(), ReasonCode.PREV_AUTH_NOT_VALID, true);
                } catch (NetlinkException notHeld) {
                    // nothing to leave after all: the retry says whether the kernel takes the authentication now
                }
                nl.authenticate(iface.ifindex(), auth);
            }
        } catch (NetlinkException e) {
            throw failed("authenticate", e);
        } catch (java.io.IOException e) {
            throw new DriverException("authenticate", "EAPOL socket: " + e.getMessage(), 0, e);
        }
    }

    /** The Deauthentication of {@code bssid} about to go is ours (see {@link #authenticate}): its event is not reported. */
    void forcingDeauth(MacAddress bssid) {
        forcedDeauth.set(new ForcedDeauth(bssid, System.nanoTime()));
    }

    /** True (once) for the event of the Deauthentication {@link #authenticate} forced on {@code peer} a moment ago. */
    boolean forcedDeauthFrom(MacAddress peer) {
        ForcedDeauth f = forcedDeauth.get();
        if (f == null || !f.bssid().equals(peer) || System.nanoTime() - f.atNanos() > FORCED_DEAUTH_EVENT_NANOS) {
            return false;
        }
        return forcedDeauth.compareAndSet(f, null);
    }

    /** NL80211_AUTHTYPE_* of the request; what this backend or the wiphy cannot do is refused before the kernel. */
    static int authType(AuthParams p, WiphyInfo w) throws DriverException {
        if (p.authAlg() == AuthAlg.OPEN) {
            return Uapi.NL80211_AUTHTYPE_OPEN_SYSTEM;
        }
        if (p.authAlg() != AuthAlg.SAE) {
            throw new DriverException("authenticate", p.authAlg() + " authentication is not done by this version (Open System and SAE)", 95, null);
        }
        if (!Nl80211Capabilities.saeCapable(w)) {
            throw new DriverException("authenticate", "wiphy " + w.name() + " cannot do SAE (no NL80211_FEATURE_SAE)", 95, null);
        }
        if (p.saeData().length() < 4) {
            throw new DriverException("authenticate", "SAE needs saeData: transaction sequence number, status code, then the SAE fields", 22, null);
        }
        return Uapi.NL80211_AUTHTYPE_SAE;
    }

    void associate(AssociateParams p) throws DriverException {
        if (p.bssid() == null) {
            throw new DriverException("associate", "a BSSID is required (the supplicant is the SME)", 22, null);
        }
        try {
            lastReqIes = p.wpaIe();
            lastFreq = p.freq() != 0 ? p.freq() : lastFreq;
            ssid = p.ssid();
            nl.associate(iface.ifindex(), association(p, lastFreq, eapol.controlPort()));
        } catch (NetlinkException e) {
            throw failed("associate", e);
        }
    }

    /**
     * What ASSOCIATE carries for {@code p}: the AKM of its key management (PSK 2, PSK-SHA256 6, SAE 8, ...; none
     * for those without one, as driver_nl80211), and USE_MFP when management frame protection is to be used
     * (the core passes other than NO only when PMF was negotiated with this AP, as wpa_supplicant's SME does).
     */
    static Association association(AssociateParams p, int freq, boolean controlPortOwner) {
        return new Association(p.bssid(), freq, p.ssid(), p.wpaIe(), Suites.cipher(p.pairwiseSuite()), Suites.cipher(p.groupSuite()),
                Suites.akm(p.keyMgmtSuite()).orElse(Association.NO_AKM), p.mgmtFrameProtection() != Mfp.NO, controlPortOwner);
    }

    void deauthenticate(MacAddress addr, int reasonCode) throws DriverException {
        run("deauthenticate", () -> nl.leave(iface.ifindex(), addr, reasonCode, true));
    }

    void disassociate(MacAddress addr, int reasonCode) throws DriverException {
        run("disassociate", () -> nl.leave(iface.ifindex(), addr, reasonCode, false));
    }

    void setKey(KeyParams k) throws DriverException {
        try {
            if (k.alg() == KeyAlg.NONE) {
                nl.deleteKey(iface.ifindex(), k.isPairwise() ? k.addr() : null, k.keyIdx());
                return;
            }
            long cipher = Suites.keyCipher(k.alg(), k.key().length())
                    .orElseThrow(() -> new DriverException("set_key", k.alg() + " keys are not installed through nl80211", 95, null));
            checkBigtk(k, wiphy);
            nl.newKey(iface.ifindex(), k.isPairwise() ? k.addr() : null, k.keyIdx(), cipher, k.seq(), k.key());
            if (!k.isPairwise() && k.setTx()) {
                // the AP's group key (GTK; IGTK for BIP; BIGTK for Beacons): the default for its group-addressed TX
                nl.setDefaultGroupKey(iface.ifindex(), k.keyIdx());
            }
        } catch (NetlinkException e) {
            throw failed("set_key", e);
        }
    }

    /**
     * A BIGTK (6/7) the wiphy cannot use is refused before the kernel (which would only say EINVAL): the AP's
     * default beacon key needs NL80211_EXT_FEATURE_BEACON_PROTECTION, a station's BIGTK either beacon feature.
     */
    static void checkBigtk(KeyParams k, WiphyInfo w) throws DriverException {
        if (!k.isBigtk()) {
            return;
        }
        boolean ap = w.extFeature(Uapi.NL80211_EXT_FEATURE_BEACON_PROTECTION);
        boolean client = w.extFeature(Uapi.NL80211_EXT_FEATURE_BEACON_PROTECTION_CLIENT);
        if (k.setTx() ? !ap : !(ap || client)) {
            throw new DriverException("set_key", "wiphy " + w.name() + " cannot do beacon protection (no NL80211_EXT_FEATURE_BEACON_PROTECTION"
                    + (k.setTx() ? "" : "[_CLIENT]") + "), so no BIGTK at index " + k.keyIdx(), 95, null);
        }
    }

    /** The 802.1X controlled port, as driver_nl80211 sets it: NL80211_CMD_SET_STATION with the AUTHORIZED flag. */
    void setSuppPort(boolean authorized) throws DriverException {
        MacAddress b = bssid;
        if (b == null) {
            throw new DriverException("set_supp_port", "not associated", 107, null);
        }
        run("set_supp_port", () -> nl.authorize(iface.ifindex(), b, authorized));
    }

    java.util.Optional<MacAddress> getBssid() throws DriverException {
        if (bssid == null) {
            adoptKernelLink();
        }
        return java.util.Optional.ofNullable(bssid);
    }

    java.util.Optional<Ssid> getSsid() throws DriverException {
        return getBssid().isEmpty() ? java.util.Optional.empty() : java.util.Optional.ofNullable(ssid);
    }

    /**
     * A link this instance did not make (another backend's, or this bundle's previous version's): as
     * driver_nl80211's get_assoc_bssid, the BSS the scan dump marks ASSOCIATED is the one the kernel is on.
     */
    private void adoptKernelLink() throws DriverException {
        int epoch = linkEpoch;
        try {
            for (ScanResult r : nl.scanResults(iface.ifindex())) {
                if (r.flags().contains(ScanResultFlag.ASSOCIATED)) {
                    adopt(epoch, r);
                    return;
                }
            }
        } catch (NetlinkException e) {
            throw failed("get_bssid", e);
        } catch (java.io.IOException e) {
            throw new DriverException("get_bssid", "EAPOL socket for the adopted link: " + e.getMessage(), 0, e);
        }
    }

    /** Takes the dumped link unless an association event changed the link meanwhile; rekeys need EAPOL from now on. */
    private void adopt(int epoch, ScanResult r) throws java.io.IOException {
        long since = kernelLinkSince(r.bssid());
        synchronized (linkLock) {
            if (epoch != linkEpoch) {
                return;
            }
            ssid = r.ssid().orElse(null);
            lastFreq = r.freq();
            bssid = r.bssid();
            linkSince = since;
        }
        eapol.usePacket(); // a link nobody here made is owned by no socket: its EAPOL arrives on the interface
        noteLink(r.bssid());
    }

    /** When the kernel's link to {@code peer} began, from its connected time (whole seconds); now if it does not say. */
    private long kernelLinkSince(MacAddress peer) {
        long now = monotonicMs();
        try {
            long seconds = nl.station(iface.ifindex(), peer).connectedSeconds();
            return seconds < 0 ? now : now - seconds * 1000;
        } catch (NetlinkException e) {
            return now;
        }
    }

    /** The event reader's link changes; the epoch lets {@link #adopt} see that it raced one. */
    void linkChanged(MacAddress now) {
        setLink(now, monotonicMs());
    }

    private void setLink(MacAddress now, long since) {
        synchronized (linkLock) {
            linkEpoch++;
            bssid = now;
            linkSince = since;
        }
        noteLink(now);
    }

    /** Milliseconds of the JVM's monotonic clock: comparable between instances of any version in the same JVM. */
    static long monotonicMs() {
        return System.nanoTime() / 1_000_000;
    }

    /**
     * Whether the kernel's link, up for {@code connectedSeconds} (truncated; -1: not reported), is the one noted as
     * begun at {@code notedSince}, rather than a newer one to the same BSS: a noted start may lag the kernel's by an
     * event's delivery or lead it by the truncation (under a second each); a link made again after one ended starts
     * later by the old link's life and the reconnection.
     */
    static boolean sameLink(long notedSince, long connectedSeconds, long now) {
        if (connectedSeconds < 0) {
            return true; // nothing to tell them apart by: the note is trusted, as before there was one
        }
        return now - connectedSeconds * 1000 <= notedSince + SAME_LINK_SLACK_MS;
    }

    /** The link as a successor needs it (see {@link #resumeLink()}). */
    private void noteLink(MacAddress now) {
        Ssid s = ssid;
        sockets.note(InterfaceSockets.BSSID, now);
        sockets.note(InterfaceSockets.SSID, now == null || s == null ? null : s.octets().toHex());
        sockets.note(InterfaceSockets.FREQ, now == null ? null : lastFreq);
        sockets.note(InterfaceSockets.LINK_SINCE, now == null ? null : linkSince);
        sockets.note(InterfaceSockets.CONTROL_PORT, eapol.controlPort());
    }

    SignalInfo signalPoll() throws DriverException {
        MacAddress b = bssid;
        if (b == null) {
            throw new DriverException("signal_poll", "not associated", 107, null);
        }
        try {
            StationRecord st = nl.station(iface.ifindex(), b);
            return new SignalInfo(lastFreq, true, st.signal(), Nl80211EventDecoder.NOISE_UNKNOWN, st.txBitrate() * 100);
        } catch (NetlinkException e) {
            throw failed("signal_poll", e);
        }
    }

    /**
     * A station link a predecessor left (its notes), if the kernel still has it: taken over as it runs,
     * with the EAPOL path it was made with. Cheaper than the scan dump of {@link #adoptKernelLink()}.
     */
    void resumeLink() {
        java.util.Optional<MacAddress> noted = sockets.note(InterfaceSockets.BSSID).map(MacAddress::parse);
        if (noted.isEmpty()) {
            return;
        }
        try {
            nl.station(iface.ifindex(), noted.get());
        } catch (NetlinkException e) {
            return; // the link ended while nobody held it: its deauthentication waits in the event queue
        }
        try {
            // the link keeps the EAPOL path it was made with, whatever this instance would choose for a new one
            eapol.follow(sockets.note(InterfaceSockets.CONTROL_PORT).map(Boolean::parseBoolean).orElse(false));
        } catch (java.io.IOException e) {
            return; // no PF_PACKET socket: the link is adopted (or lost) as one made by somebody else
        }
        ssid = sockets.note(InterfaceSockets.SSID).map(h -> new Ssid(Bytes.fromHex(h))).orElse(null);
        lastFreq = sockets.note(InterfaceSockets.FREQ).map(Integer::parseInt).orElse(0);
        long since = sockets.note(InterfaceSockets.LINK_SINCE).map(Long::parseLong).orElse(monotonicMs());
        setLink(noted.get(), since); // the link goes on: it began when it began
    }
}
