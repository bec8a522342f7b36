package wpa4j.nl80211.cmd;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import wpa4j.common.codec.MalformedFrameException;
import wpa4j.driver.types.Bytes;
import wpa4j.driver.types.MacAddress;
import wpa4j.driver.types.ScanResult;
import wpa4j.driver.types.ScanResultFlag;
import wpa4j.driver.types.Ssid;
import wpa4j.linux.netlink.GenlClient;
import wpa4j.linux.netlink.NetlinkException;
import wpa4j.linux.netlink.NlAttr;
import wpa4j.linux.netlink.NlMessage;
import wpa4j.linux.netlink.NlWriter;
import wpa4j.nl80211.uapi.Uapi;

/** The nl80211 commands wpa4j sends, over one generic netlink socket. */
public final class Nl80211 implements AutoCloseable {
    private final GenlClient client;
    private final GenlClient.Family family;

    private Nl80211(GenlClient client, GenlClient.Family family) {
        this.client = client;
        this.family = family;
    }

    /** Opens a socket and resolves the family; ENOENT (2) when the kernel has no cfg80211. */
    public static Nl80211 open() throws NetlinkException {
        GenlClient c = GenlClient.open();
        try {
            return new Nl80211(c, c.resolve("nl80211"));
        } catch (NetlinkException e) {
            c.close();
            throw e;
        }
    }

    /** Commands over {@code client} for a family resolved before (a socket held in custody, say). */
    public static Nl80211 on(GenlClient client, GenlClient.Family family) {
        return new Nl80211(client, family);
    }

    public GenlClient client() {
        return client;
    }

    /** {@code w} as a complete request of this family (sequence number and port id left to whoever sends it). */
    public byte[] requestOctets(NlWriter w) {
        return w.build(family.id(), wpa4j.linux.uapi.Uapi.NLM_F_REQUEST | wpa4j.linux.uapi.Uapi.NLM_F_ACK, 0, 0);
    }

    public GenlClient.Family family() {
        return family;
    }

    List<NlMessage> request(NlWriter w, int flags, String what) throws NetlinkException {
        return client.request(family.id(), w, flags, what);
    }

    private static NetlinkException malformed(String what, MalformedFrameException e) {
        return new NetlinkException(what + ": malformed reply " + e.reason(), 71, "");
    }

    public List<InterfaceRecord> interfaces() throws NetlinkException {
        List<InterfaceRecord> list = new ArrayList<>();
        try {
            for (NlMessage m : request(NlWriter.genl(Uapi.NL80211_CMD_GET_INTERFACE, 0), Uapi.NLM_F_DUMP, "NL80211_CMD_GET_INTERFACE")) {
                list.add(InterfaceRecord.parse(m.genlAttrs()));
            }
        } catch (MalformedFrameException e) {
            throw malformed("NL80211_CMD_GET_INTERFACE", e);
        }
        return list;
    }

    public InterfaceRecord iface(int ifindex) throws NetlinkException {
        try {
            List<NlMessage> r = request(NlWriter.genl(Uapi.NL80211_CMD_GET_INTERFACE, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex), 0,
                    "NL80211_CMD_GET_INTERFACE " + ifindex);
            return InterfaceRecord.parse(r.get(0).genlAttrs());
        } catch (MalformedFrameException e) {
            throw malformed("NL80211_CMD_GET_INTERFACE", e);
        }
    }

    /** The wiphy, from a split dump filtered to it (all parts merged). */
    public WiphyInfo wiphy(int wiphy) throws NetlinkException {
        NlWriter w = NlWriter.genl(Uapi.NL80211_CMD_GET_WIPHY, 0).u32(Uapi.NL80211_ATTR_WIPHY, wiphy).flag(Uapi.NL80211_ATTR_SPLIT_WIPHY_DUMP);
        try {
            List<List<NlAttr>> parts = new ArrayList<>();
            for (NlMessage m : request(w, Uapi.NLM_F_DUMP, "NL80211_CMD_GET_WIPHY " + wiphy)) {
                parts.add(m.genlAttrs());
            }
            return WiphyInfo.parse(parts);
        } catch (MalformedFrameException e) {
            throw malformed("NL80211_CMD_GET_WIPHY", e);
        }
    }

    /** NL80211_CMD_TRIGGER_SCAN with the SSIDs to probe for, the frequencies (all when empty) and extra IEs. */
    public void triggerScan(int ifindex, List<Ssid> ssids, List<Integer> freqs, Bytes ies) throws NetlinkException {
        NlWriter w = NlWriter.genl(Uapi.NL80211_CMD_TRIGGER_SCAN, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex);
        scanTargets(w, ssids, freqs, ies);
        request(w, 0, "NL80211_CMD_TRIGGER_SCAN");
    }

    /** SCAN_SSIDS, SCAN_FREQUENCIES (all when empty) and IE of a scan or scheduled scan. */
    static void scanTargets(NlWriter w, List<Ssid> ssids, List<Integer> freqs, Bytes ies) {
        w.nestStart(Uapi.NL80211_ATTR_SCAN_SSIDS);
        for (int i = 0; i < ssids.size(); i++) {
            w.attr(i + 1, ssids.get(i).octets());
        }
        w.nestEnd();
        if (!freqs.isEmpty()) {
            w.nestStart(Uapi.NL80211_ATTR_SCAN_FREQUENCIES);
            for (int i = 0; i < freqs.size(); i++) {
                w.u32(i + 1, freqs.get(i));
            }
            w.nestEnd();
        }
        if (!ies.isEmpty()) {
            w.attr(Uapi.NL80211_ATTR_IE, ies);
        }
    }

    /** NL80211_CMD_GET_SCAN dump: the BSS table of the interface. */
    public List<ScanResult> scanResults(int ifindex) throws NetlinkException {
        List<ScanResult> list = new ArrayList<>();
        try {
            for (NlMessage m : request(NlWriter.genl(Uapi.NL80211_CMD_GET_SCAN, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex), Uapi.NLM_F_DUMP,
                    "NL80211_CMD_GET_SCAN")) {
                Optional<NlAttr> bss = NlAttr.find(m.genlAttrs(), Uapi.NL80211_ATTR_BSS);
                if (bss.isPresent()) {
                    parseBss(bss.get().nested()).ifPresent(list::add);
                }
            }
        } catch (MalformedFrameException e) {
            throw malformed("NL80211_CMD_GET_SCAN", e);
        }
        return list;
    }

    /** One NL80211_ATTR_BSS; entries the API cannot represent (no BSSID, odd frequency) are skipped. */
    static Optional<ScanResult> parseBss(List<NlAttr> b) throws MalformedFrameException {
        Optional<NlAttr> bssid = NlAttr.find(b, Uapi.NL80211_BSS_BSSID);
        Optional<NlAttr> freq = NlAttr.find(b, Uapi.NL80211_BSS_FREQUENCY);
        if (bssid.isEmpty() || freq.isEmpty() || bssid.get().value().length() != 6) {
            return Optional.empty();
        }
        int mhz = (int) freq.get().u32();
        if (mhz < 2400 || (mhz > 2500 && mhz < 4900) || mhz > 5950) {
            return Optional.empty();
        }
        EnumSet<ScanResultFlag> flags = EnumSet.of(ScanResultFlag.QUAL_INVALID, ScanResultFlag.NOISE_INVALID);
        int level = 0;
        Optional<NlAttr> mbm = NlAttr.find(b, Uapi.NL80211_BSS_SIGNAL_MBM);
        if (mbm.isPresent()) {
            level = (int) mbm.get().u32() / 100;
            flags.add(ScanResultFlag.LEVEL_DBM);
        } else {
            level = NlAttr.find(b, Uapi.NL80211_BSS_SIGNAL_UNSPEC).map(a -> (int) NlAttrs.u32OrZero(a)).orElse(0);
        }
        Optional<NlAttr> status = NlAttr.find(b, Uapi.NL80211_BSS_STATUS);
        if (status.isPresent()) {
            long s = status.get().u32();
            flags.add(s == Uapi.NL80211_BSS_STATUS_ASSOCIATED ? ScanResultFlag.ASSOCIATED : ScanResultFlag.AUTHENTICATED);
        }
        Bytes ies = NlAttr.find(b, Uapi.NL80211_BSS_INFORMATION_ELEMENTS).map(NlAttr::value).orElse(Bytes.EMPTY);
        Bytes beaconIes = NlAttr.find(b, Uapi.NL80211_BSS_BEACON_IES).map(NlAttr::value).orElse(Bytes.EMPTY);
        int beaconInt = NlAttr.find(b, Uapi.NL80211_BSS_BEACON_INTERVAL).map(a -> safeU16(a)).orElse(0);
        int caps = NlAttr.find(b, Uapi.NL80211_BSS_CAPABILITY).map(a -> safeU16(a)).orElse(0);
        long tsf = NlAttr.find(b, Uapi.NL80211_BSS_TSF).map(a -> safeU64(a)).orElse(0L);
        long age = NlAttr.find(b, Uapi.NL80211_BSS_SEEN_MS_AGO).map(NlAttrs::u32OrZero).orElse(0L);
        return Optional.of(new ScanResult(flags, MacAddress.of(bssid.get().value()), mhz, beaconInt, caps, 0, 0, level, tsf,
                (int) Math.min(age, Integer.MAX_VALUE), ies, beaconIes));
    }

    private static int safeU16(NlAttr a) {
        try {
            return a.u16();
        } catch (MalformedFrameException e) {
            return 0;
        }
    }

    private static long safeU64(NlAttr a) {
        try {
            return a.u64();
        } catch (MalformedFrameException e) {
            return 0;
        }
    }

    /** NL80211_CMD_REQ_SET_REG: a regulatory hint from user space. */
    public void setRegulatory(String alpha2) throws NetlinkException {
        request(NlWriter.genl(Uapi.NL80211_CMD_REQ_SET_REG, 0).string(Uapi.NL80211_ATTR_REG_ALPHA2, alpha2), 0, "NL80211_CMD_REQ_SET_REG");
    }

    /** The current regulatory domain's alpha2 (NL80211_CMD_GET_REG). */
    public String regulatory() throws NetlinkException {
        try {
            List<NlMessage> r = request(NlWriter.genl(Uapi.NL80211_CMD_GET_REG, 0), 0, "NL80211_CMD_GET_REG");
            return NlAttr.find(r.get(0).genlAttrs(), Uapi.NL80211_ATTR_REG_ALPHA2).map(NlAttr::string).orElse("");
        } catch (MalformedFrameException e) {
            throw malformed("NL80211_CMD_GET_REG", e);
        }
    }

    /** NL80211_CMD_NEW_INTERFACE on the wiphy of {@code ifindex}: the new interface as the kernel reports it. */
    public InterfaceRecord newInterface(int ifindex, String name, int iftype) throws NetlinkException {
        NlWriter w = NlWriter.genl(Uapi.NL80211_CMD_NEW_INTERFACE, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex).string(Uapi.NL80211_ATTR_IFNAME, name)
                .u32(Uapi.NL80211_ATTR_IFTYPE, iftype);
        try {
            return InterfaceRecord.parse(request(w, 0, "NL80211_CMD_NEW_INTERFACE " + name).get(0).genlAttrs());
        } catch (MalformedFrameException | IndexOutOfBoundsException e) {
            throw new NetlinkException("NL80211_CMD_NEW_INTERFACE " + name + ": no interface in the reply", 71, "");
        }
    }

    public void deleteInterface(int ifindex) throws NetlinkException {
        request(NlWriter.genl(Uapi.NL80211_CMD_DEL_INTERFACE, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex), 0, "NL80211_CMD_DEL_INTERFACE");
    }

    @Override
    public void close() {
        client.close();
    }

    // ---- station: SME and keys (hostap's driver_nl80211 with the supplicant as SME) --------------

    /**
     * NL80211_CMD_AUTHENTICATE with an NL80211_AUTHTYPE_*; the result comes as an AUTHENTICATE notification on
     * mlme. For SAE, {@code saeData} is the frame's SAE part from the transaction sequence number on (the
     * kernel sends it as the body after the algorithm number); empty otherwise.
     */
    public void authenticate(int ifindex, Authentication a) throws NetlinkException {
        request(authenticateRequest(ifindex, a), 0, "NL80211_CMD_AUTHENTICATE");
    }

    static NlWriter authenticateRequest(int ifindex, Authentication a) {
        NlWriter w = NlWriter.genl(Uapi.NL80211_CMD_AUTHENTICATE, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex)
                .attr(Uapi.NL80211_ATTR_MAC, a.bssid().octets()).u32(Uapi.NL80211_ATTR_WIPHY_FREQ, a.freq()).attr(Uapi.NL80211_ATTR_SSID, a.ssid().octets())
                .u32(Uapi.NL80211_ATTR_AUTH_TYPE, a.authType());
        nonEmpty(w, Uapi.NL80211_ATTR_IE, a.ies());
        nonEmpty(w, Uapi.NL80211_ATTR_SAE_DATA, a.saeData());
        return w;
    }

    /**
     * NL80211_CMD_ASSOCIATE with the station's RSN element, the suites, and CONTROL_PORT so that the kernel
     * keeps data frames out until the port is authorized (EAPOL still passes).
     */
    public void associate(int ifindex, Association a) throws NetlinkException {
        request(associateRequest(ifindex, a), 0, "NL80211_CMD_ASSOCIATE");
    }

    static NlWriter associateRequest(int ifindex, Association a) {
        NlWriter w = NlWriter.genl(Uapi.NL80211_CMD_ASSOCIATE, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex).attr(Uapi.NL80211_ATTR_MAC, a.bssid().octets())
                .u32(Uapi.NL80211_ATTR_WIPHY_FREQ, a.freq()).attr(Uapi.NL80211_ATTR_SSID, a.ssid().octets());
        if (!a.rsnIe().isEmpty()) {
            w.attr(Uapi.NL80211_ATTR_IE, a.rsnIe()).u32(Uapi.NL80211_ATTR_WPA_VERSIONS, Uapi.NL80211_WPA_VERSION_2)
                    .u32(Uapi.NL80211_ATTR_CIPHER_SUITES_PAIRWISE, a.pairwise()).u32(Uapi.NL80211_ATTR_CIPHER_SUITE_GROUP, a.group())
                    .flag(Uapi.NL80211_ATTR_CONTROL_PORT);
            akmSuites(w, a.akm() == Association.NO_AKM ? List.of() : List.of(a.akm()));
        }
        if (a.mfp()) {
            // mac80211 then protects unicast robust management frames (PTK), checks BIP on group ones (IGTK), drops unprotected ones
            w.u32(Uapi.NL80211_ATTR_USE_MFP, Uapi.NL80211_MFP_REQUIRED);
        }
        if (a.controlPortOwner()) {
            ownControlPort(w);
        }
        return w;
    }

    /**
     * NL80211_ATTR_AKM_SUITES as an array of u32 selectors; left out when there are more than the legacy
     * NL80211_MAX_NR_AKM_SUITES (as hostapd does: mac80211 does not need them with a user-space SME/MLME).
     */
    static void akmSuites(NlWriter w, List<Long> akms) {
        if (akms.isEmpty() || akms.size() > Uapi.NL80211_MAX_NR_AKM_SUITES) {
            return;
        }
        byte[] v = new byte[4 * akms.size()];
        for (int i = 0; i < akms.size(); i++) {
            for (int b = 0; b < 4; b++) {
                v[4 * i + b] = (byte) (akms.get(i) >> (8 * b));
            }
        }
        w.attr(Uapi.NL80211_ATTR_AKM_SUITES, v);
    }

    /**
     * EAPOL over nl80211: this socket becomes the connection's owner (SOCKET_OWNER), EAPOL frames come to it
     * as NL80211_CMD_CONTROL_PORT_FRAME instead of to the interface; the kernel ends the connection when
     * the socket closes.
     */
    private static void ownControlPort(NlWriter w) {
        w.flag(Uapi.NL80211_ATTR_SOCKET_OWNER).flag(Uapi.NL80211_ATTR_CONTROL_PORT_OVER_NL80211);
    }

    /** NL80211_CMD_CONTROL_PORT_FRAME: one EAPOL PDU to {@code dest} (ethertype 0x888e). */
    public void controlPortFrame(int ifindex, MacAddress dest, Bytes pdu, boolean noEncrypt) throws NetlinkException {
        NlWriter w = NlWriter.genl(Uapi.NL80211_CMD_CONTROL_PORT_FRAME, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex).attr(Uapi.NL80211_ATTR_FRAME, pdu)
                .attr(Uapi.NL80211_ATTR_MAC, dest.octets()).u16(Uapi.NL80211_ATTR_CONTROL_PORT_ETHERTYPE, Uapi.ETH_P_PAE);
        if (noEncrypt) {
            w.flag(Uapi.NL80211_ATTR_CONTROL_PORT_NO_ENCRYPT);
        }
        request(w, 0, "NL80211_CMD_CONTROL_PORT_FRAME");
    }

    /** NL80211_CMD_DEAUTHENTICATE or NL80211_CMD_DISASSOCIATE with a reason code. */
    public void leave(int ifindex, MacAddress bssid, int reason, boolean deauth) throws NetlinkException {
        int cmd = deauth ? Uapi.NL80211_CMD_DEAUTHENTICATE : Uapi.NL80211_CMD_DISASSOCIATE;
        request(NlWriter.genl(cmd, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex).attr(Uapi.NL80211_ATTR_MAC, bssid.octets())
                .u16(Uapi.NL80211_ATTR_REASON_CODE, reason), 0, deauth ? "NL80211_CMD_DEAUTHENTICATE" : "NL80211_CMD_DISASSOCIATE");
    }

    /** NL80211_CMD_NEW_KEY: a pairwise key (with the peer's address) or a group key (without). */
    public void newKey(int ifindex, MacAddress peer, int idx, long cipher, Bytes seq, Bytes key) throws NetlinkException {
        request(newKeyRequest(ifindex, peer, idx, cipher, seq, key), 0, "NL80211_CMD_NEW_KEY");
    }

    static NlWriter newKeyRequest(int ifindex, MacAddress peer, int idx, long cipher, Bytes seq, Bytes key) {
        NlWriter w = NlWriter.genl(Uapi.NL80211_CMD_NEW_KEY, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex).attr(Uapi.NL80211_ATTR_KEY_DATA, key)
                .u32(Uapi.NL80211_ATTR_KEY_CIPHER, cipher).u8(Uapi.NL80211_ATTR_KEY_IDX, idx);
        if (!seq.isEmpty()) {
            w.attr(Uapi.NL80211_ATTR_KEY_SEQ, seq);
        }
        if (peer != null) {
            w.attr(Uapi.NL80211_ATTR_MAC, peer.octets());
        } else {
            w.u32(Uapi.NL80211_ATTR_KEY_TYPE, Uapi.NL80211_KEYTYPE_GROUP);
        }
        return w;
    }

    /** NL80211_CMD_DEL_KEY. */
    public void deleteKey(int ifindex, MacAddress peer, int idx) throws NetlinkException {
        NlWriter w = NlWriter.genl(Uapi.NL80211_CMD_DEL_KEY, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex).u8(Uapi.NL80211_ATTR_KEY_IDX, idx);
        if (peer != null) {
            w.attr(Uapi.NL80211_ATTR_MAC, peer.octets());
        }
        request(w, 0, "NL80211_CMD_DEL_KEY");
    }

    /** NL80211_CMD_SET_STATION with STA_FLAGS2: the 802.1X port of {@code peer} authorized or not. */
    public void authorize(int ifindex, MacAddress peer, boolean authorized) throws NetlinkException {
        long bit = 1L << Uapi.NL80211_STA_FLAG_AUTHORIZED;
        setStationFlags(ifindex, peer, bit, authorized ? bit : 0);
    }

    /** NL80211_CMD_SET_STATION: the STA_FLAGS2 bits in {@code mask} set to those of {@code set}. */
    public void setStationFlags(int ifindex, MacAddress peer, long mask, long set) throws NetlinkException {
        request(stationFlagsRequest(ifindex, peer, mask, set), 0, "NL80211_CMD_SET_STATION");
    }

    static NlWriter stationFlagsRequest(int ifindex, MacAddress peer, long mask, long set) {
        return NlWriter.genl(Uapi.NL80211_CMD_SET_STATION, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex).attr(Uapi.NL80211_ATTR_MAC, peer.octets())
                .attr(Uapi.NL80211_ATTR_STA_FLAGS2, flagsUpdate(mask, set));
    }

    /** struct nl80211_sta_flag_update: u32 mask, u32 set. */
    private static byte[] flagsUpdate(long mask, long set) {
        byte[] upd = new byte[8];
        for (int i = 0; i < 4; i++) {
            upd[i] = (byte) (mask >> (8 * i));
            upd[4 + i] = (byte) (set >> (8 * i));
        }
        return upd;
    }

    /** NL80211_CMD_GET_STATION: what the kernel keeps of the link to {@code peer}. */
    public StationRecord station(int ifindex, MacAddress peer) throws NetlinkException {
        try {
            List<NlMessage> r = request(NlWriter.genl(Uapi.NL80211_CMD_GET_STATION, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex)
                    .attr(Uapi.NL80211_ATTR_MAC, peer.octets()), 0, "NL80211_CMD_GET_STATION");
            List<NlAttr> info = NlAttr.find(r.get(0).genlAttrs(), Uapi.NL80211_ATTR_STA_INFO).orElseThrow(() -> new MalformedFrameException(0, "no STA_INFO"))
                    .nested();
            return StationRecord.parse(info);
        } catch (MalformedFrameException | IndexOutOfBoundsException e) {
            throw new NetlinkException("NL80211_CMD_GET_STATION: malformed reply", 71, "");
        }
    }

    // ---- AP: beaconing, management frames, stations (driver_nl80211 with hostapd as the AP MLME) --------

    /** NL80211_CMD_SET_INTERFACE: the interface type (NL80211_IFTYPE_STATION, _AP). */
    public void setIftype(int ifindex, int iftype) throws NetlinkException {
        request(setIftypeRequest(ifindex, iftype), 0, "NL80211_CMD_SET_INTERFACE");
    }

    public static NlWriter setIftypeRequest(int ifindex, int iftype) {
        return NlWriter.genl(Uapi.NL80211_CMD_SET_INTERFACE, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex).u32(Uapi.NL80211_ATTR_IFTYPE, iftype);
    }

    /** NL80211_CMD_SET_WIPHY for the wiphy of {@code ifindex}: channel (20 MHz), and RTS/fragmentation thresholds when not null. */
    public void setWiphy(int ifindex, Integer freq, Long rts, Long frag) throws NetlinkException {
        NlWriter w = NlWriter.genl(Uapi.NL80211_CMD_SET_WIPHY, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex);
        if (freq != null) {
            w.u32(Uapi.NL80211_ATTR_WIPHY_FREQ, freq);
        }
        if (rts != null) {
            w.u32(Uapi.NL80211_ATTR_WIPHY_RTS_THRESHOLD, rts);
        }
        if (frag != null) {
            w.u32(Uapi.NL80211_ATTR_WIPHY_FRAG_THRESHOLD, frag);
        }
        request(w, 0, "NL80211_CMD_SET_WIPHY");
    }

    /** NL80211_CMD_START_AP (or SET_BEACON to update a running BSS) with the templates and the security of {@code b}. */
    public void startAp(int ifindex, ApBeacon b, boolean update) throws NetlinkException {
        request(startApRequest(ifindex, b, update), 0, update ? "NL80211_CMD_SET_BEACON" : "NL80211_CMD_START_AP");
    }

    static NlWriter startApRequest(int ifindex, ApBeacon b, boolean update) {
        NlWriter w = NlWriter.genl(update ? Uapi.NL80211_CMD_SET_BEACON : Uapi.NL80211_CMD_START_AP, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex)
                .attr(Uapi.NL80211_ATTR_BEACON_HEAD, b.head()).attr(Uapi.NL80211_ATTR_BEACON_TAIL, b.tail());
        nonEmpty(w, Uapi.NL80211_ATTR_IE, b.beaconIes());
        nonEmpty(w, Uapi.NL80211_ATTR_IE_PROBE_RESP, b.probeRespIes());
        nonEmpty(w, Uapi.NL80211_ATTR_IE_ASSOC_RESP, b.assocRespIes());
        if (!update) {
            w.u32(Uapi.NL80211_ATTR_BEACON_INTERVAL, b.beaconInt()).u32(Uapi.NL80211_ATTR_DTIM_PERIOD, b.dtimPeriod())
                    .attr(Uapi.NL80211_ATTR_SSID, b.ssid().octets()).u32(Uapi.NL80211_ATTR_HIDDEN_SSID, b.hiddenSsid())
                    .u32(Uapi.NL80211_ATTR_AUTH_TYPE, Uapi.NL80211_AUTHTYPE_OPEN_SYSTEM);
            if (b.freq() != 0) {
                w.u32(Uapi.NL80211_ATTR_WIPHY_FREQ, b.freq());
            }
            if (b.controlPortOwner()) {
                ownControlPort(w);
            }
            if (b.rsn()) {
                w.flag(Uapi.NL80211_ATTR_PRIVACY).u32(Uapi.NL80211_ATTR_WPA_VERSIONS, Uapi.NL80211_WPA_VERSION_2)
                        .u32(Uapi.NL80211_ATTR_CIPHER_SUITES_PAIRWISE, b.pairwise()).u32(Uapi.NL80211_ATTR_CIPHER_SUITE_GROUP, b.group());
                akmSuites(w, b.akms());
            }
        }
        return w;
    }

    private static void nonEmpty(NlWriter w, int type, Bytes value) {
        if (!value.isEmpty()) {
            w.attr(type, value);
        }
    }

    public void stopAp(int ifindex) throws NetlinkException {
        request(stopApRequest(ifindex), 0, "NL80211_CMD_STOP_AP");
    }

    public static NlWriter stopApRequest(int ifindex) {
        return NlWriter.genl(Uapi.NL80211_CMD_STOP_AP, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex);
    }

    /**
     * A management frame registration: the frame control value (type and subtype) and the leading body
     * octets a frame must start with (for Action frames: category, action); empty matches every frame of the type.
     * cfg80211 refuses a registration whose match is a prefix of another's on the same interface (EALREADY).
     */
    public record FrameMatch(int frameType, Bytes match) {
        /** Every frame of {@code frameType}. */
        public static FrameMatch all(int frameType) {
            return new FrameMatch(frameType, Bytes.EMPTY);
        }
    }

    /** NL80211_CMD_REGISTER_FRAME for each of {@code matches}: from now on they come to this socket. */
    public void registerFrames(int ifindex, List<FrameMatch> matches) throws NetlinkException {
        for (FrameMatch m : matches) {
            request(registerFrameRequest(ifindex, m), 0, String.format("NL80211_CMD_REGISTER_FRAME 0x%04x %s", m.frameType(), m.match().toHex()));
        }
    }

    static NlWriter registerFrameRequest(int ifindex, FrameMatch m) {
        return NlWriter.genl(Uapi.NL80211_CMD_REGISTER_FRAME, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex).u16(Uapi.NL80211_ATTR_FRAME_TYPE, m.frameType())
                .attr(Uapi.NL80211_ATTR_FRAME_MATCH, m.match());
    }

    /** NL80211_CMD_FRAME on the operating channel; the TX status comes as NL80211_CMD_FRAME_TX_STATUS on mlme. */
    public void sendFrame(int ifindex, Bytes frame, boolean noAck) throws NetlinkException {
        NlWriter w = NlWriter.genl(Uapi.NL80211_CMD_FRAME, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex).attr(Uapi.NL80211_ATTR_FRAME, frame);
        if (noAck) {
            w.flag(Uapi.NL80211_ATTR_DONT_WAIT_FOR_ACK);
        }
        request(w, 0, "NL80211_CMD_FRAME");
    }

    /** NL80211_CMD_NEW_STATION: an associated station (AID, listen interval, rates in 500 kbps, capability). */
    public void newStation(int ifindex, MacAddress sta, int aid, int listenInterval, byte[] rates, int capability, long flagsMask, long flagsSet)
            throws NetlinkException {
        request(newStationRequest(ifindex, sta, aid, listenInterval, rates, capability, flagsMask, flagsSet), 0, "NL80211_CMD_NEW_STATION");
    }

    static NlWriter newStationRequest(int ifindex, MacAddress sta, int aid, int listenInterval, byte[] rates, int capability, long flagsMask,
            long flagsSet) {
        NlWriter w = NlWriter.genl(Uapi.NL80211_CMD_NEW_STATION, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex).attr(Uapi.NL80211_ATTR_MAC, sta.octets())
                .u16(Uapi.NL80211_ATTR_STA_AID, aid).u16(Uapi.NL80211_ATTR_STA_LISTEN_INTERVAL, listenInterval)
                .attr(Uapi.NL80211_ATTR_STA_SUPPORTED_RATES, rates).u16(Uapi.NL80211_ATTR_STA_CAPABILITY, capability);
        if (flagsMask != 0) {
            w.attr(Uapi.NL80211_ATTR_STA_FLAGS2, flagsUpdate(flagsMask, flagsSet));
        }
        return w;
    }

    public void delStation(int ifindex, MacAddress sta) throws NetlinkException {
        request(NlWriter.genl(Uapi.NL80211_CMD_DEL_STATION, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex).attr(Uapi.NL80211_ATTR_MAC, sta.octets()), 0,
                "NL80211_CMD_DEL_STATION");
    }

    /**
     * NL80211_CMD_SET_KEY: group key {@code idx} becomes the default for group-addressed TX. Indices 4 and 5
     * are IGTKs, 6 and 7 BIGTKs (KeyParams admits them for nothing else): as driver_nl80211's set_key, an IGTK
     * gets KEY_DEFAULT_MGMT, the key mac80211 signs group-addressed robust management frames with (BIP), and a
     * BIGTK KEY_DEFAULT_BEACON, the key mac80211 adds a BIP MME to every Beacon with.
     */
    public void setDefaultGroupKey(int ifindex, int idx) throws NetlinkException {
        request(defaultGroupKeyRequest(ifindex, idx), 0, "NL80211_CMD_SET_KEY");
    }

    static NlWriter defaultGroupKeyRequest(int ifindex, int idx) {
        NlWriter w = NlWriter.genl(Uapi.NL80211_CMD_SET_KEY, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex);
        if (idx >= 6) {
            // there is no top-level ATTR_KEY_DEFAULT_BEACON: the kernel reads it only inside ATTR_KEY, as hostapd 2.10 sends it
            return w.nestStart(Uapi.NL80211_ATTR_KEY).u8(Uapi.NL80211_KEY_IDX, idx).flag(Uapi.NL80211_KEY_DEFAULT_BEACON)
                    .nestStart(Uapi.NL80211_KEY_DEFAULT_TYPES).flag(Uapi.NL80211_KEY_DEFAULT_TYPE_MULTICAST).nestEnd().nestEnd();
        }
        w.u8(Uapi.NL80211_ATTR_KEY_IDX, idx);
        if (idx >= 4) {
            return w.flag(Uapi.NL80211_ATTR_KEY_DEFAULT_MGMT);
        }
        return w.flag(Uapi.NL80211_ATTR_KEY_DEFAULT).nestStart(Uapi.NL80211_ATTR_KEY_DEFAULT_TYPES).flag(Uapi.NL80211_KEY_DEFAULT_TYPE_MULTICAST)
                .nestEnd();
    }

    /**
     * NL80211_CMD_GET_KEY: the key's current TX sequence counter (PN/TSC; for an IGTK at index 4/5 or a BIGTK
     * at 6/7 its 6-octet IPN/BIPN), octets in the kernel's order.
     */
    public Bytes keySeq(int ifindex, MacAddress peer, int idx) throws NetlinkException {
        try {
            return keySeqOf(request(getKeyRequest(ifindex, peer, idx), 0, "NL80211_CMD_GET_KEY").get(0).genlAttrs());
        } catch (MalformedFrameException | IndexOutOfBoundsException e) {
            throw new NetlinkException("NL80211_CMD_GET_KEY: malformed reply", 71, "");
        }
    }

    static NlWriter getKeyRequest(int ifindex, MacAddress peer, int idx) {
        NlWriter w = NlWriter.genl(Uapi.NL80211_CMD_GET_KEY, 0).u32(Uapi.NL80211_ATTR_IFINDEX, ifindex).u8(Uapi.NL80211_ATTR_KEY_IDX, idx);
        if (peer != null) {
            w.attr(Uapi.NL80211_ATTR_MAC, peer.octets());
        }
        return w;
    }

    /** The sequence counter of a GET_KEY reply: ATTR_KEY_SEQ, or KEY_SEQ inside ATTR_KEY; empty when neither. */
    static Bytes keySeqOf(List<NlAttr> reply) throws MalformedFrameException {
        Optional<NlAttr> seq = NlAttr.find(reply, Uapi.NL80211_ATTR_KEY_SEQ);
        if (seq.isEmpty()) {
            Optional<NlAttr> key = NlAttr.find(reply, Uapi.NL80211_ATTR_KEY);
            if (key.isPresent()) {
                seq = NlAttr.find(key.get().nested(), Uapi.NL80211_KEY_SEQ);
            }
        }
        return seq.map(NlAttr::value).orElse(Bytes.EMPTY);
    }
}
