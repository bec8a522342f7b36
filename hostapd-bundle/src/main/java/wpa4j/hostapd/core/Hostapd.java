package wpa4j.hostapd.core;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import wpa4j.common.binding.CoreDriverSlot;
import wpa4j.common.codec.MalformedFrameException;
import wpa4j.common.crypto.SecretKeyBytes;
import wpa4j.common.eloop.EventLoop;
import wpa4j.common.frame.MgmtFrame;
import wpa4j.common.frame.MgmtHeader;
import wpa4j.common.frame.MgmtSubtype;
import wpa4j.common.frame.ReasonCode;
import wpa4j.common.frame.StatusCode;
import wpa4j.common.ie.ElementId;
import wpa4j.common.ie.IeList;
import wpa4j.common.ie.InformationElement;
import wpa4j.common.ie.RsnElement;
import wpa4j.common.ie.Suite;
import wpa4j.driver.DriverException;
import wpa4j.driver.DriverInterface;
import wpa4j.driver.event.DriverEvent;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.FreqParams;
import wpa4j.driver.types.HwModeType;
import wpa4j.driver.types.InterfaceChange;
import wpa4j.driver.types.KeyAlg;
import wpa4j.driver.types.KeyParams;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.StaAddParams;
import wpa4j.driver.types.StaFlag;
import wpa4j.hostapd.ApStatus;
import wpa4j.hostapd.StationInfo;

/**
 * The AP core for one interface: hostapd's user-space MLME and authenticator over whichever driver is
 * attached. Everything runs on the interface's event loop. Station state and keys live here (and in the
 * driver's station table), never in the driver instance.
 */
public final class Hostapd implements CoreDriverSlot.Core {
    private static final System.Logger LOG = System.getLogger(Hostapd.class.getName());

    private final EventLoop loop;
    private final String ifname;
    private ApConfig config;
    private final ApTiming timing;
    private final ApListener listener;
    private final SecureRandom random = new SecureRandom();
    private final Map<MacAddress, Sta> stations = new LinkedHashMap<>();
    private final BitSet aids = new BitSet();
    private DriverInterface driver;
    private MacAddress own;
    private BeaconTemplate template;
    private Gtk gtk;
    private boolean enabled;
    /** DISABLE by the operator: a new driver or new settings do not start the BSS until ENABLE. */
    private boolean operatorDisabled;
    private EventLoop.Timer rekeyTimer;
    private EventLoop.Timer inactivityTimer;
    private long eapolDropped;
    private long mgmtDropped;
    private long driverErrors;

    /** One station as the AP knows it. */
    private static final class Sta {
        final MacAddress addr;
        int aid;
        boolean associated;
        boolean authorized;
        /** Whether the driver's station table has it (sta_add done). */
        boolean added;
        Bytes rsnBody = Bytes.EMPTY;
        AuthenticatorHandshake keys;
        int attempts;
        EventLoop.Timer timer;

        Sta(MacAddress addr) {
            this.addr = addr;
        }
    }

    public Hostapd(EventLoop loop, String ifname, ApConfig config, ApTiming timing, ApListener listener) {
        this.loop = loop;
        this.ifname = ifname;
        this.config = config;
        this.timing = timing;
        this.listener = listener;
    }

    // ---- driver binding ------------------------------------------------------------------------

    /** A driver is bound: set up the BSS the first time; afterwards the BSS, stations and keys carry on. */
    @Override
    public void attach(DriverInterface d) {
        driver = d;
        if (enabled) {
            try {
                // the BSS goes on: the new driver carries it (set_ap is then a template update)
                driver.setAp(template.apParams());
                listener.onEvent("AP-DRIVER-RESYNC driver=" + d.driverName() + " stations=" + stations.size());
                return;
            } catch (DriverException | UnsupportedOperationException e) {
                // the BSS did not survive the swap (its owner socket took it down): its stations are gone, start over
                driverErrors++;
                listener.onEvent("AP-DRIVER-RESYNC-FAILED driver=" + d.driverName() + ": restarting the BSS");
                forgetBss();
            }
        }
        own = d.getMacAddr();
        clearLeftovers();
        if (!operatorDisabled) {
            startBss();
        }
    }

    /** Sets up the BSS of the current configuration on the attached driver: channel, GTK, beacon. */
    private void startBss() {
        template = new BeaconTemplate(config, own);
        try {
            driver.setFreq(new FreqParams(HwModeType.IEEE80211G, config.freq(), config.channel(), false, 0));
            if (config.isPsk()) {
                gtk = newGtk(1);
            }
            driver.setAp(template.apParams());
            enabled = true;
            listener.onEvent("AP-ENABLED");
            scheduleRekey();
            scheduleInactivityCheck();
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
            listener.onEvent("AP-DISABLED " + e.getMessage());
        }
    }

    @Override
    public void detach() {
        driver = null;
    }

    /** A BSS an earlier instance left running is not ours to continue: stop it and drop its stations first. */
    private void clearLeftovers() {
        try {
            driver.deinitAp();
        } catch (DriverException | UnsupportedOperationException e) {
            // nothing was running: the fresh start below decides
        }
        try {
            driver.flush();
        } catch (DriverException | UnsupportedOperationException e) {
            // no station table to clear in this driver
        }
    }

    /** The station table and timers of a BSS that no longer exists in the driver. */
    private void forgetBss() {
        for (MacAddress addr : new ArrayList<>(stations.keySet())) {
            removeStation(addr);
        }
        cancelTimers();
        // the next BSS gets a new GTK; this one is not kept while the AP waits
        dropGtk();
        enabled = false;
    }

    private void dropGtk() {
        if (gtk != null) {
            gtk.key().destroy();
            gtk = null;
        }
    }

    private void cancelTimers() {
        if (rekeyTimer != null) {
            rekeyTimer.cancel();
        }
        if (inactivityTimer != null) {
            inactivityTimer.cancel();
        }
    }

    /** ENABLE (hostapd_cli enable): starts the BSS again after {@link #disable()}. */
    public boolean enable() {
        operatorDisabled = false;
        if (enabled || driver == null) {
            return false;
        }
        startBss();
        return enabled;
    }

    /** DISABLE (hostapd_cli disable): the BSS stops, every station deauthenticated; the driver stays bound. */
    public boolean disable() {
        if (!enabled) {
            return false;
        }
        operatorDisabled = true;
        stop();
        listener.onEvent("AP-DISABLED");
        return true;
    }

    /** RELOAD: the BSS restarted with new settings (stations must join again, as with hostapd's reload). */
    public void reconfigure(ApConfig next) {
        if (enabled) {
            stop();
        }
        config = next;
        // also an AP whose start failed (a channel the driver refused) gets the new settings' chance; not one DISABLEd
        if (!operatorDisabled && driver != null) {
            startBss();
        }
    }

    public ApConfig config() {
        return config;
    }

    /** Disassociates a station and forgets it (hostapd_cli disassociate). */
    public void disassociate(MacAddress addr, int reason) {
        if (driver != null) {
            try {
                driver.staDisassoc(own, addr, reason);
            } catch (DriverException | UnsupportedOperationException e) {
                driverErrors++;
            }
        }
        if (stations.containsKey(addr)) {
            removeStation(addr);
        }
    }

    /** Stops the BSS: every station deauthenticated, beaconing stopped. */
    public void stop() {
        for (MacAddress addr : new ArrayList<>(stations.keySet())) {
            deauthenticate(addr, ReasonCode.DEAUTH_LEAVING);
        }
        cancelTimers();
        // also when not enabled: a BSS this driver adopted is stopped with us (deinit_ap without one is a no-op)
        if (driver != null) {
            try {
                driver.deinitAp();
            } catch (DriverException | UnsupportedOperationException e) {
                driverErrors++;
            }
        }
        enabled = false;
        dropGtk();
    }

    private Gtk newGtk(int keyId) throws DriverException {
        byte[] k = new byte[16];
        random.nextBytes(k);
        SecretKeyBytes key = SecretKeyBytes.adopt(k);
        driver.setKey(KeyParams.group(KeyAlg.CCMP, keyId, true, Bytes.EMPTY, Bytes.of(key.copy())));
        Bytes rsc = driver.getSeqnum(null, MacAddress.BROADCAST, keyId);
        Gtk previous = gtk;
        gtk = new Gtk(keyId, key, rsc);
        if (previous != null) {
            previous.key().destroy();
        }
        return gtk;
    }

    // ---- status --------------------------------------------------------------------------------

    public ApStatus status() {
        return new ApStatus(ifname, driver == null ? "none" : driver.driverName(), enabled ? "ENABLED" : "DISABLED", own == null ? "" : own.toString(),
                config.ssid().toPrintable(), config.freq(), config.channel(), (int) stations.values().stream().filter(s -> s.associated).count(),
                config.isPsk() ? "WPA2-PSK-CCMP" : "open");
    }

    public List<StationInfo> stationInfos() {
        List<StationInfo> list = new ArrayList<>();
        for (Sta s : stations.values()) {
            String flags = "[AUTH]" + (s.associated ? "[ASSOC]" : "") + (s.authorized ? "[AUTHORIZED]" : "");
            list.add(new StationInfo(s.addr.toString(), s.aid, flags, s.keys == null ? (config.isPsk() ? "-" : "open") : s.keys.step().name()));
        }
        return list;
    }

    public long eapolDropped() {
        return eapolDropped;
    }

    public long mgmtDropped() {
        return mgmtDropped;
    }

    // ---- events --------------------------------------------------------------------------------

    @Override
    public void onEvent(DriverEvent e) {
        if (e instanceof DriverEvent.RxMgmt m) {
            onMgmt(m.frame());
        } else if (e instanceof DriverEvent.EapolRx x) {
            onEapol(x.src(), x.data());
        } else if (e instanceof DriverEvent.TxStatus t) {
            onTxStatus(t);
        } else if (e instanceof DriverEvent.RxFromUnknown u && !u.addr().isMulticast()) {
            sendDeauth(u.addr(), ReasonCode.CLASS3_FRAME_FROM_NONASSOC_STA);
        } else if (e instanceof DriverEvent.InterfaceStatus s && s.change() == InterfaceChange.REMOVED && s.ifname().equals(ifname) && enabled) {
            // the BSS and its stations went with the netdev; the next driver for the name starts a fresh BSS
            forgetBss();
            listener.onEvent("AP-DISABLED interface " + ifname + " is gone: waiting for it");
        }
    }

    private void onMgmt(Bytes raw) {
        MgmtFrame f;
        try {
            f = MgmtFrame.decode(raw);
        } catch (MalformedFrameException e) {
            mgmtDropped++;
            return;
        }
        MacAddress sa = f.header().sa();
        if (sa.isMulticast()) {
            // a transmitter address is never a group address: answering one would deauthenticate every station
            mgmtDropped++;
            return;
        }
        if (f instanceof MgmtFrame.ProbeRequest p) {
            onProbe(sa, p);
        } else if (f instanceof MgmtFrame.Authentication a) {
            onAuth(sa, a);
        } else if (f instanceof MgmtFrame.AssocRequest a) {
            onAssoc(sa, a.header(), a.capability(), a.listenInterval(), a.ies(), false);
        } else if (f instanceof MgmtFrame.ReassocRequest a) {
            onAssoc(sa, a.header(), a.capability(), a.listenInterval(), a.ies(), true);
        } else if (f instanceof MgmtFrame.Deauthentication || f instanceof MgmtFrame.Disassociation) {
            if (stations.containsKey(sa)) {
                removeStation(sa);
            }
        } else {
            mgmtDropped++;
        }
    }

    private void onProbe(MacAddress sa, MgmtFrame.ProbeRequest p) {
        if (!enabled || !template.answersProbeFor(p.ies().ssid().orElse(wpa4j.driver.types.Ssid.WILDCARD))) {
            return;
        }
        mlme(template.probeResponse(sa), true);
    }

    private void onAuth(MacAddress sa, MgmtFrame.Authentication a) {
        if (!enabled || a.transaction() != 1) {
            mgmtDropped++;
            return;
        }
        int status = StatusCode.SUCCESS;
        if (a.algorithm() != MgmtFrame.Authentication.ALG_OPEN) {
            status = StatusCode.NOT_SUPPORTED_AUTH_ALG;
        } else if (!config.macFilter().allows(sa) || (config.isPsk() && config.psksFor(sa).isEmpty())) {
            // as hostapd: a station the MAC lists refuse, or that has no PSK here, is refused at authentication
            status = StatusCode.UNSPECIFIED_FAILURE;
            listener.onEvent("Station " + sa + " not allowed to authenticate");
        } else if (!stations.containsKey(sa) && stations.size() >= config.maxStations()) {
            status = StatusCode.AP_UNABLE_TO_HANDLE_NEW_STA;
        }
        if (status == StatusCode.SUCCESS) {
            if (stations.containsKey(sa)) {
                removeStation(sa);
            }
            stations.put(sa, new Sta(sa));
        }
        MgmtHeader h = MgmtHeader.of(MgmtSubtype.AUTH, sa, own, own);
        mlme(new MgmtFrame.Authentication(h, a.algorithm(), 2, status, IeList.EMPTY).encode(), false);
    }

    private void onAssoc(MacAddress sa, MgmtHeader header, int capability, int listenInterval, IeList ies, boolean reassoc) {
        Sta sta = stations.get(sa);
        if (sta == null) {
            sendDeauth(sa, ReasonCode.CLASS2_FRAME_FROM_NONAUTH_STA);
            return;
        }
        int status = checkAssoc(sta, ies);
        if (status == StatusCode.SUCCESS && sta.aid == 0) {
            int aid = aids.nextClearBit(1);
            if (aid > StaAddParams.MAX_AID || aid > config.maxStations()) {
                status = StatusCode.AP_UNABLE_TO_HANDLE_NEW_STA;
            } else {
                aids.set(aid);
                sta.aid = aid;
            }
        }
        if (status == StatusCode.SUCCESS) {
            if (sta.added) {
                // a retried (our response was late) or repeated (Re)Association Request: as hostapd's add_associated_sta,
                // the driver's entry goes first, else sta_add fails on it; the key handshake starts over with the new response
                dropFromDriver(sta);
            }
            try {
                driver.staAdd(new StaAddParams(sa, sta.aid, capability, rates(ies), listenInterval, Bytes.EMPTY, Set.of(), false, 0));
                sta.added = true;
            } catch (DriverException | UnsupportedOperationException e) {
                driverErrors++;
                LOG.log(System.Logger.Level.DEBUG, () -> ifname + ": sta_add " + sa + " failed: " + e.getMessage());
                status = StatusCode.UNSPECIFIED_FAILURE;
            }
        }
        MgmtHeader h = MgmtHeader.of(reassoc ? MgmtSubtype.REASSOC_RESP : MgmtSubtype.ASSOC_RESP, sa, own, own);
        IeList respIes = new IeList(BeaconTemplate.RATES.toElements());
        mlme(MgmtFrame.AssocResponse.of(h, template.capability(), status, status == 0 ? sta.aid : 0, respIes).encode(), false);
        if (status != StatusCode.SUCCESS) {
            listener.onEvent("AP-STA-ASSOC-REJECT " + sa + " status_code=" + status);
        }
    }

    /** The station leaves the driver's table and starts its association over: unauthorized, no keys, no timer. */
    private void dropFromDriver(Sta sta) {
        try {
            driver.staRemove(sta.addr);
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
        }
        sta.added = false;
        sta.associated = false;
        sta.authorized = false;
        if (sta.timer != null) {
            sta.timer.cancel();
        }
        if (sta.keys != null) {
            sta.keys.close();
            sta.keys = null;
        }
    }

    /** The status a (Re)Association Request gets: SSID and, for WPA2-PSK, an acceptable RSN element. */
    private int checkAssoc(Sta sta, IeList ies) {
        if (!ies.ssid().map(s -> s.equals(config.ssid())).orElse(false)) {
            return StatusCode.UNSPECIFIED_FAILURE;
        }
        if (!config.isPsk()) {
            return StatusCode.SUCCESS;
        }
        try {
            var rsnIe = ies.find(ElementId.RSN);
            if (rsnIe.isEmpty()) {
                return StatusCode.INVALID_IE;
            }
            RsnElement rsn = RsnElement.decode(rsnIe.get().body());
            if (!Suite.RSN_CCMP.equals(rsn.groupCipher())) {
                return StatusCode.GROUP_CIPHER_NOT_VALID;
            }
            if (rsn.pairwiseCiphers() == null || rsn.pairwiseCiphers().size() != 1 || !rsn.pairwiseCiphers().contains(Suite.RSN_CCMP)) {
                return StatusCode.PAIRWISE_CIPHER_NOT_VALID;
            }
            if (rsn.akms() == null || rsn.akms().size() != 1 || !rsn.akms().contains(Suite.AKM_PSK)) {
                return StatusCode.AKMP_NOT_VALID;
            }
            sta.rsnBody = rsnIe.get().body();
            return StatusCode.SUCCESS;
        } catch (MalformedFrameException e) {
            return StatusCode.INVALID_IE;
        }
    }

    private static List<Integer> rates(IeList ies) {
        List<Integer> r = new ArrayList<>();
        for (InformationElement e : ies.elements()) {
            if (e.id() == ElementId.SUPPORTED_RATES || e.id() == ElementId.EXTENDED_SUPPORTED_RATES) {
                for (int i = 0; i < e.body().length() && r.size() < 32; i++) {
                    int rate = e.body().u8(i) & 0x7f;
                    if (rate > 0) {
                        r.add(rate);
                    }
                }
            }
        }
        return r.isEmpty() ? List.of(2) : r;
    }

    private void onTxStatus(DriverEvent.TxStatus t) {
        if (t.frameType() != 0 || (t.frameSubtype() != MgmtSubtype.ASSOC_RESP.value() && t.frameSubtype() != MgmtSubtype.REASSOC_RESP.value())) {
            return;
        }
        Sta sta = stations.get(t.dst());
        if (sta == null || sta.associated || sta.aid == 0 || !t.ack()) {
            return;
        }
        try {
            if (MgmtFrame.decode(t.data()) instanceof MgmtFrame.AssocResponse r && r.statusCode() != 0) {
                return;
            }
        } catch (MalformedFrameException e) {
            return;
        }
        sta.associated = true;
        listener.onEvent("AP-STA-ASSOCIATED " + sta.addr + " aid=" + sta.aid);
        if (!config.isPsk()) {
            authorize(sta);
            return;
        }
        sta.keys = new AuthenticatorHandshake(config.psksFor(sta.addr), own, sta.addr, sta.rsnBody, BeaconTemplate.RSN, random);
        sta.attempts = 0;
        sendKeyMessage(sta);
    }

    // ---- EAPOL ---------------------------------------------------------------------------------

    private void sendKeyMessage(Sta sta) {
        if (sta.attempts >= timing.attempts()) {
            boolean group = sta.keys.step() == AuthenticatorHandshake.Step.GROUP_NEGOTIATING;
            listener.onEvent((group ? "WPA: group key handshake" : "WPA: 4-way handshake") + " timed out for " + sta.addr);
            deauthenticate(sta.addr, group ? ReasonCode.GROUP_KEY_UPDATE_TIMEOUT : ReasonCode.FOURWAY_HANDSHAKE_TIMEOUT);
            return;
        }
        send(sta, sta.keys.nextMessage(gtk));
    }

    private void send(Sta sta, Bytes pdu) {
        int wait = sta.attempts == 0 ? timing.firstTimeoutMs() : timing.timeoutMs();
        sta.attempts++;
        try {
            driver.hapdSendEapol(sta.addr, pdu, sta.keys.step() != AuthenticatorHandshake.Step.PTK_START, own,
                    sta.authorized ? EnumSet.of(StaFlag.AUTHORIZED) : EnumSet.noneOf(StaFlag.class));
        } catch (DriverException | UnsupportedOperationException | NullPointerException e) {
            driverErrors++;
        }
        if (sta.timer != null) {
            sta.timer.cancel();
        }
        sta.timer = loop.schedule(wait, () -> sendKeyMessage(sta));
    }

    private void onEapol(MacAddress src, Bytes pdu) {
        Sta sta = stations.get(src);
        if (sta == null || sta.keys == null) {
            eapolDropped++;
            return;
        }
        List<ApKeyAction> actions;
        try {
            actions = sta.keys.onEapol(pdu, gtk);
        } catch (MalformedFrameException bad) {
            eapolDropped++;
            LOG.log(System.Logger.Level.DEBUG, "EAPOL-Key from " + src + " dropped: " + bad.reason());
            return;
        }
        for (ApKeyAction a : actions) {
            if (a instanceof ApKeyAction.Send s) {
                sta.attempts = 0;
                send(sta, s.pdu());
            } else if (a instanceof ApKeyAction.Install i) {
                try {
                    driver.setKey(i.key());
                } catch (DriverException | UnsupportedOperationException e) {
                    driverErrors++;
                    deauthenticate(src, ReasonCode.UNSPECIFIED);
                    return;
                }
            } else if (a instanceof ApKeyAction.PairwiseDone) {
                sta.timer.cancel();
                authorize(sta);
            } else if (a instanceof ApKeyAction.GroupDone) {
                sta.timer.cancel();
                listener.onEvent("WPA-GROUP-KEY-COMPLETED " + src + " keyid=" + gtk.keyId());
            } else if (a instanceof ApKeyAction.PskMismatch) {
                eapolDropped++;
                listener.onEvent("AP-STA-POSSIBLE-PSK-MISMATCH " + src);
            } else if (a instanceof ApKeyAction.Deauth d) {
                deauthenticate(src, d.reason());
                return;
            }
        }
    }

    private void authorize(Sta sta) {
        try {
            driver.staSetFlags(sta.addr, EnumSet.of(StaFlag.AUTHORIZED), EnumSet.of(StaFlag.AUTHORIZED), EnumSet.allOf(StaFlag.class));
            sta.authorized = true;
            listener.onEvent("AP-STA-CONNECTED " + sta.addr);
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
            deauthenticate(sta.addr, ReasonCode.UNSPECIFIED);
        }
    }

    // ---- group rekey, inactivity, leaving --------------------------------------------------------

    private void scheduleRekey() {
        if (config.isPsk() && config.groupRekeyMs() > 0) {
            rekeyTimer = loop.schedule(config.groupRekeyMs(), () -> {
                rekeyGroup();
                scheduleRekey();
            });
        }
    }

    /** A new GTK, installed and sent to every authorized station with the group key handshake. */
    public void rekeyGroup() {
        if (!config.isPsk() || !enabled || driver == null) {
            return;
        }
        try {
            newGtk(gtk.keyId() == 1 ? 2 : 1);
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
            return;
        }
        listener.onEvent("WPA-GROUP-REKEY keyid=" + gtk.keyId());
        for (Sta sta : stations.values()) {
            if (sta.authorized && sta.keys != null) {
                sta.attempts = 0;
                send(sta, sta.keys.startGroupRekey(gtk));
            }
        }
    }

    private void scheduleInactivityCheck() {
        if (config.maxInactivityMs() <= 0) {
            return;
        }
        inactivityTimer = loop.schedule(Math.max(1000, config.maxInactivityMs() / 4), () -> {
            for (Sta sta : new ArrayList<>(stations.values())) {
                try {
                    if (driver != null && sta.associated && driver.getInactSec(sta.addr) * 1000L > config.maxInactivityMs()) {
                        listener.onEvent("AP-STA-INACTIVE " + sta.addr);
                        deauthenticate(sta.addr, ReasonCode.DISASSOC_DUE_TO_INACTIVITY);
                    }
                } catch (DriverException | UnsupportedOperationException e) {
                    driverErrors++;
                }
            }
            scheduleInactivityCheck();
        });
    }

    /** Deauthenticates a station and forgets it (hostapd_cli deauthenticate). */
    public void deauthenticate(MacAddress addr, int reason) {
        if (addr.equals(MacAddress.BROADCAST)) {
            // hostapd_cli deauthenticate ff:ff:ff:ff:ff:ff: one broadcast frame, and every station is forgotten
            sendDeauth(addr, reason);
            new ArrayList<>(stations.keySet()).forEach(this::removeStation);
            return;
        }
        sendDeauth(addr, reason);
        if (stations.containsKey(addr)) {
            removeStation(addr);
        }
    }

    private void sendDeauth(MacAddress addr, int reason) {
        if (driver == null) {
            return;
        }
        try {
            driver.staDeauth(own, addr, reason);
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
        }
    }

    private void removeStation(MacAddress addr) {
        Sta sta = stations.remove(addr);
        if (sta.timer != null) {
            sta.timer.cancel();
        }
        if (sta.keys != null) {
            sta.keys.close();
        }
        if (sta.aid > 0) {
            aids.clear(sta.aid);
        }
        try {
            if (driver != null) {
                driver.staRemove(addr);
            }
        } catch (DriverException | UnsupportedOperationException e) {
            driverErrors++;
        }
        if (sta.associated) {
            listener.onEvent("AP-STA-DISCONNECTED " + addr);
        }
    }

    private void mlme(Bytes frame, boolean noAck) {
        try {
            driver.sendMlme(frame, noAck);
        } catch (DriverException | UnsupportedOperationException | NullPointerException e) {
            driverErrors++;
        }
    }
}
